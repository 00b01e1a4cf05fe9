import type { PaperSize } from '../../model/project.js';
import type { SheetDocument, TableCell, ZoneLine } from '../../model/sheet-document.js';
import type { ListWords } from '../delivery-list-words.js';
import type { DeliveryRow } from '../delivery-rows.js';
import type { LanguageSetting } from '../../text/language-setting.js';
import { MM } from '../../model/address-windows.js';
import { PAPER } from '../../render/pdf/page-style.js';
import { sheetSetting } from './sheet-setting.js';
import { CHECKLIST_COLUMNS } from '../../model/delivery-arguments.js';

export interface ChecklistInput {
  paper: PaperSize;
  setting: LanguageSetting;
  title: string;
  /** The headings and cells' words in the list's language. */
  words: ListWords;
  /** Line under the title: campaign, date, counts, the day records were judged. */
  subtitle: string;
  author: string;
  rows: DeliveryRow[];
}

export type ChecklistColumn = (typeof CHECKLIST_COLUMNS)[number];

/** Each column's share of the table width. The last three are left empty to be filled by hand. */
const SHARES: Record<ChecklistColumn, number> = {
  mission: 0.15,
  address: 0.13,
  methods: 0.06,
  contact: 0.13,
  languages: 0.06,
  files: 0.11,
  missing: 0.15,
  delivered_on: 0.07,
  by: 0.07,
  received_by: 0.07,
};

const MARGIN = 12 * MM;
/** Cell text: small, so ten columns fit across a landscape page. */
const CELL = { size: 7, leading: 1.25 };

/**
 * The printable delivery checklist as a sheet document: landscape, the title and a line of counts
 * on the first page, then a table with one row per mission (its address, methods, contact,
 * languages, files and what is missing) and empty columns for "delivered on", "by" and "received
 * by". The heading row repeats on every page; rows never split across pages; every page is
 * numbered at its foot.
 */
export function checklistSheet(input: ChecklistInput): SheetDocument {
  // Landscape: the portrait sheet turned.
  const [pageHeight, pageWidth] = PAPER[input.paper];
  const width = pageWidth - 2 * MARGIN;
  // Rows stop above the page number.
  const frame = { x: MARGIN, width, top: MARGIN, bottom: pageHeight - MARGIN - 8 };
  const headings = input.words.headings();
  return {
    ...sheetSetting(input.setting, {
      title: input.title,
      author: input.author,
      subject: undefined,
      size: [pageWidth, pageHeight],
    }),
    fontSize: CELL.size,
    lineHeight: CELL.leading,
    first: {
      frame,
      zones: [
        { x: MARGIN, y: MARGIN, width, tag: 'H1', lines: [{ text: input.title, size: 12, bold: true }] },
        {
          x: MARGIN,
          y: undefined,
          gap: 1,
          width,
          tag: 'P',
          lines: [{ text: input.subtitle, size: 8, muted: true }],
        },
      ],
      gapBelowZones: 4 * MM,
      running: pageNumber(pageHeight),
    },
    later: { frame, zones: [], running: pageNumber(pageHeight) },
    body: {
      kind: 'table',
      table: {
        columns: CHECKLIST_COLUMNS.map((c) => SHARES[c] * width),
        heading: CHECKLIST_COLUMNS.map((c) => [{ text: headings[c], bold: true, ...CELL }]),
        rows: input.rows.map((r) => cellsOf(r, input.words)),
        pad: 3,
        // Room to write by hand.
        minRowHeight: 30,
      },
    },
  };
}

/** "2 / 5" at the foot of the page, on the end side. */
function pageNumber(pageHeight: number): SheetDocument['first']['running'] {
  return { text: '{page} / {pages}', y: pageHeight - MARGIN, top: true, size: 6.5, align: 'right', pagesBesides: 0 };
}

function cellsOf(row: DeliveryRow, words: ListWords): TableCell[] {
  const line = (text: string, style: Partial<ZoneLine> = {}): ZoneLine => ({ text, ...CELL, ...style });
  const local = row.localFonts ? { fonts: row.localFonts, dir: 'auto' as const } : {};
  const mission = [line(row.name, { bold: true })];
  if (row.nameLocal) mission.push(line(row.nameLocal, local));
  mission.push(
    line(words.say('cells.place', { city: row.city, country: words.country(row.country) })),
    line(row.id, { muted: true }),
  );
  if (row.refusal !== undefined) mission.push(line(words.status(row), { bold: true }));
  const address = row.address.length
    ? row.address.map((l) => line(l, local))
    : [line(words.say('cells.no_address'), { muted: true })];
  const contact: ZoneLine[] = [];
  if (row.phone) contact.push(line(words.say('cells.phone', { number: row.phone })));
  if (row.fax) contact.push(line(words.say('cells.fax', { number: row.fax })));
  if (row.email) contact.push(line(row.email));
  if (row.head) contact.push(line(words.say('cells.head', { head: row.head }), { muted: true }));
  const languages =
    row.refusal !== undefined
      ? []
      : [
          line(words.say('cells.letters', { languages: words.join(row.letters.map((l) => words.language(l))) })),
          line(words.say('cells.note', { language: words.language(row.wording) })),
        ];
  const notes = [
    ...row.missing.map((m) => line(`– ${words.missing(m)}`)),
    ...row.check.map((d) => line(words.say('cells.check', { doubt: words.doubt(d, row.verified) }), { bold: true })),
  ];
  return [
    mission,
    address,
    words.methods(row).map((m) => line(m)),
    contact,
    languages,
    row.files.map((f) => line(f)),
    notes,
    [],
    [],
    [],
  ];
}
