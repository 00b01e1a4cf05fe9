import { unzipSync, zipSync, type Zippable } from 'fflate';

/** Rewrites of parts the docx package cannot write as needed, by part name ("word/styles.xml"). */
export type DocxPatches = Record<string, (xml: string) => string>;

/**
 * Make a .docx reproducible: the docx package stamps the creation and modification times with the
 * clock, and the zip entries with the current time. Both become the letter's date, so the same
 * inputs give byte-identical files (as the PDF does). `patches` rewrite other parts on the way.
 */
export function normalizeDocx(zip: Uint8Array, isoDate: string, patches: DocxPatches = {}): Uint8Array {
  const stamp = `${isoDate}T00:00:00Z`;
  // Zip entry times are DOS dates, 1980–2099 only; the document's own dates (core.xml) keep the real one.
  const year = Math.min(Math.max(Number(isoDate.slice(0, 4)), 1980), 2099);
  const mtime = new Date(`${year}${isoDate.slice(4)}T00:00:00Z`);
  const entries = unzipSync(zip);
  const out: Zippable = {};
  const edits: DocxPatches = {
    ...patches,
    'docProps/core.xml': (xml) =>
      xml.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${stamp}$2`),
  };
  for (const [name, data] of Object.entries(entries)) {
    const edit = Object.hasOwn(edits, name) ? edits[name] : undefined;
    const bytes = edit ? new TextEncoder().encode(edit(new TextDecoder().decode(data))) : data;
    out[name] = [bytes, { mtime, level: 6 }];
  }
  return zipSync(out);
}
