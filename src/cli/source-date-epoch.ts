import type { Io } from '../io/io.js';
import { escapeForTerminal } from '../util/control-chars.js';
import { UsageError } from '../diagnostics/errors.js';

/** The latest time a PDF or .docx date can hold: 9999-12-31T23:59:59Z. */
const LAST_EPOCH = 253_402_300_799;

/**
 * SOURCE_DATE_EPOCH (reproducible-builds.org) pins the date of every file made: whole seconds
 * since 1970. A malformed value must stop the run, not be ignored or crash the PDF writer.
 */
export function checkSourceDateEpoch(env: Io['env']): void {
  const v = env.SOURCE_DATE_EPOCH;
  if (v === undefined || (/^\d+$/.test(v) && Number(v) <= LAST_EPOCH)) return;
  throw new UsageError(
    `SOURCE_DATE_EPOCH="${escapeForTerminal(v)}" is not a time openletter can date files with`,
    `set it to whole seconds since 1970 up to ${LAST_EPOCH} (9999-12-31), e.g. $(git log -1 --format=%ct), or unset it`,
  );
}

/**
 * `{ date }` to spread into a render or deliver request when SOURCE_DATE_EPOCH pins one (checked by
 * run() before any command), else nothing. Read here, at the edge, and handed down: the renderers
 * date a file with what they are given, else with the letter's date.
 */
export function pinnedDate(env: Io['env']): { date?: Date } {
  const v = env.SOURCE_DATE_EPOCH;
  return v !== undefined && /^\d+$/.test(v) ? { date: new Date(Number(v) * 1000) } : {};
}
