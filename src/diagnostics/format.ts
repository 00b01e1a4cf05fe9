import stringWidth from 'string-width';
import type { Span } from '../model/span.js';
import { formatWordDiff } from '../text/word-diff.js';
import { escapeForTerminal } from '../util/control-chars.js';
import { positionIn } from './line-index.js';
import type { Diagnostic } from './diagnostic.js';

/** How to style the parts of a diagnostic on a terminal (plain by default). */
export interface Paint {
  error(s: string): string;
  warning(s: string): string;
  info(s: string): string;
  note(s: string): string;
  location(s: string): string;
  caret(s: string): string;
  hint(s: string): string;
  removed(s: string): string;
  added(s: string): string;
}
const same = (s: string) => s;
const PLAIN: Paint = {
  error: same,
  warning: same,
  info: same,
  note: same,
  location: same,
  caret: same,
  hint: same,
  removed: same,
  added: same,
};

function where(span: Span | undefined, files: ReadonlyMap<string, string>): string {
  if (!span) return '';
  const pos = positionIn(files, span.file, span.start);
  return pos ? `${span.file}:${pos.line}:${pos.col}: ` : `${span.file}: `;
}

/** Longest shown source line, in UTF-16 units; longer lines are cut with "...". */
const MAX_SHOWN = 160;

/**
 * The source line of a span and a caret line under it. The caret is placed by display width, as a
 * terminal draws the line: a Hangul, kana or Han character takes two columns, a combining mark none.
 */
function sourceLine(span: Span, files: ReadonlyMap<string, string>, paint: Paint): string[] {
  const text = files.get(span.file);
  if (text === undefined) return [];
  const start = text.lastIndexOf('\n', span.start - 1) + 1;
  let end = text.indexOf('\n', span.start);
  if (end < 0) end = text.length;
  // Control characters are shown escaped (a name from a sign-on form may hold terminal escapes);
  // the caret counts the escapes' width.
  const show = (s: string) => escapeForTerminal(s.replace(/\t/g, ' '));
  const raw = text.slice(start, end).replace(/\r$/, ''); // a CRLF file's line ends are not shown
  const line = show(raw);
  if (line.trim() === '') return [];
  const shown = line.length > MAX_SHOWN ? `${line.slice(0, MAX_SHOWN - 3)}...` : line;
  const from = Math.min(show(raw.slice(0, span.start - start)).length, shown.length);
  const to = show(raw.slice(0, Math.min(Math.max(span.end, span.start + 1), end) - start)).length;
  const pad = stringWidth(shown.slice(0, from));
  const width = Math.max(1, stringWidth(shown.slice(from, Math.min(to, shown.length))));
  return [`  ${shown}`, `  ${' '.repeat(pad)}${paint.caret(`^${'~'.repeat(width - 1)}`)}`];
}

/**
 * The human format: one grep-able line per problem
 * (`file:line:col: error: message [code]`), then the source line with a caret, the hint and related notes.
 * Control characters in any of it are shown escaped (`\x1B`), never sent to the terminal.
 */
export function formatText(
  ds: readonly Diagnostic[],
  files: ReadonlyMap<string, string>,
  opts: { context?: boolean; paint?: Paint } = {},
): string {
  const out: string[] = [];
  const esc = escapeForTerminal;
  const paint = opts.paint ?? PLAIN;
  for (const d of ds) {
    out.push(
      `${paint.location(esc(where(d.span, files)))}${paint[d.severity](d.severity)}: ${esc(d.message)} [${d.code}]`,
    );
    if (opts.context !== false && d.span) out.push(...sourceLine(d.span, files, paint));
    if (d.hint) out.push(`  ${paint.hint('hint:')} ${esc(d.hint)}`);
    if (d.change) out.push(`  ${paint.hint(`${d.change.label}:`)} ${esc(formatWordDiff(d.change.parts, { paint }))}`);
    for (const r of d.related ?? [])
      out.push(`  ${paint.location(esc(where(r.span, files)))}${paint.note('note')}: ${esc(r.message)}`);
  }
  return out.join('\n');
}

/** The machine format: the same records, with line and column resolved. */
export function formatJson(ds: readonly Diagnostic[], files: ReadonlyMap<string, string>): string {
  return JSON.stringify(jsonRecords(ds, files), null, 2);
}

/** The records of {@link formatJson}, as values. */
export function jsonRecords(ds: readonly Diagnostic[], files: ReadonlyMap<string, string>): object[] {
  const pos = (s: Span | undefined) => {
    if (!s) return null;
    const a = positionIn(files, s.file, s.start) ?? { line: 0, col: 0 };
    const b = positionIn(files, s.file, s.end) ?? { line: 0, col: 0 };
    return { file: s.file, line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  };
  return ds.map((d) => ({
    code: d.code,
    severity: d.severity,
    message: d.message,
    location: pos(d.span),
    hint: d.hint ?? null,
    related: (d.related ?? []).map((r) => ({ message: r.message, location: pos(r.span) })),
    ...(d.change ? { change: { label: d.change.label, parts: d.change.parts } } : {}),
  }));
}

export function summarize(ds: readonly Diagnostic[]): string {
  const n = (s: string) => ds.filter((d) => d.severity === s).length;
  const parts = [`${n('error')} error(s)`, `${n('warning')} warning(s)`];
  if (n('info')) parts.push(`${n('info')} note(s)`);
  return parts.join(', ');
}
