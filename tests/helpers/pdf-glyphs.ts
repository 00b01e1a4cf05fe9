import { inflateSync } from 'node:zlib';
import { create, type Font } from 'fontkit';

/** One embedded font of a PDF: its name (without the subset tag) and the embedded subset, opened. */
export interface EmbeddedFont {
  name: string;
  font: Font;
}

/**
 * The glyphs one text object (BT … ET) draws in one font, in order, as ids of the embedded subset:
 * pdfkit draws a piece of a line in one text object, moving to a new position (Tm) for each glyph
 * that the font's GPOS places off the baseline (Arabic dots, marks) and going on after it.
 */
export interface DrawnRun {
  font: EmbeddedFont;
  glyphs: number[];
}

/** The objects of a PDF as pdfkit writes them ("N 0 obj … endobj"): dictionary text and inflated stream. */
function pdfObjects(pdf: Uint8Array): Map<number, { dict: string; stream: Buffer | undefined }> {
  const bytes = Buffer.from(pdf);
  const text = bytes.toString('latin1');
  const objects = new Map<number, { dict: string; stream: Buffer | undefined }>();
  for (const m of text.matchAll(/(\d+) 0 obj\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const at = body.indexOf('stream\n');
    if (at < 0) {
      objects.set(Number(m[1]), { dict: body, stream: undefined });
      continue;
    }
    const from = start + at + 'stream\n'.length;
    const raw = bytes.subarray(from, text.indexOf('endstream', from));
    const dict = body.slice(0, at);
    objects.set(Number(m[1]), { dict, stream: dict.includes('/FlateDecode') ? inflateSync(raw) : raw });
  }
  return objects;
}

const ref = (dict: string, key: string): number | undefined => {
  const m = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : undefined;
};

/** The content stream of each page of a PDF, inflated, as text (latin1), in the order pdfkit writes the pages. */
export function pageContents(pdf: Uint8Array): string[] {
  const objects = pdfObjects(pdf);
  return [...objects.values()]
    .filter(({ dict }) => /\/Type \/Page\b/.test(dict))
    .map(({ dict }) => objects.get(ref(dict, 'Contents') ?? -1)?.stream?.toString('latin1') ?? '');
}

/**
 * Every glyph run the PDF's pages draw, in content-stream order, with the font it is drawn in: the
 * embedded TrueType subset (pdfkit numbers glyphs in it from 0), opened with fontkit so that a
 * glyph's outline can be compared with the original font's. The reading a text extractor makes
 * of the glyphs (ToUnicode) plays no part: this is what is printed.
 */
export function drawnGlyphRuns(pdf: Uint8Array): DrawnRun[] {
  const objects = pdfObjects(pdf);
  const fonts = new Map<number, EmbeddedFont>();
  const fontAt = (id: number): EmbeddedFont | undefined => {
    if (fonts.has(id)) return fonts.get(id);
    const type0 = objects.get(id)?.dict ?? '';
    const descendant = /\/DescendantFonts \[(\d+) 0 R\]/.exec(type0);
    const cid = descendant ? objects.get(Number(descendant[1]))?.dict : undefined;
    const descriptor = cid ? objects.get(ref(cid, 'FontDescriptor') ?? -1)?.dict : undefined;
    const file = descriptor ? objects.get(ref(descriptor, 'FontFile2') ?? -1)?.stream : undefined;
    const name = /\/BaseFont \/(?:[A-Z]{6}\+)?([^\s/]+)/.exec(type0)?.[1];
    if (!file || !name) return undefined;
    const embedded = { name, font: create(file) as Font };
    fonts.set(id, embedded);
    return embedded;
  };
  const runs: DrawnRun[] = [];
  for (const { dict } of objects.values()) {
    if (!/\/Type \/Page\b/.test(dict)) continue;
    const contents = objects.get(ref(dict, 'Contents') ?? -1)?.stream?.toString('latin1') ?? '';
    const resources = objects.get(ref(dict, 'Resources') ?? -1)?.dict ?? dict;
    const fontDict = /\/Font <<([^>]*)>>/.exec(resources)?.[1] ?? '';
    const byName = new Map([...fontDict.matchAll(/\/(\S+) (\d+) 0 R/g)].map((m) => [m[1]!, Number(m[2])]));
    let run: DrawnRun | undefined;
    const end = () => {
      if (run?.glyphs.length) runs.push(run);
      run = undefined;
    };
    for (const op of contents.matchAll(/\/(\S+) [\d.]+ Tf|\[([^\]]*)\] TJ|<([0-9a-f]*)> Tj|\bET\b/g)) {
      if (op[0] === 'ET') end();
      else if (op[1] !== undefined) {
        end();
        const font = fontAt(byName.get(op[1]) ?? -1);
        if (font) run = { font, glyphs: [] };
      } else if (run) {
        const hex = [...(op[2] ?? `<${op[3]}>`).matchAll(/<([0-9a-f]*)>/g)].map((h) => h[1]!).join('');
        run.glyphs.push(...(hex.match(/.{4}/g)?.map((g) => parseInt(g, 16)) ?? []));
      }
    }
    end();
  }
  return runs;
}
