import type { Span } from '../../model/span.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regex source matching `needle` with any run of whitespace standing for any other (folded YAML lines). */
export function looseSource(needle: string): string {
  return needle.trim().split(/\s+/).map(escape).join('\\s+');
}

/**
 * Narrow `span` to the `occurrence`-th (0-based) place where `needle` is written inside it,
 * tolerating line folding; the whole span when it cannot be found (escapes, markup, parameters).
 */
export function locate(files: ReadonlyMap<string, string>, span: Span, needle: string, occurrence = 0): Span {
  const text = files.get(span.file);
  if (text === undefined || !needle.trim()) return span;
  const re = new RegExp(looseSource(needle), 'gu');
  const slice = text.slice(span.start, span.end);
  let first: RegExpExecArray | undefined;
  let n = 0;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    if (!first) first = m;
    if (n++ === occurrence)
      return { file: span.file, start: span.start + m.index, end: span.start + m.index + m[0].length };
    if (m[0].length === 0) re.lastIndex++;
  }
  return first
    ? { file: span.file, start: span.start + first.index, end: span.start + first.index + first[0].length }
    : span;
}

/**
 * The source span of a finding at `index` (length `length`) in a final text that came from `span`:
 * the same words are searched in the source, counting earlier occurrences so the right one is picked.
 */
export function locateAt(
  files: ReadonlyMap<string, string>,
  span: Span,
  finalText: string,
  index: number,
  length: number,
): Span {
  const needle = finalText.slice(index, index + length);
  if (!needle.trim()) return span;
  const re = new RegExp(looseSource(needle), 'gu');
  let k = 0;
  for (let m = re.exec(finalText); m && m.index < index; m = re.exec(finalText)) {
    k++;
    if (m[0].length === 0) re.lastIndex++;
  }
  return locate(files, span, needle, k);
}

export const spanKey = (s: Span) => `${s.file}:${s.start}`;
