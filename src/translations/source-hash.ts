import { createHash } from 'node:crypto';

/**
 * A short fingerprint of an English source text. A translation remembers the fingerprint of the
 * source it was made from (locales/<lng>/sources.lock.json), so a later change to the English
 * marks it stale.
 */
export function sourceHash(text: string): string {
  return createHash('sha256').update(text.normalize('NFC')).digest('hex').slice(0, 12);
}
