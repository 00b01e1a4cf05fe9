import type { LetterDocument } from '../../model/letter-document.js';
import { MUTED_COLOR, type FontSelector } from './draw-pages.js';
import { layoutParagraph } from './line-layout.js';
import { fillText } from './pdfkit-text.js';
import type { PageStyle } from './page-style.js';
import { languageInfo } from '../language-info.js';
import { formatDigits } from '../../text/digits.js';

/**
 * Writes the page label ("1 / 3") centred under the text on every page. Runs after all pages exist
 * (the document buffers pages) because `{pages}` is only known then. Footers are pagination
 * artifacts, not part of the letter's structure tree, so screen readers skip them.
 */
export function drawFooters(pdf: PDFKit.PDFDocument, fonts: FontSelector, doc: LetterDocument, style: PageStyle): void {
  const { start, count } = pdf.bufferedPageRange();
  for (let page = start; page < start + count; page++) {
    const label = doc.pageLabel
      .replaceAll('{page}', formatDigits(page + 1, doc.digits))
      .replaceAll('{pages}', formatDigits(count, doc.digits));
    const [line] = layoutParagraph([{ text: label, style: 'regular' }], {
      width: style.measure,
      fontSize: style.footerSize,
      fonts: doc.fonts,
      lineBreak: doc.lineBreak,
      align: 'center',
      direction: languageInfo(doc.lang).dir,
    });
    if (line === undefined) continue;
    pdf.switchToPage(page);
    pdf.markContent('Artifact', { type: 'Pagination' });
    for (const piece of line.pieces) {
      fonts.select(piece.face);
      fillText(pdf, piece, MUTED_COLOR, style.marginLeft + piece.x, style.footerBaseline);
    }
    pdf.endMarkedContent();
  }
}
