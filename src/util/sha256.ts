import { createHash } from 'node:crypto';

/** Hex SHA-256 of bytes or of a string's UTF-8: the manifest's file hashes, the delivery record, message ids. */
export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}
