import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useColour } from '../src/cli/colour.js';
import { run } from '../src/cli/main.js';
import { textStream } from '../src/io/memory-io.js';
import { nodeIo } from '../src/io/node-io.js';
import { signOnCsv } from '../scripts/signon-csv.mjs';
import { MINI, REPO, runCli, tempWorkspace } from './helpers/workspace.js';

const BIN = join(REPO, 'bin/openletter.js');

/** Run the CLI with the reading end of its standard output closed before it writes anything (a `| head` that is done). */
function withStdoutClosed(argv: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...argv], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((done) => child.on('close', (code) => done({ code, stderr })));
}
/** A workspace with one error: a mistyped demand id. */
const broken = () =>
  tempWorkspace(MINI, {
    'demands/join-ilo.yaml': 'id: join-ilo\ntitel: Join the ILO\ntext:\n  - Join the ILO.\n',
  });

describe('workspace discovery', () => {
  it('finds workspace.yaml upward from a subfolder, as git finds .git', async () => {
    const ws = tempWorkspace(MINI);
    const fromRoot = await runCli(['check', '--json'], { cwd: ws });
    for (const sub of ['campaigns', 'locales/ko', 'locales/ko/campaigns']) {
      const r = await runCli(['check', '--json'], { cwd: join(ws, sub) });
      expect(r.code, sub).toBe(0);
      expect(JSON.parse(r.stdout).checked, sub).toEqual(JSON.parse(fromRoot.stdout).checked);
    }
    // render writes into the found workspace's out/, not the subfolder's.
    const rendered = JSON.parse(
      (
        await runCli(['render', '2020-test-letter', '--lang', 'en', '--format', 'md', '--json'], {
          cwd: join(ws, 'campaigns'),
        })
      ).stdout,
    );
    expect(rendered.files).toEqual([{ path: '../out/2020-test-letter/en.md', bytes: expect.any(Number) }]);
  });
  it('-w wins over the workspace around the current folder', async () => {
    const here = tempWorkspace(MINI);
    const r = await runCli(['check', '--json', '-w', REPO], { cwd: join(here, 'campaigns') });
    expect(JSON.parse(r.stdout).checked.campaigns).toBe(3); // the bundled workspace's, not the mini one's 1
  });
  it('outside any workspace, says so with a hint', async () => {
    const r = await runCli(['check'], { cwd: mkdtempSync(join(tmpdir(), 'openletter-nowhere-')) });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/workspace\.yaml does not exist \[file\/missing\]\n {2}hint: run `openletter init`/);
  });
  it('in a folder deleted from elsewhere (`cd x; rm -rf ../x`), says so in one line, exit 1', () => {
    const parent = mkdtempSync(join(tmpdir(), 'openletter-deleted-'));
    // The shell enters the folder, then removes it: the process starts in a folder that no longer exists.
    const r = spawnSync('bash', ['-c', `mkdir x && cd x && rm -rf ../x && exec "${process.execPath}" "${BIN}" check`], {
      cwd: parent,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe(
      'openletter: error: the current folder no longer exists (deleted or moved); cd into a workspace and run again\n',
    );
    expect(r.stdout).toBe('');
    expect(r.status).toBe(1);
  });
});

describe('--json: exactly one JSON document on standard output, after any command', () => {
  const one = (stdout: string) => JSON.parse(stdout) as Record<string, unknown>; // throws on a second document
  it.each([
    [
      ['check', '--json'],
      ['checked', 'diagnostics'],
    ],
    [
      ['--format', 'json', 'check'],
      ['checked', 'diagnostics'],
    ],
    [
      ['check', '--format', 'json'],
      ['checked', 'diagnostics'],
    ],
    [
      ['check', '--explain', '--json'],
      ['codes', 'diagnostics'],
    ],
    [
      ['demands', '--json'],
      ['demands', 'diagnostics'],
    ],
    [
      ['signatories', '--json'],
      ['signatories', 'diagnostics'],
    ],
    [
      ['translations', '--json'],
      ['texts', 'blocking', 'diagnostics'],
    ],
    [
      ['--json', 'translations', '--lang', 'ko'],
      ['texts', 'blocking', 'diagnostics'],
    ],
    [
      ['render', '2020-test-letter', '--format', 'md', '--json'],
      ['campaign', 'files', 'diagnostics'],
    ],
    [
      ['deliver', '2020-test-letter', '--today', '2026-11-23', '--json'],
      ['campaign', 'out', 'packets', 'refused', 'diagnostics'],
    ],
    [
      ['new', '2026-next', '--json'],
      ['campaign', 'written', 'todo', 'notes', 'diagnostics'],
    ],
  ])('openletter %j', async (args, keys) => {
    const ws = tempWorkspace(MINI);
    const r = await runCli(args, { cwd: ws });
    expect(Object.keys(one(r.stdout))).toEqual(keys);
  });
  it('translations: the status and its problems in one document (it used to print two)', async () => {
    const ws = tempWorkspace(MINI, { 'locales/ko/demands.yaml': 'icrc-visits:\n  text:\n    - 방문 허용\n' });
    const doc = one((await runCli(['translations', '--json'], { cwd: ws })).stdout);
    expect((doc.texts as { state: string }[]).some((t) => t.state !== 'translated')).toBe(true);
  });
  it('a usage error is a document too, with the text on standard error', async () => {
    const r = await runCli(['render', 'no-such-letter', '--json'], { cwd: tempWorkspace(MINI) });
    expect(r.code).toBe(2);
    expect(one(r.stdout).error).toEqual({
      exitCode: 2,
      message: expect.stringMatching(/^no campaign "no-such-letter"/),
      hint: 'campaigns: 2020-test-letter',
    });
    expect(r.stderr).toMatch(/^openletter: error: no campaign "no-such-letter"/);
    const unknown = await runCli(['chek', '--json'], { cwd: tempWorkspace(MINI) });
    expect(one(unknown.stdout).error).toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/unknown command 'chek'/),
    });
  });
  it('translations export: the file goes to --out, the document to standard output', async () => {
    const ws = tempWorkspace(MINI);
    const r = await runCli(['translations', 'export', '--lang', 'ko', '--all', '--out', 'ko.xlf', '--json'], {
      cwd: ws,
    });
    expect(one(r.stdout)).toMatchObject({ language: 'ko', format: 'xliff', out: 'ko.xlf', texts: expect.any(Number) });
    const without = await runCli(['translations', 'export', '--lang', 'ko', '--json'], { cwd: ws });
    expect(without.code).toBe(2);
    expect(one(without.stdout).error).toMatchObject({ message: 'with --json, the export needs --out' });
  });
  it('render --format and translations export --format still name file formats', async () => {
    const ws = tempWorkspace(MINI);
    expect(
      (await runCli(['render', '2020-test-letter', '--lang', 'en', '--format', 'md'], { cwd: ws })).stdout,
    ).toMatch(/^wrote out\/2020-test-letter\/en\.md/);
    expect((await runCli(['translations', 'export', '--lang', 'ko', '--format', 'csv'], { cwd: ws })).stdout).toMatch(
      /^\uFEFF?key,/,
    );
  });
});

