import { stringify } from 'csv-stringify/sync';
import { packetStatus, type DeliveryRow } from './delivery-rows.js';

/** Column headings and cell values of the delivery list, in order. */
const COLUMNS: [string, (r: DeliveryRow) => string][] = [
  ['Mission', (r) => r.id],
  ['Name', (r) => r.name],
  ['Local name', (r) => r.nameLocal],
  ['City', (r) => r.city],
  ['Country', (r) => r.country],
  ['Packet', packetStatus],
  ['Address', (r) => r.address.join(', ')],
  ['Methods', (r) => r.methods.join(', ')],
  ['Phone', (r) => r.phone],
  ['Fax', (r) => r.fax],
  ['E-mail', (r) => r.email],
  ['Head of mission', (r) => r.head],
  ['Letters', (r) => r.letters.join(', ')],
  ['Cover note', (r) => r.wording],
  ['Files', (r) => r.files.join(', ')],
  ['Missing', (r) => r.missing.join('; ')],
  ['Check', (r) => r.check.join('; ')],
];

/** Spreadsheets run a cell starting with one of these as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell made inert: a leading apostrophe keeps "=…", "+1 212 …" or "@…" text, not a formula. */
export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * The delivery list as CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Korean and
 * Japanese names correctly), CRLF line ends, every cell quoted, formula-like cells neutralised.
 */
export function deliveryListCsv(rows: DeliveryRow[]): string {
  const records = [COLUMNS.map(([h]) => h), ...rows.map((r) => COLUMNS.map(([, cell]) => neutralizeCell(cell(r))))];
  return stringify(records, { bom: true, record_delimiter: 'windows', quoted: true });
}
