import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeLetter } from '../src/compose/compose-letter.js';
import { loadWorkspace } from '../src/load/load-workspace.js';
import { REPO, runCli, tempWorkspace } from './helpers/workspace.js';

/** pdftotext's reading of a PDF, bidi marks dropped and whitespace collapsed. */
const pdfText = (pdf: string): string =>
  execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })
    .replace(/[\u202a-\u202e]/gu, '')
    .replace(/\s+/gu, ' ');

/**
 * Each text line of a PDF's first page where pdftotext -bbox-layout places it: its left and right
 * edges and its text without spaces, in drawing order (Arabic reversed: use it to find a line only).
 */
const pdfLines = (pdf: string): { xMin: number; xMax: number; text: string }[] =>
  [
    ...execFileSync('pdftotext', ['-bbox-layout', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' }).matchAll(
      /<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g,
    ),
  ].map((m) => ({
    xMin: Number(m[1]),
    xMax: Number(m[2]),
    text: [...m[3]!.matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(''),
  }));
/** The line holding `word` as drawn right to left (reversed). */
const drawn = (lines: ReturnType<typeof pdfLines>, word: string) =>
  lines.find((l) => l.text.includes([...word].reverse().join('')));

/** The bundled workspace with the New York mission reading Arabic first and Geneva Russian. */
function unLanguagesWorkspace(): string {
  const missions = readFileSync(join(REPO, 'missions.yaml'), 'utf8');
  const reading = (text: string, id: string, languages: string) => {
    const at = text.indexOf(`  - id: ${id}\n`);
    const line = text.indexOf('    languages:', at);
    return text.slice(0, line) + `    languages: ${languages}` + text.slice(text.indexOf('\n', line));
  };
  return tempWorkspace(REPO, {
    'missions.yaml': reading(
      reading(missions, 'dprk-un-mission-new-york', '[ar, en]'),
      'dprk-un-mission-geneva',
      '[ru, en]',
    ),
  });
}

describe('the 2018 letter in Arabic and Russian, the UN languages the bundle lacked', () => {
  const project = loadWorkspace(REPO).value;

  it('composes with each language conventions: UN Arabic months, the Russian date and dative address', () => {
    const ar = composeLetter(project, '2018-kim-jong-un', 'ar').value!.doc;
    const ru = composeLetter(project, '2018-kim-jong-un', 'ru').value!.doc;
    const date = (d: typeof ar) => d.blocks.find((b) => b.kind === 'date');
    expect(date(ar)).toEqual({ kind: 'date', text: '6 حزيران/يونيه 2018' });
    expect(date(ru)).toEqual({ kind: 'date', text: '6 июня 2018 г.' });
    const recipient = (d: typeof ar) => {
      const b = d.blocks.find((x) => x.kind === 'recipient');
      return b?.kind === 'recipient' ? b.lines.slice(0, 2) : [];
    };
    expect(recipient(ar)).toEqual([
      'فخامة السيد كيم جونغ أون',
      'رئيس لجنة شؤون الدولة في جمهورية كوريا الشعبية الديمقراطية',
    ]);
    expect(recipient(ru)[0]).toBe('Его Превосходительству господину Ким\u00a0Чен\u00a0Ыну');
    expect(ar.lang).toBe('ar');
    expect(ru.lang).toBe('ru-RU');
  });

  it('renders both: Arabic right to left in Noto Naskh with joined letters read back in logical order, Russian hyphenated', async () => {
    const out = join(tempWorkspace(), 'out');
    const r = await runCli(['render', '2018-kim-jong-un', '--lang', 'ar,ru', '--format', 'pdf,md,html', '--out', out], {
      cwd: REPO,
    });
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    const dir = join(out, '2018-kim-jong-un');
    const fonts = execFileSync('pdffonts', [join(dir, 'ar.pdf')], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoNaskhArabic/u);
    const ar = pdfText(join(dir, 'ar.pdf'));
    // Words in logical order, with their letters exact (pdftotext maps the joined forms back).
    expect(ar).toContain('فخامة الرئيس كيم جونغ أون');
    expect(ar).toContain('لجنة التحقيق التابعة للأمم المتحدة والمعنية بحقوق الإنسان');
    // The signature list's Latin names are isolated: the year stays in front of this one.
    expect(ar).toContain('1969 KAL Abductees’ Families');
    expect(readFileSync(join(dir, 'ar.pdf')).includes('/Lang (ar)')).toBe(true);
    expect(readFileSync(join(dir, 'ar.html'), 'utf8')).toMatch(/<html lang="ar" dir="rtl">/u);
    expect(readFileSync(join(dir, 'ar.md'), 'utf8')).toMatch(/^<div dir="rtl" lang="ar">/u);
    const ru = pdfText(join(dir, 'ru.pdf'));
    expect(ru).toContain('Уважаемый господин Председатель!');
    expect(readFileSync(join(dir, 'ru.pdf')).includes('/Lang (ru-RU)')).toBe(true);
  }, 240_000);

  it('delivers them: the cover note, fax sheet and e-mail in Arabic to New York and in Russian to Geneva', async () => {
    const ws = unLanguagesWorkspace();
    const r = await runCli(['-w', ws, 'deliver', '2018-kim-jong-un', '--today', '2026-12-01']);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    const packet = (m: string, f: string) => join(ws, 'out/2018-kim-jong-un/delivery', m, f);
    const arNote = pdfText(packet('dprk-un-mission-new-york', 'cover-note-ar.pdf'));
    expect(arNote).toContain('صاحب السعادة');
    expect(arNote).toContain('فخامة السيد كيم جونغ أون');
    expect(arNote).toContain('52');
    expect(arNote).toContain('المنظمات');
    expect(arNote).toContain('الرسالة المفتوحة باللغة العربية');
    const arFax = pdfText(packet('dprk-un-mission-new-york', 'fax-cover-ar.pdf'));
    expect(arFax).toContain('عدد الصفحات');
    // Mirrored sheets: the cover note's lines end at the right margin, with its letterhead; the fax
    // field names stand right of their values.
    const note = pdfLines(packet('dprk-un-mission-new-york', 'cover-note-ar.pdf'));
    const margin = note[0]!.xMax;
    for (const word of ['صاحب', 'المرفقات', 'وتفضلوا']) expect(drawn(note, word)?.xMax).toBeCloseTo(margin, 0);
    const fax = pdfLines(packet('dprk-un-mission-new-york', 'fax-cover-ar.pdf'));
    const label = drawn(fax, 'رقم')!;
    const value = fax.find((l) => l.text.includes('3154'))!;
    expect(label.xMin).toBeGreaterThan(value.xMax);
    const ruNote = pdfText(packet('dprk-un-mission-geneva', 'cover-note-ru.pdf'));
    expect(ruNote).toContain('Ваше Превосходительство!');
    expect(ruNote).toContain('адресованное Его Превосходительству господину Ким Чен Ыну');
    expect(ruNote).toContain('Под письмом стоят 52 подписи.');
    expect(ruNote).toMatch(/Открытое письмо \(русский язык, \d+ (страницы|страниц)\)/u);
    expect(pdfText(packet('dprk-un-mission-geneva', 'fax-cover-ru.pdf'))).toContain('Количество страниц (включая эту)');
    const manifest = JSON.parse(readFileSync(packet('dprk-un-mission-geneva', 'manifest.json'), 'utf8'));
    expect(JSON.stringify(manifest)).toContain('letter-ru.pdf');
  }, 240_000);
});
