import type { LetterDocument } from '../../model/letter-document.js';
import { blockTexts } from './block-texts.js';
import { drawFooters } from './draw-footers.js';
import { drawPages, FontSelector } from './draw-pages.js';
import { paginateLetter } from './fit-ending.js';
import { structNode } from './flow.js';
import { findUncovered } from '../../fonts/font-library.js';
import { pageStyle } from './page-style.js';
import { collectPdf, createTaggedPdf } from './tagged-pdf.js';

/** Options for {@link renderPdf}. */
export interface RenderPdfOptions {
  /**
   * CreationDate and ModDate of the PDF (pdfkit derives the file /ID from them, so they decide
   * whether two renders are byte-identical). Default: `doc.date` at 00:00 UTC. The CLI passes the
   * date SOURCE_DATE_EPOCH pins (cli/source-date-epoch.ts).
   */
  date?: Date;
}

/** A rendered PDF and its number of pages, as the layout counted them. */
export interface RenderedPdf {
  bytes: Buffer;
  pages: number;
}

/**
 * Renders a letter to a tagged, print-ready PDF (A4 or US Letter) with the bundled fonts embedded
 * as subsets. The same document and date give byte-identical output.
 * @throws Error if a character is in no font of `doc.fonts` (the checker reports that first, so
 * reaching it is a bug), or for an unknown font id.
 */
export async function renderPdf(doc: LetterDocument, options: RenderPdfOptions = {}): Promise<RenderedPdf> {
  assertCovered(doc);
  const style = pageStyle(doc);
  const root = structNode('Document', undefined);
  const pages = paginateLetter(doc, style, root);
  // Loaded here, not at the top: pdfkit takes ~0.3 s to import and only rendering needs it.
  const { default: PDFDocument } = await import('pdfkit');
  const date = options.date ?? defaultDate(doc);
  const pdf = createTaggedPdf(PDFDocument, {
    size: [style.pageWidth, style.pageHeight],
    margins: { top: style.marginTop, bottom: style.marginBottom, left: style.marginLeft, right: style.marginRight },
    lang: doc.lang,
    title: doc.title,
    author: doc.author,
    subject: doc.subject,
    date,
  });
  const output = collectPdf(pdf);
  const fonts = new FontSelector(pdf);
  drawPages(pdf, fonts, pages, root);
  drawFooters(pdf, fonts, doc, style);
  pdf.end();
  return { bytes: await output, pages: pages.length };
}

function defaultDate(doc: LetterDocument): Date {
  const date = new Date(`${doc.date}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new Error(`letter date "${doc.date}" is not an ISO date (YYYY-MM-DD)`);
  return date;
}

/** pdfkit would draw an uncovered character as an empty box without a word, so refuse instead. */
function assertCovered(doc: LetterDocument): void {
  const problems = doc.blocks.flatMap((block, index) =>
    blockTexts(block).flatMap((text) =>
      findUncovered(text, doc.fonts).map(
        (u) =>
          `"${u.char}" (U+${u.codePoint.toString(16).toUpperCase().padStart(4, '0')}) in block ${index + 1} (${block.kind})`,
      ),
    ),
  );
  problems.push(...findUncovered(doc.pageLabel, doc.fonts).map((u) => `"${u.char}" in the page label`));
  problems.push(
    ...findUncovered(doc.countryAffix.before + doc.countryAffix.after, doc.fonts).map(
      (u) => `"${u.char}" in the country separator`,
    ),
  );
  if (problems.length > 0) {
    throw new Error(`no font in [${doc.fonts.join(', ')}] covers ${problems.join('; ')}`);
  }
}
