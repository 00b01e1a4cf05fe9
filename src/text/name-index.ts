import { distance } from 'fastest-levenshtein';
import { acronymKeys, initialKeys, isAcronymPair, isTypo, typoLimit, type PreparedName } from './name-match.js';

/**
 * The names of a roster or of a sign-on file, indexed so that finding the ones `compareNames` may
 * call alike costs a few lookups instead of a comparison with every name (a 100,000-row import
 * compared 5·10⁹ pairs). The index only narrows: every name compareNames would match is among
 * the candidates, and the caller still decides with compareNames, so the verdicts do not change.
 *
 * Each rule of compareNames has its key: equal forms (trimmed, normalised, word-sorted, without
 * the parenthesised part) are hash keys; a small spelling difference (isTypo: edits inside words,
 * words joined or split, a short word left out) through the words of the names (TypoIndex); an
 * acronym by the initials of the words it stands for.
 */
export class NameIndex {
  private readonly names: PreparedName[][] = [];
  /** The forms compareNames tests for equality, each in its own map (no key strings built). */
  private readonly byTrimmed = new Map<string, number[]>();
  private readonly byNorm = new Map<string, number[]>();
  private readonly bySorted = new Map<string, number[]>();
  private readonly byBare = new Map<string, number[]>();
  private readonly vocabulary: Vocabulary;
  private readonly norms: TypoIndex;
  private readonly sorted: TypoIndex;
  /** Names holding an acronym, by its first letters; names by the initials of their words. */
  private readonly acronyms = new Map<number, number[]>();
  private readonly initials = new Map<number, number[]>();

  /** An index, sharing the words of `other` if given (each name is then read once for both). */
  constructor(other?: NameIndex) {
    this.vocabulary = other?.vocabulary ?? new Vocabulary();
    this.norms = new TypoIndex(this.vocabulary);
    this.sorted = new TypoIndex(this.vocabulary);
  }

  /** Index `name` as one of the names of entry `entry` (an entry may have several names). */
  add(name: PreparedName, entry: number): void {
    if (!name.trimmed) return;
    (this.names[entry] ??= []).push(name);
    push(this.byTrimmed, name.trimmed, entry);
    if (!name.norm) return;
    push(this.byNorm, name.norm, entry);
    push(this.bySorted, name.sorted, entry);
    if (name.bare) push(this.byBare, name.bare, entry);
    this.norms.add(name.norm, entry);
    this.sorted.add(name.sorted, entry);
    const { acronyms, initials } = this.vocabulary.keys(name);
    for (const key of acronyms) push(this.acronyms, key, entry);
    for (const key of initials) push(this.initials, key, entry);
  }

  /** The entries holding a name compareNames may find like `name`, ascending. */
  candidates(name: PreparedName): number[] {
    if (!name.trimmed) return [];
    const out = new Set<number>(this.byTrimmed.get(name.trimmed));
    if (name.norm) {
      const equal = (map: Map<string, number[]>, key: string) => {
        for (const e of map.get(key) ?? []) out.add(e);
      };
      equal(this.byNorm, name.norm);
      equal(this.bySorted, name.sorted);
      // `bare` is compared with `bare` and with `norm`, both ways.
      if (name.bare) {
        equal(this.byBare, name.bare);
        equal(this.byNorm, name.bare);
        equal(this.byBare, name.norm);
      }
      // The keys narrow to a few entries each; the rule itself, cheap on those, keeps the real ones.
      const keep = (entries: Iterable<number>, test: (n: PreparedName) => boolean) => {
        for (const e of entries) if (!out.has(e) && this.names[e]!.some(test)) out.add(e);
      };
      keep(this.norms.near(name.norm), (n) => isTypo(n.norm, name.norm));
      keep(this.sorted.near(name.sorted), (n) => isTypo(n.sorted, name.sorted));
      const acronyms = new Set<number>();
      const keys = this.vocabulary.keys(name);
      for (const key of keys.acronyms) for (const e of this.initials.get(key) ?? []) acronyms.add(e);
      for (const key of keys.initials) for (const e of this.acronyms.get(key) ?? []) acronyms.add(e);
      keep(acronyms, (n) => isAcronymPair(n, name));
    }
    return [...out].sort((a, b) => a - b);
  }
}

function push<K>(map: Map<K, number[]>, key: K, entry: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [entry]);
  else if (list[list.length - 1] !== entry) list.push(entry);
}

/**
 * Strings isTypo may accept as alike, found through their words. A string is a sequence of
 * words of one vocabulary; a typo inside words keeps the word count and changes each word to one
 * of its vocabulary neighbours (words a few edits away), so a candidate holds at every position
 * the query's word or a neighbour of it. Strings are filed by (word count, position, word) and by
 * pairs of neighbouring words; a query looks up the neighbouring pair of positions whose words
 * are rarest and checks each string found at every position. Joined, split or shifted words are
 * one hash key (the letters without spaces), a short word left out another (the string without it).
 */
