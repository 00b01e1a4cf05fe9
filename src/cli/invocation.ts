import { existsSync } from 'node:fs';
import { basename, delimiter, dirname, join, relative, resolve } from 'node:path';

/** What the printed next steps need to know about how this run was started. */
export interface Invocation {
  env: Readonly<Record<string, string | undefined>>;
  /** process.argv[1]: the bin shim or script that started openletter. */
  script: string;
  cwd: string;
  /** The installed openletter package. */
  packageRoot: string;
}

/**
 * How to type an openletter command in `dir` so that it reaches this same installation, and
 * whether it needs `-w dir` because it can only be typed from the current folder. Next steps that
 * say `openletter check` to someone who ran `npx openletter` (no global install) would send them
 * to the registry; `cd DIR && npx openletter` only works when DIR is inside the same npm project.
 */
export function commandFor(dir: string, how: Invocation): { command: string; cdWorks: boolean } {
  const target = resolve(how.cwd, dir);
  if (how.env.npm_command === 'exec') {
    // npx finds a package in the nearest project's node_modules, or in its own cache for any folder.
    const cached = /[\\/]_npx[\\/]/.test(how.packageRoot);
    return { command: 'npx openletter', cdWorks: cached || npmProject(target) === npmProject(how.cwd) };
  }
  if (basename(how.script) === 'openletter') {
    const onPath = (how.env.PATH ?? '').split(delimiter).some((p) => p && resolve(p) === dirname(how.script));
    return { command: 'openletter', cdWorks: onPath };
  }
  // `node path/to/bin/openletter.js`: that path is relative to the current folder only.
  const rel = relative(how.cwd, how.script);
  return { command: `node ${rel.startsWith('..') || rel === '' ? how.script : rel}`, cdWorks: false };
}

/** The folder npm treats as the project for `dir`: the nearest one with package.json or node_modules. */
function npmProject(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json')) || existsSync(join(d, 'node_modules'))) return d;
    if (dirname(d) === d) return undefined;
  }
}
