import { diffWords } from 'diff';

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/**
 * Word-level changes from `before` to `after`. Words are those of the language (Intl.Segmenter):
 * spaces in English or Korean, dictionary words in Chinese and Japanese, which have no spaces.
 */
export function wordDiff(before: string, after: string, lang: string): DiffPart[] {
  const intlSegmenter = new Intl.Segmenter(lang, { granularity: 'word' });
  return diffWords(before, after, { intlSegmenter }).map((c) => ({
    kind: c.added ? 'added' : c.removed ? 'removed' : 'same',
    text: c.value,
  }));
}

export interface FormatOptions {
  /** ANSI colours (red for removed, green for added) instead of the plain [-…-] {+…+} marks. */
  color?: boolean;
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
      if (p.kind === 'removed') return opts.color ? `\x1b[31m[-${text}-]\x1b[0m` : `[-${text}-]`;
      if (p.kind === 'added') return opts.color ? `\x1b[32m{+${text}+}\x1b[0m` : `{+${text}+}`;
      const first = i === 0;
      const last = i === parts.length - 1;
      const chars = [...text];
      const budget = (first || last ? 1 : 2) * keep;
      if (chars.length <= budget + 1) return text;
      if (first) return `…${chars.slice(-keep).join('')}`;
      if (last) return `${chars.slice(0, keep).join('')}…`;
      return `${chars.slice(0, keep).join('')}…${chars.slice(-keep).join('')}`;
    })
    .join('');
}
