import { Command, Option } from 'commander';
import { checkLetters } from '../check/check-project.js';
import { CODES } from '../diagnostics/codes.js';
import { globals, load, report } from './context.js';
import { setExit } from './exit.js';
import { today } from '../util/today.js';

export function checkCommand(): Command {
  return new Command('check')
    .description('validate the whole workspace: YAML, schemas, references, translations, placeholders, fonts')
    .option('--explain', 'list every problem code with its meaning, and exit')
    .addOption(new Option('--format <format>', 'text for people, json for machines').choices(['text', 'json']))
    .addHelpText(
      'after',
      `
Prints every problem at once, one per line as  file:line:col: severity: message [code],
then the source line with a caret and a hint. Exit 0 when there are no errors, 1 otherwise.

Examples:
  $ openletter check
  $ openletter check --format json > problems.json
  $ openletter --workspace ../my-letter check`,
    )
    .action(async (opts: { explain?: boolean; format?: 'text' | 'json' }, cmd: Command) => {
      const g = { ...globals(cmd), ...(opts.format ? { format: opts.format } : {}) };
      if (opts.explain) {
        for (const [code, [sev, text]] of Object.entries(CODES))
          g.io.stdout.write(`${code.padEnd(28)} ${sev.padEnd(8)} ${text}\n`);
        return;
      }
      const { project, diagnostics } = load(g);
      const letters = await checkLetters(project, { today: today(g.io) });
      const all = [...diagnostics, ...letters.diagnostics];
      const code = report(all, project.files, g);
      if (!all.length && g.format !== 'json' && !g.quiet) {
        g.io.stderr.write(
          `ok: ${project.campaigns.size} campaigns, ${letters.letters.size} letters, ${project.demands.size} demand blocks, ${project.signatories.size} signatories, ${project.missions.size} missions\n`,
        );
      }
      setExit(cmd, code);
    });
}
