import { likelyLocale } from './intl.js';

/** Scripts written right to left (ISO 15924). */
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Syrc', 'Thaa', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr']);

/**
 * The script a BCP 47 tag is likely written in ("ar" → Arab, "zh-Hans" → Hans), through
 * Intl.Locale's likely subtags; Latin for an invalid tag (the locale schema reports it).
 */
export function likelyScript(tag: string): string {
  return likelyLocale(tag)?.script ?? 'Latn';
}

/** The writing direction of text in the language tagged `tag`: rtl for Arabic, Hebrew, Syriac, Thaana … scripts. */
export function writingDirection(tag: string): 'ltr' | 'rtl' {
  return RTL_SCRIPTS.has(likelyScript(tag)) ? 'rtl' : 'ltr';
}
