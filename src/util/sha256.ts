import { createHash } from 'node:crypto';

/**
 * Hex SHA-256 of bytes or of a string's UTF-8, or of several such parts one after another (the same
 * digest as of their concatenation, without copying a font's megabytes into one buffer): the
 * manifest's file hashes, the delivery record, message ids, the caches' keys and file names.
 */
export function sha256(data: Uint8Array | string | readonly (Uint8Array | string)[]): string {
  const hash = createHash('sha256');
  for (const part of typeof data === 'string' || data instanceof Uint8Array ? [data] : data) hash.update(part);
  return hash.digest('hex');
}
