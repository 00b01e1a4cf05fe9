/// <reference types="pdfkit" />
import type { Font } from 'fontkit';

/**
 * Opening and collecting the PDFs openletter writes. Where @types/pdfkit 0.17 lags pdfkit 0.20.2
 * (pinned), the augmentation and the narrow casts live here; pdfkit's private parts are patched in
 * pdfkit-font-patches.ts.
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
function createPdfDocument(
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

/** The bytes of a document once `end()` is called (pdfkit streams them in chunks). */
export function collectPdf(pdf: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
}
