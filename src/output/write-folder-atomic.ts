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
  withLock(lockDir ?? dirname(dest), () => swapIn(dest, files, { replace }), waitMs === undefined ? {} : { waitMs });
}

/**
 * The swap itself, for a caller already holding the lock: the folder's files are copied along
 * (unless `replace`), except those in `remove`, then `files` written over them.
 */
export function swapIn(
  dest: string,
  files: ReadonlyMap<string, Uint8Array | string>,
  { replace = false, remove = [] }: { replace?: boolean; remove?: readonly string[] } = {},
): void {
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
    for (const rel of remove) {
      rmSync(join(tmp, safe(rel)), { force: true });
      // A packet folder left empty goes with its last file.
      for (let d = dirname(join(tmp, rel)); d !== tmp && !readdirSync(d).length; d = dirname(d))
        rmSync(d, { recursive: true });
    }
    for (const [rel, data] of files) {
      const abs = join(tmp, safe(rel));
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

/** A relative output path (forward slashes) that stays inside its folder. */
function safe(rel: string): string {
  if (rel.split('/').some((p) => p === '..' || p === '' || p === '.') || /^[\\/]|^[A-Za-z]:/.test(rel))
    throw new Error(`refusing unsafe output path "${rel}"`);
  return rel;
}
