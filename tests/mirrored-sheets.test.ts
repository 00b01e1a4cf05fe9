import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checklistSheet } from '../src/deliver/pdf/checklist-sheet.js';
import { ListWords } from '../src/deliver/delivery-list-words.js';
import { coverNoteSheet } from '../src/deliver/pdf/cover-note-sheet.js';
import { envelopeSheet } from '../src/deliver/pdf/envelope-sheet.js';
import { faxCoverSheet } from '../src/deliver/pdf/fax-cover-sheet.js';
import { DL_ENVELOPE } from '../src/model/address-windows.js';
import type { DeliveryRow } from '../src/deliver/delivery-rows.js';
import type { Project } from '../src/model/project.js';
import type { SheetDocument } from '../src/model/sheet-document.js';
import { renderSheetPdf } from '../src/render/pdf/render-sheet.js';
import { languageSetting } from '../src/text/language-setting.js';

/**
 * The delivery sheets of a packet worded in a right-to-left language (an Arabic fixture) are set
 * like the Arabic letter: read back from the PDF (pdftotext, -bbox), their text comes out in logical
 * order and their lines end at the right edge of the mirrored frame; the address stays in the
 * envelope's window, right-aligned there.
 */

const MM = 72 / 25.4;
const A4_WIDTH = 210 * MM;
const AR = {
  ...languageSetting({ locales: new Map() } as unknown as Project, 'ar'),
  // As the bundled locales/ar/locale.yaml: Naskh, then Noto Serif and the CJK faces (the fax header's →).
  fonts: ['noto-naskh-arabic', 'noto-serif', 'noto-serif-kr', 'noto-serif-jp', 'noto-serif-sc'],
};
const SENDER = {
  name: 'التحالف الدولي لوقف الجرائم ضد الإنسانية',
  shortName: 'التحالف',
  returnAddress: ['صندوق البريد ١٢', 'عمّان'],
  contactEmail: undefined,
};
const ADDRESS = ['سفارة إكزامبلاند', 'شارع النيل ٧', 'القاهرة'];
const BODY = 'يشرفنا أن نرفق الرسالة المفتوحة.\n\nمع فائق الاحترام.';
const DATE = new Date('2020-03-01T00:00:00Z');

const dir = mkdtempSync(join(tmpdir(), 'openletter-mirrored-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function pdf(doc: SheetDocument, name: string): Promise<string> {
  const rendered = await renderSheetPdf(doc, DATE);
  expect(rendered.uncovered).toEqual([]);
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, rendered.bytes);
  return path;
}

/** pdftotext's reading (right-to-left lines in logical order), bidi marks dropped, spaces folded. */
function text(path: string): string {
  return execFileSync('pdftotext', ['-f', '1', '-l', '1', path, '-'], { encoding: 'utf8' })
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[ \t]+/g, ' ');
}

interface Line {
  text: string;
  left: number;
  right: number;
  top: number;
}

/**
 * The lines of the first page as pdftotext -bbox boxes them: the words (pdftotext cuts Arabic into
 * pieces) whose tops lie within 2 pt and with less than 8 pt between them joined (a fax field's name
 * and its value, 4 mm apart, stay two), top to bottom.
 */
function lines(path: string): Line[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', path, '-'], { encoding: 'utf8' });
  const words = [
    ...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g),
  ]
    .map((m) => ({ text: m[4] ?? '', left: Number(m[1]), top: Number(m[2]), right: Number(m[3]) }))
    .sort((a, b) => a.left - b.left);
  const all: Line[] = [];
  for (const w of words) {
    const line = all.find((l) => Math.abs(l.top - w.top) < 2 && w.left - l.right < 8);
    if (!line) all.push({ ...w });
    else {
      line.text += ` ${w.text}`;
      line.right = Math.max(line.right, w.right);
    }
  }
  return all.sort((a, b) => a.top - b.top || b.right - a.right);
}

const within = (all: Line[], from: number, to: number): Line[] => all.filter((l) => l.top >= from && l.top < to);

