/**
 * Intl objects, built once per process for each language and set of options: building one is
 * about a millisecond of ICU work, and every letter of a run reuses the same few. Immutable, so
 * sharing them is safe. The one cache of Intl objects: code elsewhere asks here, never `new Intl.…`
 * per call.
 */
const cache = new Map<string, unknown>();

function memo<T>(key: string, make: () => T): T {
  let v = cache.get(key) as T | undefined;
  if (v === undefined) cache.set(key, (v = make()));
  return v;
}

type Locales = string | readonly string[];
const keyOf = (locales: Locales, options: object | undefined) => JSON.stringify([locales, options ?? {}]);

/** Country and region names in a language ("KR" → "대한민국"); an unknown code is shown as itself. */
export const regionNames = (tag: string): Intl.DisplayNames =>
  memo(`region|${tag}`, () => new Intl.DisplayNames([tag], { type: 'region', fallback: 'code' }));

/** Language names in a language ("ko" → "Korean", "한국어"); an unknown code is shown as itself. */
export const languageNames = (tag: string): Intl.DisplayNames =>
  memo(`language|${tag}`, () => new Intl.DisplayNames([tag], { type: 'language', fallback: 'code' }));

export const collator = (tag: string, options: Intl.CollatorOptions): Intl.Collator =>
  memo(`collator|${tag}|${JSON.stringify(options)}`, () => new Intl.Collator(tag, options));

export const dateFormat = (locales: Locales, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  memo(`date|${keyOf(locales, options)}`, () => new Intl.DateTimeFormat(locales as string | string[], options));

export const numberFormat = (locales: Locales, options?: Intl.NumberFormatOptions): Intl.NumberFormat =>
  memo(`number|${keyOf(locales, options)}`, () => new Intl.NumberFormat(locales as string | string[], options));

export const pluralRules = (locales: Locales, options?: Intl.PluralRulesOptions): Intl.PluralRules =>
  memo(`plural|${keyOf(locales, options)}`, () => new Intl.PluralRules(locales as string | string[], options));

/** Words as the language divides them: spaces in English or Korean, a dictionary in Chinese and Japanese. */
export const wordSegmenter = (tag: string): Intl.Segmenter =>
  memo(`words|${tag}`, () => new Intl.Segmenter(tag, { granularity: 'word' }));

/**
 * A tag's likely script and region filled in (ja → ja-Jpan-JP, fr → fr-Latn-FR); undefined for a
 * tag Intl cannot read (the locale schema reports those).
 */
export const likelyLocale = (tag: string): Intl.Locale | undefined =>
  memo(`likely|${tag}`, () => {
    try {
      return new Intl.Locale(tag).maximize();
    } catch {
      return null;
    }
  }) ?? undefined;
