import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type * as Countries from 'i18n-iso-countries';
import { closest } from '../util/closest.js';
import { normalizeCountry } from '../text/country-names.js';

/**
 * Country names to ISO 3166-1 alpha-2 codes: every name and alias i18n-iso-countries keeps, in each
 * of its languages (official forms such as "Moldova, Republic of" read either way round), plus the
 * names coalitions actually write that no standard lists ("DPRK", "Holland", "남한").
 */
const WRITTEN: Record<string, string> = {
  korea: 'KR',
  rok: 'KR',
  'korea south': 'KR',
  한국: 'KR',
  남한: 'KR',
  dprk: 'KP',
  'democratic peoples republic of korea': 'KP',
  'korea north': 'KP',
  북한: 'KP',
  조선: 'KP',
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
  'lao pdr': 'LA',
  'viet nam': 'VN',
};

let table: { byName: Map<string, string>; codes: Set<string>; english: Map<string, string> } | undefined;

function build() {
  const require = createRequire(import.meta.url);
  const countries = require('i18n-iso-countries') as typeof Countries;
  const langs = dirname(require.resolve('i18n-iso-countries/langs/en.json'));
  for (const file of readdirSync(langs)
    .filter((f) => f.endsWith('.json'))
    .sort())
    countries.registerLocale(require(`${langs}/${file}`) as Countries.LocaleData);
  const codes = new Set(Object.keys(countries.getAlpha2Codes()));
  const english = new Map(Object.entries(countries.getNames('en')));
  const byName = new Map<string, string>();
  const seen = new Set<string>();
  const add = (name: string, code: string) => {
    if (seen.has(name)) return; // many languages share a name: normalise it once
    seen.add(name);
    const forms = name.includes('(')
      ? [name, name.replace(/\s*\([^)]*\)/g, ''), ...[...name.matchAll(/\(([^)]+)\)/g)].map((m) => m[1]!)]
      : [name];
    for (const form of forms) {
      const k = normalizeCountry(form);
      if (k && !byName.has(k)) byName.set(k, code);
    }
  };
  for (const [k, code] of Object.entries(WRITTEN)) byName.set(normalizeCountry(k), code);
  // English first, so a name two languages give to different countries means what it means in English.
  const languages = ['en', ...countries.langs().filter((l) => l !== 'en')];
  for (const lang of languages)
    for (const [code, names] of Object.entries(countries.getNames(lang, { select: 'all' })))
      for (const name of names) add(name, code);
  return { byName, codes, english };
}

/**
 * The ISO code for what someone typed in a form's country field: a code ("kr", "KR") or a name in
 * one of many languages. `undefined` code with a suggestion when it cannot be mapped.
 */
export function countryCode(input: string): { code: string | undefined; suggestion?: string } {
  table ??= build();
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
