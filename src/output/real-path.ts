import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * `path` with every symbolic link in it resolved, for a path that may not exist yet (an output
 * folder about to be made): its nearest existing folder resolved, the missing names appended. Two
 * paths name the same place only if their real paths are equal: `--out` through a link into the
 * workspace must be seen as the workspace.
 */
export function realPath(path: string): string {
  const missing: string[] = [];
  for (let p = resolve(path); ; p = dirname(p)) {
    try {
      return join(realpathSync.native(p), ...missing.reverse());
    } catch {
      // Not there (or a dangling link, which a write replaces rather than follows): try the folder above.
      if (dirname(p) === p) return resolve(path);
      missing.push(basename(p));
    }
  }
}
