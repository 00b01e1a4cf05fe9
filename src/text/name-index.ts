import { acronymKeys, initialKeys, isAcronymPair, isTypo, typoLimit, type PreparedName } from './name-match.js';

/**
 * The names of a roster or of a sign-on file, indexed so that finding the ones `compareNames` may
 * call alike costs a few lookups instead of a comparison with every name (a 100,000-row import
 * compared 5·10⁹ pairs). The index only narrows: every name compareNames would match is among
 * the candidates, and the caller still decides with compareNames, so the verdicts do not change.
 *
 * Each rule of compareNames has its key: equal forms (trimmed, normalised, word-sorted, without
 * the parenthesised part) are hash keys; a small spelling difference (at most 3 edits) is found by
 * the pigeonhole principle (a name split into edits+1 pieces keeps one piece intact, at a
 * position the edits can shift only a little: PassJoin, Li et al., VLDB 2011); an acronym by the
 * initials of the words it stands for.
 */
export class NameIndex {
  private readonly names = new Map<number, PreparedName[]>();
  private readonly exact = new Map<string, number[]>();
  private readonly norms = new TypoIndex();
  private readonly sorted = new TypoIndex();
  /** Names holding an acronym, by its first letters; names by the initials of their words. */
  private readonly acronyms = new Map<string, number[]>();
  private readonly initials = new Map<string, number[]>();

  /** Index `name` as one of the names of entry `entry` (an entry may have several names). */
  add(name: PreparedName, entry: number): void {
    if (!name.trimmed) return;
    const names = this.names.get(entry);
    if (names) names.push(name);
    else this.names.set(entry, [name]);
    for (const key of exactKeys(name)) push(this.exact, key, entry);
    if (!name.norm) return;
    this.norms.add(name.norm, entry);
    this.sorted.add(name.sorted, entry);
    for (const key of acronymKeys(name)) push(this.acronyms, key, entry);
    for (const key of initialKeys(name)) push(this.initials, key, entry);
  }

  /** The entries holding a name compareNames may find like `name`, ascending. */
  candidates(name: PreparedName): number[] {
    if (!name.trimmed) return [];
    const out = new Set<number>();
    for (const key of lookupKeys(name)) for (const e of this.exact.get(key) ?? []) out.add(e);
    if (name.norm) {
      // The keys narrow to a few entries each; the rule itself, cheap on those, keeps the real ones.
      const keep = (entries: Iterable<number>, test: (n: PreparedName) => boolean) => {
        for (const e of entries) if (!out.has(e) && this.names.get(e)!.some(test)) out.add(e);
      };
      keep(this.norms.near(name.norm), (n) => isTypo(n.norm, name.norm));
      keep(this.sorted.near(name.sorted), (n) => isTypo(n.sorted, name.sorted));
      const acronyms = new Set<number>();
      for (const key of acronymKeys(name)) for (const e of this.initials.get(key) ?? []) acronyms.add(e);
      for (const key of initialKeys(name)) for (const e of this.acronyms.get(key) ?? []) acronyms.add(e);
      keep(acronyms, (n) => isAcronymPair(n, name));
    }
    return [...out].sort((a, b) => a - b);
  }
}

// The forms compareNames tests for equality, tagged so that a word-sorted form never meets a
// normalised one by accident; `bare` is compared with `bare` and with `norm` (both ways).
function exactKeys(n: PreparedName): string[] {
  const keys = [`t ${n.trimmed}`];
  if (n.norm) keys.push(`n ${n.norm}`, `s ${n.sorted}`);
  if (n.bare) keys.push(`b ${n.bare}`, `bn ${n.norm}`);
  return keys;
}

function lookupKeys(n: PreparedName): string[] {
  const keys = [`t ${n.trimmed}`];
  if (n.norm) keys.push(`n ${n.norm}`, `s ${n.sorted}`);
  if (n.bare) keys.push(`b ${n.bare}`, `bn ${n.bare}`, `b ${n.norm}`);
  return keys;
}

function push<K>(map: Map<K, number[]>, key: K, entry: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [entry]);
  else if (list[list.length - 1] !== entry) list.push(entry);
}

/**
 * Strings within isTypo's edit distance of each other: PassJoin with position-aware windows. A
 * string of length L is cut into pieces(L) pieces of about PIECE characters, at least two more
 * than edits: a candidate must keep all but `tau` of them in place, not one (names built of the
 * same words share single pieces by the thousand, and longer strings share more).
 */
