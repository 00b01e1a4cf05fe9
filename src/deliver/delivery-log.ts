import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { neutralizeCell } from './delivery-list-csv.js';

/**
 * The delivery record volunteers fill in: one row per mission, kept across every `deliver`. The
 * tool owns the first columns (which mission, whether it is planned) and rewrites them; every
 * other cell, and any column a volunteer adds, is kept as it was written.
 */
export const LOG_FILE = 'delivery-log.csv';

/** Columns the tool fills, in order: the key, what identifies the mission, and its state in the plan. */
const OWNED = ['Mission', 'Name', 'City', 'Planned'] as const;
/** Columns for the volunteers, written empty for a new mission. */
const FILLED = ['Delivered on', 'Method', 'Delivered by', 'Received by', 'Notes'] as const;

/** What the tool knows about one mission of this run. */
export interface LogEntry {
  mission: string;
  name: string;
  city: string;
  /** "yes", or why not ("refused: closed on 2021-06-30"). */
  planned: string;
}

/** The log as read: its header, rows and the delimiter it was saved with (Excel in Europe saves ";"). */
export interface ParsedLog {
  header: string[];
  rows: string[][];
  delimiter: string;
}

/**
 * Read a delivery log as a spreadsheet may have saved it: comma, semicolon or tab separated.
 * Returns a one-line reason (with the row) when it is not a table with a "Mission" column.
 */
export function parseDeliveryLog(text: string): ParsedLog | { problem: string } {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [',', ';', '\t'].reduce((a, b) => (first.split(b).length > first.split(a).length ? b : a));
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    return { problem: `${line ? `row ${line}: ` : ''}${e instanceof Error ? e.message.replace(/^[^:]*: /, '') : e}` };
  }
  const [header, ...rows] = records;
  if (!header?.includes('Mission'))
    return { problem: 'row 1: no "Mission" column (the column openletter finds each mission by)' };
  return { header, rows, delimiter };
}

/**
 * The delivery log after this run: rows of earlier runs kept in their order with every volunteer
 * cell, this run's missions updated or appended, and a mission the campaign no longer names
 * marked instead of dropped. `named` are the campaign's missions (a run for some of them leaves
 * the others' rows as they were); `earlier` seeds the volunteer cells of a first log (from a
 * delivery list of an older openletter, which had those columns).
 */
export function mergeDeliveryLog(
  previous: ParsedLog | undefined,
  entries: readonly LogEntry[],
  named: ReadonlySet<string>,
  today: string,
  earlier: ReadonlyMap<string, Record<string, string>> = new Map(),
): string {
  const extra = (previous?.header ?? []).filter(
    (h) => !(OWNED as readonly string[]).includes(h) && !(FILLED as readonly string[]).includes(h),
  );
  const header = [...OWNED, ...FILLED, ...extra];
  const rows = new Map<string, Record<string, string>>();
  for (const cells of previous?.rows ?? []) {
    const row = Object.fromEntries(previous!.header.map((h, i) => [h, cells[i] ?? '']));
    const id = row.Mission?.trim();
    if (id && !rows.has(id)) rows.set(id, row);
  }
  for (const e of entries) {
    const row = rows.get(e.mission) ?? { ...earlier.get(e.mission) };
    rows.set(e.mission, { ...row, Mission: e.mission, Name: e.name, City: e.city, Planned: e.planned });
  }
  for (const [id, row] of rows)
    if (!named.has(id) && !row.Planned?.startsWith('no longer'))
      row.Planned = `no longer: removed from the campaign by ${today}`;
  const records = [header, ...[...rows.values()].map((r) => header.map((h) => r[h] ?? ''))].map((cells) =>
    cells.map((c, i) => (i < OWNED.length ? neutralizeCell(c) : c)),
  );
  return stringify(records, {
    bom: true,
    record_delimiter: 'windows',
    quoted: true,
    delimiter: previous?.delimiter ?? ',',
  });
}

/**
 * The volunteer cells of a delivery list written by an older openletter ("Delivered on", "By",
 * "Received by"), by mission: the first log starts from them, so nothing filled in there is lost.
 */
export function cellsOfOldList(list: ParsedLog): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  const col = (name: string) => list.header.indexOf(name);
  const [id, on, by, received] = [col('Mission'), col('Delivered on'), col('By'), col('Received by')];
  if (on < 0 && by < 0 && received < 0) return out;
  for (const r of list.rows) {
    const cells = { 'Delivered on': r[on] ?? '', 'Delivered by': r[by] ?? '', 'Received by': r[received] ?? '' };
    if (Object.values(cells).some((v) => v.trim())) out.set(r[id] ?? '', cells);
  }
  return out;
}
