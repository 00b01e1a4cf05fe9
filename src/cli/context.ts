import { resolve } from 'node:path';
import { formatJson, formatText, summarize } from '../diagnostics/format.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { loadWorkspace } from '../load/load-workspace.js';
import type { Project } from '../model/project.js';

/** Options every command accepts (defined on the root program). */
export interface GlobalOptions {
  workspace?: string;
  format?: 'text' | 'json';
  quiet?: boolean;
}

/** Exit codes: 0 clean, 1 problems in the input, 2 bad usage, 70 a bug in openletter. */
export const EXIT = { ok: 0, errors: 1, usage: 2, internal: 70 } as const;

/** A usage mistake (unknown campaign, bad flag value): printed as one line, exit code 2. */
export class UsageError extends Error {
  constructor(message: string, readonly hint?: string) {
    super(message);
  }
}

/** The root program's options (workspace, diagnostics format, quiet), whatever the command's own flags are. */
export function globals(cmd: import('commander').Command): GlobalOptions {
  let root = cmd;
  while (root.parent) root = root.parent;
  return root.opts<GlobalOptions>();
}

export function workspaceDir(g: GlobalOptions): string {
  return resolve(g.workspace ?? process.cwd());
}

export function load(g: GlobalOptions): { project: Project; diagnostics: Diagnostic[] } {
  const r = loadWorkspace(workspaceDir(g));
  return { project: r.value, diagnostics: r.diagnostics };
}

/** Print diagnostics in the chosen format (text to stderr, JSON to stdout); return the exit code. */
export function report(ds: Diagnostic[], files: ReadonlyMap<string, string>, g: GlobalOptions, { summary = true } = {}): number {
  const sorted = sortDiagnostics(ds);
  if (g.format === 'json') process.stdout.write(`${formatJson(sorted, files)}\n`);
  else {
    if (sorted.length) process.stderr.write(`${formatText(sorted, files)}\n`);
    if (summary && sorted.length) process.stderr.write(`${summarize(sorted)}\n`);
  }
  return hasErrors(sorted) ? EXIT.errors : EXIT.ok;
}

export function parseList(v: string | undefined): string[] | undefined {
  if (v === undefined) return undefined;
  return v.split(',').map((s) => s.trim()).filter(Boolean);
}
