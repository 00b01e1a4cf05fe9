import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { create, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { layoutParagraph, type LayoutLine, type LayoutOptions } from '../src/render/pdf/line-layout.js';
import { visualOrder } from '../src/render/pdf/bidi.js';
import { drawnGlyphRuns } from './helpers/pdf-glyphs.js';
import { FIXTURE_FONTS, scriptWorkspace } from './helpers/script-workspace.js';
import { REPO, runCli } from './helpers/workspace.js';

const AR: LayoutOptions = {
  width: 300,
  fontSize: 11,
  fonts: ['noto-naskh-arabic', 'noto-serif'],
  lineBreak: 'normal',
  align: 'left',
  direction: 'rtl',
};

/** The pieces of a line left to right, as drawn. */
const drawn = (line: LayoutLine | undefined): string[] =>
  [...(line?.pieces ?? [])]
    .sort((a, b) => a.x - b.x)
    .map((p) => p.text.trim())
    .filter(Boolean);

/** pdftotext's reading of a PDF (it reorders right-to-left lines into logical order), bidi marks dropped. */
function extracted(pdf: string): string[] {
  return execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })
    .replace(/[\u202a-\u202e]/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** The words of a PDF's first page as pdftotext -bbox-layout places them, by line (top to bottom). */
function layoutLines(pdf: string): { text: string; xMin: number; xMax: number }[][] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
  return [...xml.matchAll(/<line [^>]*>([\s\S]*?)<\/line>/g)].map((line) =>
    [...line[1]!.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((w) => ({
      text: w[3]!,
      xMin: Number(w[1]),
      xMax: Number(w[2]),
    })),
  );
}

async function render(lng: string, fonts: Parameters<typeof scriptWorkspace>[1] = {}): Promise<string> {
  const ws = scriptWorkspace([lng], fonts);
  const check = await runCli(['-w', ws, 'check', '--json']);
  const errors = JSON.parse(check.stdout).diagnostics.filter((d: { severity: string }) => d.severity === 'error');
  expect(errors).toEqual([]);
  const r = await runCli(['-w', ws, 'render', '2020-test-letter', '--lang', lng, '--format', 'pdf,md,html']);
  expect(r.code).toBe(0);
  return join(ws, 'out/2020-test-letter');
}

describe('the bidi algorithm per line', () => {
  it('reverses runs from the highest level down (UAX #9 L2)', () => {
    // Arabic (1) with a Latin name (2) holding digits (2): the name stays in order, the rest flips.
    expect(visualOrder([1, 1, 2, 2, 1])).toEqual([4, 2, 3, 1, 0]);
    expect(visualOrder([0, 0, 0])).toEqual([0, 1, 2]);
    expect(visualOrder([0, 1, 1, 0])).toEqual([0, 2, 1, 3]);
  });

  it('sets an Arabic line from the right, Latin names and numbers inside it left to right', () => {
    const [line] = layoutParagraph([{ text: 'زيارة اللجنة الدولية (ICRC) في 2014 مرفقاً', style: 'regular' }], AR);
    expect(line).toBeDefined();
    const right = Math.max(...line!.pieces.map((p) => p.x + p.width));
    expect(right).toBeCloseTo(AR.width, 1);
    const order = drawn(line);
    // Left to right on the page: the last word first, the number and the acronym as written.
    expect(order[0]).toBe('مرفقاً');
    expect(order.at(-1)).toMatch(/^زيارة/);
    expect(order).toContain('ICRC');
    expect(order).toContain('2014');
    expect(order.indexOf('2014')).toBeLessThan(order.indexOf('ICRC'));
  });

  it('justifies right-to-left lines to both edges and leaves the last one on the right', () => {
    const text = 'نحثكم على دعوة اللجنة الدولية للصليب الأحمر إلى زيارة جميع أماكن الاحتجاز دون قيد أو شرط '.repeat(3);
    const lines = layoutParagraph([{ text, style: 'regular' }], { ...AR, align: 'justify' });
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      const content = line.pieces.filter((p) => p.text.trim() !== '');
      const left = Math.min(...content.map((p) => p.x));
      const right = Math.max(...content.map((p) => p.x + p.width));
      expect(right).toBeCloseTo(AR.width, 0);
      // A piece's trailing word space is its left side: the ink of a full line starts at 0.
      if (line !== lines.at(-1)) expect(left).toBeLessThanOrEqual(0.01);
      else expect(left).toBeGreaterThan(AR.width / 4);
    }
  });

  it('keeps the ZWNJ of Persian words (می‌خواهیم shapes apart from میخواهیم)', () => {
    const fa = { ...AR, width: 500 };
    const [withZwnj] = layoutParagraph([{ text: 'می‌خواهیم', style: 'regular' }], fa);
    const [without] = layoutParagraph([{ text: 'میخواهیم', style: 'regular' }], fa);
    expect(withZwnj?.pieces.map((p) => p.text).join('')).toBe('می‌خواهیم');
    expect(withZwnj?.pieces[0]?.width).not.toBeCloseTo(without?.pieces[0]?.width ?? 0, 2);
  });

  it('honours bidi isolates: a phone number after Arabic reads +1-212-972-3154, the isolates are not drawn', () => {
    const phone = '+1-212-972-3154';
    const visual = (text: string) =>
      drawn(layoutParagraph([{ text, style: 'regular' }], AR)[0])
        .join('')
        .replace(/[^+\d-]/g, '');
    // UAX #9 alone: after Arabic letters the digits are Arabic numbers and the hyphens right to left.
    expect(visual(`الفاكس: ${phone}، البريد`)).toBe('3154-972-212-1+');
    expect(visual(`الفاكس: \u2066${phone}\u2069، البريد`)).toBe(phone);
    const [line] = layoutParagraph([{ text: `الفاكس: \u2066${phone}\u2069، البريد`, style: 'regular' }], AR);
    expect(line!.pieces.some((p) => /[\u2066-\u2069]/u.test(p.text))).toBe(false);
  });

  it('leaves left-to-right text without right-to-left letters exactly as before (no bidi)', () => {
    const ltr = { ...AR, fonts: ['noto-serif'], direction: 'ltr' as const };
    const [line] = layoutParagraph([{ text: 'Visits by the ICRC (2014)', style: 'regular' }], ltr);
    expect(line?.pieces.map((p) => p.text)).toEqual(['Visits by the ICRC (2014)']);
    expect(line?.pieces[0]?.x).toBe(0);
  });
});

