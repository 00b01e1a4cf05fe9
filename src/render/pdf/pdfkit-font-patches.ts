/// <reference types="pdfkit" />
import type { Font } from 'fontkit';
import { RIGHT_TO_LEFT, shapeRun, type ShapedGlyph } from '../../fonts/shape-run.js';
import { asPdfRun, featuredKey, type PdfRun, type ShapedRuns } from './measure-text.js';

/*
 * Patches of pdfkit's private font object (pdfkit 0.20.2 is pinned for them): a shaping cache shared
 * between documents, and glyph encoding that keeps text extraction exact and shapes RTL pieces.
 */

/** The private part of pdfkit's embedded font that holds shaped words (pdfkit 0.20.2). */
interface FontWithLayoutCache {
  layoutCache?: Record<string, unknown>;
  featuredRuns?: Map<string, PdfRun>;
}

/**
 * Makes the current font of `doc` draw from `runs`, the words measuring shaped (measure-text.ts),
 * so no word is shaped twice, in one document or across documents: pdfkit's private
 * `_font.layoutCache` (hence the pinned version) becomes `runs.plain`, and runs shaped with
 * OpenType features, which pdfkit would shape again on every draw, are taken from `runs.featured`
 * by {@link patchEncoding}. A no-op if pdfkit has no layout cache.
 */
export function shareLayoutCache(doc: PDFKit.PDFDocument, runs: ShapedRuns): void {
  const font = (doc as unknown as { _font?: FontWithLayoutCache })._font;
  if (font?.layoutCache === undefined) return;
  font.layoutCache = runs.plain;
  font.featuredRuns = runs.featured;
}

/** The private part of pdfkit's embedded font that shapes and encodes glyphs into its subset (pdfkit 0.20.2). */
interface EncodingFont {
  font: Font;
  scale: number;
  layoutRun(text: string, features?: unknown): PdfRun;
  layout(text: string, features?: unknown): { glyphs: ShapedGlyph[]; positions: unknown[] };
  subset: { glyphs: number[]; includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  encode(text: string, features?: unknown): [string[], unknown[]];
  distinctGlyphs?: Map<string, number>;
  featuredRuns?: Map<string, PdfRun>;
}

/**
 * Patches how the current font of `doc` turns text into glyphs (pdfkit's private `_font.encode`
 * and `layoutRun`):
 *
 * - Text is shaped by HarfBuzz (fonts/shape-run.ts), never by fontkit, which reads and subsets.
 * - Every (glyph, characters) pair gets its own subset glyph. Arabic fonts draw several letters
 *   with one glyph (the dotless body of ب ت ث ن ي, dots added as marks), and pdfkit maps each subset
 *   glyph to the first characters it drew, so extraction read ن for ت. A copy of the outline per
 *   reading keeps the ToUnicode map exact; glyphs that stand for one character are never copied.
 * - A piece drawn with `rtlm` (line-layout.ts: a right-to-left piece) is shaped right to left even
 *   when it holds only neutrals, its brackets mirrored (UAX #9 L4), still reading as the character
 *   written: "(" opens a parenthesis in Arabic too (see {@link RIGHT_TO_LEFT}).
 *
 * Same inputs, same copies: output stays deterministic.
 */
export function patchEncoding(doc: PDFKit.PDFDocument): void {
  const font = (doc as unknown as { _font?: EncodingFont })._font;
  if (font === undefined || font.distinctGlyphs !== undefined || typeof font.encode !== 'function') return;
  const copies = new Map<string, number>();
  font.distinctGlyphs = copies;
  // pdfkit's own shaping of a word (on a miss of the shared layout cache) and of featured text.
  font.layoutRun = function layoutRun(text, features) {
    return asPdfRun(shapeRun(this.font, text, Array.isArray(features) ? features : []), this.scale);
  };
  font.encode = function encode(text, features) {
    const { glyphs, positions } = featured(this, text, features) ?? this.layout(text, features);
    const ids = glyphs.map((glyph) => {
      let gid = this.subset.includeGlyph(glyph.id);
      const reads = this.unicode[gid];
      if (reads !== undefined && reads.join() !== glyph.codePoints.join()) {
        const key = `${glyph.id}:${glyph.codePoints.join()}`;
        let copy = copies.get(key);
        if (copy === undefined) {
          this.subset.glyphs.push(glyph.id);
          copies.set(key, (copy = this.subset.glyphs.length - 1));
        }
        gid = copy;
      }
      this.widths[gid] ??= glyph.advanceWidth * this.scale;
      this.unicode[gid] ??= glyph.codePoints;
      return `0000${gid.toString(16)}`.slice(-4);
    });
    return [ids, positions];
  };
}

/** The run measuring shaped `text` into with `features`, if it did (see {@link shareLayoutCache}). */
function featured(font: EncodingFont, text: string, features: unknown): PdfRun | undefined {
  if (!Array.isArray(features) || features.length === 0) return undefined;
  return font.featuredRuns?.get(featuredKey(features as string[], text));
}
