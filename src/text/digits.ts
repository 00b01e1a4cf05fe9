import type { Digits } from '../model/project.js';

/**
 * `tag` with the Unicode extension that makes Intl write numbers in `digits` ("ar" with arab →
 * "ar-u-nu-arab"), for formatting only: the document's language stays the plain tag. Without
 * `digits`, the tag itself (Intl's own digits for it).
 */
export function numberingTag(tag: string, digits: Digits | undefined): string {
  return digits === undefined ? tag : new Intl.Locale(tag, { numberingSystem: digits }).toString();
}

const formats = new Map<string, Intl.NumberFormat>();

/** A whole number in `digits`, without grouping (page numbers: 12 → "١٢"); Latin digits without. */
export function formatDigits(n: number, digits: Digits | undefined): string {
  if (digits === undefined) return String(n);
  let f = formats.get(digits);
  if (f === undefined) formats.set(digits, (f = new Intl.NumberFormat(`en-u-nu-${digits}`, { useGrouping: false })));
  return f.format(n);
}
