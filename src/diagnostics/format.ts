import type { Span } from '../model/span.js';
import type { Diagnostic } from './diagnostic.js';

/** 1-based line and column (in UTF-16 code units + 1) of an offset in a text. */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: end - lineStart + 1 };
}

function where(span: Span | undefined, files: ReadonlyMap<string, string>): string {
  if (!span) return '';
  const text = files.get(span.file);
  if (text === undefined) return `${span.file}: `;
  const { line, col } = lineCol(text, span.start);
  return `${span.file}:${line}:${col}: `;
}

function sourceLine(span: Span, files: ReadonlyMap<string, string>): string[] {
  const text = files.get(span.file);
  if (text === undefined) return [];
  const start = text.lastIndexOf('\n', span.start - 1) + 1;
  let end = text.indexOf('\n', span.start);
  if (end < 0) end = text.length;
  const line = text.slice(start, end).replace(/\t/g, ' ');
  if (line.trim() === '') return [];
  const shown = line.length > 160 ? `${line.slice(0, 157)}...` : line;
  const caretAt = Math.min(span.start - start, shown.length);
  const width = Math.max(1, Math.min(span.end, end) - span.start);
  const caret = ' '.repeat(caretAt) + '^' + '~'.repeat(Math.max(0, Math.min(width, shown.length - caretAt) - 1));
  return [`  ${shown}`, `  ${caret}`];
}

/**
 * The human format: one grep-able line per problem
 * (`file:line:col: error: message [code]`), then the source line with a caret, the hint and related notes.
 */
export function formatText(
  ds: readonly Diagnostic[],
  files: ReadonlyMap<string, string>,
  opts: { context?: boolean } = {},
): string {
  const out: string[] = [];
  for (const d of ds) {
    out.push(`${where(d.span, files)}${d.severity}: ${d.message} [${d.code}]`);
    if (opts.context !== false && d.span) out.push(...sourceLine(d.span, files));
    if (d.hint) out.push(`  hint: ${d.hint}`);
    for (const r of d.related ?? []) out.push(`  ${where(r.span, files)}note: ${r.message}`);
  }
  return out.join('\n');
}

/** The machine format: the same records, with line and column resolved. */
export function formatJson(ds: readonly Diagnostic[], files: ReadonlyMap<string, string>): string {
  const pos = (s: Span | undefined) => {
    if (!s) return null;
    const text = files.get(s.file);
    const a = text === undefined ? { line: 0, col: 0 } : lineCol(text, s.start);
    const b = text === undefined ? { line: 0, col: 0 } : lineCol(text, s.end);
    return { file: s.file, line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  };
  return JSON.stringify(
    ds.map((d) => ({
      code: d.code,
      severity: d.severity,
      message: d.message,
      location: pos(d.span),
      hint: d.hint ?? null,
      related: (d.related ?? []).map((r) => ({ message: r.message, location: pos(r.span) })),
    })),
    null,
    2,
  );
}

export function summarize(ds: readonly Diagnostic[]): string {
  const n = (s: string) => ds.filter((d) => d.severity === s).length;
  const parts = [`${n('error')} error(s)`, `${n('warning')} warning(s)`];
  if (n('info')) parts.push(`${n('info')} note(s)`);
  return parts.join(', ');
}