class TypoIndex {
  /** Per indexed string: its entry and its words. */
  private readonly entryOf: number[] = [];
  private readonly wordsOf: Int32Array[] = [];
  /** Per word: (word count, position) → the strings holding the word there. */
  private readonly postings: Map<number, number[]>[] = [];
  /** (word count, position, the word before it, the word) → the strings holding both there. */
  private readonly pairs = new Map<number, number[]>();
  private readonly letters = new Map<string, number[]>();
  private readonly whole = new Map<string, number[]>();
  /** A string with one short word left out → the strings it was made from. */
  private readonly shortened = new Map<string, number[]>();

  constructor(private readonly vocabulary: Vocabulary) {}

  add(s: string, entry: number): void {
    if (!typoLimit(s.length)) return;
    const id = this.entryOf.length;
    this.entryOf.push(entry);
    const { ids, letters, shortenings } = this.vocabulary.read(s);
    this.wordsOf.push(ids);
    for (let p = 0; p < ids.length; p++) {
      const slots = (this.postings[ids[p]!] ??= new Map());
      const slot = slotOf(ids.length, p);
      const list = slots.get(slot);
      if (list) list.push(id);
      else slots.set(slot, [id]);
      if (p) push(this.pairs, pairKey(ids.length, p, ids[p - 1]!, ids[p]!), id);
    }
    push(this.letters, letters, id);
    push(this.whole, s, id);
    for (const shorter of shortenings) push(this.shortened, shorter, id);
  }

  /** Entries with a string isTypo may accept against `s` (and a few more). */
  near(s: string): number[] {
    const tau = typoLimit(s.length);
    if (!tau) return [];
    const found: number[] = [];
    const keep = (list: number[] | undefined) => {
      if (list) for (const id of list) found.push(this.entryOf[id]!);
    };
    const { ids, letters, shortenings } = this.vocabulary.read(s);
    keep(this.letters.get(letters));
    keep(this.shortened.get(s));
    for (const shorter of shortenings) keep(this.whole.get(shorter));

    // Per position: the words a candidate may hold there (with their distances to the query's).
    const k = ids.length;
    const allowed = Array.from(ids, (w) => this.vocabulary.allowed(w, tau));
    const { wordsOf, postings, pairs } = this;
    const check = (id: number) => {
      const words = wordsOf[id]!;
      if (words.length !== k) return;
      let total = 0;
      for (let p = 0; p < k && total <= tau; p++) total += allowed[p]!.distance(words[p]!);
      if (total <= tau) found.push(this.entryOf[id]!);
    };
    if (k === 1) {
      for (const w of allowed[0]!.ids) for (const id of postings[w]?.get(slotOf(1, 0)) ?? []) check(id);
      return found;
    }
    // A candidate holds allowed words at every two neighbouring positions: the pair of positions
    // whose own words are rarest there. Per word allowed at the first: its strings, if few (a
    // typo's word, seen once or twice), else those holding it beside each word allowed at the
    // second (the query's own word, seen thousands of times, with the words allowed beside it).
    let at = 1;
    let fewest = Infinity;
    const count = (p: number, w: number) => postings[w]?.get(slotOf(k, p))?.length ?? 0;
    let before = count(0, ids[0]!);
    for (let p = 1; p < k; p++) {
      const here = count(p, ids[p]!);
      if (before * here < fewest) {
        fewest = before * here;
        at = p;
      }
      before = here;
    }
    const second = allowed[at]!.ids;
    for (const a of allowed[at - 1]!.ids) {
      const strings = postings[a]?.get(slotOf(k, at - 1));
      if (!strings) continue;
      if (strings.length <= second.length) for (const id of strings) check(id);
      else for (const b of second) for (const id of pairs.get(pairKey(k, at, a, b)) ?? []) check(id);
    }
    return found;
  }
}

/** The words a candidate may hold at one position of a query, with their distances to its word. */
interface Allowed {
  ids: Int32Array;
  /** The distance to the query's word, more than any limit for a word not allowed. */
  distance(id: number): number;
}

/**
 * The words of the names indexed, each with its neighbours: the other words within the edits a
 * typo inside a word may make (2, or 3 between words of 12 letters or more: isTypo's one-word
 * rule), found by their shared deletions (SymSpell: two words within d edits of each other become
 * one string after at most d deletions from each).
 */
