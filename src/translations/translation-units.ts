import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { formatWordDiff, wordDiff } from '../text/word-diff.js';
import { fromXliff } from './xliff.js';

/** One text handed to a translator and back. */
export interface TranslationUnit {
  key: string;
  context: string;
  source: string;
  /** Fingerprint of `source`, so an import can refuse a file made from older English. */
  sourceHash: string;
  /** The translation ("" when none yet). */
  target: string;
  /**
   * Exported: what the text is. Imported: what the translator's tool says of the target —
   * `translated` (confirmed: XLIFF state translated, signed-off or final, or approved="yes"),
   * `needs-review` (a draft nobody confirmed), `new`, or undefined when the file does not say.
   */
  state: 'new' | 'needs-review' | 'translated' | undefined;
  /** Exported, a stale text: the English its translation (`target`) was made from. */
  previousSource?: string;
  /** CSV only: the translation of older English, shown beside an empty cell for a stale text. */
  previous?: string;
  /** Where the unit is in the file it was read from (a CSV row, an XLIFF trans-unit), for diagnostics. */
  offset?: number;
}

export function parseUnitFile(text: string, kind: 'xliff' | 'csv'): UnitFile | (UnitFile & { droppedCodes: number }) {
  return kind === 'xliff' ? fromXliff(text) : fromCsv(text);
}

export interface UnitFile {
  sourceLanguage: string;
  targetLanguage: string;
  units: TranslationUnit[];
}

const HEAD = [
  'key',
  'context',
  'source (en)',
  'changes in the source',
  'translation',
  'previous translation',
  'previous source (en)',
  'source_hash',
  'language',
];

/**
 * CSV for volunteers in a spreadsheet: UTF-8 with a BOM so Excel shows Hangul and kana. A stale
 * text's translation goes in "previous translation" and its "translation" cell is left empty: a
 * file sent back untouched then changes nothing, and a text nobody reviewed stays stale. Beside it,
 * the English it was translated from and what changed since, word by word ([-removed-]{+added+}).
 */
export function toCsv(f: UnitFile): string {
  const rows = f.units.map((u) => {
    const stale = u.state === 'needs-review';
    const changes =
      u.previousSource === undefined
        ? ''
        : formatWordDiff(wordDiff(u.previousSource, u.source, f.sourceLanguage), { context: Infinity });
    return [
      u.key,
      u.context,
      u.source,
      changes,
      stale ? '' : u.target,
      stale ? u.target : '',
      u.previousSource ?? '',
      u.sourceHash,
      f.targetLanguage,
    ];
  });
  return `\uFEFF${stringifyCsv([HEAD, ...rows], { quoted_match: /[\s,;"]/, record_delimiter: 'windows' })}`;
}

/**
 * Read a translation CSV by its header names (a spreadsheet may reorder columns), also the
 * older six-column export without "previous translation".
 */
export function fromCsv(text: string): UnitFile {
  const records = parseCsv(text, {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const [head, ...body] = records;
  const names = (head?.record ?? []).map((h) => h.trim().toLowerCase());
  const col = (...alts: string[]) => names.findIndex((n) => alts.some((a) => n === a || n.startsWith(`${a} (`)));
  const c = {
    key: col('key'),
    context: col('context'),
    source: col('source'),
    target: col('translation'),
    previous: col('previous translation'),
    hash: col('source_hash'),
    lang: col('language'),
  };
  if (c.key < 0 || c.source < 0 || c.target < 0)
    throw new Error('not an openletter translation CSV (it needs the columns "key", "source (en)" and "translation")');
  const cell = (r: string[], i: number) => (i < 0 ? '' : (r[i] ?? ''));
  // Line starts, so each unit knows where its row is (for diagnostics).
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const rowStart = (lines: number, r: string[]) => {
    // info.lines is the last line of the record; a multi-line cell makes the record start earlier.
    const first = lines - (r.join('').match(/\n/g) ?? []).length;
    return lineStarts[Math.max(0, first - 1)] ?? 0;
  };
  return {
    sourceLanguage: 'en',
    targetLanguage: cell(body[0]?.record ?? [], c.lang),
    units: body.map(({ record: r, info }) => ({
      key: cell(r, c.key),
      context: cell(r, c.context),
      source: cell(r, c.source),
      target: cell(r, c.target),
      previous: cell(r, c.previous),
      sourceHash: cell(r, c.hash),
      // A spreadsheet has no review state: what is in the translation column was written on purpose.
      state: cell(r, c.target) ? 'translated' : 'new',
      offset: rowStart(info.lines, r),
    })),
  };
}
