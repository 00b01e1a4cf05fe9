import { Command } from 'commander';
import { relative, resolve } from 'node:path';
import { planInit } from '../draft/init-workspace.js';
import { PACKAGE_ROOT } from '../draft/package-root.js';
import { writeFilesAtomic } from '../output/write-files-atomic.js';
import { globals, result, today, UsageError } from './context.js';
import { commandFor } from './invocation.js';

/** A path as a shell word: quoted only when it needs to be. */
const quoted = (p: string) => (/^[\w./@+-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`);

export function initCommand(): Command {
  return new Command('init')
    .description(
      'create a new workspace: the bundled demand library and languages, an empty roster and mission list, an example letter',
    )
    .argument('<dir>', 'folder to create (must not exist, or be empty)')
    .option('--name <name>', "the coalition's name (workspace.yaml; change it there later)")
    .option('--short-name <name>', "the coalition's short name (initials), e.g. CHRB")
    .addHelpText(
      'after',
      `
Then:
  $ cd DIR
  $ openletter check                          lists the TODOs of workspace.yaml and the example letter
  $ openletter new my-letter --recipient "…" --demands icrc-prison-visits
  $ openletter signatories import responses.csv --campaign my-letter --write
  $ openletter render my-letter`,
    )
    .action((dir: string, opts: { name?: string; shortName?: string }, cmd: Command) => {
      const g = globals(cmd);
      const target = resolve(g.io.cwd, dir);
      const there = g.io.stat(target);
      if (there) {
        if (there.kind !== 'dir') throw new UsageError(`${dir} is a file`, 'choose a new folder name');
        const entries = g.io.list(target).filter((n) => n !== '.git');
        if (entries.length)
          throw new UsageError(
            `${dir} is not empty (it holds ${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''})`,
            'init never overwrites: choose a new or empty folder',
          );
      }
      const files = planInit(PACKAGE_ROOT, { name: opts.name, shortName: opts.shortName, today: today(g) });
      writeFilesAtomic(target, files);
      result(g, { created: relative(g.io.cwd, target) || '.', files: [...files.keys()] });
      if (!g.quiet && g.format !== 'json') {
        const shown = relative(g.io.cwd, target) || '.';
        const count = (prefix: string) => [...files.keys()].filter((f) => f.startsWith(prefix)).length;
        const languages = new Set(
          [...files.keys()].filter((f) => f.startsWith('locales/')).map((f) => f.split('/')[1]),
        );
        const { command, cdWorks } = commandFor(shown, {
          env: g.io.env,
          script: process.argv[1] ?? 'openletter',
          cwd: g.io.cwd,
          packageRoot: PACKAGE_ROOT,
        });
        const run = (args: string) => (cdWorks ? `${command} ${args}` : `${command} -w ${quoted(shown)} ${args}`);
        const steps: [string, string][] = [
          [run('check'), "lists what the example letter still needs (its recipient, the state's name)"],
          [run('render example-letter'), 'once they are written: out/example-letter/en.pdf and en.md'],
          [run('new my-letter --recipient "…"'), 'starts your own letter (put your coalition in workspace.yaml first)'],
        ];
        const width = Math.max(...steps.map(([c]) => c.length));
        g.io.stdout.write(
          `created ${shown}/ with ${count('demands/')} demand blocks, ${languages.size} languages, ${count('templates/')} templates and an example letter (campaigns/example-letter.yaml)\n` +
            `next:\n${cdWorks && shown !== '.' ? `  cd ${quoted(shown)}\n` : ''}` +
            steps.map(([c, what]) => `  ${c.padEnd(width)}   ${what}\n`).join(''),
        );
      }
    });
}
