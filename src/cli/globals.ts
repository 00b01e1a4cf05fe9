import type { Command } from 'commander';
import type { Io } from '../io/io.js';

// Kept apart from context.ts (which loads the workspace loader, zod and YAML) so that run() and
// `openletter --help` import only commander and this.

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

/** The root program's options (workspace, diagnostics format, quiet), whatever the command's own flags are. */
export function globals(cmd: Command): GlobalOptions {
  const chain: Command[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) chain.unshift(c);
  const io = IO.get(chain[0]!);
  if (!io) throw new Error('a command ran outside run(): it has no Io');
  const g: GlobalOptions = { ...chain[0]!.opts<Omit<GlobalOptions, 'io'>>(), io };
  // -w and -q may also follow the command (the innermost wins).
  for (const c of chain.slice(1)) {
    const o = c.opts<{ workspace?: string; quiet?: boolean; json?: boolean }>();
    if (o.workspace !== undefined) g.workspace = o.workspace;
    if (o.quiet) g.quiet = true;
  }
  // `--json` after any command (or before it) is the global `--format json`.
  if (chain.some((c) => c.opts<{ json?: boolean }>().json)) g.format = 'json';
  return g;
}
