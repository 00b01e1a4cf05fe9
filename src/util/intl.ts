/**
 * Intl formatters, built once per process for each language and set of options: building one is
 * about a millisecond of ICU work, and every letter of a run reuses the same few. Immutable, so
 * sharing them is safe. The one cache of Intl objects.
 */
const cache = new Map<string, unknown>();

function memo<T>(key: string, make: () => T): T {
  let v = cache.get(key) as T | undefined;
  if (v === undefined) cache.set(key, (v = make()));
  return v;
}

/** Country and region names in a language ("KR" → "대한민국"); an unknown code is shown as itself. */
export const regionNames = (tag: string): Intl.DisplayNames =>
  memo(`region|${tag}`, () => new Intl.DisplayNames([tag], { type: 'region', fallback: 'code' }));

export const collator = (tag: string, options: Intl.CollatorOptions): Intl.Collator =>
  memo(`collator|${tag}|${JSON.stringify(options)}`, () => new Intl.Collator(tag, options));

export const dateFormat = (tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  memo(`date|${tag}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(tag, options));
