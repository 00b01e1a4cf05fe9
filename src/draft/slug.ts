import anyAscii from 'any-ascii';
import { isSafeId } from '../load/schemas.js';
import { sha256 } from '../util/sha256.js';

/**
 * A safe id for a new roster entry from its name, romanised by any-ascii: "Helping Hands
 * Korea_Catacombs" → "helping-hands-korea-catacombs", "참여연대" → "chamyeoyeondae" (Revised
 * Romanization), "Правозащитный центр" → "pravozashchitnyy-tsentr", kana by sound, Han by its Mandarin reading.
 * A name with no letters to romanise gets "signatory-" and a short hash. Never one of `taken`.
 */
export function idFromName(name: string, taken: ReadonlySet<string>): string {
  let base = anyAscii(name.normalize('NFC'))
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (base.length > 56) base = base.slice(0, 56).replace(/-[^-]*$/, '') || base.slice(0, 56);
  if (!base || !/[a-z]/.test(base)) base = `signatory-${sha256(name).slice(0, 8)}`;
  if (!isSafeId(base)) base = `${base}-1`;
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  return id;
}
