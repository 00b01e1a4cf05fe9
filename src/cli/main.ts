import { Command, CommanderError, Option } from 'commander';
import { EXIT, UsageError } from '../diagnostics/errors.js';
import { BusyError } from '../output/output-lock.js';
import { WriteRefused } from '../output/write-refused.js';
import { exitCodeOf } from './exit.js';
import { attachIo } from './globals.js';
import { useFontCache } from '../fonts/font-cache.js';
import { userCacheDir } from '../util/user-cache-dir.js';
import { hasJsonDocument, jsonDocument, printJsonDocument, wantsJson } from './json-output.js';
import type { Io } from '../io/io.js';
import { checkSourceDateEpoch } from './source-date-epoch.js';

/**
 * The commands, in help order. Each module is imported only when its command runs, so
 * `openletter --help` never loads YAML, schemas, fonts or pdfkit.
 */
const COMMANDS: { name: string; summary: string; load: () => Promise<Command> }[] = [
  {
    name: 'init',
    summary: 'create a new workspace from the bundled demand library and languages',
    load: async () => (await import('./init-command.js')).initCommand(),
  },
  {
    name: 'new',
    summary: 'write a new campaign file (a letter) that passes check',
    load: async () => (await import('./new-command.js')).newCommand(),
  },
  {
    name: 'check',
    summary: 'validate the whole workspace and print every problem',
    load: async () => (await import('./check-command.js')).checkCommand(),
  },
  {
    name: 'render',
    summary: 'check a campaign, then render its letters as PDF and Markdown',
    load: async () => (await import('./render-command.js')).renderCommand(),
  },
  {
    name: 'demands',
    summary: 'list the demand library',
    load: async () => (await import('./demands-command.js')).demandsCommand(),
  },
  {
    name: 'signatories',
    summary: "list the roster or a letter's signatories; import a sign-on CSV",
    load: async () => (await import('./signatories-command.js')).signatoriesCommand(),
  },
  {
    name: 'translations',
    summary: 'translation status per language; export and import for translators',
    load: async () => (await import('./translations-command.js')).translationsCommand(),
  },
  {
    name: 'deliver',
    summary: 'build a delivery packet per mission and the delivery list',
    load: async () => (await import('./deliver-command.js')).deliverCommand(),
  },
  {
    name: 'diff',
    summary: 'what changed in each language since an earlier rendering, delivery or git revision',
    load: async () => (await import('./diff-command.js')).diffCommand(),
  },
  {
    name: 'preview',
    summary: 'a live preview in the browser: every language side by side, problems in place',
    load: async () => (await import('./preview-command.js')).previewCommand(),
  },
];

/** addCommand() does not pass the root's settings down: usage errors must throw (exit 2), not exit(1). */
function inheritSettings(cmd: Command, io: Io): Command {
  cmd.exitOverride().showHelpAfterError('(run with --help for usage)').configureOutput(outputTo(io));
  // People type `openletter check -w DIR` as often as `openletter -w DIR check`: accept both.
  if (!cmd.options.some((o) => o.long === '--workspace'))
    cmd.option('-w, --workspace <dir>', 'workspace folder (default: the current folder)');
  if (!cmd.options.some((o) => o.long === '--quiet')) cmd.option('-q, --quiet', 'print only problems, not progress');
  cmd.option('--json', 'print one JSON document on standard output: the result and every problem');
  for (const sub of cmd.commands) inheritSettings(sub, io);
  return cmd;
}

/** Commander's help and usage errors go to the run's streams, not the process's. */
function outputTo(io: Io) {
  return { writeOut: (s: string) => void io.stdout.write(s), writeErr: (s: string) => void io.stderr.write(s) };
}

/** The first argument that is not a root option (or an option's value): the command's name. */
function commandName(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-w' || a === '--workspace' || a === '--format') i++;
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}

