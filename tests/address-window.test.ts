import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { coverNoteSheet } from '../src/deliver/pdf/cover-note-sheet.js';
import { envelopeSheet } from '../src/deliver/pdf/envelope-sheet.js';
import { DL_ENVELOPE, NO10_ENVELOPE } from '../src/model/address-windows.js';
import type { PaperSize, Project } from '../src/model/project.js';
import type { SheetDocument } from '../src/model/sheet-document.js';
import { renderSheetPdf } from '../src/render/pdf/render-sheet.js';
import { languageSetting } from '../src/text/language-setting.js';

/**
 * Where the recipient's address lands, read back from the PDF by pdftotext -bbox (not from the
 * layout code): every word of it inside the rectangle that shows through the window, whatever its
 * length; an address that cannot fit is refused, never drawn outside.
 */

const MM = 72 / 25.4;
const IN = 72;
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The windows, from the standards (points from the page's top-left corner):
 * - A4 cover note: DIN 5008 form B address field, 20 mm from the left, 45 mm from the top, 85 × 45 mm.
 * - Letter cover note: the US No. 10 window (7/8 in from the left and 1/2 in from the bottom of the
 *   4 1/8 in envelope, 4 1/2 × 1 1/8 in) on a Letter sheet folded in thirds, resting at the bottom of
 *   the envelope (its top 4 1/8 − 11/3 in below the envelope's top edge).
 * - DL envelope (220 × 110 mm): DIN 680 window, 20 mm from the left, 15 mm from the bottom, 90 × 45 mm.
 * - US No. 10 envelope (9 1/2 × 4 1/8 in): the window above, on the envelope itself.
 */
const WINDOW: Record<string, Box> = {
  'A4 cover note': { x: 20 * MM, y: 45 * MM, width: 85 * MM, height: 45 * MM },
  'Letter cover note': {
    x: 0.875 * IN,
    y: (4.125 - 0.5 - 1.125 - (4.125 - 11 / 3)) * IN,
    width: 4.5 * IN,
    height: 1.125 * IN,
  },
  'DL envelope': { x: 20 * MM, y: (110 - 15 - 45) * MM, width: 90 * MM, height: 45 * MM },
  'No. 10 envelope': { x: 0.875 * IN, y: (4.125 - 0.5 - 1.125) * IN, width: 4.5 * IN, height: 1.125 * IN },
};

const PROJECT = { locales: new Map() } as unknown as Project;
const EN = languageSetting(PROJECT, 'en');
const SENDER = {
  name: 'Coalition for Testing Windows',
  shortName: 'CTW',
  returnAddress: ['Box 12', 'Testville'],
  contactEmail: undefined,
};
const SHORT = ['Embassy of Exampleland', 'Quayside 7', 'Portville 2040', 'Farland'];
/** A line no window holds on one line at any size the address is set in: it must wrap, inside. */
const LONG = [
  'Permanent Mission of the Democratic Republic of Exampleland to the United Nations Office and other international organisations',
  'Rue de la Pépinière 1',
  '1202 Genève',
  'Suisse',
];
/** Six lines of that length cannot fit even at 7 pt. */
const TOO_LONG = Array.from({ length: 6 }, (_, i) => `${LONG[0]} (${i + 1}), ${LONG[0]}`);

function coverNote(paper: PaperSize, address: string[]): SheetDocument {
  return coverNoteSheet({
    paper,
    setting: EN,
    addressFonts: EN.fonts,
    sender: SENDER,
    postal: SENDER,
    recipient: address,
    date: '1 March 2020',
    subject: 'Open letter',
    body: 'We enclose the letter.',
    title: 'Cover note',
  });
}

function envelope(paper: PaperSize, address: string[]): SheetDocument {
  return envelopeSheet({
    spec: paper === 'A4' ? DL_ENVELOPE : NO10_ENVELOPE,
    sender: SENDER,
    address,
    setting: EN,
    senderFonts: EN.fonts,
    title: 'Envelope',
  });
}

const SHEETS: [string, (address: string[]) => SheetDocument][] = [
  ['A4 cover note', (a) => coverNote('A4', a)],
  ['Letter cover note', (a) => coverNote('Letter', a)],
  ['DL envelope', (a) => envelope('A4', a)],
  ['No. 10 envelope', (a) => envelope('Letter', a)],
];

const dir = mkdtempSync(join(tmpdir(), 'openletter-window-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** The words of the first page with their boxes, as pdftotext -bbox reads them. */
function words(bytes: Buffer, name: string): Word[] {
  const pdf = join(dir, `${name}.pdf`);
  writeFileSync(pdf, bytes);
  const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
  return [
    ...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
  ].map((m) => ({
    text: (m[5] ?? '')
      .replace(/&amp;/g, '&')
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"'),
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
  }));
}

/** The words of the address that occur nowhere else on its sheet. */
function ownWords(address: string[]): Set<string> {
  const own = new Set(address.join(' ').split(/\s+/));
  for (const other of [SENDER.name, ...SENDER.returnAddress, 'We enclose the letter.', 'Open letter', '1 March 2020'])
    for (const w of other.split(/\s+/)) own.delete(w);
  return own;
}

const inside = (w: Word, b: Box): boolean =>
  w.xMin >= b.x - 0.5 && w.xMax <= b.x + b.width + 0.5 && w.yMin >= b.y - 0.5 && w.yMax <= b.y + b.height + 0.5;

describe.each(SHEETS)('the address on the %s', (name, sheet) => {
  const window = WINDOW[name] as Box;

  it.each([
    ['a short address', SHORT],
    ['an address with a line too long for the window, which wraps', LONG],
  ])('%s: every word of it lies inside the window', async (_, address) => {
    const rendered = await renderSheetPdf(sheet(address), new Date('2020-03-01T00:00:00Z'));
    expect(rendered.overflow).toEqual([]);
    const own = ownWords(address);
    const found = words(rendered.bytes, `${name}-${address.length}`).filter((w) => own.has(w.text));
    // Every word was drawn (none left out), each where the window shows it.
    expect(new Set(found.map((w) => w.text))).toEqual(own);
    for (const w of found)
      expect(inside(w, window), `"${w.text}" at ${w.xMin},${w.yMin}–${w.xMax},${w.yMax}`).toBe(true);
    if (address === LONG) {
      const first = found.filter((w) => LONG[0]?.split(' ').includes(w.text));
      // The long line wrapped: its words stand on more than one line.
      expect(new Set(first.map((w) => Math.round(w.yMin))).size).toBeGreaterThan(1);
    }
  });

  it('an address that does not fit even at 7 pt is reported, and nothing is drawn', async () => {
    const rendered = await renderSheetPdf(sheet(TOO_LONG), new Date('2020-03-01T00:00:00Z'));
    expect(rendered.bytes.length).toBe(0);
    expect(rendered.overflow).toHaveLength(1);
    expect(rendered.overflow[0]?.lines).toEqual(TOO_LONG);
    expect(rendered.overflow[0]?.wrapped.length).toBeGreaterThan(0);
    expect(rendered.overflow[0]?.needed).toBeGreaterThan(rendered.overflow[0]?.height ?? Infinity);
  });
});
