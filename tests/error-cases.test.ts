import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../src/io/memory-io.js';
import { REPO, runCli } from './helpers/workspace.js';

/**
 * Error cases as input/expected-output pairs (actionlint's testdata style). Each tests/errors/<case>.yaml
 * holds a whole workspace (`files`, path → text; `encodings` names files to save in another encoding than
 * UTF-8; `special` makes paths pipes, devices or unreadable files) and optionally the command (`args`, default `check`);
 * <case>.out holds the exit code and the exact output. The CLI runs on the files in memory.
 * A missing or different .out fails; UPDATE_GOLDEN=1 writes it, after a deliberate change.
 */
const DIR = join(REPO, 'tests', 'errors');
const cases = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''));

interface Case {
  description: string;
  args?: string[];
  encodings?: Record<string, string>;
  /** Paths that are a pipe, a device, or a file that cannot be read (see memoryIo). */
  special?: Record<string, 'fifo' | 'device' | 'socket' | 'unreadable'>;
  files: Record<string, string>;
}

/** What a case printed, as its .out file holds it: the exit code, standard error, then standard output if any. */
async function runCase(c: Case): Promise<{ shown: string; printed: string }> {
  const files: Record<string, string | Uint8Array> = { ...c.files };
  for (const [path, encoding] of Object.entries(c.encodings ?? {}))
    files[path] = iconv.encode(c.files[path]!, encoding);
  const r = await runCli(c.args ?? ['check'], {
    io: memoryIo({ files, special: c.special ?? {}, env: { OPENLETTER_TODAY: '2026-11-23' } }),
  });
  return {
    shown: r.stderr + r.stdout,
    printed: `exit: ${r.code}\n${r.stderr}${r.stdout ? `--- stdout\n${r.stdout}` : ''}`,
  };
}

describe.each(cases)('error case %s', (name) => {
  it('prints exactly the expected diagnostics, each located, without a stack trace', async () => {
    const c = parse(readFileSync(join(DIR, `${name}.yaml`), 'utf8')) as Case;
    const { shown, printed } = await runCase(c);
    const golden = join(DIR, `${name}.out`);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, printed);
    expect(
      existsSync(golden),
      `tests/errors/${name}.out is missing: write it with UPDATE_GOLDEN=1 npx vitest run tests/error-cases.test.ts`,
    ).toBe(true);
    expect(printed).toBe(readFileSync(golden, 'utf8'));
    expect(shown).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/); // never a stack trace
    // Every error line carries file:line:col (check prints on standard output, other commands on standard error);
    // a problem with a whole file (a pipe, unreadable, in another encoding) names just the file.
    for (const line of shown.split('\n').filter((l) => /: error: /.test(l)))
      expect(line).toMatch(/^[^\s:]+(:\d+:\d+: error: .+ \[[a-z0-9-]+|: error: .+ \[file)\/[a-z0-9-]+\]$/);
  });
});