describe('sheets worded in Arabic are mirrored', () => {
  it('the cover note: text in logical order, lines flush right, the address right-aligned inside the window field', async () => {
    const path = await pdf(
      coverNoteSheet({
        paper: 'A4',
        setting: AR,
        addressFonts: AR.fonts,
        sender: SENDER,
        postal: SENDER,
        recipient: ADDRESS,
        date: '١ مارس ٢٠٢٠',
        subject: 'رسالة مفتوحة',
        body: BODY,
        title: 'Cover note',
      }),
      'cover-note-ar',
    );
    const read = text(path);
    for (const t of [SENDER.name, ...ADDRESS, 'رسالة مفتوحة', 'يشرفنا أن نرفق الرسالة المفتوحة.'])
      expect(read).toContain(t);
    const all = lines(path);
    const right = A4_WIDTH - 25 * MM;
    // The letterhead ends at the mirrored frame's right edge (the left margin of the LTR note: 25 mm).
    const head = within(all, 0, 45 * MM);
    expect(head.length).toBeGreaterThanOrEqual(2);
    for (const l of head) expect(l.right).toBeCloseTo(right, 0);
    // The address stays in the DIN 5008 field (20 mm + 85 mm from the left edge), flush with its right edge.
    const field = within(all, 45 * MM, 90 * MM);
    expect(field.length).toBe(1 + ADDRESS.length);
    for (const l of field) {
      expect(l.right).toBeCloseTo(105 * MM, 0);
      expect(l.left).toBeGreaterThan(20 * MM);
    }
    // The body: the date on the right, at the start side, like the letterhead (issue 15 item 1), then
    // every line ends at the right edge too.
    const [date, ...body] = within(all, 90 * MM, 297 * MM);
    expect(date?.text).toMatch(/٢٠٢٠/u);
    expect(date?.right).toBeCloseTo(right, 0);
    expect(date?.left).toBeGreaterThan(A4_WIDTH / 2);
    expect(body.length).toBeGreaterThanOrEqual(3);
    for (const l of body) expect(l.right).toBeCloseTo(right, 0);
  });

  it('the fax cover: field names in the right-hand column, their values left of it', async () => {
    const path = await pdf(
      faxCoverSheet({
        paper: 'A4',
        setting: AR,
        recipientFonts: AR.fonts,
        sender: SENDER,
        labels: {
          heading: 'فاكس',
          to: 'إلى',
          faxNumber: 'رقم الفاكس',
          from: 'من',
          replyTo: 'للرد',
          date: 'التاريخ',
          pages: 'الصفحات',
          subject: 'الموضوع',
        },
        to: ['سفارة إكزامبلاند'],
        faxNumber: '+20 2 0000 0000',
        date: '١ مارس ٢٠٢٠',
        pagesAfter: 3,
        ownPages: 1,
        subject: 'رسالة مفتوحة',
        message: BODY,
        title: 'Fax cover sheet',
      }),
      'fax-cover-ar',
    );
    const read = text(path);
    // A value without letters (the fax number) runs left to right, not reversed by the sheet's direction.
    expect(read).toMatch(/^\+20 2 0000 0000$/m);
    for (const t of ['فاكس', 'رقم الفاكس', 'سفارة إكزامبلاند', 'يشرفنا أن نرفق الرسالة المفتوحة.'])
      expect(read).toContain(t);
    const all = lines(path);
    const right = A4_WIDTH - 20 * MM;
    // The running header ("التحالف → … · 1 / 4") at the top, on the end side: the left.
    const [header, heading, ...rest] = all;
    expect(header?.top).toBeLessThan(12 * MM);
    expect(header?.left).toBeCloseTo(20 * MM, 0);
    expect(heading?.right).toBeCloseTo(right, 0);
    // Six fields (to, fax number, from, date, pages, subject): their names flush right in the 48 mm
    // column at the right; the values (the sender's name and return address on three lines) flush
    // with the right edge of the value column, left of it.
    const values = rest.filter((l) => Math.abs(l.right - (right - 48 * MM)) < 1);
    expect(values.length).toBe(8);
    const fieldsEnd = Math.max(...values.map((v) => v.top)) + 1;
    const labels = rest.filter((l) => l.top < fieldsEnd && l.left > right - 48 * MM && Math.abs(l.right - right) < 1);
    expect(labels.length).toBe(6);
    // The message below the fields, flush right.
    const message = rest.filter((l) => l.top > fieldsEnd);
    expect(message.length).toBeGreaterThanOrEqual(2);
    for (const l of message) expect(l.right).toBeCloseTo(right, 0);
  });

  it('the envelope: the return address in the top right corner, the address right-aligned in the window', async () => {
    const path = await pdf(
      envelopeSheet({
        spec: DL_ENVELOPE,
        sender: SENDER,
        address: ADDRESS,
        setting: AR,
        senderFonts: AR.fonts,
        title: 'Envelope',
      }),
      'envelope-ar',
    );
    const read = text(path);
    for (const t of [SENDER.name, ...ADDRESS]) expect(read).toContain(t);
    const all = lines(path);
    // The return address in the top right corner, 8 mm in.
    const back = within(all, 0, 30 * MM);
    expect(back.length).toBe(1 + SENDER.returnAddress.length);
    for (const l of back) expect(l.right).toBeCloseTo(212 * MM, 0);
    // DIN 680 window: 20 mm from the left, 90 mm wide; the address 4 mm inside it, flush right.
    const address = within(all, 50 * MM, 95 * MM);
    expect(address.length).toBe(ADDRESS.length);
    for (const l of address) {
      expect(l.right).toBeCloseTo(106 * MM, 0);
      expect(l.left).toBeGreaterThanOrEqual(24 * MM - 0.5);
    }
  });

  it('the checklist: the first column at the right edge, cells flush right', async () => {
    const row: DeliveryRow = {
      id: 'embassy-cairo',
      name: 'سفارة إكزامبلاند في القاهرة',
      nameLocal: '',
      city: 'القاهرة',
      country: 'EG',
      localFonts: undefined,
      refusal: undefined,
      address: ADDRESS,
      methods: ['post'],
      phone: '',
      fax: '',
      email: '',
      head: '',
      letters: ['ar'],
      wording: 'ar',
      files: ['cover-note-ar.pdf'],
      missing: [],
      check: [],
      verified: undefined,
    };
    // The English words (a delivery.yaml without delivery_list:): Latin headings, to find each column's box by its word.
    const english = new ListWords(
      { campaignId: 'c', listLanguage: 'ar', listSetting: AR, listTexts: undefined, listCountries: undefined },
      [],
    );
    const path = await pdf(
      checklistSheet({
        paper: 'A4',
        setting: AR,
        title: 'قائمة التسليم',
        subtitle: 'الحملة',
        words: english,
        author: SENDER.name,
        rows: [row],
      }),
      'checklist-ar',
    );
    expect(text(path)).toContain('سفارة إكزامبلاند في القاهرة');
    const all = lines(path);
    const right = 297 * MM - 12 * MM;
    // The title at the right edge; the heading row's first cell ("Mission") against it, inside 3 pt of padding.
    expect(all[0]?.right).toBeCloseTo(right, 0);
    const words = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', path, '-'], { encoding: 'utf8' });
    const box = (word: string): [number, number] => {
      const m = new RegExp(`xMin="([\\d.]+)" yMin="[\\d.]+" xMax="([\\d.]+)" yMax="[\\d.]+">${word}<`).exec(words);
      expect(m, word).not.toBeNull();
      return [Number(m?.[1]), Number(m?.[2])];
    };
    expect(box('Mission')[1]).toBeCloseTo(right - 3, 0);
    // Columns run right to left: "Delivered on" (eighth) left of "Files" (sixth), "Files" left of "Mission".
    expect(box('Delivered')[1]).toBeLessThan(box('Files')[0]);
    expect(box('Files')[1]).toBeLessThan(box('Mission')[0]);
  });
});
