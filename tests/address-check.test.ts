import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { measureAddress } from '../src/deliver/address-fit.js';
import { coverNoteSheet } from '../src/deliver/pdf/cover-note-sheet.js';
import { envelopeSheet } from '../src/deliver/pdf/envelope-sheet.js';
import {
  COVER_NOTE_ADDRESS,
  DL_ENVELOPE,
  ENVELOPE_ADDRESS,
  envelopeAddressBox,
  NO10_ENVELOPE,
  noteAddressBox,
  type AddressSetting,
  type Rect,
} from '../src/model/address-windows.js';
import type { PaperSize, Project } from '../src/model/project.js';
import type { SheetDocument } from '../src/model/sheet-document.js';
import { registerWorkspaceFont } from '../src/fonts/workspace-fonts.js';
import { memoryIo } from '../src/io/memory-io.js';
import { renderSheetPdf } from '../src/render/pdf/render-sheet.js';
import { languageSetting, type LanguageSetting } from '../src/text/language-setting.js';
import { FIXTURE_FONTS } from './helpers/script-workspace.js';
import { REPO, runCli } from './helpers/workspace.js';

/**
 * `check` measures every packet's address against its windows with the build's width table (no
 * fontkit); `deliver` plans with the same measure and refuses that packet before drawing. These
 * tests hold the measure to what the sheets really do, and the two commands to one verdict.
 */

const PROJECT = { locales: new Map() } as unknown as Project;
const SENDER = { name: 'Coalition', shortName: 'C', returnAddress: ['Box 12', 'Testville'], contactEmail: undefined };
const DATE = new Date('2020-03-01T00:00:00Z');

interface Sheet {
  name: string;
  doc: (address: string[], setting: LanguageSetting) => SheetDocument;
  box: Rect;
  setting: AddressSetting;
}

const note = (paper: PaperSize): Sheet => ({
  name: `${paper} cover note`,
  doc: (address, setting) =>
    coverNoteSheet({
      paper,
      setting,
      addressFonts: setting.fonts,
      sender: SENDER,
      postal: SENDER,
      recipient: address,
      date: '1 March 2020',
      subject: 'Open letter',
      body: 'We enclose the letter.',
      title: 'Cover note',
    }),
  box: noteAddressBox(paper),
  setting: COVER_NOTE_ADDRESS,
});
const envelope = (paper: PaperSize): Sheet => {
  const spec = paper === 'A4' ? DL_ENVELOPE : NO10_ENVELOPE;
  return {
    name: `${spec.id} envelope`,
    doc: (address, setting) =>
      envelopeSheet({ spec, sender: SENDER, address, setting, senderFonts: setting.fonts, title: 'Envelope' }),
    box: envelopeAddressBox(spec),
    setting: ENVELOPE_ADDRESS,
  };
};
const SHEETS = [note('A4'), note('Letter'), envelope('A4'), envelope('Letter')];

const LINE = 'Permanent Mission of the Democratic Republic of Exampleland to the United Nations Office at Geneva';
const KO_LINE = '예시국 주제네바 대표부 영사과 및 무역사무소, 제네바 국제기구 대표부 건물 3층 후문 배송 접수처';

/** Addresses from one short line up to far too many long ones: the verdict flips somewhere in each sheet. */
const ADDRESSES: [string, string, string[]][] = [
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((n): [string, string, string[]] => [
    'en',
    `${n} long lines`,
    Array.from({ length: n }, (_, i) => `${LINE} ${i + 1}`),
  ]),
  ...[2, 4, 6, 8, 10].map((n): [string, string, string[]] => [
    'en',
    `${n} short lines`,
    Array.from({ length: n }, (_, i) => `Quayside ${i + 1}`),
  ]),
  ...[1, 2, 3, 4, 5, 6].map((n): [string, string, string[]] => [
    'ko',
    `${n} Korean lines`,
    Array.from({ length: n }, () => KO_LINE),
  ]),
];

describe.each(SHEETS)('the measure of the $name', (sheet) => {
  it.each(ADDRESSES)('%s, %s: the same verdict, wraps and height as drawing', async (lang, _, address) => {
    const setting = languageSetting(PROJECT, lang);
    const measured = measureAddress(address, sheet.box, sheet.setting, setting.fonts);
    const drawn = await renderSheetPdf(sheet.doc(address, setting), DATE);
    const overflow = drawn.overflow[0];
    expect(measured.needed > measured.height, `needs ${measured.needed} of ${measured.height}`).toBe(
      overflow !== undefined,
    );
    if (overflow) {
      expect(measured.wrapped).toEqual(overflow.wrapped);
      expect(measured.needed).toBeCloseTo(overflow.needed, 6);
      expect(measured.height).toBeCloseTo(overflow.height, 6);
    }
  });
});

/** A font file a workspace brings, registered as loading does: its id then stands in a locale's stack. */
function workspaceFont(font: keyof typeof FIXTURE_FONTS, path: string): string {
  const bytes = readFileSync(createRequire(join(REPO, 'package.json')).resolve(FIXTURE_FONTS[font]));
  const registered = registerWorkspaceFont({ regular: { path, bytes } });
  if (!('id' in registered)) throw new Error(`fixture font ${font} unusable`);
  return registered.id;
}

const THAI = 'สถานเอกอัครราชทูตสาธารณรัฐตัวอย่าง ประจำประเทศไทย อาคารสาทรซิตี้ทาวเวอร์ ชั้น ๒๕ ถนนสาทรใต้ แขวงทุ่งมหาเมฆ';
const HEBREW = 'שגרירות הרפובליקה הדמוקרטית של ארץ הדוגמה בישראל, מגדל המוזיאון, רחוב ברקוביץ׳ 4, קומה 12, תל אביב-יפו';

