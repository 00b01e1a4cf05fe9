import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BusyError, withLock } from './output-lock.js';

/**
 * Write several workspace files, each through a temporary file renamed into place, so an
 * interrupted write never leaves a truncated YAML file. All temporary files are written before
 * any is renamed, so a failure while writing changes nothing.
 *
 * Holding the folder's lock, and, for each file in `expected` (the text it was read with), only
 * if it still holds that text: an edit saved, or another import written, since this run read the
 * file is never overwritten with a result computed from the older text.
 */
export function writeFilesAtomic(
  root: string,
  files: ReadonlyMap<string, string>,
  { expected }: { expected?: ReadonlyMap<string, string> } = {},
): void {
  withLock(root, () => {
    for (const rel of files.keys()) {
      if (!expected?.has(rel)) continue;
      const abs = join(root, rel);
      const now = existsSync(abs) ? readFileSync(abs, 'utf8').replace(/^\uFEFF/, '') : undefined;
      if (now !== expected.get(rel))
        throw new BusyError(
          `${rel} changed since openletter read it (saved in an editor, or written by another run); nothing written`,
          'run the command again: it starts from the file as it is now',
        );
    }
    const staged: [string, string][] = [];
    try {
      for (const [rel, text] of files) {
        const abs = join(root, rel);
        mkdirSync(dirname(abs), { recursive: true });
        const tmp = `${abs}.tmp-${process.pid}`;
        writeFileSync(tmp, text);
        staged.push([tmp, abs]);
      }
    } catch (e) {
      for (const [tmp] of staged) rmSync(tmp, { force: true });
      throw e;
    }
    for (const [tmp, abs] of staged) renameSync(tmp, abs);
  });
}
