import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** The lock folder's name inside the folder it guards. */
const LOCK = '.openletter.lock';

/**
 * Another openletter run holds the lock and did not let go in time. The CLI prints it as one line
 * and exits 1; nothing was written.
 */
export class BusyError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

interface Owner {
  pid: number;
  host: string;
}

function ownerOf(lock: string): Owner | undefined {
  try {
    return JSON.parse(readFileSync(join(lock, 'owner.json'), 'utf8')) as Owner;
  } catch {
    return undefined;
  }
}

/** A process on this machine that no longer runs cannot hold a lock: its lock is left over. */
function isLeftOver(lock: string): boolean {
  const owner = ownerOf(lock);
  if (!owner) {
    // Created but its owner file not written yet, or a crash just then: stale after a few seconds.
    try {
      return Date.now() - statSync(lock).mtimeMs > 5000;
    } catch {
      return true;
    }
  }
  if (owner.host !== hostname()) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Run `fn` holding the lock of folder `dir` (`dir/.openletter.lock`, made with an atomic mkdir),
 * so two runs writing the same output (a `render --watch` and a `deliver`) or the same workspace
 * files take turns instead of deleting or overwriting each other's work. A second run waits up to
 * `waitMs`, then gives up with a BusyError; a lock left by a run that was killed is taken over.
 */
export function withLock<T>(dir: string, fn: () => T, { waitMs = 30_000 } = {}): T {
  mkdirSync(dir, { recursive: true });
  const lock = join(dir, LOCK);
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'owner.json'), JSON.stringify({ pid: process.pid, host: hostname() }));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (isLeftOver(lock)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() >= deadline) {
        const owner = ownerOf(lock);
        throw new BusyError(
          `another openletter run${owner ? ` (process ${owner.pid}${owner.host === hostname() ? '' : ` on ${owner.host}`})` : ''} is writing ${dir}; waited ${Math.round(waitMs / 1000)} s, nothing written`,
          `run again when it has finished; if no other run is going on, delete ${lock}`,
        );
      }
      pause(100);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
