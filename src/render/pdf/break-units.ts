import LineBreaker from 'linebreak';
import type { LineBreakStyle } from '../../model/project.js';

/** How a locale breaks lines: the model's one definition, under the name the renderer and deliver/ use. */
export type LineBreakMode = LineBreakStyle;

/** The text between two break opportunities: a line may end after it, never inside it. */
export interface BreakUnit {
  /** 0-based UTF-16 offset of the first character. */
  start: number;
  /** Offset just past the unit, trailing spaces included. */
  end: number;
  /** Offset just past the last character that is not trailing whitespace. */
  contentEnd: number;
  /** The line must end after this unit (a line feed in the text). */
  required: boolean;
  /** The unit ends at a hyphenation point inside a word: a line ending here draws a hyphen. */
  hyphen?: boolean;
  /** The unit ends between two words of a script without word spaces (Thai): justification may widen it. */
  wordGap?: boolean;
}

/**
 * Scripts written without spaces between words (Thai, Lao, Khmer, Burmese): UAX #14 leaves their
 * words to a dictionary (line break class SA), which ICU's word segmenter has.
 */
export const UNSPACED_SCRIPT = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** ICU picks the dictionary by script, so one segmenter serves every language. */
const WORDS = new Intl.Segmenter(undefined, { granularity: 'word' });

/**
 * Offsets between two words of a script without word spaces ({@link UNSPACED_SCRIPT}), from ICU's
 * dictionaries: "ข้าพเจ้า|ทั้ง|หลาย". Only boundaries with such a letter on both sides count: where the
 * script meets a space, a digit or a bracket, UAX #14 decides.
 */
export function dictionaryBreaks(text: string): number[] {
  if (!UNSPACED_SCRIPT.test(text)) return [];
  const breaks: number[] = [];
  for (const { index } of WORDS.segment(text)) {
    if (index > 0 && UNSPACED_SCRIPT.test(text[index - 1] ?? '') && UNSPACED_SCRIPT.test(text[index] ?? ''))
      breaks.push(index);
  }
  return breaks;
}

const HANGUL = /\p{Script=Hangul}/u;
const SPACE = /\s/u;
/** Trailing characters that take no room at the end of a line. */
const TRAILING_WHITESPACE = /[\s\u200b]+$/u;

/**
 * Splits `text` into break units with the Unicode line breaking algorithm (UAX #14, which also gives
 * kinsoku: 。、」） never start a line, 「（ never end one), tailored for Hangul:
 * - `keep-all` (Korean): no break inside a space-delimited word that contains Hangul, so particles
 *   stay on their word ("(ICRC)를") and words are never split between syllables;
 * - other modes: no break between two Hangul characters, so a Korean name in an English, Japanese or
 *   Chinese letter stays whole while Han and kana still break anywhere UAX #14 allows.
 * In every mode, Thai, Lao, Khmer and Burmese also break between dictionary words
 * ({@link dictionaryBreaks}); such a unit is marked {@link BreakUnit.wordGap}.
 */
export function breakUnits(text: string, mode: LineBreakMode): BreakUnit[] {
  const units: BreakUnit[] = [];
  const words = dictionaryBreaks(text);
  let nextWord = 0;
  const breaker = new LineBreaker(text);
  let start = 0;
  const push = (position: number, required: boolean, wordGap: boolean): void => {
    const body = text.slice(start, position);
    const trailing = TRAILING_WHITESPACE.exec(body)?.[0].length ?? 0;
    const unit: BreakUnit = { start, end: position, contentEnd: position - trailing, required };
    units.push(wordGap ? { ...unit, wordGap } : unit);
    start = position;
  };
  for (let bk = breaker.nextBreak(); bk !== null; bk = breaker.nextBreak()) {
    const position = bk.position;
    for (; nextWord < words.length && (words[nextWord] ?? 0) <= position; nextWord++) {
      const word = words[nextWord] ?? 0;
      if (word > start && word < position) push(word, false, true);
    }
    if (position <= start) continue;
    if (!bk.required && position < text.length && !keepsBreak(text, position, mode)) continue;
    push(position, bk.required, words[nextWord - 1] === position);
  }
  return units;
}

