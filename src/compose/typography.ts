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
): { text: string; missing: string[] } {
  if (!rule || (!rule.before && !rule.after)) return { text, missing: [] };
  let out = text;
  if (rule.before)
    out = out.replace(
      new RegExp(`[ \\t\\u00A0\\u202F]+([${escape(rule.before)}])`, 'g'),
      (_, m: string) => spaceFor(m) + m,
    );
  if (rule.after)
    out = out.replace(new RegExp(`([${escape(rule.after)}])[ \\t\\u00A0\\u202F]+`, 'g'), (_, m: string) => m + NBSP);
  const missing: string[] = [];
  // A mark glued to a word ("Copie:") — but not "http://", "10:30", "?" inside a URL, or "!" at a word start.
  if (rule.before)
    for (const m of out.matchAll(new RegExp(`[\\p{L}\\p{N})\\]'’][${escape(rule.before)}](?=\\s|$)`, 'gu')))
      missing.push(m[0]);
  if (rule.after)
    for (const m of out.matchAll(new RegExp(`[${escape(rule.after)}](?=\\p{L})`, 'gu'))) missing.push(m[0]);
  return { text: out, missing };
}
