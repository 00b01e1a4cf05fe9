/**
 * The world a command runs in: its files, clock, environment and two output streams. The CLI reaches
 * the machine only through an Io, so tests run it in-process (`run(argv, memoryIo(…))`) instead of
 * spawning a process per case. Paths are absolute or relative to `cwd`.
 */
export interface Io {
  /** The folder relative paths (and `--workspace`, `--out`) resolve against. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  now(): Date;
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  /** The bytes of a file, or undefined when nothing is there; throws (with an errno `code`) when it cannot be read. */
  read(path: string): Buffer | undefined;
  /** What is at a path (links followed) and its size, or undefined when nothing is there. */
  stat(path: string): FileStat | undefined;
  /** The names in a folder, sorted (hidden ones included); empty when the folder does not exist. */
  list(dir: string): string[];
  /** Write a whole file, creating the folders above it. */
  write(path: string, data: string | Uint8Array): void;
}

export interface FileStat {
  /** Besides files and folders: named pipes, devices and sockets, which reading could block on or never finish. */
  kind: 'file' | 'dir' | 'fifo' | 'device' | 'socket';
  size: number;
}

/** Where a command prints: `write` like a Node stream's, `isTTY` when a person is watching. */
export interface OutStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}