function keepsBreak(text: string, position: number, mode: LineBreakMode): boolean {
  const before = text[position - 1] ?? '';
  const after = text[position] ?? '';
  if (SPACE.test(before) || SPACE.test(after)) return true;
  if (mode !== 'keep-all') return !(HANGUL.test(before) && HANGUL.test(after));
  let wordStart = position - 1;
  while (wordStart > 0 && !SPACE.test(text[wordStart - 1] ?? ' ')) wordStart--;
  let wordEnd = position;
  while (wordEnd < text.length && !SPACE.test(text[wordEnd] ?? ' ')) wordEnd++;
  return !HANGUL.test(text.slice(wordStart, wordEnd));
}

/**
 * Merges units that end strictly inside one of `ranges` (UTF-16 offset pairs [start, end)) with
 * the unit after them, so no line breaks inside those ranges.
 */
export function joinUnits(units: BreakUnit[], ranges: [number, number][]): BreakUnit[] {
  if (ranges.length === 0) return units;
  const joined: BreakUnit[] = [];
  let pending: BreakUnit | undefined;
  for (const unit of units) {
    const merged: BreakUnit = pending === undefined ? unit : { ...unit, start: pending.start };
    const inside = ranges.some(([from, to]) => merged.end > from && merged.end < to);
    if (inside && !merged.required) pending = merged;
    else {
      joined.push(merged);
      pending = undefined;
    }
  }
  if (pending !== undefined) joined.push(pending);
  return joined;
}

/**
 * Splits units at `points` (UTF-16 offsets of hyphenation points, increasing) that fall inside
 * their content; every part but the last is marked {@link BreakUnit.hyphen}.
 */
export function splitAtHyphens(units: BreakUnit[], points: number[]): BreakUnit[] {
  if (points.length === 0) return units;
  const split: BreakUnit[] = [];
  let next = 0;
  for (const unit of units) {
    let start = unit.start;
    while (next < points.length && (points[next] ?? 0) <= unit.start) next++;
    for (; next < points.length && (points[next] ?? 0) < unit.contentEnd; next++) {
      const at = points[next] ?? 0;
      split.push({ start, end: at, contentEnd: at, required: false, hyphen: true });
      start = at;
    }
    split.push({ ...unit, start });
  }
  return split;
}

/** A forced break inside an overlong unit still keeps these off the start of a line (closing marks)… */
const NO_LINE_START = /^[\p{M}\p{Pe}\p{Pf}\p{Po}ー々ゝゞヽヾ]/u;
/** …and these off its end (opening marks). */
const NO_LINE_END = /[\p{Ps}\p{Pi}]$/u;

/**
 * Splits units wider than `width` at character boundaries, so that a long URL, a Korean compound
 * under keep-all or a Hangul name in a narrow column overflows no margin. The split avoids leaving
 * closing punctuation or a combining mark at a line start when it can. `measure` gives the width of
 * a text range in the same unit as `width` (PDF points).
 */
export function* fitUnits(
  units: BreakUnit[],
  text: string,
  width: number,
  measure: (start: number, end: number) => number,
): Generator<BreakUnit> {
  for (const unit of units) {
    if (measure(unit.start, unit.contentEnd) <= width) {
      yield unit;
      continue;
    }
    let start = unit.start;
    let lastAllowed = start;
    let pos = start;
    for (const char of text.slice(unit.start, unit.contentEnd)) {
      const next = pos + char.length;
      if (pos > start && measure(start, next) > width) {
        const cut = lastAllowed > start ? lastAllowed : pos;
        yield { start, end: cut, contentEnd: cut, required: false };
        start = cut;
      }
      if (!NO_LINE_START.test(char) && !NO_LINE_END.test(text[pos - 1] ?? '')) lastAllowed = pos;
      pos = next;
    }
    yield { ...unit, start };
  }
}
