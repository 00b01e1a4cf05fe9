import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO, runCli, tempWorkspace } from './helpers/workspace.js';

/**
 * Error cases as input/expected-output pairs (actionlint's testdata style): each
 * tests/errors/<case>.yaml edits the mini workspace; <case>.out holds the exact output of
 * `openletter check` and its exit code. Regenerate with UPDATE_GOLDEN=1 after a deliberate change.
 */
const DIR = join(REPO, 'tests', 'errors');
const cases = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''));

interface Case {
  description: string;
  edit: { file: string; find: string; replace: string }[];
}

describe.each(cases)('error case %s', (name) => {
  it('prints exactly the expected diagnostics and exits 1', async () => {
    const c = parse(readFileSync(join(DIR, `${name}.yaml`), 'utf8')) as Case;
    const ws = tempWorkspace();
    for (const e of c.edit) {
      const path = join(ws, e.file);
      const text = readFileSync(path, 'utf8');
      expect(text.includes(e.find), `${e.file} should contain ${JSON.stringify(e.find)}`).toBe(true);
      writeFileSync(path, text.replace(e.find, e.replace));
    }
    const r = await runCli(['--workspace', ws, 'check']);
    const actual = `exit: ${r.code}\n${r.stderr}`;
    const golden = join(DIR, `${name}.out`);
    if (process.env.UPDATE_GOLDEN || !existsSync(golden)) writeFileSync(golden, actual);
    expect(actual).toBe(readFileSync(golden, 'utf8'));
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/); // never a stack trace
    // Every error line carries file:line:col.
    for (const line of r.stderr.split('\n').filter((l) => /: error: /.test(l)))
      expect(line).toMatch(/^[^\s:]+:\d+:\d+: error: .+ \[[a-z0-9-]+\/[a-z0-9-]+\]$/);
  });
});
