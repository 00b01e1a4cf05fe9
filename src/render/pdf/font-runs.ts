import { fontCovers } from './font-library.js';

/** A stretch of text drawn with one font of the stack. */
export interface FontRun {
  /** Font id from the stack. */
  fontId: string;
  text: string;
  /** 0-based UTF-16 offset of the run in the split string. */
  start: number;
}

/** A word (letters with their marks and joiners), or any single other code point. */
const TOKEN = /[\p{L}\p{M}\u200c\u200d\p{Variation_Selector}]+|./gsu;
/** Characters that modify the previous one (combining marks, ZWJ/ZWNJ, variation selectors). */
const CLINGS = /^[\p{M}\u200c\u200d\p{Variation_Selector}]$/u;

/**
 * Splits `text` into runs by which font of `fontIds` draws each code point.
 *
 * - A word (a run of letters) goes whole to the first font that covers all of it, so "Łukasz" in a
 *   Korean letter is not drawn half in the Korean font's Latin and half in Noto Serif. A word that no
 *   single font covers ("朝鮮の김정은氏" without spaces) falls back character by character.
 * - Spaces, punctuation, digits and symbols stay in the current run when its font has them, so
 *   "김정은 (Kim)" does not switch fonts around the parenthesis.
 * - Combining marks, ZWJ and variation selectors stay with the character before them.
 * - A code point no font covers goes into the current run (or the first font's); callers check
 *   coverage first with `findUncovered`.
 */
export function splitFontRuns(text: string, fontIds: string[]): FontRun[] {
  const first = fontIds[0];
  if (first === undefined) throw new Error('empty font stack');
  const runs: FontRun[] = [];
  let current: FontRun | undefined;
  const append = (fontId: string, piece: string, start: number): void => {
    if (current !== undefined && current.fontId === fontId) {
      current.text += piece;
    } else {
      current = { fontId, text: piece, start };
      runs.push(current);
    }
  };
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    const start = match.index;
    const wholeWordFont = /^\p{L}/u.test(token) ? fontIds.find((id) => coversAll(id, token)) : undefined;
    if (wholeWordFont !== undefined) {
      append(wholeWordFont, token, start);
      continue;
    }
    let offset = start;
    for (const char of token) {
      append(pickFont(char, current?.fontId, fontIds) ?? current?.fontId ?? first, char, offset);
      offset += char.length;
    }
  }
  return runs;
}

function coversAll(fontId: string, word: string): boolean {
  for (const char of word) {
    if (CLINGS.test(char)) continue;
    if (!fontCovers(fontId, char.codePointAt(0) ?? 0)) return false;
  }
  return true;
}

function pickFont(char: string, currentId: string | undefined, fontIds: string[]): string | undefined {
  const codePoint = char.codePointAt(0) ?? 0;
  if (currentId !== undefined) {
    if (CLINGS.test(char)) return currentId;
    const isLetter = /^\p{L}/u.test(char);
    if (!isLetter && fontCovers(currentId, codePoint)) return currentId;
  }
  return fontIds.find((id) => fontCovers(id, codePoint));
}
