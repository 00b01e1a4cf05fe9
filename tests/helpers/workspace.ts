import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MINI = join(REPO, 'tests', 'fixtures', 'mini');
const BIN = join(REPO, 'bin', 'openletter.js');

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

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

/** Run the built CLI as a user would (a child process), with a fixed "today". */
export function runCli(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string> } = {},
): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? REPO,
    encoding: 'utf8',
    env: { ...process.env, OPENLETTER_TODAY: '2026-11-23', ...opts.env },
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
