import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../src/load/load-workspace.js';
import { composeLetter } from '../src/compose/compose-letter.js';
import { formatDigits, numberingTag } from '../src/text/digits.js';
import { scriptWorkspace } from './helpers/script-workspace.js';
import { REPO, runCli } from './helpers/workspace.js';

const FIXTURE_LOCALE = readFileSync(join(REPO, 'tests/fixtures/scripts/ar/locale.yaml'), 'utf8');
const MINI_MISSIONS = readFileSync(join(REPO, 'tests/fixtures/mini/missions.yaml'), 'utf8');
const MINI_WORKSPACE = readFileSync(join(REPO, 'tests/fixtures/mini/workspace.yaml'), 'utf8');

/** The mini letter in Arabic, with `locale` lines added to its locale.yaml; the London embassy reads Arabic. */
function arabicWorkspace(locale: string): string {
  return scriptWorkspace(
    ['ar'],
    {},
    {
      // The CJK faces draw the fax header's arrow, which neither Naskh nor Noto Serif has.
      'locales/ar/locale.yaml': `${FIXTURE_LOCALE.replace('noto-serif]', 'noto-serif, noto-serif-kr]')}${locale}`,
      'locales/ar/delivery.yaml': readFileSync(join(REPO, 'locales/ar/delivery.yaml'), 'utf8'),
      // An Arabic packet names the mission and the coalition in Arabic (delivery/unlocalised).
      'missions.yaml': MINI_MISSIONS.replace(
        'languages: [en, ko]',
        'names: { ar: سفارة إكزامبلاند في لندن }\n    languages: [ar, en]',
      ),
      'workspace.yaml': MINI_WORKSPACE.replace('names: {', 'names: { ar: الائتلاف التجريبي لحقوق الإنسان,'),
    },
  );
}

const dateOf = (ws: string): string => {
  const b = composeLetter(loadWorkspace(ws).value, '2020-test-letter', 'ar').value!.doc.blocks[0]!;
  return b.kind === 'date' ? b.text : '';
};

/** pdftotext's reading of a PDF, without the bidi marks it adds and without whitespace. */
const pdfText = (pdf: string): string =>
  execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/[\u202a-\u202e\s]/gu, '');

describe('digits: in locale.yaml', () => {
  it('formats numbers in the numbering system it names, and leaves them to Intl without one', () => {
    expect(numberingTag('ar', 'arab')).toBe('ar-u-nu-arab');
    expect(numberingTag('ar-EG', undefined)).toBe('ar-EG');
    expect(formatDigits(2018, 'arab')).toBe('٢٠١٨');
    expect(formatDigits(12, 'arabext')).toBe('۱۲');
    expect(formatDigits(1234, 'latn')).toBe('1234');
  });

  it('arab: the date, the page numbers and the cover note count in Arabic-Indic digits', async () => {
    const ws = arabicWorkspace('digits: arab\n');
    expect(dateOf(ws)).toBe('١ مارس ٢٠٢٠');
    const r = await runCli(['-w', ws, 'render', '2020-test-letter', '--lang', 'ar', '--format', 'pdf']);
    expect(r.code).toBe(0);
    expect(pdfText(join(ws, 'out/2020-test-letter/ar.pdf'))).toContain('صفحة١من١');
    const d = await runCli(['-w', ws, 'deliver', '2020-test-letter', '--today', '2026-01-15']);
    expect(d.stderr).not.toMatch(/error/);
    const note = pdfText(join(ws, 'out/2020-test-letter/delivery/embassy-london/cover-note-ar.pdf'));
    // The letter's date and its number of signatories (four), as the locale writes digits.
    expect(note).toContain('١مارس٢٠٢٠');
    expect(note).toContain('٤منالمنظمات');
    expect(note).not.toMatch(/[0-9]منالمنظمات/u);
    const fax = pdfText(join(ws, 'out/2020-test-letter/delivery/embassy-london/fax-cover-ar.pdf'));
    expect(fax).toMatch(/[٠-٩]/u);
  });

  it('latn: Latin digits even for a tag whose Intl default is Arabic-Indic (ar-EG)', () => {
    const egyptian = FIXTURE_LOCALE.replace('tag: ar', 'tag: ar-EG');
    const plain = scriptWorkspace(['ar'], {}, { 'locales/ar/locale.yaml': egyptian });
    expect(dateOf(plain)).toBe('١ مارس ٢٠٢٠');
    const latin = scriptWorkspace(['ar'], {}, { 'locales/ar/locale.yaml': `${egyptian}digits: latn\n` });
    expect(dateOf(latin)).toBe('1 مارس 2020');
  });

  it('a numberingSystem in letter.yaml date wins over digits: for the date alone', () => {
    const letter = readFileSync(join(REPO, 'tests/fixtures/scripts/ar/letter.yaml'), 'utf8').replace(
      'date: { year: numeric, month: long, day: numeric }',
      'date: { year: numeric, month: long, day: numeric, numberingSystem: latn }',
    );
    const ws = scriptWorkspace(
      ['ar'],
      {},
      {
        'locales/ar/locale.yaml': `${FIXTURE_LOCALE}digits: arab\n`,
        'locales/ar/letter.yaml': letter,
      },
    );
    expect(dateOf(ws)).toBe('1 مارس 2020');
  });

  it('an unknown numbering system is a located schema error', async () => {
    const ws = arabicWorkspace('digits: roman\n');
    const r = await runCli(['-w', ws, 'check']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/locales\/ar\/locale\.yaml:\d+:\d+: error: .*digits.*\[schema\/invalid\]/u);
  });
});
