import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatText } from '../src/diagnostics/format.js';
import { nodeIo } from '../src/io/node-io.js';
import { loadWorkspace } from '../src/load/load-workspace.js';
import { cachedLoad, type CachedWorkspace } from '../src/load/workspace-cache.js';
import type { Result } from '../src/diagnostics/diagnostic.js';
import type { Project } from '../src/model/project.js';
import { scriptWorkspace } from './helpers/script-workspace.js';
import { readText, spawnCli, tempWorkspace } from './helpers/workspace.js';

/** A campaign with a schema error (unknown key) and a YAML-level one elsewhere: located problems to compare. */
const BROKEN = {
  'demands/bad-block.yaml': 'id: bad-block\ntitle: A block\ntags: []\ntext: [Release them.]\ncolour: red\n',
};

/** cachedLoad over the real disk, counting how often it had to load. */
function loader(dir: string | undefined, build = 'build-1') {
  let loads = 0;
  const cached = (root: string): CachedWorkspace =>
    cachedLoad(dir, build, root, [nodeIo(), nodeIo()], ([source, packageSource]) => {
      loads++;
      return loadWorkspace(root, source, packageSource);
    });
  return { cached, load: (root: string): Result<Project> => cached(root).result, loads: () => loads };
}

/** What the user sees of a load: every problem as check prints it, with source lines and carets. */
const shown = (r: Result<Project>) => formatText(r.diagnostics, r.value.files);

const cacheDir = () => join(mkdtempSync(join(tmpdir(), 'openletter-cache-test-')), 'workspaces');

