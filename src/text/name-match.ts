import { distance } from 'fastest-levenshtein';
import { fold } from './fold.js';

/**
 * Deciding whether two written names are the same organisation or person: "HH Katacombs" and
 * "HH Katakomb", "The Committee for Human Rights in North Korea" and "Committee for Human Rights
 * in North Korea", "Asociación Pro Derechos Humanos" and "ASOCIACION PRO DERECHOS HUMANOS".
 * Used by the roster rules of `check` and by `signatories import`.
 */

/** Words too common in organisation names to identify one (used by the acronym rule). */
const COMMON = new Set(
  'and for of the in on to against with de del la las los el y pour et des du le les und für der die das fuer e di da do dos'.split(
    ' ',
  ),
);

/** Letters folded, accents dropped, punctuation and "_" as spaces, "&" as "and", a leading "The" dropped. */
export function normalizeName(name: string): string {
  const folded = fold(name)
    .replace(/&/g, ' and ')
    .replace(/[’'`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return folded.replace(/^(the|la|le|les|el|los|las|die|der|das) (?=\S)/, '');
}

/** The name without parenthesised parts ("Asia Justice and Rights (AJAR)" → "Asia Justice and Rights"). */
function withoutParentheses(name: string): string {
  return name.replace(/\s*[(（][^)）]*[)）]\s*/g, ' ').trim();
}

/** Uppercase acronyms written in a name: "HH Katacombs" → ["hh"], "… (AJAR)" → ["ajar"]. */
function acronymsOf(name: string): string[] {
  return [...name.matchAll(/(?<![\p{L}\p{N}])(\p{Lu}{2,6})(?![\p{L}\p{N}])/gu)].map((m) => m[1]!.toLowerCase());
}

export type NameMatch = { kind: 'exact' } | { kind: 'near'; why: string };

/** A name with the forms comparisons need, computed once (the roster is compared pairwise). */
export interface PreparedName {
  trimmed: string;
  norm: string;
  sorted: string;
  /** Normalised without parenthesised parts. */
  bare: string;
  digits: string;
  /** Acronyms written in the name, and the other words of its bare form. */
  acronyms: { acr: string; rest: string[] }[];
}

export function prepareName(name: string): PreparedName {
  const trimmed = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  const norm = normalizeName(trimmed);
  const bare = normalizeName(withoutParentheses(trimmed));
  const words = bare.split(' ').filter(Boolean);
  return {
    trimmed,
    norm,
    sorted: norm.split(' ').sort().join(' '),
    bare,
    digits: (norm.match(/\d+/g) ?? []).join(' '),
    acronyms: acronymsOf(withoutParentheses(trimmed)).map((acr) => ({ acr, rest: words.filter((w) => w !== acr) })),
  };
}

/**
 * Whether two names look like the same body: undefined if not. "exact" means identical after
 * trimming and collapsing spaces; "near" covers case, punctuation, accents, a leading "The",
 * word order, a parenthesised acronym, an acronym for leading words, and small typos.
 */
export function compareNames(x: string | PreparedName, y: string | PreparedName): NameMatch | undefined {
  const a = typeof x === 'string' ? prepareName(x) : x;
  const b = typeof y === 'string' ? prepareName(y) : y;
  if (!a.trimmed || !b.trimmed) return undefined;
  if (a.trimmed === b.trimmed) return { kind: 'exact' };
  if (!a.norm || !b.norm) return undefined;
  if (a.norm === b.norm) return { kind: 'near', why: 'differs only in case, accents, punctuation or a leading "The"' };
  // Numbers name different bodies ("Region 1" and "Region 2"): never match across them.
  if (a.digits !== b.digits) return undefined;
  if (a.sorted === b.sorted) return { kind: 'near', why: 'same words in another order' };
  if (a.bare && b.bare && (a.bare === b.bare || a.bare === b.norm || b.bare === a.norm))
    return { kind: 'near', why: 'differs only in a parenthesised part' };
  if (isTypo(a.norm, b.norm) || isTypo(a.sorted, b.sorted)) return { kind: 'near', why: 'a small spelling difference' };
  if (isAcronymPair(a, b)) return { kind: 'near', why: 'an acronym of the other name' };
  return undefined;
}

/** How many edits a typo may make in names whose shorter one has `len` characters: 1 from 6, 2 from 10, 3 from 20. */
export function typoLimit(len: number): number {
  return len >= 20 ? 3 : len >= 10 ? 2 : len >= 6 ? 1 : 0;
}

/**
 * A small spelling difference between two normalised names, within typoLimit edits in all:
 * - the same number of words, edits inside words position by position ("Katacombs" /
 *   "Katakomb"), where one word replaced by another of similar length ("Human Rights in Asia" /
 *   "… in Iran") is a different body;
 * - words joined, split or shifted ("Anna Kim Lee" / "Ann Akim Lee"): the same letters without
 *   the spaces;
 * - a short word left out ("Network of Human Rights Seoul" / "Network Human Rights Seoul").
 * An edit across a space combined with another is not a typo: that is what keeps the index of
 * these names (name-index.ts) small.
 */
export function isTypo(a: string, b: string): boolean {
  const limit = typoLimit(Math.min(a.length, b.length));
  if (!limit || Math.abs(a.length - b.length) > limit) return false;
  const wa = a.split(' ');
  const wb = b.split(' ');
  if (wa.length === wb.length) {
    let total = 0;
    let differing = 0;
    let one = 0;
    for (let i = 0; i < wa.length && total <= limit; i++)
      if (wa[i] !== wb[i]) {
        differing++;
        one = i;
        total += distance(wa[i]!, wb[i]!);
      }
    if (total <= limit) {
      if (differing !== 1) return true;
      const x = wa[one]!;
      const y = wb[one]!;
      return total <= Math.max(1, Math.floor(Math.min(x.length, y.length) / 4));
    }
  }
  if (a.replaceAll(' ', '') === b.replaceAll(' ', '')) return distance(a, b) <= limit;
  if (Math.abs(wa.length - wb.length) !== 1) return false;
  const [long, short] = wa.length > wb.length ? [wa, wb] : [wb, wa];
  let at = 0;
  while (at < short.length && long[at] === short[at]) at++;
  return long[at]!.length + 1 <= limit && long.slice(at + 1).every((w, i) => w === short[at + i]);
}

/** Whether either name uses an acronym for the other (acronymMatch, both ways). */
export function isAcronymPair(a: PreparedName, b: PreparedName): boolean {
  return acronymMatch(a, b.bare || b.norm) || acronymMatch(b, a.bare || a.norm);
}

/**
 * `short` uses an acronym for leading words of `long` and every other word of it appears in
 * `long` (allowing a typo): "HH Katacombs" ~ "Helping Hands Korea Catacombs"; "AJAR" ~ "Asia
 * Justice and Rights". An acronym alone must have 3 letters or more.
 */
function acronymMatch(short: PreparedName, longNormalized: string): boolean {
  if (!short.acronyms.length) return false;
  const longWords = longNormalized.split(' ');
  for (const { acr, rest } of short.acronyms) {
    if (!rest.length && acr.length < 3) continue;
    if (!expandsTo(acr, longWords)) continue;
    if (
      rest.every((w) =>
        longWords.some((l) => l === w || (w.length >= 6 && distance(l, w) <= Math.max(2, Math.floor(w.length * 0.4)))),
      )
    )
      return true;
  }
  return false;
}

/** Whether the acronym's letters are the initials of consecutive words (common words optional). */
function expandsTo(acr: string, words: string[]): boolean {
  for (let start = 0; start < words.length; start++) {
    let i = 0;
    for (let j = start; j < words.length && i < acr.length; j++) {
      const w = words[j]!;
      if (w[0] === acr[i]) i++;
      else if (!COMMON.has(w)) break;
    }
    if (i === acr.length) return true;
  }
  return false;
}

/**
 * For an index of names (name-index.ts): the first letters (up to 3) of each acronym acronymMatch
 * would try, and the initials of every run of words an acronym could stand for (the words of the
 * name's long form, common words skippable between them), 2 and 3 long. An acronym matches a name
 * only if its key is among that name's initial keys. Keys are numbers (initialsKey): a name has
 * dozens of initial keys and no string need be made for them.
 */
export function acronymKeys(n: PreparedName): number[] {
  return n.acronyms
    .filter(({ acr, rest }) => rest.length || acr.length >= 3)
    .map(({ acr }) => initialsKey(acr.charCodeAt(0), acr.charCodeAt(1), acr.length > 2 ? acr.charCodeAt(2) : 0));
}

export function initialKeys(n: PreparedName): number[] {
  const words = (n.bare || n.norm).split(' ').filter(Boolean);
  const keys = new Set<number>();
  // The next word an acronym letter may take after word j: any, up to the first that is not common.
  const next = (j: number) => {
    const out: number[] = [];
    for (let k = j + 1; k < words.length; k++) {
      out.push(k);
      if (!COMMON.has(words[k]!)) break;
    }
    return out;
  };
  const first = words.map((w) => w.charCodeAt(0));
  for (let i = 0; i < words.length; i++)
    for (const j of next(i)) {
      keys.add(initialsKey(first[i]!, first[j]!, 0));
      for (const k of next(j)) keys.add(initialsKey(first[i]!, first[j]!, first[k]!));
    }
  return [...keys];
}

/** Two or three initials (UTF-16 code units, 0 for none) as one small integer (10 bits each: other letters may share a key, and only add candidates). */
function initialsKey(a: number, b: number, c: number): number {
  return ((a & 1023) << 20) | ((b & 1023) << 10) | (c & 1023);
}
