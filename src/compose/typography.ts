import { composeMaps, identityMap, replaceMapped, type OffsetMap } from '../model/offset-map.js';

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
