import { unzipSync, zipSync, type Zippable } from 'fflate';

/**
 * Make a .docx reproducible: the docx package stamps the creation and modification times with the
 * clock, and the zip entries with the current time. Both become the letter's date, so the same
 * inputs give byte-identical files (as the PDF does).
 */
export function normalizeDocx(zip: Uint8Array, isoDate: string): Uint8Array {
  const stamp = `${isoDate}T00:00:00Z`;
  const mtime = new Date(stamp);
  const entries = unzipSync(zip);
  const out: Zippable = {};
  for (const [name, data] of Object.entries(entries)) {
    const bytes =
      name === 'docProps/core.xml'
        ? new TextEncoder().encode(
            new TextDecoder()
              .decode(data)
              .replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${stamp}$2`),
          )
        : data;
    out[name] = [bytes, { mtime, level: 6 }];
  }
  return zipSync(out);
}
