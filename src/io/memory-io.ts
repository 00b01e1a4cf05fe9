import { posix } from 'node:path';
import type { FileStat, Io, OutStream } from './io.js';

/** An Io whose files live in a Map and whose output is kept as text: for tests and dry runs. */
export interface MemoryIo extends Io {
  /** Every file by absolute path, including the ones the command wrote. */
  readonly files: Map<string, Buffer>;
  readonly stdout: OutStream & { readonly text: string };
  readonly stderr: OutStream & { readonly text: string };
}

export interface MemoryIoOptions {
  /** Files by path (relative ones are under `cwd`). */
  files?: Record<string, string | Uint8Array>;
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** The fixed clock; every call of now() returns it. */
  now?: Date;
  /**
   * Paths that are not regular files (a named pipe, a device, a socket), or a file reading fails on
   * (`unreadable`: EACCES, as a file without read permission): the faults a real disk has.
   */
  special?: Record<string, 'fifo' | 'device' | 'socket' | 'unreadable'>;
}

/** A folder-less machine: paths are POSIX, folders exist where some file is below them. */
export function memoryIo(opts: MemoryIoOptions = {}): MemoryIo {
  const cwd = opts.cwd ?? '/workspace';
  const at = (path: string) => posix.resolve(cwd, path);
  const files = new Map<string, Buffer>();
  for (const [path, data] of Object.entries(opts.files ?? {})) files.set(at(path), Buffer.from(data));
  const special = new Map(Object.entries(opts.special ?? {}).map(([path, kind]) => [at(path), kind]));
  const now = opts.now ?? new Date('2026-11-23T12:00:00Z');
  const isDir = (abs: string) => {
    const prefix = abs === '/' ? '/' : `${abs}/`;
    for (const p of [...files.keys(), ...special.keys()]) if (p.startsWith(prefix)) return true;
    return false;
  };
  return {
    cwd,
    env: { ...opts.env },
    now: () => new Date(now),
    files,
    stdout: textStream(),
    stderr: textStream(),
    read(path) {
      if (special.has(at(path)))
        throw Object.assign(new Error(`EACCES: permission denied, open '${at(path)}'`), { code: 'EACCES' });
      return files.get(at(path));
    },
    stat(path): FileStat | undefined {
      const abs = at(path);
      const kind = special.get(abs);
      if (kind) return { kind: kind === 'unreadable' ? 'file' : kind, size: 0 };
      const data = files.get(abs);
      if (data) return { kind: 'file', size: data.byteLength };
      return isDir(abs) ? { kind: 'dir', size: 0 } : undefined;
    },
    list(dir) {
      const abs = at(dir);
      const prefix = abs === '/' ? '/' : `${abs}/`;
      const names = new Set<string>();
      for (const p of [...files.keys(), ...special.keys()])
        if (p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]!);
      return [...names].sort();
    },
    write(path, data) {
      special.delete(at(path));
      files.set(at(path), Buffer.from(data));
    },
  };
}

/** An output stream that keeps what is written to it. */
export function textStream(): OutStream & { readonly text: string } {
  let text = '';
  return {
    write(s: string) {
      text += s;
      return true;
    },
    get text() {
      return text;
    },
  };
}
