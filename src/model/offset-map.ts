/**
 * Offset maps: which characters of a source a text came from. Every step that turns one text into
 * another (YAML scalar → value, filling {{parameters}}, typography, inline Markdown → plain text)
 * returns one, and composing them maps a finding in a printed text back to the exact characters a
 * user wrote: no searching the file for the words again.
 */

/**
 * text[at, at+len) came from source[src, src+srcLen): character by character when `exact` (then
 * len === srcLen), else as a whole (a filled parameter stands for its "{{name}}", an escape for its
 * backslash and character, a folded line break for the newline and indentation).
 */
export interface Run {
  at: number;
  len: number;
  src: number;
  srcLen: number;
  exact: boolean;
}

/** Runs in text order, covering the text. */
export type OffsetMap = readonly Run[];

/** Builds a map left to right, merging exact runs that continue each other. */
export class OffsetMapBuilder {
  private readonly runs: Run[] = [];
  private at = 0;

  /** The next `len` characters are source[src, src+len), one for one. */
  copy(src: number, len: number): this {
    if (len <= 0) return this;
    const last = this.runs[this.runs.length - 1];
    if (last?.exact && last.src + last.srcLen === src) {
      last.len += len;
      last.srcLen += len;
    } else this.runs.push({ at: this.at, len, src, srcLen: len, exact: true });
    this.at += len;
    return this;
  }

  /** The next `len` characters (none for a deletion) stand for source[src, src+srcLen) as a whole. */
  replace(src: number, srcLen: number, len: number): this {
    this.runs.push({ at: this.at, len, src, srcLen, exact: false });
    this.at += len;
    return this;
  }

  done(): OffsetMap {
    return this.runs;
  }
}

/** A text that is its source, from offset `src` on. */
export const identityMap = (src: number, len: number): OffsetMap => [{ at: 0, len, src, srcLen: len, exact: true }];

/** A text that stands for source[src, src+srcLen) as a whole (a name Intl made from a code). */
export const wholeMap = (src: number, srcLen: number, len: number): OffsetMap => [
  { at: 0, len, src, srcLen, exact: false },
];

function runAt(map: OffsetMap, index: number): Run | undefined {
  let lo = 0;
  let hi = map.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = map[mid]!;
    if (index < r.at) hi = mid - 1;
    else if (index >= r.at + r.len) lo = mid + 1;
    else return r;
  }
  return undefined;
}

/** The source range [start, end) that text[index, index+length) came from; undefined outside the map. */
export function sourceRange(map: OffsetMap, index: number, length: number): [number, number] | undefined {
  const first = runAt(map, index);
  if (!first) {
    // An empty range at the very end of the text sits just after the last run.
    const last = map[map.length - 1];
    return length === 0 && last && index === last.at + last.len
      ? [last.src + last.srcLen, last.src + last.srcLen]
      : undefined;
  }
  const start = first.exact ? first.src + index - first.at : first.src;
  if (length <= 0) return [start, start];
  const lastIndex = index + length - 1;
  const last = runAt(map, lastIndex);
  if (!last) return undefined;
  const end = last.exact ? last.src + lastIndex - last.at + 1 : last.src + last.srcLen;
  return [start, Math.max(start, end)];
}

/** `outer` maps a text to a middle text, `inner` the middle text to a source: the map from the text to the source. */
export function composeMaps(outer: OffsetMap, inner: OffsetMap): OffsetMap {
  const b = new OffsetMapBuilder();
  for (const o of outer) {
    if (!o.exact) {
      const r = sourceRange(inner, o.src, o.srcLen);
      if (r) b.replace(r[0], r[1] - r[0], o.len);
      continue;
    }
    // Middle characters the inner map does not cover (never, for maps that cover their text)
    // keep their place as empty source ranges, so later characters stay where they are.
    let covered = o.src;
    let gapAt = 0;
    for (const i of inner) {
      const lo = Math.max(o.src, i.at);
      const hi = Math.min(o.src + o.len, i.at + i.len);
      if (hi <= lo) continue;
      if (lo > covered) b.replace(i.src, 0, lo - covered);
      if (i.exact) b.copy(i.src + lo - i.at, hi - lo);
      else b.replace(i.src, i.srcLen, hi - lo);
      covered = hi;
      gapAt = i.src + i.srcLen;
    }
    if (covered < o.src + o.len) b.replace(gapAt, 0, o.src + o.len - covered);
  }
  return b.done();
}

/**
 * `text.replace(re, fn)` (re global) that also returns the map from the result to `text`: kept
 * characters map one for one, each replacement to the match it replaced.
 */
export function replaceMapped(
  text: string,
  re: RegExp,
  fn: (match: string, ...groups: string[]) => string,
): { text: string; offsets: OffsetMap } {
  const b = new OffsetMapBuilder();
  let out = '';
  let last = 0;
  for (const m of text.matchAll(re)) {
    const value = fn(m[0], ...(m.slice(1) as string[]));
    b.copy(last, m.index - last);
    if (value === m[0]) b.copy(m.index, m[0].length);
    else b.replace(m.index, m[0].length, value.length);
    out += text.slice(last, m.index) + value;
    last = m.index + m[0].length;
  }
  b.copy(last, text.length - last);
  return { text: out + text.slice(last), offsets: b.done() };
}
