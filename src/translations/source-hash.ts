import { sha256 } from '../util/sha256.js';

/**
 * A short fingerprint of an English source text. A translation remembers the fingerprint of the
 * source it was made from (locales/<lng>/sources.lock.json), so a later change to the English
 * marks it stale.
 */
export function sourceHash(text: string): string {
  return sha256(text.normalize('NFC')).slice(0, 12);
}