describe('the cache of loaded workspaces', () => {
  it('gives the same Project and the same located problems as a fresh load, without loading again', () => {
    const ws = tempWorkspace(undefined, BROKEN);
    const fresh = loadWorkspace(ws);
    expect(fresh.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    const c = loader(cacheDir());
    const first = c.load(ws);
    const second = c.load(ws);
    expect(c.loads()).toBe(1);
    // Prototypes too: the cached Project is made of the same kinds of objects (Maps, Sets, arrays).
    expect(isDeepStrictEqual(second, fresh)).toBe(true);
    expect(isDeepStrictEqual(first, fresh)).toBe(true);
    expect(shown(second)).toBe(shown(fresh));
    expect(shown(second)).toMatch(/^demands\/bad-block\.yaml:5:1: error: /m);
  });

  it('loads again when a file is edited, added or removed', () => {
    const ws = tempWorkspace(undefined, BROKEN);
    const c = loader(cacheDir());
    c.load(ws);
    writeFileSync(join(ws, 'demands/bad-block.yaml'), BROKEN['demands/bad-block.yaml'].replace('colour: red\n', ''));
    const edited = c.load(ws);
    expect(c.loads()).toBe(2);
    expect(edited.diagnostics.filter((d) => d.span?.file === 'demands/bad-block.yaml')).toEqual([]);
    expect(edited.value.demands.get('bad-block')?.title.text).toBe('A block');
    writeFileSync(join(ws, 'demands/new-block.yaml'), 'id: new-block\ntitle: New\ntags: []\ntext: [Free them.]\n');
    expect(c.load(ws).value.demands.has('new-block')).toBe(true);
    expect(c.loads()).toBe(3);
    c.load(ws);
    expect(c.loads()).toBe(3);
  });

  it('is mode 0700 / 0600, ignores a file others could have written, and recovers from a damaged one', () => {
    const ws = tempWorkspace();
    const dir = cacheDir();
    const c = loader(dir);
    c.load(ws);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const [name] = readdirSync(dir);
    const file = join(dir, name!);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    chmodSync(file, 0o666);
    c.load(ws);
    expect(c.loads()).toBe(2);
    writeFileSync(file, 'not a cache entry');
    expect(isDeepStrictEqual(c.load(ws), loadWorkspace(ws))).toBe(true);
    expect(c.loads()).toBe(3);
    c.load(ws);
    expect(c.loads()).toBe(3);
  });

  it('is not used by another build, nor without a folder', () => {
    const ws = tempWorkspace();
    const dir = cacheDir();
    loader(dir, 'build-1').load(ws);
    const other = loader(dir, 'build-2');
    other.load(ws);
    expect(other.loads()).toBe(1);
    // The first build's entry is gone: no later process can use it.
    expect(readdirSync(dir)).toHaveLength(1);
    const none = loader(undefined);
    none.load(ws);
    none.load(ws);
    expect(none.loads()).toBe(2);
  });

  it('keeps what a command derived with the load: computed once per key, again after an edit', async () => {
    const ws = tempWorkspace(undefined, BROKEN);
    const c = loader(cacheDir());
    let computed = 0;
    const blocks = async (w: CachedWorkspace) => {
      computed++;
      return { ids: [...w.result.value.demands.keys()].sort() };
    };
    const first = c.cached(ws);
    const found = await first.remember('blocks', () => blocks(first));
    const second = c.cached(ws);
    expect(await second.remember('blocks', () => blocks(second))).toEqual(found);
    expect(computed).toBe(1);
    await second.remember('other', () => blocks(second));
    expect(computed).toBe(2);
    writeFileSync(join(ws, 'demands/new-block.yaml'), 'id: new-block\ntitle: New\ntags: []\ntext: [Free them.]\n');
    const edited = c.cached(ws);
    expect((await edited.remember('blocks', () => blocks(edited))).ids).toEqual([...found.ids, 'new-block'].sort());
    expect(computed).toBe(3);
    // Without a cache folder nothing is kept.
    const none = loader(undefined).cached(ws);
    await none.remember('blocks', () => blocks(none));
    await none.remember('blocks', () => blocks(none));
    expect(computed).toBe(5);
  });

  it("serves check's findings from the cache exactly as checking prints them, per day, and checks an edited file again", () => {
    const ws = tempWorkspace(undefined, BROKEN);
    const cache = mkdtempSync(join(tmpdir(), 'openletter-cache-findings-'));
    const run = (args: string[], env: Record<string, string> = {}) =>
      spawnCli(['-w', ws, ...args], { env: { XDG_CACHE_HOME: cache, ...env } });
    const uncached = (args: string[], env: Record<string, string> = {}) =>
      spawnCli(['-w', ws, ...args], { env: { OPENLETTER_CACHE: 'off', ...env } });
    const fresh = uncached(['check']);
    expect(run(['check'])).toEqual(fresh);
    expect(run(['check'])).toEqual(fresh);
    // Served from the findings the text run kept.
    expect(run(['check', '--json'])).toEqual(uncached(['check', '--json']));
    // The day is part of what check judges (a letter dated after today): each day its own findings.
    const early = { OPENLETTER_TODAY: '2020-01-01' };
    expect(uncached(['check'], early).stdout).toMatch(/campaign\/future-date/);
    expect(run(['check'], early)).toEqual(uncached(['check'], early));
    expect(run(['check'], early)).toEqual(uncached(['check'], early));
    expect(run(['check'])).toEqual(uncached(['check']));
    const campaign = join(ws, 'campaigns/2020-test-letter.yaml');
    writeFileSync(campaign, readText(campaign).replace(/^(title: .*)$/m, '$1\nunknown_key: 1'));
    const edited = uncached(['check']);
    expect(edited.stdout).toMatch(/^campaigns\/2020-test-letter\.yaml:\d+:1: error: .*unknown_key/m);
    expect(run(['check'])).toEqual(edited);
    expect(run(['check'])).toEqual(edited);
  }, 240_000);

  it("registers a workspace's own font files again when the load comes from the cache", () => {
    const ws = scriptWorkspace(['ur'], { 'fonts/NotoNaskhArabic-Regular.ttf': 'naskh' });
    const cache = mkdtempSync(join(tmpdir(), 'openletter-cache-fonts-'));
    const env = { XDG_CACHE_HOME: cache };
    const outs = mkdtempSync(join(tmpdir(), 'openletter-cache-fonts-out-'));
    const out = (name: string) => ['-w', ws, 'render', '2020-test-letter', '--lang', 'ur', '--out', join(outs, name)];
    const first = spawnCli(['-w', ws, 'check'], { env });
    expect(first.stdout).not.toMatch(/error/);
    expect(spawnCli(['-w', ws, 'check'], { env })).toEqual(first);
    expect(spawnCli(out('first'), { env }).code).toBe(0);
    expect(spawnCli(out('again'), { env }).code).toBe(0);
    const pdf = (name: string) => readFileSync(join(outs, name, '2020-test-letter', 'ur.pdf'));
    expect(pdf('again').equals(pdf('first'))).toBe(true);
  }, 240_000);

  it('serves `check` in a real process: the same report from the cache, and none kept with OPENLETTER_CACHE=off', () => {
    const ws = tempWorkspace(undefined, BROKEN);
    const cache = mkdtempSync(join(tmpdir(), 'openletter-cache-cli-'));
    const env = { XDG_CACHE_HOME: cache };
    const first = spawnCli(['-w', ws, 'check'], { env });
    expect(first.code).toBe(1);
    expect(readdirSync(join(cache, 'openletter', 'workspaces'))).toHaveLength(1);
    const again = spawnCli(['-w', ws, 'check'], { env });
    expect(again).toEqual(first);
    writeFileSync(join(ws, 'demands/bad-block.yaml'), readText(join(ws, 'demands/join-ilo.yaml')));
    const edited = spawnCli(['-w', ws, 'check'], { env });
    expect(edited.stdout).toMatch(/^demands\/bad-block\.yaml:1:5: error: .*differs from the file name/m);
    const off = mkdtempSync(join(tmpdir(), 'openletter-cache-off-'));
    expect(spawnCli(['-w', ws, 'check'], { env: { XDG_CACHE_HOME: off, OPENLETTER_CACHE: 'off' } })).toEqual(edited);
    expect(readdirSync(off)).toEqual([]);
  });
});