/** The program with every command: the one being run for real, the others as help entries. */
export async function buildProgram(args: string[], io: Io): Promise<Command> {
  const program = new Command('openletter')
    .description(
      'Build checked, print-ready multilingual open letters and embassy delivery packets from a YAML workspace.\n' +
        'A workspace holds campaigns/, demands/, signatories.yaml, missions.yaml and locales/ (see README).',
    )
    .version('0.1.0')
    .addOption(new Option('-w, --workspace <dir>', 'workspace folder (default: the current folder)'))
    .addOption(
      new Option('--format <format>', 'text, or json: the same as --json (before the command)')
        .choices(['text', 'json'])
        .default('text'),
    )
    .option('--json', 'print one JSON document on standard output: the result and every problem')
    .option('-q, --quiet', 'print only problems, not progress')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput(outputTo(io))
    // Global options go before the command, so `render --format pdf` and `--format json check` don't collide.
    .enablePositionalOptions()
    .addHelpText(
      'after',
      `
Examples:
  $ openletter check                                   validate the whole workspace
  $ openletter render 2018-kim-jong-un                 PDF + Markdown in every language of the campaign
  $ openletter render 2011-kim-jong-il --lang ko --format pdf --out /tmp/letters
  $ openletter deliver 2011-kim-jong-il                a packet per embassy and UN mission
  $ openletter translations                            what is missing or stale, per language
  $ openletter init ../our-next-letter                 start a new workspace
  $ openletter --workspace ../our-next-letter check    global options go before the command

Run \`openletter <command> --help\` for a command's options and examples.

Exit codes: 0 clean, 1 problems found, 2 bad usage, 70 a bug in openletter, 130 interrupted (Ctrl-C).
From any folder inside a workspace, the workspace is found upward (the folder holding workspace.yaml).
--json after any command: one JSON document on standard output. NO_COLOR / FORCE_COLOR control colour.`,
    );
  const wanted = commandName(args);
  const all = wanted === 'help' || args.includes('--all-help');
  for (const c of COMMANDS) {
    if (c.name === wanted || all) program.addCommand(inheritSettings(await c.load(), io));
    else program.command(c.name).description(c.summary).allowUnknownOption().allowExcessArguments();
  }
  attachIo(program, io);
  return program;
}

/**
 * Run the CLI on the arguments after `openletter` and return its exit code. Everything it touches
 * goes through `io`; it never prints a stack trace for a user's mistake.
 */
export async function run(args: string[], io: Io): Promise<number> {
  const json = wantsJson(args);
  useFontCache(userCacheDir(io.env, process.platform, 'fonts'));
  let code: number;
  try {
    checkSourceDateEpoch(io.env);
    const program = await buildProgram(args, io);
    program.exitOverride();
    await program.parseAsync(args, { from: 'user' });
    code = exitCodeOf(program);
  } catch (e) {
    if (e instanceof CommanderError && HELP_CODES.has(e.code)) return EXIT.ok;
    code = exitCodeFor(e, io);
    if (json || hasJsonDocument(io))
      jsonDocument(io).error = {
        exitCode: code,
        message: errorMessage(e),
        ...(e instanceof UsageError && e.hint ? { hint: e.hint } : {}),
      };
  }
  // `check --format json` (check's own alias) is seen only once its options are parsed.
  if (json || hasJsonDocument(io)) printJsonDocument(io);
  return code;
}

/** Help and version: text the user asked for, not a result (no JSON document). */
const HELP_CODES = new Set(['commander.helpDisplayed', 'commander.version', 'commander.help']);

function errorMessage(e: unknown): string {
  if (e instanceof CommanderError) return e.message.replace(/^error: /, '');
  return e instanceof Error ? e.message : String(e);
}

/**
 * `openletter … | head -1`: when the reader of standard output (or error) goes away, stop quietly
 * instead of dying of an unhandled EPIPE with a stack trace. Nothing more can be shown anyway.
 */
export function exitQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
      throw e;
    });
}

/**
 * Ctrl-C: outputs are written to a temporary folder and swapped in at the very end, so stopping
 * now leaves the previous output as it was. Say so instead of dying silently.
 */
export function exitQuietlyOnInterrupt(): void {
  process.once('SIGINT', () => {
    // A command that handles Ctrl-C itself (render --watch closes its watchers) has its own listener.
    if (process.listenerCount('SIGINT') > 0) return;
    process.stderr.write('\nopenletter: interrupted; the previous output is untouched\n');
    process.exit(130);
  });
}

function exitCodeFor(e: unknown, io: Io): number {
  if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
  if (e instanceof UsageError) {
    io.stderr.write(`openletter: error: ${e.message}\n${e.hint ? `  hint: ${e.hint}\n` : ''}`);
    return EXIT.usage;
  }
  if (e instanceof BusyError || e instanceof WriteRefused) {
    io.stderr.write(`openletter: error: ${e.message}\n  hint: ${e.hint}\n`);
    return EXIT.errors;
  }
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err.code === 'string' && /^E[A-Z]+$/.test(err.code)) {
    io.stderr.write(
      `openletter: error: ${err.message}\n  hint: check that the path exists and is writable, and that the disk is not full\n`,
    );
    return EXIT.errors;
  }
  const msg = e instanceof Error ? e.message : String(e);
  io.stderr.write(
    `openletter: internal error: ${msg}\n  This is a bug in openletter, not in your files. Please report it with the command you ran.\n`,
  );
  if (io.env.OPENLETTER_DEBUG && e instanceof Error) io.stderr.write(`${e.stack}\n`);
  return EXIT.internal;
}
