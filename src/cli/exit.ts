import type { Command } from 'commander';

/** Record a command's exit code for main(); commands call this instead of process.exit. */
export function setExit(cmd: Command, code: number): void {
  let root: Command = cmd;
  while (root.parent) root = root.parent;
  (root as Command & { exitCodeResult?: number }).exitCodeResult = code;
}

export function exitCodeOf(program: Command): number {
  return (program as Command & { exitCodeResult?: number }).exitCodeResult ?? 0;
}
