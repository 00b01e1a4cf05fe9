import { distance } from 'fastest-levenshtein';

/**
 * The candidate closest to `word` by edit distance, if it is close enough to be a plausible typo
 * (at most a third of the word's length, and at least one edit allowed); for "did you mean".
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  if (!word) return undefined;
  const list = [...candidates]; // read twice below; a Map iterator can only be read once
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of list) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD || (d === bestD && best !== undefined && c < best)) {
      best = c;
      bestD = d;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(word.length >= 4 ? 2 : 1, Math.floor(Math.max(word.length, best.length) / 3));
  // A prefix match ("icrc-visit" for "icrc-prison-visits") is also a plausible slip.
  if (bestD <= limit) return best;
  for (const c of list) if (c.startsWith(word) || word.startsWith(c)) return c;
  return undefined;
}
