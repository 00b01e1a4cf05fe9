import { Command, CommanderError, Option } from 'commander';
import { EXIT, UsageError } from './context.js';
import { exitCodeOf } from './exit.js';
import { checkCommand } from './check-command.js';
import { renderCommand } from './render-command.js';
import { demandsCommand } from './demands-command.js';
import { signatoriesCommand } from './signatories-command.js';
import { initCommand } from './init-command.js';
import { newCommand } from './new-command.js';
import { translationsCommand } from './translations-command.js';
import { deliverCommand } from './deliver-command.js';

export function buildProgram(): Command {
  const program = new Command('openletter')
    .description(
      'Build checked, print-ready multilingual open letters and embassy delivery packets from a YAML workspace.\n' +
        'A workspace holds campaigns/, demands/, signatories.yaml, missions.yaml and locales/ (see README).',
    )
    .version('0.1.0')
    .addOption(new Option('-w, --workspace <dir>', 'workspace folder (default: the current folder)'))
    .addOption(new Option('--format <format>', 'how to print problems (before the command; `check` also takes it after)').choices(['text', 'json']).default('text'))
    .option('-q, --quiet', 'print only problems, not progress')
    .showHelpAfterError('(run with --help for usage)')
    // Global options go before the command, so `render --format pdf` and `--format json check` don't collide.
    .enablePositionalOptions()
    .addHelpText(
      'after',
      `
Examples:
  $ openletter check                                   validate the whole workspace
  $ openletter render 2018-kim-jong-un                 PDF + Markdown in every language of the campaign
  $ openletter render 2011-kim-jong-il --lang ko --format pdf --out /tmp/letters
  $ openletter demands                                 the demand library
  $ openletter signatories --campaign 2012-kim-jong-un

Exit codes: 0 clean, 1 problems found, 2 bad usage.`,
    );
  program.addCommand(initCommand());
  program.addCommand(newCommand());
  program.addCommand(checkCommand());
  program.addCommand(renderCommand());
  program.addCommand(demandsCommand());
  program.addCommand(signatoriesCommand());
  program.addCommand(translationsCommand());
  program.addCommand(deliverCommand());
  return program;
}

/** Run the CLI. Sets process.exitCode once; never prints a stack trace for user mistakes. */
export async function main(argv: string[]): Promise<void> {
  // Ctrl-C: outputs are written to a temporary folder and swapped in at the very end, so stopping
  // now leaves the previous output as it was. Say so instead of dying silently.
  process.once('SIGINT', () => {
    process.stderr.write('\nopenletter: interrupted; the previous output is untouched\n');
    process.exit(130);
  });
  const program = buildProgram();
  program.exitOverride();
  program.configureOutput({ writeErr: (s) => process.stderr.write(s) });
  try {
    await program.parseAsync(argv);
    process.exitCode = exitCodeOf(program);
  } catch (e) {
    process.exitCode = exitCodeFor(e);
  }
}

function exitCodeFor(e: unknown): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
    return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (e instanceof UsageError) {
    process.stderr.write(`openletter: error: ${e.message}\n${e.hint ? `  hint: ${e.hint}\n` : ''}`);
    return EXIT.usage;
  }
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err.code === 'string' && /^E[A-Z]+$/.test(err.code)) {
    process.stderr.write(`openletter: error: ${err.message}\n  hint: check that the path exists and is writable, and that the disk is not full\n`);
    return EXIT.errors;
  }
  const msg = e instanceof Error ? e.message : String(e);
  process.stderr.write(`openletter: internal error: ${msg}\n  This is a bug in openletter, not in your files. Please report it with the command you ran.\n`);
  if (process.env.OPENLETTER_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
  return EXIT.internal;
}

