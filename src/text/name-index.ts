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
 * Strings within isTypo's edit distance of each other: PassJoin with position-aware windows and
 * two more pieces than edits, so that a candidate must keep two pieces in place, not one (names
 * built of the same words share single pieces by the thousand).
 */
class TypoIndex {
  /** Hash of (length, piece number, piece text) → entries; a collision only adds a candidate. */
  private readonly pieces = new Map<number, number[]>();
  /** The lengths indexed, with their number of pieces. */
  private readonly counts = new Map<number, number>();
  // Per entry: the last (query, piece) that hit it, and its count of pieces in the current query.
  private readonly lastPiece: number[] = [];
  private readonly lastQuery: number[] = [];
  private readonly hits: number[] = [];
  private piece = 0;
  private query = 0;

  add(s: string, entry: number): void {
    const tau = typoLimit(s.length);
    if (!tau) return;
    this.counts.set(s.length, tau + 2);
    const h = prefixHashes(s);
    splitInto(s.length, tau + 2).forEach(([start, len], i) =>
      push(this.pieces, pieceKey(s.length, i, substringHash(h, start, start + len)), entry),
    );
  }

  /** Entries with a string that keeps enough pieces in place against `s`: all that isTypo may accept, and more. */
  near(s: string): number[] {
    const l = s.length;
    const found: number[] = [];
    const query = ++this.query;
    const h = prefixHashes(s);
    // The limit of a pair is that of the shorter string, at most typoLimit(l).
    const most = typoLimit(l);
    for (let len = l - most; len <= l + most; len++) {
      const count = this.counts.get(len);
      const tau = typoLimit(Math.min(l, len));
      if (!count || !tau || Math.abs(l - len) > tau) continue;
      // Each edit breaks at most one piece: the others are intact, each moved by `shift`, the
      // edits before it, where |shift| + |delta − shift| ≤ tau.
      const need = count - tau;
      const delta = l - len;
      splitInto(len, count).forEach(([start, pieceLen], i) => {
        const piece = ++this.piece;
        for (let shift = Math.ceil((delta - tau) / 2); shift <= Math.floor((delta + tau) / 2); shift++) {
          const at = start + shift;
          if (at < 0 || at + pieceLen > l) continue;
          for (const e of this.pieces.get(pieceKey(len, i, substringHash(h, at, at + pieceLen))) ?? []) {
            if (this.lastPiece[e] === piece) continue;
            this.lastPiece[e] = piece;
            if (this.lastQuery[e] !== query) {
              this.lastQuery[e] = query;
              this.hits[e] = 0;
            }
            if (++this.hits[e]! === need) found.push(e);
          }
        }
      });
    }
    return found;
  }
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

function pieceKey(length: number, piece: number, hash: number): number {
  return Math.imul(hash, 31) + length * 8 + piece;
}

/** `count` consecutive pieces of a string of `length`, as even as can be: [start, length][]. */
function splitInto(length: number, count: number): [number, number][] {
  const short = Math.floor(length / count);
  const longer = length % count;
  const out: [number, number][] = [];
  for (let i = 0, start = 0; i < count; i++) {
    const len = short + (i >= count - longer ? 1 : 0);
    out.push([start, len]);
    start += len;
  }
  return out;
}
