import { createRequire } from 'node:module';
import { fold } from './fold.js';
import { regionNames } from './intl.js';

/** Lowercase, accents dropped, punctuation as spaces, no leading "the"; "Korea, Republic of" → "republic of korea". */
export function normalizeCountry(s: string): string {
  let t = fold(s).trim();
  const inverted = /^([^,]+),\s*(.+\bof)$/.exec(t);
  if (inverted) t = `${inverted[2]} ${inverted[1]}`;
  return t
    .replace(/[’'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/**
 * A state's name in a language: the language's own form where its usage differs from CLDR's
 * (locales/<lng>/countries.yaml `names:`, e.g. UN Arabic تايلند, UN Russian Тимор-Лешти), else Intl's.
 */
export function countryName(code: string, tag: string, names?: ReadonlyMap<string, { text: string }>): string {
  return names?.get(code)?.text ?? regionNames(tag).of(code) ?? code;
}

let englishNames: Record<string, string | string[]> | undefined;

/**
 * Whether `written`, a country as a signatory wrote it, names the state `code`: its name in one of
 * `tags`' languages, one of the English names ISO's list keeps ("Korea, Republic of", "South Korea",
 * "UK"), or one of `also` (the letter's own country names, "ROK"). A region that is not the state
 * ("Kashmir" for India) does not: a translation prints it as signed, never as the state.
 */
export function namesState(
  written: string,
  code: string,
  tags: readonly string[],
  also: readonly string[] = [],
): boolean {
  // One JSON file (the English names only), not the whole multilingual table src/draft/countries.ts builds.
  englishNames ??= (
    createRequire(import.meta.url)('i18n-iso-countries/langs/en.json') as {
      countries: Record<string, string | string[]>;
    }
  ).countries;
  const iso = englishNames[code] ?? [];
  const names = [...tags.map((t) => regionNames(t).of(code) ?? ''), ...(Array.isArray(iso) ? iso : [iso]), ...also];
  const w = normalizeCountry(written);
  return names.some((n) => n !== '' && normalizeCountry(n) === w);
}

/**
 * Whether a country as signed is a place other than the signatory's state (`code`, the roster's;
 * undefined when it has none): every language then prints that place, never the state.
 */
export function isSignedPlace(
  written: string,
  code: string | undefined,
  tags: readonly string[],
  also: readonly string[] = [],
): boolean {
  return code === undefined || !namesState(written, code, tags, also);
}
