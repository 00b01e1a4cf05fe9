import { composeMaps, identityMap, OffsetMapBuilder, replaceMapped, type OffsetMap } from '../model/offset-map.js';

/**
 * Spacing around punctuation, as a language's typography requires (French: a no-break space before
 * ; : ! ? » and after «). Driven by `punctuation_space` in locales/<lng>/locale.yaml, not by code
 * branches per language. Translators may type ordinary spaces: they become no-break spaces, so
 * "!" never starts a line; a mark with no space at all is reported, never guessed at.
 */
export interface PunctuationSpace {
  /** Marks that take a no-break space before them. */
  before: string;
  /** Marks that take a no-break space after them. */
  after: string;
}

/** NARROW NO-BREAK SPACE before ; ! ? (French "espace fine"), NO-BREAK SPACE before : and », after «. */
const NNBSP = '\u202F';
const NBSP = '\u00A0';
const spaceFor = (mark: string) => (mark === ':' || mark === '»' ? NBSP : NNBSP);
const escape = (s: string) => s.replace(/[\\\]^-]/g, '\\$&');

export function applyPunctuationSpace(
  text: string,
  rule: PunctuationSpace | undefined,
): {
  text: string;
  /** Marks glued to a word ("e:"), and where each is in `text`. */
  missing: string[];
  missingAt?: number[];
  /** The result → the input; absent when nothing changed. */
  offsets?: OffsetMap;
} {
  if (!rule || (!rule.before && !rule.after)) return { text, missing: [] };
  let out = { text, offsets: identityMap(0, text.length) };
  const respace = (re: RegExp, fn: (m: string) => string) => {
    const r = replaceMapped(out.text, re, (_, m) => fn(m!));
    out = { text: r.text, offsets: composeMaps(r.offsets, out.offsets) };
  };
  if (rule.before) respace(new RegExp(`[ \\t\\u00A0\\u202F]+([${escape(rule.before)}])`, 'g'), (m) => spaceFor(m) + m);
  if (rule.after) respace(new RegExp(`([${escape(rule.after)}])[ \\t\\u00A0\\u202F]+`, 'g'), (m) => m + NBSP);
  const found: { match: string; index: number }[] = [];
  // A mark glued to a word ("Copie:") — but not "http://", "10:30", "?" inside a URL, or "!" at a word start.
  if (rule.before)
    for (const m of out.text.matchAll(new RegExp(`[\\p{L}\\p{N})\\]'’][${escape(rule.before)}](?=\\s|$)`, 'gu')))
      found.push({ match: m[0], index: m.index });
  if (rule.after)
    for (const m of out.text.matchAll(new RegExp(`[${escape(rule.after)}](?=\\p{L})`, 'gu')))
      found.push({ match: m[0], index: m.index });
  return {
    text: out.text,
    missing: found.map((f) => f.match),
    missingAt: found.map((f) => f.index),
    offsets: out.offsets,
  };
}

/** What {@link applyTypography} needs of a language: its quotation marks and punctuation spacing. */
export interface TypographyRules {
  /** Outer opening and closing, inner opening and closing mark ("“”‘’", "«»“”", "「」『』"). */
  quotes: string;
  punctuationSpace: PunctuationSpace | undefined;
}

/**
 * A language's typography on a filled text, in order: straight quotes and apostrophes curled into
 * the language's marks, number pairs tied, then spacing around punctuation (which also spaces the
 * « » that the first step made).
 */
export function applyTypography(
  text: string,
  rules: TypographyRules,
): ReturnType<typeof applyPunctuationSpace> & { offsets: OffsetMap } {
  const quoted = curlQuotes(text, rules.quotes, rules.punctuationSpace);
  const tied = tieNumberPairs(quoted.text);
  const spaced = applyPunctuationSpace(tied.text, rules.punctuationSpace);
  const offsets = composeMaps(tied.offsets, quoted.offsets);
  return { ...spaced, offsets: spaced.offsets ? composeMaps(spaced.offsets, offsets) : offsets };
}

const APOSTROPHE = '’';
/** A straight quote here opens: at the start, after a space, a dash or an opening bracket or quote. */
const OPENS_AFTER = /[\s\p{Ps}\p{Pi}\p{Pd}/]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Text written without word spaces, where only the count of quotes tells opening from closing. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;

