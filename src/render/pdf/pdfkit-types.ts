/// <reference types="pdfkit" />
import type { Font } from 'fontkit';

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
