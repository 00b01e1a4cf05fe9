/// <reference types="pdfkit" />
import { mirroredCharacter } from './bidi.js';
import { featuredKey, type PdfRun, type ShapedRuns } from './measure-text.js';

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

/** A shaped glyph as fontkit returns it. */
interface ShapedGlyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
}

/** The private part of pdfkit's embedded font that encodes glyphs into its subset (pdfkit 0.20.2). */
interface EncodingFont {
  font: {
    layout(
      text: string,
      features: unknown,
      script: undefined,
      language: undefined,
      direction: 'rtl',
    ): { glyphs: ShapedGlyph[]; positions: Record<string, number>[] };
    glyphForCodePoint(codePoint: number): ShapedGlyph;
  };
  layout(text: string, features?: unknown): { glyphs: ShapedGlyph[]; positions: unknown[] };
  subset: { glyphs: number[]; includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  scale: number;
  encode(text: string, features?: unknown): [string[], unknown[]];
  distinctGlyphs?: Map<string, number>;
  featuredRuns?: Map<string, PdfRun>;
}

/** The feature line-layout.ts draws right-to-left pieces with (see {@link patchEncoding}). */
const RIGHT_TO_LEFT = 'rtlm';

/**
 * Patches how the current font of `doc` turns text into glyphs (pdfkit's private `_font.encode`):
 *
 * - Every (glyph, characters) pair gets its own subset glyph. Arabic fonts draw several letters
 *   with one glyph (the dotless body of ب ت ث ن ي, dots added as marks), and pdfkit maps each subset
 *   glyph to the first characters it drew, so extraction read ن for ت. A copy of the outline per
 *   reading keeps the ToUnicode map exact; glyphs that stand for one character are never copied.
 * - A piece drawn with `rtlm` (line-layout.ts: a right-to-left piece) is shaped right to left even
 *   when it holds only neutrals, which fontkit would shape left to right, and a bracket the font
 *   does not mirror itself is drawn with its mirror glyph (UAX #9 L4), still reading as the
 *   character written: "(" opens a parenthesis in Arabic too.
 *
 * Same inputs, same copies: output stays deterministic.
 */
export function patchEncoding(doc: PDFKit.PDFDocument): void {
  const font = (doc as unknown as { _font?: EncodingFont })._font;
  if (font === undefined || font.distinctGlyphs !== undefined || typeof font.encode !== 'function') return;
  const copies = new Map<string, number>();
  font.distinctGlyphs = copies;
  font.encode = function encode(text, features) {
    const rtl = Array.isArray(features) && features.includes(RIGHT_TO_LEFT);
    const { glyphs, positions } = rtl
      ? shapeRightToLeft(this, text, features)
      : (featured(this, text, features) ?? this.layout(text, features));
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

/** pdfkit's layoutRun with the direction given, and unmirrored brackets mirrored. */
function shapeRightToLeft(
  font: EncodingFont,
  text: string,
  features: unknown,
): { glyphs: ShapedGlyph[]; positions: unknown[] } {
  const run = font.font.layout(text, features, undefined, undefined, 'rtl');
  const glyphs = run.glyphs.map((glyph) => {
    const [codePoint, more] = glyph.codePoints;
    if (codePoint === undefined || more !== undefined) return glyph;
    const mirror = mirroredCharacter(String.fromCodePoint(codePoint));
    if (mirror === undefined || font.font.glyphForCodePoint(codePoint).id !== glyph.id) return glyph;
    return Object.create(font.font.glyphForCodePoint(mirror.codePointAt(0) ?? 0), {
      codePoints: { value: glyph.codePoints },
    }) as ShapedGlyph;
  });
  // As pdfkit's layoutRun: positions in its 1000-unit space.
  run.positions.forEach((position, i) => {
    for (const key of Object.keys(position)) position[key]! *= font.scale;
    position.advanceWidth = (glyphs[i]?.advanceWidth ?? 0) * font.scale;
  });
  return { glyphs, positions: run.positions };
}
