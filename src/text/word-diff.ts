import { diffWords } from 'diff';
import { wordSegmenter } from './intl.js';

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/**
 * Word-level changes from `before` to `after`. Words are those of the language (Intl.Segmenter):
 * spaces in English or Korean, dictionary words in Chinese and Japanese, which have no spaces.
 */
export function wordDiff(before: string, after: string, lang: string): DiffPart[] {
  return diffWords(before, after, { intlSegmenter: wordSegmenter(lang) }).map((c) => ({
    kind: c.added ? 'added' : c.removed ? 'removed' : 'same',
    text: c.value,
  }));
}

export interface FormatOptions {
  /** Styles for the marked changes (e.g. red and green on a terminal); the marks themselves stay. */
  paint?: { removed(s: string): string; added(s: string): string };
  /** Unchanged text longer than this many characters is shortened to its ends, joined by "…". */
  context?: number;
}

/**
 * One line of marked-up changes, as `git diff --word-diff=plain` writes them: [-removed-]{+added+}.
 * Long unchanged stretches keep only their ends, so a one-word change in a long paragraph is visible.
 */
export function formatWordDiff(parts: DiffPart[], opts: FormatOptions = {}): string {
  const keep = opts.context ?? 60;
  return parts
    .map((p, i) => {
      const text = p.text.replace(/\n/g, ' ');
      if (p.kind === 'removed') return opts.paint ? opts.paint.removed(`[-${text}-]`) : `[-${text}-]`;
      if (p.kind === 'added') return opts.paint ? opts.paint.added(`{+${text}+}`) : `{+${text}+}`;
      const first = i === 0;
      const last = i === parts.length - 1;
      const chars = [...text];
      const budget = (first || last ? 1 : 2) * keep;
      if (chars.length <= budget + 1) return text;
      if (first) return `…${tail(chars, keep)}`;
      if (last) return `${head(chars, keep)}…`;
      return `${head(chars, keep)}…${tail(chars, keep)}`;
    })
    .join('');
}

const space = (c: string | undefined) => c !== undefined && /\s/.test(c);

/** The first `keep` characters, ending at a word's end when there are spaces (not in Chinese or Japanese). */
function head(chars: string[], keep: number): string {
  const cut = chars.slice(0, keep).join('');
  if (space(chars[keep]) || space(cut.at(-1))) return cut;
  const end = cut.search(/\s\S*$/);
  return end > 0 ? cut.slice(0, end) : cut;
}

/** The last `keep` characters, starting at a word's start when there are spaces. */
function tail(chars: string[], keep: number): string {
  const cut = chars.slice(-keep).join('');
  if (space(chars[chars.length - keep - 1]) || space(cut[0])) return cut;
  const start = cut.search(/\s/);
  return start >= 0 && start < cut.length - 1 ? cut.slice(start + 1) : cut;
}
