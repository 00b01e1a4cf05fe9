import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { run } from '../../src/cli/main.js';
import type { Io } from '../../src/io/io.js';
import { textStream, type MemoryIo } from '../../src/io/memory-io.js';
import { nodeIo } from '../../src/io/node-io.js';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MINI = join(REPO, 'tests', 'fixtures', 'mini');
export const BIN = join(REPO, 'bin', 'openletter.js');

/** Copy a fixture workspace into a fresh temporary folder, optionally overwriting files. */
export function tempWorkspace(from = MINI, overrides: Record<string, string | null> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'openletter-test-'));
  cpSync(from, dir, {
    recursive: true,
    filter: (src) => !/[\\/](out|node_modules|dist|\.git)([\\/]|$)/.test(src.slice(from.length)),
  });
  for (const [rel, content] of Object.entries(overrides)) {
    const abs = join(dir, rel);
    if (content === null) rmSync(abs, { force: true });
    else {
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, content);
    }
  }
  return dir;
}

/** Every file of a fixture workspace, as [path relative to it, bytes]: to load it into a memoryIo. */
export function workspaceFiles(from = MINI): [string, Buffer][] {
  return readdirSync(from, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort()
    .map((abs) => [relative(from, abs), readFileSync(abs)]);
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The fixed "today" of every CLI run in the tests. */
const TEST_ENV = { OPENLETTER_TODAY: '2026-11-23' };

/**
 * Run the CLI in this process, as `openletter ARGS` would in `cwd` (default: the repository), on the real
 * disk but with its output captured. Pass `io` to run it on a memory workspace instead.
 */
export async function runCli(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string>; io?: MemoryIo } = {},
): Promise<CliResult> {
  const io: Io & { stdout: { text: string }; stderr: { text: string } } = opts.io ?? {
    ...nodeIo(),
    cwd: opts.cwd ?? REPO,
    env: { ...process.env, ...TEST_ENV, ...opts.env },
    stdout: textStream(),
    stderr: textStream(),
  };
  const code = await run(args, io);
  return { code, stdout: io.stdout.text, stderr: io.stderr.text };
}

/** Run the built CLI as a user would (a child process): only for what needs a real process. */
export function spawnCli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? REPO,
    encoding: 'utf8',
    env: { ...process.env, ...TEST_ENV, ...opts.env },
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
