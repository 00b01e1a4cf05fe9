import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { FileStat, Io } from './io.js';

/** The real machine: the process's folder, environment, clock, standard streams and disk. */
export function nodeIo(): Io {
  const cwd = currentFolder();
  const at = (path: string) => resolve(cwd, path);
  return {
    cwd,
    env: process.env,
    now: () => new Date(),
    stdout: process.stdout,
    stderr: process.stderr,
    read(path) {
      try {
        return readFileSync(at(path));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw e;
      }
    },
    stat(path): FileStat | undefined {
      const s = statSync(at(path), { throwIfNoEntry: false });
      if (!s) return undefined;
      const kind = s.isFile()
        ? 'file'
        : s.isDirectory()
          ? 'dir'
          : s.isFIFO()
            ? 'fifo'
            : s.isSocket()
              ? 'socket'
              : 'device';
      return { kind, size: s.size };
    },
    list(dir) {
      const s = statSync(at(dir), { throwIfNoEntry: false });
      return s?.isDirectory() ? readdirSync(at(dir)).sort() : [];
    },
    write(path, data) {
      mkdirSync(dirname(at(path)), { recursive: true });
      writeFileSync(at(path), data);
    },
  };
}

/**
 * The process's folder. A shell can stay in a folder deleted from elsewhere (`rm -rf ../x`); Node
 * then cannot name it (ENOENT from uv_cwd) and nothing relative to it can be read: say so in one
 * line and stop, as no command can run there.
 */
function currentFolder(): string {
  try {
    return process.cwd();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    process.stderr.write(
      'openletter: error: the current folder no longer exists (deleted or moved); cd into a workspace and run again\n',
    );
    process.exit(1);
  }
}