class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly near: Neighbour[][] = [];
  private readonly deletions = new Map<string, number[]>();
  /** Per string read: its words, its letters without spaces, its forms with a short word left out. */
  private readonly strings = new Map<string, Read>();
  /** Per name: its acronym and initial keys (a name is looked up in two indexes, then added to one). */
  private readonly initials = new WeakMap<PreparedName, { acronyms: number[]; initials: number[] }>();
  /** Per word and limit: the words allowed in its place, kept while its neighbours are the same. */
  private readonly allowedCache = new Map<number, Allowed & { neighbours: number }>();

  keys(name: PreparedName): { acronyms: number[]; initials: number[] } {
    let keys = this.initials.get(name);
    if (!keys) {
      keys = { acronyms: acronymKeys(name), initials: initialKeys(name) };
      this.initials.set(name, keys);
    }
    return keys;
  }

  read(s: string): Read {
    let r = this.strings.get(s);
    if (!r) {
      const words = s.split(' ');
      r = {
        ids: Int32Array.from(words, (w) => this.id(w)),
        letters: words.join(''),
        shortenings: shorteningsOf(words),
      };
      this.strings.set(s, r);
    }
    return r;
  }

  /**
   * The words a string alike within `tau` edits may hold in place of word `id`: itself, and each
   * neighbour within the edits one changed word among others may make (tau − 1), or a single
   * changed word (isTypo's one-word rule).
   */
  allowed(id: number, tau: number): Allowed {
    const key = id * 4 + tau;
    const near = this.near[id]!;
    const cached = this.allowedCache.get(key);
    if (cached && cached.neighbours === near.length) return cached;
    const ok = near.filter((n) => n.d <= tau && (n.d < tau || n.d <= Math.max(1, Math.floor(n.shorter / 4))));
    const ids = Int32Array.from([id, ...ok.map((n) => n.id)]);
    const ds = [0, ...ok.map((n) => n.d)];
    const distanceTo = (other: number) => {
      for (let i = 0; i < ids.length; i++) if (ids[i] === other) return ds[i]!;
      return tau + 1;
    };
    const made = { ids, distance: distanceTo, neighbours: near.length };
    this.allowedCache.set(key, made);
    return made;
  }

  /** The word's number, the word added (with its neighbours) if new. */
  private id(word: string): number {
    const known = this.ids.get(word);
    if (known !== undefined) return known;
    const id = this.words.length;
    this.ids.set(word, id);
    this.words.push(word);
    this.near.push([]);
    const met = new Set<number>();
    for (const key of deletionsOf(word, reach(word.length))) {
      const list = this.deletions.get(key);
      if (!list) {
        this.deletions.set(key, [id]);
        continue;
      }
      for (const other of list) {
        if (met.has(other)) continue;
        met.add(other);
        const o = this.words[other]!;
        const shorter = Math.min(word.length, o.length);
        const d = distance(word, o);
        if (d > reach(shorter)) continue;
        this.near[id]!.push({ id: other, d, shorter });
        this.near[other]!.push({ id, d, shorter });
      }
      list.push(id);
    }
    return id;
  }
}

interface Read {
  ids: Int32Array;
  letters: string;
  shortenings: string[];
}

/** A word near another: its number, the distance between them, the length of the shorter. */
interface Neighbour {
  id: number;
  d: number;
  shorter: number;
}

/** The edits a typo may make inside a word of `length` letters (the shorter of two words). */
function reach(length: number): number {
  return length >= 12 ? 3 : 2;
}

/** The word with up to `depth` letters deleted, each form once. */
function deletionsOf(word: string, depth: number): Set<string> {
  const out = new Set([word]);
  let level = [word];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const w of level)
      for (let i = 0; i < w.length; i++) {
        const shorter = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(shorter)) {
          out.add(shorter);
          next.push(shorter);
        }
      }
    level = next;
  }
  return out;
}

/** The string with one word of at most two letters left out (a typo of at most 3 edits). */
function shorteningsOf(words: string[]): string[] {
  const out: string[] = [];
  if (words.length < 2) return out;
  words.forEach((w, i) => {
    if (w.length <= 2) out.push([...words.slice(0, i), ...words.slice(i + 1)].join(' '));
  });
  return out;
}

/** (word count, position) as one small integer; clamped counts only merge lists, and candidates are checked. */
function slotOf(count: number, position: number): number {
  return Math.min(count, 1023) * 1024 + Math.min(position, 1023);
}

/** A pair of neighbouring words at a place in strings of a word count, hashed to a small integer (collisions only add candidates). */
function pairKey(count: number, position: number, before: number, word: number): number {
  return (
    (Math.imul(before + 1, 0x9e3779b1) ^
      Math.imul(word + 1, 0x85ebca77) ^
      Math.imul(slotOf(count, position) + 1, 0xc2b2ae3d)) &
    0x3fffffff
  );
}
