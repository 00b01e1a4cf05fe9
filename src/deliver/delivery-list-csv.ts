import { stringify } from 'csv-stringify/sync';
import { CSV_COLUMNS } from '../model/delivery-arguments.js';
import type { ListWords } from './delivery-list-words.js';
import type { DeliveryRow } from './delivery-rows.js';

/** Each column's cell (delivery.yaml `delivery_list.csv.<column>` is its heading). */
const CELLS: Record<(typeof CSV_COLUMNS)[number], (r: DeliveryRow, w: ListWords) => string> = {
  id: (r) => r.id,
  name: (r) => r.name,
  local_name: (r) => r.nameLocal,
  city: (r) => r.city,
  // Codes, so a spreadsheet sorts and filters them whatever the list's language.
  country: (r) => r.country,
  packet: (r, w) => w.status(r),
  address: (r) => r.address.join(', '),
  methods: (r, w) => w.join(w.methods(r)),
  phone: (r) => r.phone,
  fax: (r) => r.fax,
  email: (r) => r.email,
  head: (r) => r.head,
  letters: (r) => r.letters.join(', '),
  wording: (r) => r.wording,
  files: (r) => r.files.join(', '),
  missing: (r, w) => r.missing.map((m) => w.missing(m)).join(w.say('cells.item_separator')),
  check: (r, w) => r.check.map((d) => w.doubt(d, r.verified)).join(w.say('cells.item_separator')),
};

/** Spreadsheets run a cell starting with one of these as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell made inert: a leading apostrophe keeps "=…", "+1 212 …" or "@…" text, not a formula. */
export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * The delivery list as CSV for spreadsheets, headings and words in the list's language: UTF-8
 * with a byte-order mark (so Excel reads Korean and Japanese names correctly), CRLF line ends,
 * every cell quoted, formula-like cells neutralised.
 */
export function deliveryListCsv(rows: DeliveryRow[], words: ListWords): string {
  const records = [words.csvHeadings(), ...rows.map((r) => CSV_COLUMNS.map((c) => neutralizeCell(CELLS[c](r, words))))];
  return stringify(records, { bom: true, record_delimiter: 'windows', quoted: true });
}
