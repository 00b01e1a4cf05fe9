/**
 * The number of pages of a PDF, read from its page tree: the largest /Count of a /Type /Pages
 * dictionary (the root's, which counts every page). Works for PDFs without object streams, such as
 * pdfkit's; anything else is reported rather than guessed.
 * @throws Error if no page tree is found.
 */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  let count: number | undefined;
  for (const m of text.matchAll(/<<((?:(?!<<|>>)[\s\S])*?\/Type\s*\/Pages\b(?:(?!<<|>>)[\s\S])*?)>>/g)) {
    const c = /\/Count\s+(\d+)/.exec(m[1] ?? '');
    if (c) count = Math.max(count ?? 0, Number(c[1]));
  }
  if (count === undefined)
    throw new Error('no page tree found in the PDF (compressed object streams are not supported)');
  return count;
}
