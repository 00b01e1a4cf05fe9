import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocumentProxy } from 'unpdf';

/** pdf.js text items, with the marked-content boundaries it reports when asked. */
type ContentItem = { str?: string; hasEOL?: boolean; type?: string; tag?: string };

/**
 * The text of each page as a reader that follows the PDF's tags gets it: like unpdf's
 * `extractText` (items joined, a line feed after each line), except that a hyphen drawn at a
 * hyphenation break (an Artifact holding only the hyphen) is left out and the word joined across
 * the line end. Other artifacts (page footers) are kept, so the goldens show page numbering.
 */
export async function pdfPageTexts(pdf: Uint8Array): Promise<string[]> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const { items } = (await page.getTextContent({ includeMarkedContent: true })) as { items: ContentItem[] };
    const open: string[] = [];
    let text = '';
    for (const item of items) {
      if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') open.push(item.tag ?? '');
      else if (item.type === 'endMarkedContent') open.pop();
      else if (item.str !== undefined) {
        if (open.at(-1) === 'Artifact' && /^[-\u2010]$/u.test(item.str)) continue;
        text += item.str + (item.hasEOL === true ? '\n' : '');
      }
    }
    pages.push(text);
  }
  return pages;
}

/**
 * The text of each page as poppler's pdftotext reads it: right-to-left lines in logical order (pdf.js
 * gives the glyphs of an Arabic line in visual order, ligatures as placeholders), without the bidi
 * marks pdftotext wraps runs in. The golden text of a right-to-left letter.
 */
export function pdftotextPages(pdf: Uint8Array): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'openletter-pdftotext-'));
  try {
    const file = join(dir, 'letter.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    return text
      .replace(/[\u202a-\u202e]/gu, '')
      .split('\f')
      .slice(0, -1)
      .map((page) => page.replace(/\n{2,}/gu, '\n').replace(/^\n/u, ''));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
