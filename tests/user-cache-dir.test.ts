import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { userCacheDir } from '../src/util/user-cache-dir.js';
import { BIN } from './helpers/workspace.js';

type Env = Record<string, string | undefined>;

/**
 * bin/openletter.js places V8's compiled code before the bundle (and so userCacheDir) is loaded, so
 * it keeps its own copy of the rule: its function, taken from the file as it ships.
 */
function binCacheDir(): (env: Env, platform: string) => string | undefined {
  const source = readFileSync(BIN, 'utf8');
  const fn = /^function codeCacheDir\(env, platform\) \{\n[\s\S]*?\n\}$/m.exec(source);
  if (!fn) throw new Error('bin/openletter.js has no function codeCacheDir(env, platform)');
  return new Function('join', `${fn[0]}\nreturn codeCacheDir;`)(join) as ReturnType<typeof binCacheDir>;
}

const CASES: [string, Env, string][] = [
  ['XDG_CACHE_HOME first', { XDG_CACHE_HOME: '/x', HOME: '/h', LOCALAPPDATA: 'C:\\L' }, 'linux'],
  ['XDG_CACHE_HOME on Windows too', { XDG_CACHE_HOME: '/x', LOCALAPPDATA: 'C:\\L' }, 'win32'],
  ['~/.cache', { HOME: '/h' }, 'darwin'],
  ['%LOCALAPPDATA% on Windows', { LOCALAPPDATA: 'C:\\L', HOME: '/h' }, 'win32'],
  ['LOCALAPPDATA ignored elsewhere', { LOCALAPPDATA: 'C:\\L', HOME: '/h' }, 'linux'],
  ['Windows without LOCALAPPDATA', { HOME: '/h' }, 'win32'],
  ['OPENLETTER_CACHE=off', { OPENLETTER_CACHE: 'off', XDG_CACHE_HOME: '/x', HOME: '/h' }, 'linux'],
  ['no home folder known', {}, 'linux'],
];

describe('the per-user cache folder', () => {
  it('lives under XDG_CACHE_HOME, else ~/.cache (%LOCALAPPDATA% on Windows); OPENLETTER_CACHE=off turns it off', () => {
    expect(userCacheDir({ XDG_CACHE_HOME: '/x', HOME: '/h' }, 'linux', 'fonts')).toBe(
      join('/x', 'openletter', 'fonts'),
    );
    expect(userCacheDir({ HOME: '/h' }, 'darwin', 'workspaces')).toBe(join('/h', '.cache', 'openletter', 'workspaces'));
    expect(userCacheDir({ LOCALAPPDATA: 'C:\\L', HOME: '/h' }, 'win32', 'fonts')).toBe(
      join('C:\\L', 'openletter', 'cache', 'fonts'),
    );
    expect(userCacheDir({ OPENLETTER_CACHE: 'off', XDG_CACHE_HOME: '/x' }, 'linux', 'fonts')).toBeUndefined();
    expect(userCacheDir({}, 'linux', 'fonts')).toBeUndefined();
  });

  it.each(CASES)('bin/openletter.js puts the compiled code where the rule says (%s)', (_, env, platform) => {
    expect(binCacheDir()(env, platform)).toBe(userCacheDir(env, platform, 'code'));
  });
});
