import { join } from 'node:path';

/**
 * The folder under the user's cache where openletter keeps `name` (decoded faces, loaded workspaces):
 * $XDG_CACHE_HOME/openletter/NAME, else ~/.cache/openletter/NAME (on Windows
 * %LOCALAPPDATA%\openletter\cache\NAME); none when OPENLETTER_CACHE=off or no home folder is known.
 * bin/openletter.js places the compiled code by its own copy of this rule (it runs before any of this
 * is loaded); tests/user-cache-dir.test.ts holds the two to one answer.
 */
export function userCacheDir(
  env: Readonly<Record<string, string | undefined>>,
  platform: string,
  name: string,
): string | undefined {
  if (env.OPENLETTER_CACHE === 'off') return undefined;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'openletter', name);
  if (platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'openletter', 'cache', name);
  if (env.HOME) return join(env.HOME, '.cache', 'openletter', name);
  return undefined;
}
