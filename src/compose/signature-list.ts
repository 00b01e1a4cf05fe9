import type { SignatureEntry } from '../model/letter-document.js';
import type { Signatory } from '../model/project.js';
import { collator, regionNames } from '../util/intl.js';

/**
 * The signature entries of one letter in one language: names in the language where the roster
 * has an established one, country names from Intl, organisations before individuals, each group
 * sorted by the language's collation (or kept as listed).
 */
export function signatureList(
  signatories: Signatory[],
  locale: {
    code: string;
    tag: string;
    signatoryNames?: ReadonlyMap<string, { name: string; sortAs: string | undefined }>;
  },
  order: 'collation' | 'as-listed',
): SignatureEntry[] {
  const local = (s: Signatory) => locale.signatoryNames?.get(s.id);
  const regions = regionNames(locale.tag);
  const entries = signatories.map((s) => ({
    s,
    entry: {
      id: s.id,
      name: local(s)?.name ?? s.names.get(locale.code) ?? s.name.text,
      country: s.country ? regions.of(s.country) : undefined,
    } satisfies SignatureEntry,
  }));
  if (order === 'as-listed') return entries.map((e) => e.entry);
  const byName = collator(locale.tag, { sensitivity: 'base', ignorePunctuation: true, numeric: true });
  const key = (s: Signatory, shown: string) =>
    local(s)?.sortAs ??
    s.sortAs.get(locale.code) ??
    (local(s) || s.names.has(locale.code) ? shown : (s.sortAs.get('') ?? shown));
  return entries
    .sort((a, b) => {
      if (a.s.kind !== b.s.kind) return a.s.kind === 'organisation' ? -1 : 1;
      return byName.compare(key(a.s, a.entry.name), key(b.s, b.entry.name)) || (a.s.id < b.s.id ? -1 : 1);
    })
    .map((e) => e.entry);
}
