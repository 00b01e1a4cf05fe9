import type { LetterDocument, SignatureEntry } from './letter-document.js';

/** A signature as a line prints it: the name, then the country between `before` and `after`. */
export interface PrintedSignature {
  name: string;
  before: string;
  country: string | undefined;
  after: string;
}

/**
 * How `entry` is printed in `doc`. A name that ends in its own brackets ("…調査会（COMJAN）",
 * "북한인권위원회(HRNK)"), in a letter that brackets the country too and joins the two
 * (`countryInsideBrackets`: ja "、", zh "，", ko ", "), gets one pair of brackets, the country
 * inside after the joiner: 「…調査会（COMJAN、日本）」, "북한인권위원회(HRNK, 미국)", not
 * 「…（COMJAN）（日本）」. Where the letter puts a space before the country's bracket, the name's
 * own spacing before its bracket stays ("…위원회(HRNK, 미국)"); a full-width bracket takes none.
 * In a list whose brackets are full-width (ja, zh), a name's own half-width last brackets are set
 * in them too, with or without a country: 「Asia Justice and Rights（AJAR）」 beside
 * 「International Christian Concern（ICC、米国）」, the bracket being the list's typography, not
 * the Latin word's. The entry itself keeps the name and the country apart, as signed (letter.json).
 */
export function printedSignature(
  entry: SignatureEntry,
  doc: Pick<LetterDocument, 'countryAffix' | 'countryInsideBrackets'>,
): PrintedSignature {
  const { before, after } = doc.countryAffix;
  const plain = { name: entry.name, before, country: entry.country, after };
  const bracketed = /[（(]$/u.test(before) && /^[）)]/u.test(after);
  const m = /^(.*?)(\s*)[（(]([^（）()]+)[）)]$/u.exec(entry.name);
  if (!bracketed || !m || !m[1]) return plain;
  if (entry.country === undefined) {
    const fullWidth = before.endsWith('（') && after.startsWith('）');
    // The brackets stay in the name: its style, and line breaks at its spaces, not the country's.
    return fullWidth && entry.name.endsWith(')') ? { ...plain, name: `${m[1]}（${m[3]}）` } : plain;
  }
  const joiner = doc.countryInsideBrackets;
  if (joiner === undefined) return plain;
  const opening = before.slice(-1);
  const separator = before.slice(0, -1);
  const spacing = /^\s+$/u.test(separator) ? (m[2] ?? '') : separator;
  return { name: m[1], before: spacing + opening, country: `${m[3]}${joiner}${entry.country}`, after };
}
