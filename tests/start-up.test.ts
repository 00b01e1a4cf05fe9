import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, REPO } from './helpers/workspace.js';

const LOG_LOADS = join(REPO, 'tests', 'fixtures', 'start-up', 'log-loads.mjs');

/** The modules (file URLs relative to the repository) a real `openletter ARGS` process loads. */
function modulesLoaded(args: string[]): string[] {
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(LOG_LOADS).href, BIN, ...args], {
    cwd: REPO,
    encoding: 'utf8',
  });
  expect(r.status).toBe(0);
  const root = `${pathToFileURL(REPO).href}/`;
  return [...r.stderr.matchAll(/^loaded (file:\S+)$/gm)].map((m) => m[1]!.replace(root, ''));
}

/** The package a node_modules path belongs to, or undefined for our own files. */
const packageOf = (path: string) => /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];

describe('start-up', () => {
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
