import { writeFolderAtomic } from '../output/write-folder-atomic.js';
import type { BuiltDelivery } from './build-delivery.js';

/**
 * Writes a built delivery to `dest`, replacing what was there: the new folder is written beside it
 * and swapped in, so stale packets vanish and a failure half-way leaves the previous delivery
 * untouched. The only place delivery writes to disk.
 */
export function writePlan(dest: string, built: BuiltDelivery): void {
  writeFolderAtomic(dest, built.files, { replace: true });
}
