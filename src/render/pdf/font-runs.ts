import { fontCovers } from '../../fonts/font-library.js';

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
const WORD = /^\p{L}/u;
/** Characters that modify the previous one (combining marks, ZWJ/ZWNJ, variation selectors). */
const CLINGS = /^[\p{M}\u200c\u200d\p{Variation_Selector}]$/u;
/** What may join two words of one script into one stretch: "Łukasz Nowak", "Jae-in", "l’homme". */
const JOINER = /^[\p{Zs}\-'’.·&/]$/u;
const SCRIPTS = ['Latin', 'Hangul', 'Han', 'Hiragana', 'Katakana', 'Cyrillic', 'Greek'].map(
  (name) => [name, new RegExp(`^\\p{Script=${name}}$`, 'u')] as const,
);

interface Token {
  text: string;
  start: number;
  word: boolean;
  fontId?: string | undefined;
}

/**
 * Splits `text` into runs by which font of `fontIds` draws each code point.
 *
 * - Words of one script joined by spaces or in-word punctuation form a stretch, drawn whole in the
 *   first font that covers all of it: "Fundacja Wolności Łukasza Nowaka" in a Korean letter is all
 *   Noto Serif, not Noto Serif KR's Latin with Noto Serif only where KR lacks ś and Ł.
 * - In a name (`opts.name`: a signatory, an organisation) every word of one script is one stretch,
 *   whatever stands between them: "Baltic Human Rights Network – Łódź" or "Families 1969
 *   Association, Łódź" is one face, not a heavier last word beside KR's lighter Latin.
 * - A word is cut where its script changes ("Łódź의": the name, then the Korean particle).
 * - Failing that, each word goes to the first font that covers it whole, and a word no single font
 *   covers falls back character by character.
 * - Spaces, punctuation, digits and symbols between two runs of one font stay in that font;
 *   otherwise they take the primary (first) font when it has them, so "Kim (김정은) said" keeps Latin
 *   parentheses and "金正恩（김정은）" keeps Japanese ones.
 * - Combining marks, ZWJ and variation selectors stay with the character before them.
 * - A code point no font covers stays in the current run (callers check with `findUncovered`).
 */
export function splitFontRuns(text: string, fontIds: string[], opts: { name?: boolean } = {}): FontRun[] {
  const primary = fontIds[0];
  if (primary === undefined) throw new Error('empty font stack');
  // Every rule below gives the primary font all of a text it covers whole: most text of a letter.
  if (text !== '' && coversEvery(primary, text)) return [{ fontId: primary, text, start: 0 }];
  const tokens: Token[] = [...text.matchAll(TOKEN)].flatMap((m) =>
    WORD.test(m[0]) ? scriptPieces(m[0], m.index) : [{ text: m[0], start: m.index, word: false }],
  );
  if (opts.name) assignNameWords(tokens, fontIds);
  else assignWords(tokens, fontIds);
  // Font of the next assigned token after each index: a neutral between two runs of one font joins them.
  const nextFont: (string | undefined)[] = [];
  for (let i = tokens.length - 1, next: string | undefined; i >= 0; i--) {
    nextFont[i] = next;
    next = tokens[i]?.fontId ?? next;
  }
  const runs: FontRun[] = [];
  let current: FontRun | undefined;
  const append = (fontId: string, piece: string, start: number): void => {
    if (current !== undefined && current.fontId === fontId) current.text += piece;
    else runs.push((current = { fontId, text: piece, start }));
  };
  tokens.forEach((token, i) => {
    if (token.fontId !== undefined) {
      append(token.fontId, token.text, token.start);
      return;
    }
    if (token.word) {
      // No single font has the whole word: character by character.
      let offset = token.start;
      for (const char of token.text) {
        const fontId = CLINGS.test(char) ? current?.fontId : firstCovering(char, fontIds);
        append(fontId ?? current?.fontId ?? primary, char, offset);
        offset += char.length;
      }
      return;
    }
    const codePoint = token.text.codePointAt(0) ?? 0;
    const before = current?.fontId;
    const after = nextFont[i];
    const fontId =
      (CLINGS.test(token.text) && before) ||
      (before !== undefined && before === after && fontCovers(before, codePoint) && before) ||
      (fontCovers(primary, codePoint) && primary) ||
      (before !== undefined && fontCovers(before, codePoint) && before) ||
      firstCovering(token.text, fontIds) ||
      before ||
      primary;
    append(fontId, token.text, token.start);
  });
  return runs;
}

/** Sets `fontId` on every word token (and the joiners inside stretches) that one font covers whole. */
function assignWords(tokens: Token[], fontIds: string[]): void {
  for (let i = 0; i < tokens.length;) {
    const first = tokens[i] as Token;
    if (!first.word) {
      i++;
      continue;
    }
    const script = scriptOf(first.text);
    let end = i + 1;
    for (let j = i + 1; script !== undefined && j < tokens.length; j++) {
      const token = tokens[j] as Token;
      if (token.word) {
        if (scriptOf(token.text) !== script) break;
        end = j + 1;
      } else if (!JOINER.test(token.text)) {
        break;
      }
    }
    const stretch = tokens.slice(i, end);
    const stretchFont = fontIds.find((id) => stretch.every((t) => coversAll(id, t.text)));
    for (const token of stretch) {
      token.fontId = stretchFont ?? (token.word ? fontIds.find((id) => coversAll(id, token.text)) : undefined);
    }
    i = end;
  }
}

/**
 * Sets `fontId` on the words of a name: those of one script all take the first font that covers
 * every one of them; failing one, each word as in {@link assignWords}.
 */
function assignNameWords(tokens: Token[], fontIds: string[]): void {
  // Words are cut where their script changes (scriptPieces): each has one script.
  const byScript = new Map<string | undefined, Token[]>();
  for (const t of tokens) {
    if (!t.word) continue;
    const script = scriptOf(t.text);
    byScript.set(script, [...(byScript.get(script) ?? []), t]);
  }
  for (const words of byScript.values()) {
    const font = fontIds.find((id) => words.every((t) => coversAll(id, t.text)));
    for (const t of words) t.fontId = font ?? fontIds.find((id) => coversAll(id, t.text));
  }
}

/**
 * A word cut where its script changes, each piece a word of its own: "Łódź의" is the Latin name and
 * a Korean particle, so the name can be drawn whole in a Latin face (not Ł and ź alone) and 의 in the
 * Korean one. Marks and joiners stay with the letter before them.
 */
function scriptPieces(word: string, start: number): Token[] {
  const pieces: Token[] = [];
  let script: string | undefined;
  let offset = start;
  for (const char of word) {
    const own = CLINGS.test(char) ? script : scriptOfChar(char);
    const last = pieces[pieces.length - 1];
    if (last !== undefined && own === script) last.text += char;
    else pieces.push({ text: char, start: offset, word: true });
    script = own;
    offset += char.length;
  }
  return pieces;
}

/** Script of each character met so far: a lookup instead of up to seven property tests per character. */
const scripts = new Map<string, string>();

function scriptOfChar(char: string): string {
  let script = scripts.get(char);
  if (script === undefined) {
    script = SCRIPTS.find(([, re]) => re.test(char))?.[0] ?? 'other';
    scripts.set(char, script);
  }
  return script;
}

/** The script of a word whose letters all share one script, else undefined. */
function scriptOf(word: string): string | undefined {
  let found: string | undefined;
  for (const char of word) {
    if (CLINGS.test(char)) continue;
    const script = scriptOfChar(char);
    if (found !== undefined && found !== script) return undefined;
    found = script;
  }
  return found;
}

function coversAll(fontId: string, text: string): boolean {
  for (const char of text) {
    if (CLINGS.test(char)) continue;
    if (!fontCovers(fontId, char.codePointAt(0) ?? 0)) return false;
  }
  return true;
}

/** Whether `fontId` has every code point of `text`, marks and joiners included. */
function coversEvery(fontId: string, text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const codePoint = text.codePointAt(i) as number;
    if (codePoint > 0xffff) i++;
    if (!fontCovers(fontId, codePoint)) return false;
  }
  return true;
}

function firstCovering(char: string, fontIds: string[]): string | undefined {
  const codePoint = char.codePointAt(0) ?? 0;
  return fontIds.find((id) => fontCovers(id, codePoint));
}
