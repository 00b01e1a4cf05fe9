import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { withLock } from './output-lock.js';

/**
 * Update an output folder all at once: copy what it holds into a sibling temporary folder, write
 * the new files there, then swap it into place. A failure half-way leaves the previous output
 * untouched and no temporary folder behind; files not being rewritten are kept.
 *
 * All of it happens holding the lock of `lockDir` (default: the folder above `target`): a run
 * writing the same output tree at the same time waits, so neither deletes the other's temporary
 * folder as left over, and a render finishing after a deliver copies the newer delivery along
 * instead of putting an older one back.
 *
 * `files` maps relative paths (forward slashes, no "..") to contents.
 */
export function writeFolderAtomic(
  target: string,
  files: ReadonlyMap<string, Uint8Array | string>,
  { replace = false, lockDir, waitMs }: { replace?: boolean; lockDir?: string; waitMs?: number } = {},
): void {
  const dest = resolve(target);
  withLock(lockDir ?? dirname(dest), () => swapIn(dest, files, replace), waitMs === undefined ? {} : { waitMs });
}

function swapIn(dest: string, files: ReadonlyMap<string, Uint8Array | string>, replace: boolean): void {
  const parent = dirname(dest);
  mkdirSync(parent, { recursive: true });
  const tmp = join(parent, `.${basename(dest)}.tmp-${process.pid}`);
  const old = join(parent, `.${basename(dest)}.old-${process.pid}`);
  // Temporary folders left by a run that was killed outright (SIGKILL, power loss) go now: under
  // the lock, no running openletter can be writing one.
  // A run killed between its two renames left the previous output in ".old-": put it back first.
  for (const name of existsSync(parent) ? readdirSync(parent) : []) {
    const leftover = join(parent, name);
    if (name.startsWith(`.${basename(dest)}.old-`) && !existsSync(dest)) renameSync(leftover, dest);
    else if (name.startsWith(`.${basename(dest)}.tmp-`) || name.startsWith(`.${basename(dest)}.old-`))
      rmSync(leftover, { recursive: true, force: true });
  }
  try {
    if (!replace && existsSync(dest)) cpSync(dest, tmp, { recursive: true });
    else mkdirSync(tmp, { recursive: true });
    for (const [rel, data] of files) {
      if (rel.split('/').some((p) => p === '..' || p === '' || p === '.') || /^[\\/]|^[A-Za-z]:/.test(rel))
        throw new Error(`refusing unsafe output path "${rel}"`);
      const abs = join(tmp, rel);
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, data);
    }
    if (existsSync(dest)) renameSync(dest, old);
    try {
      renameSync(tmp, dest);
    } catch (e) {
      if (existsSync(old)) renameSync(old, dest);
      throw e;
    }
    rmSync(old, { recursive: true, force: true });
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}
