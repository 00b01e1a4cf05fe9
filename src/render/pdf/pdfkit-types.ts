/// <reference types="pdfkit" />
import type { Font } from 'fontkit';
import { mirroredCharacter } from './bidi.js';

/**
 * Where @types/pdfkit 0.17 lags pdfkit 0.20.2 (pinned): the augmentation and the narrow casts live
 * here and nowhere else.
 */
declare global {
  namespace PDFKit.Mixins {
    interface PDFFont {
      /** pdfkit 0.20 accepts an already parsed fontkit Font (from the same fontkit copy it imports). */
      registerFont(name: string, src: Font): this;
    }
    interface AnnotationOption {
      /** Tagged PDF: the structure element (a Link) the annotation belongs to. */
      structParent?: PDFKit.PDFStructureElement;
    }
  }
}

/** The pdfkit document class, as loaded lazily with `await import('pdfkit')`. */
export type PdfDocumentClass = new (options?: PDFKit.PDFDocumentOptions) => PDFKit.PDFDocument;

/**
 * Creates a document with no default font. pdfkit treats `font: null` as "none", so it neither
 * loads Helvetica's metrics nor can it draw anything in Helvetica before we choose an embedded font;
 * the typings only allow a string there.
 */
export function createPdfDocument(
  PDFDocument: PdfDocumentClass,
  options: Omit<PDFKit.PDFDocumentOptions, 'font'>,
): PDFKit.PDFDocument {
  return new PDFDocument({ ...options, font: null as unknown as string });
}

/** What differs between openletter's PDFs (letters, sheets); the rest is the same for all. */
export interface TaggedPdfSetting {
  size: [number, number];
  margins: { top: number; bottom: number; left: number; right: number };
  lang: string;
  title: string;
  author: string | undefined;
  /** Left out of the document info when undefined. */
  subject: string | undefined;
  /** Creation and modification date: fixed by the caller, so the same inputs give the same bytes. */
  date: Date;
}

/**
 * A tagged PDF 1.7 in the document's language, its title shown in the viewer, pages buffered
 * (running lines and page numbers are drawn after layout): the one set of options every PDF we
 * write is opened with.
 */
export function createTaggedPdf(PDFDocument: PdfDocumentClass, s: TaggedPdfSetting): PDFKit.PDFDocument {
  return createPdfDocument(PDFDocument, {
    size: s.size,
    margins: s.margins,
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    lang: s.lang,
    displayTitle: true,
    info: {
      Title: s.title,
      Author: s.author,
      ...(s.subject !== undefined ? { Subject: s.subject } : {}),
      Creator: 'openletter',
      CreationDate: s.date,
      ModDate: s.date,
    },
  });
}

/** The private part of pdfkit's embedded font that holds shaped words (pdfkit 0.20.2). */
interface FontWithLayoutCache {
  layoutCache?: Record<string, unknown>;
}

/**
 * Makes the current font of `doc` use `shared` as its cache of shaped words, so later documents
 * reuse the shaping of earlier ones; the first document's cache becomes the shared one. Relies on
 * pdfkit's private `_font.layoutCache` (hence the pinned version); a no-op if that field is absent.
 */
export function shareLayoutCache(
  doc: PDFKit.PDFDocument,
  shared: Map<string, Record<string, unknown>>,
  key: string,
): void {
  const font = (doc as unknown as { _font?: FontWithLayoutCache })._font;
  if (font?.layoutCache === undefined) return;
  const cache = shared.get(key);
  if (cache === undefined) shared.set(key, font.layoutCache);
  else font.layoutCache = cache;
}

/** The bytes of a document once `end()` is called (pdfkit streams them in chunks). */
export function collectPdf(pdf: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
}

/** `SOURCE_DATE_EPOCH` (seconds since 1970, the reproducible-builds convention) as a date, if set. */
export function sourceDateEpoch(): Date | undefined {
  const epoch = process.env['SOURCE_DATE_EPOCH'];
  return epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : undefined;
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
    const { glyphs, positions } = rtl ? shapeRightToLeft(this, text, features) : this.layout(text, features);
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
