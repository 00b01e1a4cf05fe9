import { dirname, join, resolve, sep } from 'node:path';
import { formatText, jsonRecords, summarize } from '../diagnostics/format.js';
import { COLOURS, useColour } from './colour.js';
import { jsonDocument } from './json-output.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { loadWorkspace } from '../load/load-workspace.js';
import { cachedLoad, type CachedWorkspace } from '../load/workspace-cache.js';
import { registerProjectFonts } from '../load/load-locale-fonts.js';
import { nodeIo } from '../io/node-io.js';
import { userCacheDir } from '../util/user-cache-dir.js';
import { BUILD } from './build-id.js';
import type { Campaign, Project } from '../model/project.js';
import { closest } from '../util/closest.js';
import { realPath } from '../output/real-path.js';
import { FIRST_DATE, isRealDate } from '../load/schemas.js';

export { EXIT, UsageError } from '../diagnostics/errors.js';
import { EXIT, UsageError } from '../diagnostics/errors.js';
export { globals, type GlobalOptions } from './globals.js';
import type { GlobalOptions } from './globals.js';

/**
 * The workspace folder: `-w` as given; otherwise, as git finds its repository, the nearest folder
 * holding workspace.yaml from the current folder upward (so commands work from campaigns/ or
 * locales/ko/); otherwise the current folder, whose load then reports the missing workspace.yaml.
 */
export function workspaceDir(g: GlobalOptions): string {
  if (g.workspace !== undefined) return resolve(g.io.cwd, g.workspace);
  const start = resolve(g.io.cwd);
  for (let dir = start; ; dir = dirname(dir)) {
    if (g.io.stat(join(dir, 'workspace.yaml'))?.kind === 'file') return dir;
    if (dirname(dir) === dir) return start;
  }
}

/** Whether `path` is `folder` or lies inside it. */
const within = (path: string, folder: string) =>
  path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);

/**
 * An output folder is swapped in whole: refuse one that is the workspace or a folder above it
 * (`render <campaign> --out ..` in a workspace folder named like the campaign), or that lies in
 * a folder of its source files (campaigns/, locales/…), which a write there would replace. Paths
 * are compared with their links resolved: `--out` may reach the workspace through a symbolic link.
 */
export function refuseSourceFolder(dest: string, project: Project): void {
  const out = realPath(dest);
  const root = realPath(project.root);
  const rels = [...project.files.keys()];
  const held = rels.find((rel) => within(join(root, rel), out));
  const folder = held
    ? undefined
    : rels.map((rel) => rel.split('/')).find((p) => p.length > 1 && within(out, join(root, p[0]!)));
  if (!held && !folder) return;
  throw new UsageError(
    held
      ? `${dest} holds the workspace's own files (${held}): the output would replace them`
      : `${dest} is inside the workspace's ${folder![0]}/ folder: the output would be mixed with its source files`,
    `choose another --out, outside the workspace's source folders (the default, <workspace>/out, is fine)`,
  );
}

/**
 * The workspace, from the per-user cache of loaded workspaces when no file changed since
 * (workspace-cache.ts), and `remember`, which keeps what a command derives from it alone in the same
 * cache. Node's version is part of the build: its Intl formats dates and sorts names.
 */
export function load(g: GlobalOptions): {
  project: Project;
  diagnostics: Diagnostic[];
  remember: CachedWorkspace['remember'];
} {
  const root = resolve(workspaceDir(g));
  const dir = BUILD === undefined ? undefined : userCacheDir(g.io.env, process.platform, 'workspaces');
  const cached = cachedLoad(
    dir,
    `${BUILD ?? ''}\0${process.version}`,
    root,
    [g.io, nodeIo()],
    ([source, packageSource]) => loadWorkspace(root, source, packageSource),
    (r) => registerProjectFonts(r.value, g.io),
  );
  return { project: cached.result.value, diagnostics: cached.result.diagnostics, remember: cached.remember };
}

/**
 * Report diagnostics; return the exit code they call for. With --json they join the run's one
 * JSON document; as text they go to standard error, the stream for a command's problems, except
 * where they are the command's output (`check` passes `to: 'stdout'`, as linters do).
 */
export function report(
  ds: Diagnostic[],
  files: ReadonlyMap<string, string>,
  g: GlobalOptions,
  { summary = true, to = 'stderr' }: { summary?: boolean; to?: 'stdout' | 'stderr' } = {},
): number {
  const sorted = sortDiagnostics(ds);
  if (g.format === 'json') jsonDocument(g.io).diagnostics.push(...jsonRecords(sorted, files));
  else {
    const stream = g.io[to];
    const paint = useColour(stream, g.io.env) ? COLOURS : undefined;
    if (sorted.length) stream.write(`${formatText(sorted, files, paint ? { paint } : {})}\n`);
    if (summary && sorted.length) stream.write(`${summarize(sorted)}\n`);
  }
  return hasErrors(sorted) ? EXIT.errors : EXIT.ok;
}

/** Add what a command made to the run's JSON document (--json). */
export function result(g: GlobalOptions, fields: Record<string, unknown>): void {
  if (g.format === 'json') Object.assign(jsonDocument(g.io), fields);
}

export function parseList(v: string | undefined): string[] | undefined {
  if (v === undefined) return undefined;
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The campaign a command names, or a usage error with "did you mean" (after printing any load errors
 * that may explain why it is missing, e.g. a broken campaign file).
 */
export function requireCampaign(
  project: Project,
  id: string,
  loadDiagnostics: Diagnostic[],
  g: GlobalOptions,
): Campaign {
  const campaign = project.campaigns.get(id);
  if (campaign) return campaign;
  report(
    loadDiagnostics.filter((d) => d.severity === 'error'),
    project.files,
    g,
  );
  const guess = closest(id, project.campaigns.keys());
  throw new UsageError(
    `no campaign "${id}" in ${workspaceDir(g)}`,
    guess ? `did you mean "${guess}"?` : `campaigns: ${[...project.campaigns.keys()].join(', ') || '(none)'}`,
  );
}

/**
 * Today's date, YYYY-MM-DD: OPENLETTER_TODAY when set (tests, reproducible runs), else the clock's,
 * in UTC. The commands pass it down; nothing below the command line reads the clock or the
 * environment. @throws UsageError when OPENLETTER_TODAY is set but is not a real date.
 */
export function today(g: GlobalOptions): string {
  const set = g.io.env.OPENLETTER_TODAY;
  if (!set) return g.io.now().toISOString().slice(0, 10);
  if (!isRealDate(set) || set < FIRST_DATE)
    throw new UsageError(
      `OPENLETTER_TODAY "${set}" is not a date`,
      'set it to a real date, YYYY-MM-DD, e.g. 2026-01-15, or unset it',
    );
  return set;
}