/**
 * Straight quotes become the language's marks: `"` opens after a space (or at the start, or after
 * an opening bracket) and closes otherwise; `'` between or after letters is an apostrophe (’), at a
 * word start it opens an inner quotation, which the next `'` not followed by a letter closes; before
 * a digit it is an apostrophe (’90s). After Han or kana, where no space tells, a quote opens unless
 * one of its kind is open. A quote after a backslash stays straight (inline Markdown removes the
 * backslash: `\"` is the way to print a straight quote). A mark the language spaces (French « »)
 * gets its no-break space with it.
 */
export function curlQuotes(
  text: string,
  quotes: string,
  spacing?: PunctuationSpace,
): { text: string; offsets: OffsetMap } {
  const [open = '“', close = '”', innerOpen = '‘', innerClose = '’'] = [...quotes];
  if (!/['"]/.test(text)) return { text, offsets: identityMap(0, text.length) };
  const b = new OffsetMapBuilder();
  let out = '';
  let outerOpen = false;
  let innerDepth = 0;
  let last = 0;
  for (const m of text.matchAll(/(?<!\\)['"]/g)) {
    const i = m.index;
    const before = text[i - 1] ?? ' ';
    const after = text[i + 1] ?? ' ';
    const unspaced = UNSPACED.test(before);
    let mark: string;
    if (m[0] === '"') {
      outerOpen = unspaced ? !outerOpen : i === 0 || OPENS_AFTER.test(before);
      mark = outerOpen ? open : close;
    } else if (unspaced ? innerDepth === 0 : i === 0 || OPENS_AFTER.test(before)) {
      const elision = /\p{N}/u.test(after) || !LETTER_OR_DIGIT.test(after);
      mark = elision && !unspaced ? APOSTROPHE : innerOpen;
      if (mark === innerOpen) innerDepth++;
    } else if (innerDepth > 0 && (unspaced || !LETTER_OR_DIGIT.test(after))) {
      mark = innerClose;
      innerDepth--;
    } else mark = APOSTROPHE;
    const spaced =
      (spacing?.before.includes(mark) ? spaceFor(mark) : '') + mark + (spacing?.after.includes(mark) ? NBSP : '');
    b.copy(last, i - last);
    if (spaced.length === 1) b.copy(i, 1);
    else b.replace(i, 1, spaced.length);
    out += text.slice(last, i) + spaced;
    last = i + 1;
  }
  b.copy(last, text.length - last);
  return { text: out + text.slice(last), offsets: b.done() };
}

const NBSP_TIE = '\u00A0';

/**
 * No-break spaces where a line end would part a pair that reads as one: an abbreviation and its
 * number ("No. 182", "art. 5", "§ 3", "n° 12"), the digit groups of a number ("200 000") and a
 * number and the word it counts or dates ("15 avril", "23 mois", "1,800 people").
 */
export function tieNumberPairs(text: string): { text: string; offsets: OffsetMap } {
  let out = { text, offsets: identityMap(0, text.length) };
  for (const re of [ABBREVIATION_NUMBER, DIGIT_GROUP, NUMBER_WORD]) {
    const r = replaceMapped(out.text, re, () => NBSP_TIE);
    out = { text: r.text, offsets: composeMaps(r.offsets, out.offsets) };
  }
  return out;
}

/**
 * The space in "No. 182", "art. 5", "§ 3", "n° 12": an abbreviation of up to four Latin, Greek or
 * Cyrillic letters (a Korean sentence end such as "있습니다." is none).
 */
const ABBREVIATION_NUMBER =
  /(?<=(?:^|[^\p{L}])[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]{1,4}\.|[§№°]) (?=\p{N})/gu;
/** The space between digit groups ("200 000", the French thousands separator typed as a space). */
const DIGIT_GROUP = /(?<=\p{N}) (?=\p{N}{3}(?!\p{N}))/gu;
/** The space in "15 avril", "23 mois", "1,800 people": a number ending in a digit, then a word. */
const NUMBER_WORD = /(?<=(?:^|[\s(])\p{N}(?:[\p{N}.,]*\p{N})?) (?=\p{L})/gu;