describe('streams', () => {
  it('check prints its report on standard output, so `check > report.txt` keeps it', async () => {
    const r = await runCli(['check'], { cwd: broken() });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^demands\/join-ilo\.yaml:2:1: error: unknown key "titel"/m);
    expect(r.stdout).toMatch(/\n1 error\(s\), \d+ warning\(s\)/);
    expect(r.stderr).toBe('');
  });
  it("render's problems go to standard error, its list of files to standard output", async () => {
    const r = await runCli(['render', '2020-test-letter', '--format', 'md'], { cwd: broken() });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/error: unknown key "titel"[\s\S]*nothing rendered/);
  });
  it('a closed pipe ends the process quietly (`openletter --help | head -1`)', () => {
    for (const args of ['--help', 'render --help', '--json translations', 'translations export --all --lang ja']) {
      const r = spawnSync('bash', ['-o', 'pipefail', '-c', `node ${BIN} ${args} | head -c 10 >/dev/null`], {
        cwd: REPO,
        encoding: 'utf8',
      });
      expect(r.stderr, args).not.toMatch(/EPIPE|Error|at /);
      expect(r.status, args).toBe(0);
    }
  });
  it.each([
    ['check', 'the bundled workspace'],
    ['check --json', 'the bundled workspace'],
    ['signatories', 'the bundled workspace'],
    ['check', 'a workspace with an error'],
    ['signatories import signon.csv --campaign 2020-test-letter', 'a sign-on file of 300 rows'],
  ])(
    '`openletter %s | head -1` on %s: exits as it would have, quietly',
    async (args, on) => {
      const ws =
        on === 'a workspace with an error' ? broken() : on.startsWith('a sign-on') ? tempWorkspace(MINI) : REPO;
      if (on.startsWith('a sign-on')) writeFileSync(join(ws, 'signon.csv'), signOnCsv(300));
      const argv = ['-w', ws, ...args.split(' ')];
      const whole = spawnSync(process.execPath, [BIN, ...argv], { cwd: ws, encoding: 'utf8', maxBuffer: 1 << 28 });
      expect(whole.stdout.length).toBeGreaterThan(0);
      const closed = await withStdoutClosed(argv, ws);
      expect(closed.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
      expect(closed.stderr).toBe(whole.stderr);
      expect(closed.code).toBe(whole.status);
    },
    120_000,
  ); // two whole processes
});

