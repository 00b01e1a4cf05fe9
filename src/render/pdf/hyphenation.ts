import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';
import { UNSPACED_SCRIPT } from './break-units.js';

/** Offsets inside `word` (UTF-16) where a hyphen may be inserted, in increasing order. */
export type Hyphenator = (word: string) => number[];

/** Shortest word ever hyphenated, in letters. */
const MIN_WORD = 6;
/** Letters kept before the first and after the last hyphen (TeX's \lefthyphenmin / \righthyphenmin for English). */
const MIN_BEFORE = 2;
const MIN_AFTER = 3;

/**
 * dist/hyphenation/ of this package, seen from dist/render/pdf/ or (tests run from source)
 * src/render/pdf/: the build (scripts/build-hyphenation.mjs) writes the `hyphen` package's patterns
 * there, compressed, so that the package need not be installed.
 */
const HYPHENATION_DIR = fileURLToPath(new URL('../../../dist/hyphenation/', import.meta.url));

type HyphenateSync = (text: string, options: { hyphenChar: string; minWordLength: number }) => string;
type CreateHyphenator = (patterns: unknown) => HyphenateSync;

const byTag = new Map<string, Hyphenator | undefined>();
let languages: Record<string, string> | undefined;

/**
 * Liang hyphenation patterns for a BCP 47 tag, from the `hyphen` package (TeX's patterns): "en-GB"
 * takes the British patterns, "en" and "en-US" the American ones, "fr-CA" the French ones; a language
 * with no patterns (Korean, Japanese, Chinese) gets none. Loaded on first use and kept for the process.
 */
export function hyphenatorFor(lang: string): Hyphenator | undefined {
  const tag = lang.toLowerCase();
  if (byTag.has(tag)) return byTag.get(tag);
  const primary = tag.split('-')[0] ?? tag;
  const hyphenator = load(tag) ?? load(primary);
  byTag.set(tag, hyphenator);
  return hyphenator;
}

function load(name: string): Hyphenator | undefined {
  languages ??= JSON.parse(readFileSync(HYPHENATION_DIR + 'languages.json', 'utf8')) as Record<string, string>;
  const file = Object.hasOwn(languages, name) ? languages[name] : undefined;
  if (file === undefined) return undefined;
  const patterns: unknown = JSON.parse(
    brotliDecompressSync(readFileSync(`${HYPHENATION_DIR}patterns/${file}.json.br`)).toString('utf8'),
  );
  const createHyphenator = createRequire(import.meta.url)(HYPHENATION_DIR + 'hyphen.cjs') as CreateHyphenator;
  const hyphenateSync = createHyphenator(patterns);
  const cache = new Map<string, number[]>();
  return (word) => {
    let points = cache.get(word);
    if (points === undefined) {
      points = [...word].length < MIN_WORD ? [] : breakPoints(hyphenateSync(word, HYPHENATE_OPTIONS), word);
      cache.set(word, points);
    }
    return points;
  };
}

/** U+00AD marks each point in the patterns' output; the word itself never contains one (layout removes it). */
const HYPHENATE_OPTIONS = { hyphenChar: '\u00ad', minWordLength: MIN_WORD };

function breakPoints(marked: string, word: string): number[] {
  const points: number[] = [];
  let offset = 0;
  for (const part of marked.split('\u00ad')) {
    offset += part.length;
    points.push(offset);
  }
  points.pop();
  return points.filter((p) => [...word.slice(0, p)].length >= MIN_BEFORE && [...word.slice(p)].length >= MIN_AFTER);
}

/** A whitespace-delimited token that must never be hyphenated: URLs, e-mail addresses, paths, numbers. */
const UNHYPHENATED_TOKEN = /[@/\\:\d_=]|^www\./iu;

/**
 * Hyphenation points of `text` as UTF-16 offsets: inside words of letters only, never in a token that
 * looks like a URL, an e-mail address or a number, never in an all-capitals word (acronyms, "UNICEF").
 * Words that already carry a hyphen are broken only at that hyphen (UAX #14 allows it). Thai, Lao,
 * Khmer and Burmese are never hyphenated: they break between dictionary words, with no hyphen drawn.
 */
export function hyphenationPoints(text: string, hyphenate: Hyphenator): number[] {
  let known = tokenPoints.get(hyphenate);
  if (known === undefined) tokenPoints.set(hyphenate, (known = new Map()));
  const points: number[] = [];
  for (const token of text.matchAll(/\S+/gu)) {
    let inToken = known.get(token[0]);
    if (inToken === undefined) {
      if (known.size >= MAX_KNOWN_TOKENS) known.clear();
      inToken = pointsInToken(token[0], hyphenate);
      known.set(token[0], inToken);
    }
    for (const p of inToken) points.push(token.index + p);
  }
  return points;
}

/** Past this many tokens per language the memo starts over, so a long batch cannot grow it without bound. */
const MAX_KNOWN_TOKENS = 50_000;
/** Hyphenation points of each whitespace-delimited token met so far, per language: letters repeat their words. */
const tokenPoints = new WeakMap<Hyphenator, Map<string, readonly number[]>>();

function pointsInToken(token: string, hyphenate: Hyphenator): number[] {
  if (UNHYPHENATED_TOKEN.test(token) || /[-\u2010\u00ad]/u.test(token)) return [];
  const points: number[] = [];
  for (const word of token.matchAll(/[\p{L}\p{M}]+/gu)) {
    if (word[0] === word[0].toUpperCase() || UNSPACED_SCRIPT.test(word[0])) continue;
    for (const p of hyphenate(word[0])) points.push(word.index + p);
  }
  return points;
}
