import type { SignatureEntry } from '../model/letter-document.js';
import type { Signatory, SignatoryCountryStyle } from '../model/project.js';
import { fold } from '../text/fold.js';
import { countryName, isSignedPlace } from '../text/country-names.js';
import { collator, regionNames } from '../text/intl.js';

/** How one signatory signed one letter, when not in the roster's usual form (source language). */
export interface SignedForm {
  as?: string | undefined;
  sortAs?: string | undefined;
  /** The country as signed, or false when it gave none. */
  country?: string | false | undefined;
}

/** A letter's way of printing signatories: per-entry forms, its country names and style. */
export interface SignedAs {
  forms: ReadonlyMap<string, SignedForm>;
  /** Country names the letter used, by ISO code (source language only). */
  countryNames: ReadonlyMap<string, string>;
  style: SignatoryCountryStyle;
  /** Whether this is the letter's source language, where the forms as signed apply. */
  source: boolean;
  /** The source language's tag: a name that ends with the country in that language does not repeat it either. */
  sourceTag?: string | undefined;
}

const USUAL: SignedAs = { forms: new Map(), countryNames: new Map(), style: 'after-comma', source: true };

/**
 * The signature entries of one letter in one language: names in the language where the roster
 * has an established one (else as signed, else the roster's), country names as the letter wrote
 * them or from Intl, organisations before individuals, each group sorted by the language's
 * collation (or kept as listed). A name that already ends with its country does not repeat it.
 */
export function signatureList(
  signatories: Signatory[],
  locale: {
    code: string;
    tag: string;
    signatoryNames?: ReadonlyMap<string, { name: string; sortAs: string | undefined }>;
    /** States' names where the language's usage differs from Intl's, by ISO code. */
    countryNames?: ReadonlyMap<string, { text: string }>;
    /** Places signed with that are not states, in the language, by the name as signed. */
    placeNames?: ReadonlyMap<string, { text: string }>;
  },
  order: 'collation' | 'as-listed',
  signed: SignedAs = USUAL,
): SignatureEntry[] {
  const local = (s: Signatory) => locale.signatoryNames?.get(s.id);
  const form = (s: Signatory): SignedForm => signed.forms.get(s.id) ?? {};
  const sourceRegions = signed.sourceTag ? regionNames(signed.sourceTag) : undefined;
  const stateTags = [signed.sourceTag ?? 'en', 'en'];
  /** The country printed after `s`, and whether it is the one written for this entry (`asSigned`). */
  const countryOf = (s: Signatory): { country: string | undefined; asSigned: boolean } => {
    const f = form(s);
    if (signed.style === 'none' || f.country === false) return { country: undefined, asSigned: false };
    if (typeof f.country === 'string') {
      if (signed.source) return { country: f.country, asSigned: true };
      // A place that is not the state ("Kashmir" for India) stays what was signed: in the
      // language's form where its countries.yaml has one, else as written (check warns).
      const letters = s.country ? signed.countryNames.get(s.country) : undefined;
      if (isSignedPlace(f.country, s.country, stateTags, letters ? [letters] : []))
        return { country: locale.placeNames?.get(f.country)?.text ?? f.country, asSigned: true };
    }
    if (!s.country) return { country: undefined, asSigned: false };
    const country =
      (signed.source ? signed.countryNames.get(s.country) : undefined) ??
      countryName(s.country, locale.tag, locale.countryNames);
    return { country, asSigned: false };
  };
  /**
   * The name a translation prints: its own, else as signed without a trailing bracketed country in
   * the source language ("…North Korea)(Japan)"), which the language then prints in its own words.
   */
  const nameOf = (s: Signatory): string => {
    const own = local(s)?.name ?? s.names.get(locale.code);
    if (own !== undefined) return own;
    const as = form(s).as;
    if (as === undefined) return s.name.text;
    if (signed.source || !s.country) return as;
    let name = as;
    for (const c of [signed.countryNames.get(s.country), sourceRegions?.of(s.country)])
      if (c) name = withoutBracketedEnd(name, c);
    return name;
  };
  const entries = signatories.map((s) => {
    const name = nameOf(s);
    // A country written for this entry is printed as signed, even after a name that ends with it;
    // "…for Paraguay" in a Japanese letter does not add パラグアイ either.
    const { country, asSigned } = countryOf(s);
    const inName =
      country !== undefined &&
      (endsWithWord(name, country) ||
        (s.country !== undefined && endsWithWord(name, sourceRegions?.of(s.country) ?? country)));
    return {
      s,
      entry: {
        id: s.id,
        name,
        country: inName && !asSigned ? undefined : country,
      } satisfies SignatureEntry,
    };
  });
  if (order === 'as-listed') return entries.map((e) => e.entry);
  const byName = collator(locale.tag, { sensitivity: 'base', ignorePunctuation: true, numeric: true });
  const key = (s: Signatory, shown: string) =>
    local(s)?.sortAs ??
    s.sortAs.get(locale.code) ??
    (local(s) || s.names.has(locale.code) ? shown : (form(s).sortAs ?? s.sortAs.get('') ?? shown));
  return entries
    .sort((a, b) => {
      if (a.s.kind !== b.s.kind) return a.s.kind === 'organisation' ? -1 : 1;
      return byName.compare(key(a.s, a.entry.name), key(b.s, b.entry.name)) || (a.s.id < b.s.id ? -1 : 1);
    })
    .map((e) => e.entry);
}

/** `name` without a last bracketed `country` ("…Korea)(Japan)" → "…Korea)"); else `name` as it is. */
function withoutBracketedEnd(name: string, country: string): string {
  const end = /\s*[(（]([^()（）]+)[)）]$/u.exec(name);
  if (!end || end.index === 0 || fold(end[1]!).trim() !== fold(country).trim()) return name;
  return name.slice(0, end.index);
}

/**
 * Whether the name already ends with the country ("… Association of Japan", "Odhikar - Bangladesh",
 * "…(Japan)"), comparing letters and digits only, so the country is not printed twice.
 */
function endsWithWord(name: string, country: string): boolean {
  const letters = (s: string) =>
    fold(s)
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const n = letters(name);
  const c = letters(country);
  // Chinese and Japanese write no space before the country: "…日本" ends with "日本" as it is.
  const unspaced = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u.test(c);
  return c.length > 0 && (n === c || n.endsWith(` ${c}`) || (unspaced && n.endsWith(c)));
}