class TypoIndex {
  /** Hash of (length, piece number, piece text) → entries; a collision only adds a candidate. */
  private readonly pieces = new Map<number, number[]>();
  /** The lengths indexed. */
  private readonly lengths = new Set<number>();
  // Per entry: the last (query, piece) that hit it, and its count of pieces in the current query.
  private lastPiece = new Int32Array(256);
  private lastQuery = new Int32Array(256);
  private hits = new Int32Array(256);
  private piece = 0;
  private query = 0;

  add(s: string, entry: number): void {
    const len = s.length;
    const tau = typoLimit(len);
    if (!tau) return;
    this.lengths.add(len);
    if (entry >= this.hits.length) this.grow(entry);
    const h = prefixHashes(s);
    const count = pieces(len);
    for (let i = 0; i < count; i++) {
      const start = pieceStart(len, count, i);
      const end = pieceStart(len, count, i + 1);
      push(this.pieces, pieceKey(len, i, substringHash(h, start, end)), entry);
    }
  }

  /** Entries with a string that keeps enough pieces in place against `s`: all that isTypo may accept, and more. */
  near(s: string): number[] {
    const l = s.length;
    const found: number[] = [];
    const query = ++this.query;
    const h = prefixHashes(s);
    const { lastPiece, lastQuery, hits } = this;
    // The limit of a pair is that of the shorter string, at most typoLimit(l).
    const most = typoLimit(l);
    for (let len = l - most; len <= l + most; len++) {
      const tau = typoLimit(Math.min(l, len));
      if (!this.lengths.has(len) || !tau || Math.abs(l - len) > tau) continue;
      // Each edit breaks at most one piece: the others are intact, each moved by `shift`, the
      // edits before it, where |shift| + |delta − shift| ≤ tau.
      const count = pieces(len);
      const need = count - tau;
      const delta = l - len;
      const from = Math.ceil((delta - tau) / 2);
      const to = Math.floor((delta + tau) / 2);
      for (let i = 0; i < count; i++) {
        const piece = ++this.piece;
        const start = pieceStart(len, count, i);
        const pieceLen = pieceStart(len, count, i + 1) - start;
        for (let shift = from; shift <= to; shift++) {
          const at = start + shift;
          if (at < 0 || at + pieceLen > l) continue;
          const entries = this.pieces.get(pieceKey(len, i, substringHash(h, at, at + pieceLen)));
          if (!entries) continue;
          for (let k = 0; k < entries.length; k++) {
            const e = entries[k]!;
            if (lastPiece[e] === piece) continue;
            lastPiece[e] = piece;
            if (lastQuery[e] !== query) {
              lastQuery[e] = query;
              hits[e] = 0;
            }
            if (++hits[e]! === need) found.push(e);
          }
        }
      }
    }
    return found;
  }

  private grow(entry: number): void {
    const size = Math.max(entry + 1, this.hits.length * 2);
    const larger = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.lastPiece = larger(this.lastPiece);
    this.lastQuery = larger(this.lastQuery);
    this.hits = larger(this.hits);
  }
}

/** About this many characters a piece (see TypoIndex). */
const PIECE = 4;

/** The number of pieces a string of `length` is cut into: at least two more than its edits. */
function pieces(length: number): number {
  return Math.max(typoLimit(length) + 2, Math.floor(length / PIECE));
}

/** Where piece `i` of `count` even pieces of a string of `length` starts (the last ones one longer). */
function pieceStart(length: number, count: number, i: number): number {
  const short = Math.floor(length / count);
  const shorter = count - (length % count);
  return i <= shorter ? i * short : shorter * short + (i - shorter) * (short + 1);
}

// Polynomial hashes modulo 2³², so that any piece of a string hashes in O(1) without slicing it.
const BASE = 0x01000193;
const powers: number[] = [1];

function prefixHashes(s: string): number[] {
  const h = [0];
  for (let i = 0; i < s.length; i++) h.push((Math.imul(h[i]!, BASE) + s.charCodeAt(i)) | 0);
  while (powers.length <= s.length) powers.push(Math.imul(powers[powers.length - 1]!, BASE));
  return h;
}

function substringHash(h: number[], from: number, to: number): number {
  return (h[to]! - Math.imul(h[from]!, powers[to - from]!)) | 0;
}

// Kept within V8's small integers: such Map keys are neither allocated nor hashed as doubles.
function pieceKey(length: number, piece: number, hash: number): number {
  return (Math.imul(hash, 31) + length * 64 + piece) & 0x3fffffff;
}
