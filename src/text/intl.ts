import { memo } from '../util/memo.js';

/**
 * Intl objects, built once per process for each language and set of options: building one is
 * about a millisecond of ICU work, and every letter of a run reuses the same few. Immutable, so
 * sharing them is safe. The one cache of Intl objects: code elsewhere asks here, never `new Intl.…`
 * per call.
 */

type Locales = string | readonly string[];
const keyOf = (locales: Locales, options: object | undefined) => JSON.stringify([locales, options ?? {}]);

/** Country and region names in a language ("KR" → "대한민국"); an unknown code is shown as itself. */
export const regionNames = memo(
  (tag: string): Intl.DisplayNames => new Intl.DisplayNames([tag], { type: 'region', fallback: 'code' }),
);

/** Language names in a language ("ko" → "Korean", "한국어"); an unknown code is shown as itself. */
export const languageNames = memo(
  (tag: string): Intl.DisplayNames => new Intl.DisplayNames([tag], { type: 'language', fallback: 'code' }),
);

export const collator = memo(
  (tag: string, options: Intl.CollatorOptions): Intl.Collator => new Intl.Collator(tag, options),
  { key: keyOf },
);

export const dateFormat = memo(
  (locales: Locales, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
    new Intl.DateTimeFormat(locales as string | string[], options),
  { key: keyOf },
);

export const numberFormat = memo(
  (locales: Locales, options?: Intl.NumberFormatOptions): Intl.NumberFormat =>
    new Intl.NumberFormat(locales as string | string[], options),
  { key: keyOf },
);

export const pluralRules = memo(
  (locales: Locales, options?: Intl.PluralRulesOptions): Intl.PluralRules =>
    new Intl.PluralRules(locales as string | string[], options),
  { key: keyOf },
);

/** Words as the language divides them: spaces in English or Korean, a dictionary in Chinese and Japanese. */
export const wordSegmenter = memo((tag: string): Intl.Segmenter => new Intl.Segmenter(tag, { granularity: 'word' }));

/**
 * A tag's likely script and region filled in (ja → ja-Jpan-JP, fr → fr-Latn-FR); undefined for a
 * tag Intl cannot read (the locale schema reports those).
 */
export const likelyLocale = memo((tag: string): Intl.Locale | undefined => {
  try {
    return new Intl.Locale(tag).maximize();
  } catch {
    return undefined;
  }
});
