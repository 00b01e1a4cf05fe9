import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LetterDocument } from '../src/model/letter-document.js';
import { shapeRun } from '../src/fonts/shape-run.js';
import { registerWorkspaceFont, workspaceFace } from '../src/fonts/workspace-fonts.js';
import { renderPdf } from '../src/render/pdf/render-pdf.js';
import { testLetter } from './helpers/letter-document.js';
import { pageContents } from './helpers/pdf-glyphs.js';
import { FIXTURE_FONTS } from './helpers/script-workspace.js';
import { UNSPACED } from './helpers/unspaced-texts.js';
import { REPO } from './helpers/workspace.js';

const require = createRequire(join(REPO, 'package.json'));

function workspaceFont(font: keyof typeof FIXTURE_FONTS, file: string): string {
  const face = registerWorkspaceFont({
    regular: { path: file, bytes: readFileSync(require.resolve(FIXTURE_FONTS[font])) },
  });
  if (!('id' in face)) throw new Error(`the ${font} fixture font does not load`);
  return face.id;
}

/** A one-paragraph letter's PDF, written to a temporary file for poppler. */
async function paragraphPdf(
  doc: Partial<LetterDocument>,
  ...texts: string[]
): Promise<{ file: string; bytes: Buffer }> {
  const { bytes } = await renderPdf(
    testLetter({ ...doc, blocks: texts.map((text) => ({ kind: 'paragraph', content: [{ kind: 'text', text }] })) }),
  );
  const file = join(mkdtempSync(join(tmpdir(), 'openletter-read-back-')), 'letter.pdf');
  writeFileSync(file, bytes);
  return { file, bytes };
}

/** pdftotext's reading of the first page's text without the footer (the page label, drawn last). */
function readBack(file: string): string[] {
  const lines = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.filter((l) => !/^1 ?\/ ?1$/.test(l));
}

/** A PDF literal string's characters (pdfkit writes non-ASCII text as UTF-16BE after a byte-order mark). */
function literal(escaped: string): string {
  const raw = escaped.replace(
    /\\([nrtbf\\()])/g,
    (_, c: string) => ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' })[c] ?? c,
  );
  const bytes = Buffer.from(raw, 'latin1');
  if (bytes[0] !== 0xfe || bytes[1] !== 0xff) return raw;
  return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
}

/** Each /ActualText span of a content stream, with the marked content it is nested in. */
function actualTexts(content: string): { text: string; inside: string[] }[] {
  const open: string[] = [];
  const spans: { text: string; inside: string[] }[] = [];
  for (const m of content.matchAll(/\/(\w+) <<([\s\S]*?)>> BDC|\/(\w+) BMC|^EMC$/gm)) {
    if (m[0] === 'EMC') {
      expect(open.pop(), 'an EMC closes nothing').toBeDefined();
      continue;
    }
    const dict = m[2] ?? '';
    const actual = /\/ActualText \(((?:\\[\s\S]|[^\\)])*)\)/.exec(dict);
    if (actual) spans.push({ text: literal(actual[1]!), inside: [...open] });
    open.push(m[3] ?? `${m[1]}${/\/MCID (\d+)/.exec(dict) ? ' MCID' : ''}`);
  }
  expect(open, 'marked content left open').toEqual([]);
  return spans;
}

describe.each(UNSPACED)('$lang read back from the PDF', ({ tag, font, file, text }) => {
  const fonts = [workspaceFont(font, file), 'noto-serif'];

  it('pdftotext reads the paragraph as it is written, though the glyphs drawn do not spell it', async () => {
    // The paragraph, then its first sentence alone: a line that is not justified.
    const sentence = text.split(/(?<=[.។။]) /)[0]!;
    const pdf = await paragraphPdf({ lang: tag, fonts }, text, sentence);
    const lines = readBack(pdf.file);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.at(-1)).toBe(sentence);
    // Every letter in order. pdftotext reads the gaps between words in a justified line as spaces,
    // so spaces are left out of the comparison of the rest.
    const letters = (t: string) => t.replace(/\s/g, '');
    expect(letters(lines.slice(0, -1).join(''))).toBe(letters(text));
  });

  it('each piece carries its text as /ActualText, inside its structure element’s marked content', async () => {
    const pdf = await paragraphPdf({ lang: tag, fonts }, text);
    const spans = pageContents(pdf.bytes).flatMap(actualTexts);
    expect(spans.length).toBeGreaterThan(3);
    // The pieces, in drawing order, spell the paragraph: all of it but "(ICRC)" when the script's
    // font has no Latin letters (then Noto Serif draws it, glyph by glyph as written).
    const letters = (t: string) => t.replace(/[\s()A-Z]/g, '');
    expect(letters(spans.map((s) => s.text).join(''))).toBe(letters(text));
    for (const span of spans) expect(span.inside).toEqual(['P MCID']);
  });
});

describe('text whose glyphs spell it', () => {
  it('a Latin, Korean or Arabic paragraph has no /ActualText: drawn as before', async () => {
    const letters: [Partial<LetterDocument>, string][] = [
      [{}, 'We write to you about the International Committee of the Red Cross (ICRC).'],
      [{ lang: 'ko', fonts: ['noto-serif-kr', 'noto-serif'] }, '국제적십자위원회(ICRC)의 방문을 허용해 주십시오.'],
      [
        { lang: 'ar', fonts: ['noto-naskh-arabic', 'noto-serif'] },
        'نطلب منكم السماح للجنة الدولية للصليب الأحمر بزيارة',
      ],
    ];
    for (const [doc, text] of letters) {
      const pdf = await paragraphPdf(doc, text);
      expect(pageContents(pdf.bytes).join('')).not.toContain('/ActualText');
    }
  });

  it('Lao ຳ after a plain າ reads ຳ: the second half of its glyphs stands for no character', () => {
    const lao = workspaceFace(workspaceFont('lao', 'fonts/NotoSansLao-Regular.ttf'), 'regular')!.font;
    expect(shapeRun(lao, 'ມາ').glyphs.map((g) => g.codePoints)).toEqual([[0x0ea1], [0x0eb2]]);
    expect(shapeRun(lao, 'ກຳ').glyphs.map((g) => g.codePoints)).toEqual([[0x0e81], [0x0eb3], []]);
  });
});
