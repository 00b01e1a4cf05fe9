import type { Digits } from '../model/project.js';
import { numberFormat } from './intl.js';

/**
 * `tag` with the Unicode extension that makes Intl write numbers in `digits` ("ar" with arab →
 * "ar-u-nu-arab"), for formatting only: the document's language stays the plain tag. Without
 * `digits`, the tag itself (Intl's own digits for it).
 */
export function numberingTag(tag: string, digits: Digits | undefined): string {
  return digits === undefined ? tag : new Intl.Locale(tag, { numberingSystem: digits }).toString();
}

/** A whole number in `digits`, without grouping (page numbers: 12 → "١٢"); Latin digits without. */
export function formatDigits(n: number, digits: Digits | undefined): string {
  if (digits === undefined) return String(n);
  return numberFormat(`en-u-nu-${digits}`, { useGrouping: false }).format(n);
}
