import { Command, Option } from 'commander';
import { CODES } from '../diagnostics/codes.js';
import { checkWorkspace } from '../pipeline/check-workspace.js';
import { globals, load, report, result, today } from './context.js';
import { setExit } from './exit.js';

export function checkCommand(): Command {
  return new Command('check')
    .description('validate the whole workspace: YAML, schemas, references, translations, placeholders, fonts')
    .option('--explain', 'list every problem code with its meaning, and exit')
    .addOption(
      new Option('--format <format>', 'text for people, json for machines (as --json)').choices(['text', 'json']),
    )
    .addHelpText(
      'after',
      `
Prints every problem at once on standard output, one per line as  file:line:col: severity: message [code],
then the source line with a caret and a hint. Exit 0 when there are no errors, 1 otherwise.

Examples:
  $ openletter check
  $ openletter check > report.txt
  $ openletter check --json > problems.json
  $ openletter --workspace ../my-letter check`,
    )
    .action(async (opts: { explain?: boolean; format?: 'text' | 'json' }, cmd: Command) => {
      const g = { ...globals(cmd), ...(opts.format ? { format: opts.format } : {}) };
      if (opts.explain) {
        const codes = Object.entries(CODES).map(([code, [severity, meaning]]) => ({ code, severity, meaning }));
        if (g.format === 'json') result(g, { codes });
        else for (const c of codes) g.io.stdout.write(`${c.code.padEnd(28)} ${c.severity.padEnd(8)} ${c.meaning}\n`);
        return;
      }
      const { project, diagnostics, remember } = load(g);
      const day = today(g);
      // Findings depend on the files, the build and the day alone: an unchanged workspace is not checked again.
      const found = await remember(`check\0${day}`, () => checkWorkspace(project, diagnostics, { today: day }));
      const code = report(found.diagnostics, project.files, g, { to: 'stdout' });
      const checked = {
        campaigns: project.campaigns.size,
        letters: found.letters,
        demands: project.demands.size,
        signatories: project.signatories.size,
        missions: project.missions.size,
      };
      result(g, { checked });
      if (!found.diagnostics.length && g.format !== 'json' && !g.quiet) {
        g.io.stdout.write(
          `ok: ${checked.campaigns} campaigns, ${checked.letters} letters, ${checked.demands} demand blocks, ${checked.signatories} signatories, ${checked.missions} missions\n`,
        );
      }
      setExit(cmd, code);
    });
}
