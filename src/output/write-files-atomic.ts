import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Write several workspace files, each through a temporary file renamed into place, so an
 * interrupted write never leaves a truncated YAML file. All temporary files are written before
 * any is renamed, so a failure while writing changes nothing.
 */
export function writeFilesAtomic(root: string, files: ReadonlyMap<string, string>): void {
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
}
