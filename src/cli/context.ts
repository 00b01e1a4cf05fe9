import type { Command } from 'commander';
import { resolve } from 'node:path';
import type { Io } from '../io/io.js';
import { formatJson, formatText, summarize } from '../diagnostics/format.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { loadWorkspace } from '../load/load-workspace.js';
import type { Campaign, Project } from '../model/project.js';
import { closest } from '../util/closest.js';

/** Options every command accepts (defined on the root program), and the Io the run goes through. */
export interface GlobalOptions {
  workspace?: string;
  format?: 'text' | 'json';
  quiet?: boolean;
  io: Io;
}

/** The Io of each run, by its root program (commander has no slot for it). */
const IO = new WeakMap<Command, Io>();

export function attachIo(program: Command, io: Io): void {
  IO.set(program, io);
}

export { EXIT, UsageError } from './errors.js';
import { EXIT, UsageError } from './errors.js';

/** The root program's options (workspace, diagnostics format, quiet), whatever the command's own flags are. */
export function globals(cmd: Command): GlobalOptions {
  const chain: Command[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) chain.unshift(c);
  const io = IO.get(chain[0]!);
  if (!io) throw new Error('a command ran outside run(): it has no Io');
  const g: GlobalOptions = { ...chain[0]!.opts<Omit<GlobalOptions, 'io'>>(), io };
  // -w and -q may also follow the command (the innermost wins).
  for (const c of chain.slice(1)) {
    const o = c.opts<{ workspace?: string; quiet?: boolean }>();
    if (o.workspace !== undefined) g.workspace = o.workspace;
    if (o.quiet) g.quiet = true;
  }
  return g;
}

export function workspaceDir(g: GlobalOptions): string {
  return resolve(g.io.cwd, g.workspace ?? '.');
}

export function load(g: GlobalOptions): { project: Project; diagnostics: Diagnostic[] } {
  const r = loadWorkspace(workspaceDir(g), g.io);
  return { project: r.value, diagnostics: r.diagnostics };
}

/** Print diagnostics in the chosen format (text to stderr, JSON to stdout); return the exit code. */
export function report(
  ds: Diagnostic[],
  files: ReadonlyMap<string, string>,
  g: GlobalOptions,
  { summary = true } = {},
): number {
  const sorted = sortDiagnostics(ds);
  if (g.format === 'json') g.io.stdout.write(`${formatJson(sorted, files)}\n`);
  else {
    if (sorted.length) g.io.stderr.write(`${formatText(sorted, files)}\n`);
    if (summary && sorted.length) g.io.stderr.write(`${summarize(sorted)}\n`);
  }
  return hasErrors(sorted) ? EXIT.errors : EXIT.ok;
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
