import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, REPO } from './helpers/workspace.js';

const FIXTURES = join(REPO, 'tests', 'fixtures', 'start-up');
const LOG_LOADS = pathToFileURL(join(FIXTURES, 'log-loads.mjs')).href;
const LOG_REQUIRES = join(FIXTURES, 'log-requires.cjs');

function node(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, args, { cwd: REPO, encoding: 'utf8', env: { ...process.env, ...env } });
  expect(r.status, r.stderr).toBe(0);
  return r;
}

/** The modules (file URLs relative to the repository) the compiled modules of `openletter ARGS` load. */
function modulesLoaded(args: string[]): string[] {
  const r = node(['--import', LOG_LOADS, join(FIXTURES, 'run-modules.mjs'), ...args]);
  const root = `${pathToFileURL(REPO).href}/`;
  return [...r.stderr.matchAll(/^loaded (file:\S+)$/gm)].map((m) => m[1]!.replace(root, ''));
}

/** The package a node_modules path belongs to, or undefined for our own files. */
const packageOf = (path: string) => /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];

describe('start-up: each command loads only what it needs (the bundle initialises its modules as lazily)', () => {
  it('--help loads commander and the command table, not the loader, schemas, fonts or pdfkit', () => {
    const loaded = modulesLoaded(['--help']);
    expect(loaded).toContain('dist/cli/main.js');
    expect(new Set(loaded.map(packageOf).filter(Boolean))).toEqual(new Set(['commander']));
    // font-cache.js is where run() says which folder caches decoded faces (node built-ins only).
    const heavy = loaded.filter((p) => /^dist\/(load|fonts|render|check|compose|pipeline)\//.test(p));
    expect(heavy).toEqual(['dist/fonts/font-cache.js']);
  });

  it('check loads no font file, fontkit or pdfkit: coverage comes from the build', () => {
    const loaded = modulesLoaded(['-w', 'tests/fixtures/mini', 'check']);
    expect(loaded).toContain('dist/fonts/font-coverage.js');
    const packages = new Set(loaded.map(packageOf));
    for (const heavy of ['fontkit', 'restructure', 'pdfkit', 'brotli']) expect(packages.has(heavy), heavy).toBe(false);
  });

  it("a command's --help loads that command's module only", () => {
    const loaded = modulesLoaded(['check', '--help']);
    expect(loaded).toContain('dist/cli/check-command.js');
    expect(loaded.filter((p) => /^dist\/cli\/.*-command\.js$/.test(p))).toEqual(['dist/cli/check-command.js']);
    expect(loaded.filter((p) => packageOf(p) === 'pdfkit')).toEqual([]);
  });
});

describe('start-up: the installed command runs one bundled script', () => {
  it('loads no module of ours but the bin and the bundle, and requires no package for --help or check', () => {
    const help = node(['--import', LOG_LOADS, '--require', LOG_REQUIRES, BIN, '--help']);
    const root = `${pathToFileURL(REPO).href}/`;
    const modules = [...help.stderr.matchAll(/^loaded (file:\S+)$/gm)].map((m) => m[1]!.replace(root, ''));
    expect(modules).toEqual(['bin/openletter.js']);
    expect(help.stderr).not.toMatch(/^required /m);
    const check = node(['--require', LOG_REQUIRES, BIN, '-w', 'tests/fixtures/mini', 'check']);
    const required = [...check.stderr.matchAll(/^required (\S+)$/gm)].map((m) => m[1]!);
    for (const heavy of ['fontkit', 'pdfkit', 'docx', 'nodemailer']) expect(required, heavy).not.toContain(heavy);
  });

  it('keeps the compiled code per command, private, and replaces damaged data', () => {
    const cache = mkdtempSync(join(tmpdir(), 'openletter-code-cache-'));
    const env = { XDG_CACHE_HOME: cache };
    const first = node([BIN, '--version'], env).stdout;
    const dir = join(cache, 'openletter', 'code');
    const [file, ...others] = readdirSync(dir);
    expect(others).toEqual([]);
    expect(file).toMatch(/^[0-9a-f]{64}-help\.bin$/);
    expect(statSync(join(dir, file!)).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    writeFileSync(join(dir, file!), 'damaged');
    expect(node([BIN, '--version'], env).stdout).toBe(first);
    expect(readFileSync(join(dir, file!), 'utf8')).not.toBe('damaged');
    node([BIN, '-w', 'tests/fixtures/mini', 'check', '--quiet'], env);
    expect(readdirSync(dir).sort()).toEqual([file!.replace('-help', '-check'), file].sort());
  });
});