describe('dates on the command line', () => {
  it.each(['2026-13-45', '2026-02-30', 'banana', '26-01-15'])('deliver --today %s is refused, exit 2', async (day) => {
    const r = await runCli(['deliver', '2020-test-letter', '--today', day], { cwd: tempWorkspace(MINI) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `openletter: error: --today "${day}" is not a date\n  hint: write a real date, YYYY-MM-DD, e.g. 2026-01-15\n`,
    );
  });
  it.each([
    ['check', []],
    ['render', ['2020-test-letter']],
    ['deliver', ['2020-test-letter']],
  ])('OPENLETTER_TODAY=2026-02-30 is refused by %s like --today, exit 2, nothing written', async (command, args) => {
    const ws = tempWorkspace(MINI);
    const r = await runCli([command, ...args], { cwd: ws, env: { OPENLETTER_TODAY: '2026-02-30' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'openletter: error: OPENLETTER_TODAY "2026-02-30" is not a date\n' +
        '  hint: set it to a real date, YYYY-MM-DD, e.g. 2026-01-15, or unset it\n',
    );
    expect(existsSync(join(ws, 'out'))).toBe(false);
  });
  it('OPENLETTER_TODAY set to a real date is the date the checks judge by; --today still wins for deliver', async () => {
    const ws = tempWorkspace(MINI);
    // The mini campaign is dated 2020-…: with "today" before that, it is dated in the future.
    const before = await runCli(['check', '--json'], { cwd: ws, env: { OPENLETTER_TODAY: '2019-01-01' } });
    expect(JSON.parse(before.stdout).diagnostics.map((d: { code: string }) => d.code)).toContain(
      'campaign/future-date',
    );
    const after = await runCli(['check', '--json'], { cwd: ws, env: { OPENLETTER_TODAY: '2026-01-15' } });
    expect(JSON.parse(after.stdout).diagnostics.map((d: { code: string }) => d.code)).not.toContain(
      'campaign/future-date',
    );
    const env = { OPENLETTER_TODAY: 'banana' };
    expect(
      (await runCli(['deliver', '2020-test-letter', '--today', '2026-01-15', '--json'], { cwd: ws, env })).code,
    ).not.toBe(2);
  });
});

describe('SOURCE_DATE_EPOCH', () => {
  it.each(['99999999999999', '253402300800', '-1', '1.5e9', 'yesterday'])(
    '%s is refused with exit 2 before anything runs',
    async (value) => {
      const r = await runCli(['render', '2020-test-letter', '--lang', 'en', '--format', 'md'], {
        cwd: tempWorkspace(MINI),
        env: { SOURCE_DATE_EPOCH: value },
      });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        `openletter: error: SOURCE_DATE_EPOCH="${value}" is not a time openletter can date files with\n` +
          '  hint: set it to whole seconds since 1970 up to 253402300799 (9999-12-31), e.g. $(git log -1 --format=%ct), or unset it\n',
      );
    },
  );
  it('the last second of 9999 dates a PDF', async () => {
    const ws = tempWorkspace(MINI);
    const r = await runCli(['render', '2020-test-letter', '--lang', 'en', '--format', 'pdf', '--out', 'x'], {
      cwd: ws,
      env: { SOURCE_DATE_EPOCH: '253402300799' },
    });
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    // The run's environment (not the test process's) dates the file.
    const pdf = readFileSync(join(ws, 'x/2020-test-letter/en.pdf'), 'latin1');
    const dated = (key: string) => {
      const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(pdf)?.[1];
      return new RegExp(`\\n${ref} 0 obj\\n\\((D:\\d+Z)\\)`).exec(pdf)?.[1];
    };
    expect(dated('CreationDate')).toBe('D:99991231235959Z');
    expect(dated('ModDate')).toBe('D:99991231235959Z');
  });
});

describe('translations export', () => {
  it('for the source language is a usage error naming the languages to translate into', async () => {
    const r = await runCli(['translations', 'export', '--lang', 'en'], { cwd: tempWorkspace(MINI) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^openletter: error: en is the source language: .*\n  hint: export a language to translate into: .*ko/,
    );
  });
});

describe('colour', () => {
  const tty = { write: () => true, isTTY: true };
  const pipe = { write: () => true };
  it('on a terminal, unless NO_COLOR; never into a pipe or file, unless FORCE_COLOR', () => {
    expect(useColour(tty, {})).toBe(true);
    expect(useColour(tty, { NO_COLOR: '1' })).toBe(false);
    expect(useColour(tty, { NO_COLOR: '' })).toBe(true); // no-color.org: only a non-empty value counts
    expect(useColour(tty, { TERM: 'dumb' })).toBe(false);
    expect(useColour(pipe, {})).toBe(false);
    expect(useColour(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(useColour(tty, { FORCE_COLOR: '0' })).toBe(false);
    expect(useColour(pipe, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(true);
  });
  it('colours severity, location and caret of a diagnostic on a terminal; a file gets plain text', async () => {
    const ws = broken();
    const out = textStream();
    const terminal = { write: (s: string) => out.write(s), isTTY: true };
    const io = {
      ...nodeIo(),
      cwd: ws,
      env: { OPENLETTER_TODAY: '2026-11-23' },
      stdout: terminal,
      stderr: textStream(),
    };
    expect(await run(['check'], io)).toBe(1);
    expect(out.text).toContain('\x1b[1;31merror\x1b[0m: unknown key "titel"');
    expect(out.text).toMatch(/\x1b\[1;32m\^~*\x1b\[0m/);
    const plain = await runCli(['check'], { cwd: ws });
    expect(plain.stdout).not.toContain('\x1b');
  });
});
