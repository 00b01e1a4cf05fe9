import { createRequire } from 'node:module';
import type * as Countries from 'i18n-iso-countries';

let codes: ReadonlySet<string> | undefined;

/** The ISO 3166-1 alpha-2 codes (i18n-iso-countries), without loading any language's names. */
export function countryCodes(): ReadonlySet<string> {
  const require = createRequire(import.meta.url);
  codes ??= new Set(Object.keys((require('i18n-iso-countries') as typeof Countries).getAlpha2Codes()));
  return codes;
}