describe('right-to-left letters', () => {
  it('an Arabic letter in the bundled Naskh: pdftotext reads it in logical order, letters exact', async () => {
    const out = await render('ar');
    const pdf = join(out, 'ar.pdf');
    const lines = extracted(pdf);
    expect(lines).toContain('رئيس لجنة شؤون الدولة');
    expect(lines).toContain('السيد الرئيس كيم جونغ أون المحترم،');
    const opening = lines.find((l) => l.startsWith('نكتب إليكم بشأن الاحتجاز في'));
    // (pdftotext puts its own spaces around a number inside Arabic, as it does with Chromium's PDFs.)
    expect(opening?.replace(/\s+/g, ' ')).toMatch(
      /^نكتب إليكم بشأن الاحتجاز في ?12 ?مرفقاً على الأقل ?، ?وفقاً لتقرير لجنة التحقيق/,
    );
    expect(opening).toContain('2014');
    expect(lines.some((l) => l.includes('منظمة العمل الدولية'))).toBe(true);
    expect(lines.some((l) => l.includes('Open North Korea'))).toBe(true);
    expect(lines.some((l) => /^صفحة ?1 ?من ?1$/.test(l.replace(/\s+/g, ' ')))).toBe(true);
    // The date, the first line, stands on the right like the recipient block (issue 15 item 1).
    const words = [
      ...execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' }).matchAll(
        /<page width="([\d.]+)"|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"/g,
      ),
    ];
    const width = Number(words[0]![1]);
    const top = Math.min(...words.slice(1).map((w) => Number(w[3])));
    const first = words.slice(1).filter((w) => Number(w[3]) < top + 2);
    expect(Math.min(...first.map((w) => Number(w[2])))).toBeGreaterThan(width / 2);
    expect(Math.max(...first.map((w) => Number(w[4])))).toBeGreaterThan(width - 80);
    // The tag structure and the document carry the language.
    expect(readFileSync(pdf, 'latin1')).toContain('/Lang (ar)');
    expect(readFileSync(join(out, 'ar.html'), 'utf8')).toContain('<html lang="ar" dir="rtl">');
    const md = readFileSync(join(out, 'ar.md'), 'utf8');
    expect(md.startsWith('<div dir="rtl" lang="ar">\n\n# رسالة مفتوحة بشأن الاحتجاز\n')).toBe(true);
    expect(md.endsWith('\n\n</div>\n')).toBe(true);
  });

  it('an Arabic letter hangs its section number and bullets on the right, their text to their left', async () => {
    const ws = scriptWorkspace(['ar']);
    expect((await runCli(['-w', ws, 'render', '2020-test-letter', '--lang', 'ar,en', '--format', 'pdf'])).code).toBe(0);
    const pages = (lng: string) => layoutLines(join(ws, 'out/2020-test-letter', `${lng}.pdf`));
    const [ar, en] = [pages('ar'), pages('en')];
    // The text block's edges: A4 with 72 pt margins, as the justified lines reach them.
    const [left, right] = [72, 595.28 - 72];
    for (const lines of [ar, en]) {
      expect(Math.min(...lines.flat().map((w) => w.xMin))).toBeCloseTo(left, 0);
      expect(Math.max(...lines.flat().map((w) => w.xMax))).toBeCloseTo(right, 0);
    }
    // The numbered heading "1. الاحتجاز": the number at the right margin, the heading left of it.
    const heading = ar.find((line) => line.some((w) => /^(\.1|1\.)$/.test(w.text)))!;
    const number = heading.find((w) => /^(\.1|1\.)$/.test(w.text))!;
    expect(number.xMax).toBeCloseTo(right, 0);
    expect(heading.length).toBeGreaterThan(1);
    for (const w of heading.filter((w) => w !== number)) expect(w.xMax).toBeLessThan(number.xMin);
    // Each bullet stands just inside the right margin, and its item's text on the line is left of it.
    const bulleted = ar.filter((line) => line.some((w) => w.text === '•'));
    expect(bulleted).toHaveLength(2);
    for (const line of bulleted) {
      const bullet = line.find((w) => w.text === '•')!;
      expect(right - bullet.xMax).toBeGreaterThan(0);
      expect(right - bullet.xMax).toBeLessThan(11 * 0.6);
      expect(line.length).toBeGreaterThan(2);
      for (const w of line.filter((w) => w !== bullet)) expect(w.xMax).toBeLessThan(bullet.xMin);
    }
    // The English letter is the mirror image: number and bullets on the left, text to their right.
    const enNumber = en.flat().find((w) => /^1\.$/.test(w.text))!;
    expect(enNumber.xMin).toBeCloseTo(left, 0);
    for (const line of en.filter((l) => l.some((w) => w.text === '•'))) {
      const bullet = line.find((w) => w.text === '•')!;
      expect(bullet.xMin - left).toBeGreaterThan(0);
      expect(bullet.xMin - left).toBeLessThan(11 * 0.6);
      for (const w of line.filter((w) => w !== bullet)) expect(w.xMin).toBeGreaterThan(bullet.xMax);
    }
    // The page label is centred under the text block in both (mirroring leaves it in place), and
    // in Arabic its words run from the right: "صفحة" rightmost, the page count leftmost.
    const label = ar.at(-1)!;
    const centre = (label[0]!.xMin + label.at(-1)!.xMax) / 2;
    expect(centre).toBeCloseTo((left + right) / 2, 0);
    expect(label[0]!.text).toBe('1');
    expect(label.at(-1)!.text).not.toMatch(/\d/);
  });

  it('a Persian letter draws ی and ک in Persian forms and reads back with them', async () => {
    const lines = extracted(join(await render('fa'), 'fa.pdf'));
    expect(lines).toContain('رئیس کمیسیون امور دولتی');
    expect(lines).toContain('منتظر پاسخ شما هستیم.');
  });

  it('an Urdu letter: ے ں ہ ھ drawn in the joining forms the font gives each word, Urdu digits, logical order', async () => {
    const pdf = join(await render('ur', { 'fonts/NotoNaskhArabic-Regular.ttf': 'naskh' }), 'ur.pdf');
    const lines = extracted(pdf);
    expect(lines).toContain('ریاستی امور کمیشن کے چیئرمین');
    expect(lines).toContain('ہم آپ کے جواب کے منتظر ہیں۔');
    expect(lines.join(' ')).toContain('ہم اس سلسلے میں آپ کے ساتھ تعاون');
    // digits: arabext: the date and the page numbers in Urdu digits (U+06F0…), never Latin ones.
    const date = lines[0]!.replace(/[\u200e\u200f\u2066-\u2069]/gu, '');
    expect(date).toMatch(/۱/u);
    expect(date).toMatch(/۲۰۲۰/u);
    expect(date).not.toMatch(/[0-9]/);
    expect(lines.some((l) => /^۱ ?میں سے صفحہ ?۱$/u.test(l.replace(/\s+/g, ' ')))).toBe(true);
    // The section's number too (pdftotext sets its full stop on the other side).
    expect(lines.find((l) => l.includes('حراست') && l.length < 12)?.replace(/[^.\d۰-۹]/gu, '')).toMatch(
      /^(?:۱\.|\.۱)$/u,
    );

    // What is printed: each word's glyphs, read back from the embedded subset, are those fontkit
    // shapes the word into with the original font (initial, medial and final forms), not letters
    // shaped one by one.
    const original = create(
      readFileSync(createRequire(join(REPO, 'package.json')).resolve(FIXTURE_FONTS.naskh)),
    ) as Font;
    const outline = (font: Font, id: number) => font.getGlyph(id).path.toSVG();
    const drawn = drawnGlyphRuns(new Uint8Array(readFileSync(pdf)))
      .filter((r) => r.font.name === 'NotoNaskhArabic-Regular')
      .map((r) => r.glyphs.map((id) => outline(r.font.font, id)).join('|'));
    expect(drawn.length).toBeGreaterThan(10);
    for (const word of ['کے', 'میں', 'ہیں', 'ہم', 'ساتھ', 'ہے', 'چیئرمین', 'دیں', 'قیدیوں', 'سلسلے']) {
      const shaped = original.layout(word).glyphs;
      const isolated = [...word].map((c) => original.glyphForCodePoint(c.codePointAt(0)!).id).reverse();
      // The word joins: its shaped glyphs are not the letters' isolated ones.
      expect(shaped.map((g) => g.id)).not.toEqual(isolated);
      const forms = shaped.map((g) => outline(original, g.id)).join('|');
      expect(
        drawn.some((run) => run.includes(forms)),
        `${word} is not drawn as the font shapes it`,
      ).toBe(true);
      const letters = isolated.map((id) => outline(original, id)).join('|');
      expect(drawn.some((run) => run.includes(letters))).toBe(false);
    }
  });

  it('a Hebrew letter in a workspace font, with a Latin acronym and numbers', async () => {
    const lines = extracted(join(await render('he', { 'fonts/NotoSerifHebrew-Regular.ttf': 'hebrew' }), 'he.pdf'));
    expect(lines).toContain('יושב ראש ועדת ענייני המדינה');
    const text = lines.join(' ');
    expect(text).toContain('אנו פונים אליך בנושא המעצרים');
    expect(text).toMatch(/17 ?בפברואר ?2014|2014/);
    expect(text).toContain('COI');
    expect(text).toContain('אנו מצפים לתשובתך.');
  });
});
