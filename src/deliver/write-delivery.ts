import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { decodeText } from '../load/decode-text.js';
import { withLock } from '../output/output-lock.js';
import { swapIn } from '../output/write-folder-atomic.js';
import { WriteRefused } from '../output/write-refused.js';
import { sha256 } from '../util/sha256.js';
import {
  cellsOfOldList,
  LOG_FILE,
  mergeDeliveryLog,
  parseDeliveryLog,
  type LogEntry,
  type ParsedLog,
} from './delivery-log.js';

/** The files a delivery folder's last `deliver` wrote, with their SHA-256: the only ones it may replace or remove. */
export const RECORD_FILE = '.openletter-files.json';

/** What the delivery log needs from this run. */
export interface LogUpdate {
  entries: readonly LogEntry[];
  /** Every mission the campaign names (a run for some of them keeps the others' rows). */
  named: ReadonlySet<string>;
  today: string;
}

/**
 * Writes a built delivery into `dest`, all at once (a copy is written beside it and swapped in, so
 * a failure half-way leaves the previous delivery untouched). Only files the previous run wrote,
 * unchanged since, are replaced or removed (a stale packet vanishes); receipt scans, notes and
 * anything else kept in the folder stay. The delivery log is merged, never rewritten from
 * scratch. The only place delivery writes to disk.
 * @throws WriteRefused when a file openletter wrote was changed since, or the log cannot be read.
 */
export function writeDelivery(dest: string, files: ReadonlyMap<string, Uint8Array | string>, log: LogUpdate): void {
  const abs = resolve(dest);
  // The campaign's output folder (…/<campaign>/delivery → …): the lock `render` takes for it.
  withLock(dirname(abs), () => {
    const record = readRecord(abs);
    const current = (rel: string) => {
      const path = join(abs, rel);
      return existsSync(path) ? sha256(readFileSync(path)) : undefined;
    };
    const changed = [...files.keys()].filter((rel) => {
      const now = current(rel);
      // Without a record (a folder from an older openletter) its files are taken as openletter's.
      return now !== undefined && record !== undefined && record.get(rel) !== now;
    });
    if (changed.length)
      throw new WriteRefused(
        `${join(dest, changed[0]!)}${changed.length > 1 ? ` and ${changed.length - 1} more file(s)` : ''} changed since openletter wrote it; nothing written`,
        `deliver replaces the files it made: move your version out of ${dest}, or delete it, and run again (what volunteers fill in belongs in ${LOG_FILE}, which deliver keeps)`,
      );
    const out = new Map(files);
    out.set(LOG_FILE, mergedLog(abs, dest, log));
    const stale = [...(record ?? new Map<string, string>())].filter(
      ([rel, hash]) => !out.has(rel) && current(rel) === hash,
    );
    out.set(
      RECORD_FILE,
      `${JSON.stringify(
        {
          note: 'written by openletter deliver: the files it may replace or remove here; everything else is yours',
          files: Object.fromEntries([...out].filter(([rel]) => rel !== LOG_FILE).map(([rel, d]) => [rel, sha256(d)])),
        },
        null,
        2,
      )}\n`,
    );
    swapIn(abs, out, { remove: stale.map(([rel]) => rel) });
  });
}

function readRecord(abs: string): Map<string, string> | undefined {
  const path = join(abs, RECORD_FILE);
  if (!existsSync(path)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { files?: Record<string, string> };
    return new Map(Object.entries(parsed.files ?? {}));
  } catch {
    // A damaged record: treat every file as someone's, so nothing is removed.
    return new Map();
  }
}

/** The log merged with this run, read as a spreadsheet saved it (its encoding and delimiter). */
function mergedLog(abs: string, dest: string, log: LogUpdate): string {
  const read = (rel: string): ParsedLog | undefined => {
    const path = join(abs, rel);
    if (!existsSync(path)) return undefined;
    const decoded = decodeText(readFileSync(path), join(dest, rel), 'table');
    if (!decoded.value)
      throw new WriteRefused(
        `${join(dest, rel)}: ${decoded.diagnostics[0]?.message ?? 'cannot be read'}; nothing written`,
        `save it again as "CSV UTF-8" and run again; deliver merges into it and never replaces it`,
      );
    const parsed = parseDeliveryLog(decoded.value.text);
    if ('problem' in parsed)
      throw new WriteRefused(
        `${join(dest, rel)}: ${parsed.problem}; nothing written`,
        `fix it (or rename it to keep it aside) and run again; deliver merges into it and never replaces it`,
      );
    return parsed;
  };
  const previous = read(LOG_FILE);
  const oldList = previous ? undefined : read('delivery-list.csv');
  return mergeDeliveryLog(previous, log.entries, log.named, log.today, oldList ? cellsOfOldList(oldList) : undefined);
}
