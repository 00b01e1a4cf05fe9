import { dirname, resolve } from 'node:path';
import { writeFolderAtomic } from '../output/write-folder-atomic.js';

/**
 * Writes a built delivery's files to `dest`, replacing what was there: the new folder is written
 * beside it and swapped in, so stale packets vanish and a failure half-way leaves the previous
 * delivery untouched. The only place delivery writes to disk.
 */
export function writeDelivery(dest: string, files: ReadonlyMap<string, Uint8Array | string>): void {
  // The campaign's output folder (…/<campaign>/delivery → …): the lock `render` takes for it.
  writeFolderAtomic(dest, files, { replace: true, lockDir: dirname(dirname(resolve(dest))) });
}