describe.each(SHEETS)('the measure of the $name with a workspace font', (sheet) => {
  const fonts = {
    th: [workspaceFont('thai', 'fonts/NotoSansThai-Regular.ttf'), 'noto-serif'],
    he: [workspaceFont('hebrew', 'fonts/NotoSerifHebrew-Regular.ttf'), 'noto-serif'],
  };
  it.each([
    ...[1, 2, 4, 6, 8, 10].map((n): ['th' | 'he', number, string] => ['th', n, THAI]),
    ...[1, 2, 4, 6, 8, 10].map((n): ['th' | 'he', number, string] => ['he', n, HEBREW]),
  ])('%s, %i lines: the same verdict and height as drawing', async (lang, n, line) => {
    const setting = { ...languageSetting(PROJECT, lang), fonts: fonts[lang] };
    const address = Array.from({ length: n }, () => line);
    const measured = measureAddress(address, sheet.box, sheet.setting, setting.fonts);
    const drawn = await renderSheetPdf(sheet.doc(address, setting), DATE);
    const overflow = drawn.overflow[0];
    expect(measured.needed > measured.height, `needs ${measured.needed} of ${measured.height}`).toBe(
      overflow !== undefined,
    );
    if (overflow) {
      expect(measured.wrapped).toEqual(overflow.wrapped);
      expect(measured.needed).toBeCloseTo(overflow.needed, 6);
    }
  });
});

/** tests/errors/address-too-long.yaml's workspace, delivering to a second mission whose address fits. */
function overlongWorkspace(): Record<string, string> {
  const c = parse(readFileSync(join(REPO, 'tests', 'errors', 'address-too-long.yaml'), 'utf8')) as {
    files: Record<string, string>;
  };
  const campaign = 'campaigns/2020-test-letter.yaml';
  const paris = [
    '  - id: embassy-paris',
    '    kind: embassy',
    '    name: Embassy of Exampleland in Paris',
    '    city: Paris',
    '    country: FR',
    '    address: [Embassy of Exampleland, 1 rue d’Essai, 75008 Paris, France]',
    '    languages: [en]',
    '    status: open',
    '    head_of_mission: null',
    '    sources: [{ url: "https://example.org/paris", date: "2026-01-10", supports: address }]',
    '    verified: 2026-01-10',
  ];
  return {
    ...c.files,
    [campaign]: c.files[campaign]!.replace('missions: [embassy-london]', 'missions: [embassy-london, embassy-paris]'),
    'missions.yaml': `${c.files['missions.yaml']!.trimEnd()}\n${paris.join('\n')}\n`,
  };
}

/**
 * The command run in memory on `files`; what `deliver` writes goes to disk (the Io reads, the output
 * folder is written in place), so the Io's folder is a fresh temporary one.
 */
const json = async (args: string[], files: Record<string, string>) => {
  const cwd = mkdtempSync(join(tmpdir(), 'openletter-address-'));
  const io = memoryIo({ files, cwd, env: { OPENLETTER_TODAY: '2026-11-23' } });
  const r = await runCli([...args, '--json'], { io });
  return { code: r.code, doc: JSON.parse(r.stdout) as Record<string, unknown>, io };
};
type Problem = { code: string; message: string; location?: { file: string; line: number; column: number } };
const tooLong = (doc: Record<string, unknown>) =>
  (doc['diagnostics'] as Problem[]).filter((d) => d.code === 'mission/address-too-long');

describe('an address too long for its windows', () => {
  it('check and deliver report it alike, at its line in missions.yaml; deliver refuses that packet only', async () => {
    const files = overlongWorkspace();
    const checked = await json(['check'], files);
    const delivered = await json(['deliver', '2020-test-letter'], files);
    expect(checked.code).toBe(1);
    expect(delivered.code).toBe(1);
    const found = tooLong(checked.doc);
    expect(found).toHaveLength(1);
    expect(found[0]!.location).toMatchObject({ file: 'missions.yaml', line: 9, column: 9 });
    expect(found[0]!.message).toMatch(
      /^mission "embassy-london" address\[1\]: .* \(this line wraps\); no packet made$/,
    );
    expect(tooLong(delivered.doc)).toEqual(found);
    // The other packet is written; the refused one is named, on the delivery list too.
    const result = delivered.doc as { out: string; packets: { mission: string }[]; refused: { mission: string }[] };
    expect(result.packets.map((p) => p.mission)).toEqual(['embassy-paris']);
    expect(result.refused.map((r) => r.mission)).toEqual(['embassy-london']);
    const out = join(delivered.io.cwd, result.out);
    expect(existsSync(join(out, 'embassy-paris', 'manifest.json'))).toBe(true);
    expect(existsSync(join(out, 'embassy-london'))).toBe(false);
    const list = readFileSync(join(out, 'delivery-list.csv'), 'utf8');
    const row = list.split('\n').find((l) => l.includes('Embassy of Exampleland in London'));
    expect(row).toMatch(/WITHHELD: .*do not deliver/);
    expect(row).toContain('mission/address-too-long');
  });

  it('a long line that wraps inside the window is no error', async () => {
    const files = overlongWorkspace();
    files['missions.yaml'] = files['missions.yaml']!.replace(
      /address:\n(\s+- .*\n)+/,
      `address:\n          - Embassy of Exampleland\n          - ${LINE}\n          - London W1 1AA\n          - United Kingdom\n`,
    );
    const checked = await json(['check'], files);
    expect(tooLong(checked.doc)).toEqual([]);
  });
});

it('every packet of the bundled campaigns fits its windows', async () => {
  const r = await runCli(['check', '--json']);
  expect(tooLong(JSON.parse(r.stdout) as Record<string, unknown>)).toEqual([]);
});
