import { closest } from '../util/closest.js';

/**
 * Country names to ISO 3166-1 alpha-2 codes, built from Intl.DisplayNames over every region code,
 * in English, Korean and other common languages, plus the names coalitions actually write
 * ("Republic of Korea", "DPRK", "USA", "한국"). No hand-kept table of 250 names.
 */

const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'ZZ', 'QO', 'XA', 'XB']);
const NAME_LANGUAGES = [
  'en',
  'ko',
  'ja',
  'zh',
  'zh-Hant',
  'es',
  'fr',
  'de',
  'pt',
  'it',
  'nl',
  'ru',
  'id',
  'vi',
  'th',
  'ar',
  'tr',
  'pl',
  'sv',
  'no',
  'da',
  'fi',
];
const WRITTEN: Record<string, string> = {
  korea: 'KR',
  'republic of korea': 'KR',
  rok: 'KR',
  'korea south': 'KR',
  'south korea': 'KR',
  한국: 'KR',
  남한: 'KR',
  대한민국: 'KR',
  dprk: 'KP',
  'north korea': 'KP',
  'democratic peoples republic of korea': 'KP',
  'korea north': 'KP',
  북한: 'KP',
  조선: 'KP',
  usa: 'US',
  us: 'US',
  'united states of america': 'US',
  america: 'US',
  uk: 'GB',
  'great britain': 'GB',
  britain: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  holland: 'NL',
  burma: 'MM',
  'ivory coast': 'CI',
  swaziland: 'SZ',
  'czech republic': 'CZ',
  'east timor': 'TL',
  'viet nam': 'VN',
  'lao pdr': 'LA',
  'russian federation': 'RU',
};

/** Lowercase, accents dropped, punctuation as spaces, no leading "the"; "Korea, Republic of" → "republic of korea". */
export function normalizeCountry(s: string): string {
  let t = s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .trim();
  const inverted = /^([^,]+),\s*(.+\bof)$/.exec(t);
  if (inverted) t = `${inverted[2]} ${inverted[1]}`;
  return t
    .replace(/[’'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

let table: { byName: Map<string, string>; codes: Set<string>; english: Map<string, string> } | undefined;

function build(extraLanguages: readonly string[]) {
  const codes = new Set<string>();
  const english = new Map<string, string>();
  const probe = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code)) continue;
      const name = probe.of(code);
      if (!name || name === code) continue;
      // Withdrawn codes (BU, YU, SU, …) canonicalise to another region: not valid in the roster.
      if (
        new Intl.Locale(`und-${code}`).region !== code ||
        Intl.getCanonicalLocales(`und-${code}`)[0] !== `und-${code}`
      )
        continue;
      codes.add(code);
      english.set(code, name);
    }
  const byName = new Map<string, string>();
  const add = (name: string | undefined, code: string) => {
    if (!name) return;
    for (const form of [
      name,
      name.replace(/\s*\([^)]*\)/g, ''),
      ...[...name.matchAll(/\(([^)]+)\)/g)].map((m) => m[1]!),
    ]) {
      const k = normalizeCountry(form);
      if (k && !byName.has(k)) byName.set(k, code);
    }
  };
  for (const [k, code] of Object.entries(WRITTEN)) byName.set(normalizeCountry(k), code);
  for (const lang of [...NAME_LANGUAGES, ...extraLanguages])
    for (const style of ['long', 'short'] as const) {
      let names: Intl.DisplayNames;
      try {
        names = new Intl.DisplayNames([lang], { type: 'region', style, fallback: 'none' });
      } catch {
        continue;
      }
      for (const code of codes) add(names.of(code), code);
    }
  return { byName, codes, english };
}

/**
 * The ISO code for what someone typed in a form's country field: a code ("kr", "KR") or a name in
 * one of many languages. `undefined` code with a suggestion when it cannot be mapped.
 */
export function countryCode(
  input: string,
  extraLanguages: readonly string[] = [],
): { code: string | undefined; suggestion?: string } {
  table ??= build(extraLanguages);
  const t = input.trim();
  if (/^[A-Za-z]{2}$/.test(t) && table.codes.has(t.toUpperCase()) && !table.byName.has(normalizeCountry(t)))
    return { code: t.toUpperCase() };
  const byName = table.byName.get(normalizeCountry(t));
  if (byName) return { code: byName };
  if (/^[A-Za-z]{2}$/.test(t) && table.codes.has(t.toUpperCase())) return { code: t.toUpperCase() };
  const guess = closest(normalizeCountry(t), [...table.english.values()].map(normalizeCountry));
  const code = guess ? table.byName.get(guess) : undefined;
  return { code: undefined, suggestion: code ? `${table.english.get(code)} (${code})` : undefined };
}
