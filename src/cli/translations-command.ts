import { Command, Option } from 'commander';
import { basename, dirname, extname, resolve } from 'node:path';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { writeFilesAtomic } from '../output/write-files-atomic.js';
import { exportUnits } from '../translations/export-translations.js';
import { localeOfTag, planTranslationImport, planStamp } from '../translations/import-translations.js';
import { lockPath } from '../translations/source-store.js';
import { sourceChange, translationStatus, type TextState } from '../translations/translation-status.js';
import { formatWordDiff } from '../text/word-diff.js';
import { COLOURS, useColour } from './colour.js';
import { parseUnitFile, toCsv } from '../translations/translation-units.js';
import { toXliff, XliffError } from '../translations/xliff.js';
import { diag } from '../diagnostics/diagnostic.js';
import { offsetIn } from '../diagnostics/line-index.js';
import { encodingName } from '../load/decode-text.js';
import { readTextFile } from '../load/read-text-file.js';
import { escapeForTerminal } from '../util/control-chars.js';
import { globals, load, parseList, report, result, UsageError } from './context.js';
import { setExit } from './exit.js';
import { table } from './table.js';

const STATES: TextState[] = ['translated', 'missing', 'stale', 'identical', 'wrong-script'];

export function translationsCommand(): Command {
  const cmd = new Command('translations')
    .description('what is translated, missing, stale or suspicious in each language; export and import for translators')
    .enablePositionalOptions()
    .option('-c, --campaign <id>', 'only the texts this campaign prints')
    .option('-l, --lang <code>', 'only this language')
    .option('--list', 'list every text that is not translated, with its key and file')
    .addHelpText(
      'after',
      `
States: translated, missing, stale (the English changed after it was translated), identical
(same as the English), wrong-script (not written in the language's script).
Exit 1 when a language a campaign asks for is incomplete or stale.

Examples:
  $ openletter translations
  $ openletter translations --campaign 2018-kim-jong-un --lang ja --list
  $ openletter translations export --lang ja --format xliff --out ja.xlf
  $ openletter translations import ja.xlf --lang ja
  $ openletter translations stamp --lang ja     (after fixing stale texts by hand)`,
    )
    .action((opts: { campaign?: string; lang?: string; list?: boolean }, c: Command) => {
      const g = globals(c);
      const { project, diagnostics } = load(g);
      if (opts.campaign && !project.campaigns.has(opts.campaign))
        throw new UsageError(`no campaign "${opts.campaign}"`);
      const { rows, diagnostics: problems } = translationStatus(
        project,
        opts.campaign ? { campaign: opts.campaign } : {},
      );
      const shown = rows.filter((r) => !opts.lang || r.locale === opts.lang);
      const asked = (r: (typeof rows)[number]) =>
        r.usedBy.some((id) => project.campaigns.get(id)?.locales.includes(r.locale));
      const blocking = shown.filter((r) => (r.state === 'missing' || r.state === 'stale') && asked(r));
      if (g.format === 'json') {
        result(g, {
          texts: shown.map((r) => ({
            key: r.key,
            locale: r.locale,
            state: r.state,
            usedBy: r.usedBy,
            source: r.source.span.file,
            translation: r.translation?.span.file ?? null,
            ...(r.sourceThen === undefined ? {} : { sourceThen: r.sourceThen }),
          })),
          blocking: blocking.length,
        });
      } else {
        const locales = [...new Set(shown.map((r) => r.locale))];
        const body = locales.map((l) => [
          l,
          ...STATES.map((s) => String(shown.filter((r) => r.locale === l && r.state === s).length)),
          String(blocking.filter((r) => r.locale === l).length),
        ]);
        g.io.stdout.write(table(['lang', ...STATES, 'blocking'], body));
        if (opts.list) {
          const paint = useColour(g.io.stdout, g.io.env) ? { paint: COLOURS } : {};
          for (const r of shown.filter((x) => x.state !== 'translated')) {
            g.io.stdout.write(
              `${r.locale}  ${r.state.padEnd(12)} ${r.key}  (${r.source.span.file})${r.usedBy.length ? '' : '  [unused]'}\n`,
            );
            if (r.sourceThen !== undefined) {
              const change = sourceChange(project, r.sourceThen, r.source.text);
              g.io.stdout.write(`    ${change.label}: ${escapeForTerminal(formatWordDiff(change.parts, paint))}\n`);
            }
          }
        }
        g.io.stdout.write(
          blocking.length
            ? `${blocking.length} text(s) missing or stale in a language a campaign asks for\n`
            : 'every language a campaign asks for is complete\n',
        );
      }
      const code = report([...diagnostics.filter((d) => d.code.startsWith('i18n/')), ...problems], project.files, g, {
        summary: false,
      });
      setExit(c, blocking.length || code ? 1 : 0);
    });

  cmd
    .command('export')
    .description('write the missing and stale texts of one language, with English source and context, for a translator')
    .requiredOption('-l, --lang <code>', 'the language to translate into')
    .addOption(
      new Option('-f, --format <format>', 'xliff for CAT tools, csv for spreadsheets')
        .choices(['xliff', 'csv'])
        .default('xliff'),
    )
    .option('-c, --campaign <id>', "only this campaign's texts")
    .option('--all', 'every text, translated or not (for review)')
    .option('-o, --out <file>', 'file to write (default: standard output)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ openletter translations export --lang ja --out ja.xlf\n  $ openletter translations export --lang fr --format csv --campaign 2018-kim-jong-un --out fr.csv',
    )
    .action(
      (opts: { lang: string; format: 'xliff' | 'csv'; campaign?: string; all?: boolean; out?: string }, c: Command) => {
        const g = globals(c);
        const { project } = load(g);
        if (!project.locales.has(opts.lang))
          throw new UsageError(
            `no language "${opts.lang}" in locales/`,
            `languages: ${[...project.locales.keys()].join(', ')}`,
          );
        if (opts.lang === project.workspace.sourceLocale)
          throw new UsageError(
            `${opts.lang} is the source language: its texts are the originals, there is nothing to translate`,
            `export a language to translate into: ${[...project.locales.keys()].filter((l) => l !== opts.lang).join(', ') || '(add one under locales/)'}`,
          );
        const units = exportUnits(project, opts.lang, {
          ...(opts.campaign ? { campaign: opts.campaign } : {}),
          all: !!opts.all,
        });
        if (g.format === 'json' && !opts.out)
          throw new UsageError(
            'with --json, the export needs --out',
            'standard output carries the JSON document; write the file with --out FILE',
          );
        const text = opts.format === 'csv' ? toCsv(units) : toXliff(units);
        result(g, { language: opts.lang, format: opts.format, out: opts.out ?? null, texts: units.units.length });
        if (opts.out) writeFilesAtomic(dirname(resolve(g.io.cwd, opts.out)), new Map([[basename(opts.out), text]]));
        else g.io.stdout.write(text);
        g.io.stderr.write(
          `${units.units.length} text(s) for ${opts.lang}${opts.out ? ` written to ${opts.out}` : ''}\n`,
        );
      },
    );

  cmd
    .command('import')
    .description("write a translator's XLIFF or CSV file back into locales/<lang>/ (order and comments kept)")
    .argument('<file>', 'an .xlf/.xliff or .csv file made by `translations export`')
    .option('-l, --lang <code>', "the file's language (default: the one the file names)")
    .option('--dry-run', 'show what would change, write nothing')
    .option(
      '--encoding <name>',
      "a CSV's encoding when it is not UTF-8 and the guess is wrong (windows-1252, shift_jis…)",
    )
    .addHelpText(
      'after',
      `
Reads XLIFF 1.2 as Trados, memoQ, OmegaT and Weblate write it (segments, inline tags, groups,
character references, state and approved) and openletter's CSV. Refuses a file for another
language (by its label or the script it is written in), for the source language, exported from
English that has changed since, with swapped columns, or whose translations lose a {{parameter}}
or markup. A draft (state needs-review-*) and a stale text sent back unchanged are not confirmed:
they stay as they were.

Example:
  $ openletter translations import ja.xlf --lang ja`,
    )
    .action((file: string, opts: { lang?: string; dryRun?: boolean; encoding?: string }, c: Command) => {
      const g = globals(c);
      const { project } = load(g);
      const kind = /\.csv$/i.test(extname(file)) ? 'csv' : 'xliff';
      const decoded = readTextFile(resolve(g.io.cwd, file), file, kind === 'csv' ? 'table' : 'xml', {
        encoding: opts.encoding,
        source: g.io,
      });
      const text = decoded.value?.text ?? decoded.lossy;
      // Diagnostics about the translator's file quote it: its text joins the workspace's for them.
      const files = new Map([...project.files, ...(text === undefined ? [] : [[file, text] as const])]);
      if (!decoded.value || hasErrors(decoded.diagnostics)) {
        setExit(c, report(decoded.diagnostics, files, g));
        return;
      }
      let units;
      try {
        units = parseUnitFile(decoded.value.text, kind);
      } catch (e) {
        const where =
          e instanceof XliffError && e.line !== undefined
            ? offsetIn(files, file, e.line, Math.max(0, (e.col ?? 1) - 1))
            : 0;
        const d = diag(
          'i18n/unreadable-file',
          { file, start: where, end: where + 1 },
          `${file}: ${e instanceof Error ? e.message : String(e)}`,
          { hint: 'export a file with `openletter translations export` and fill in the translations' },
        );
        setExit(c, report([d], files, g));
        return;
      }
      const lng = opts.lang ?? localeOfTag(project, units.targetLanguage) ?? units.targetLanguage;
      const r = planTranslationImport(project, lng, units, file);
      if (hasErrors(r.diagnostics)) {
        setExit(c, report(r.diagnostics, files, g));
        return;
      }
      if (!opts.dryRun) writeFilesAtomic(project.root, r.files, { expected: project.files });
      result(g, {
        language: lng,
        dryRun: !!opts.dryRun,
        added: r.added,
        updated: r.updated,
        unchanged: r.unchanged,
        unconfirmed: r.unconfirmed,
      });
      if (g.format === 'json') return;
      const out = (s: string) => g.io.stdout.write(`${escapeForTerminal(s)}\n`);
      if (decoded.value.encoding !== 'utf-8')
        out(`read ${file} as ${encodingName(decoded.value.encoding)} (${decoded.value.how})`);
      out(
        `${opts.dryRun ? 'would import' : 'imported'} ${lng}: ${r.added.length} added, ${r.updated.length} updated, ${r.unchanged} unchanged${r.unconfirmed.length ? `, ${r.unconfirmed.length} not confirmed` : ''}`,
      );
      for (const k of r.added) out(`  + ${k}`);
      for (const k of r.updated) out(`  ~ ${k}`);
      if (r.unconfirmed.length) {
        out(
          'not confirmed in the file (a draft marked for review, or a stale text sent back unchanged): left as they were, still stale or missing:',
        );
        for (const k of r.unconfirmed) out(`  ? ${k}`);
      }
      if ('droppedCodes' in units && units.droppedCodes)
        out(`${units.droppedCodes} <x/>/<bx/>/<ex/> code(s) carry no text and were left out`);
    });

  cmd
    .command('stamp')
    .description('record that a language\'s translations match the current English (clears "stale")')
    .requiredOption('-l, --lang <codes>', 'comma-separated languages, or "all"')
    .addHelpText(
      'after',
      '\nRun it after checking stale texts against the English by hand.\n\nExample:\n  $ openletter translations stamp --lang ko,ja',
    )
    .action((opts: { lang: string }, c: Command) => {
      const g = globals(c);
      const { project } = load(g);
      const langs =
        opts.lang === 'all'
          ? [...project.locales.keys()].filter((l) => l !== project.workspace.sourceLocale)
          : (parseList(opts.lang) ?? []);
      // Check every language first: a typo in the list must not leave the others half stamped.
      for (const l of langs)
        if (!project.locales.has(l))
          throw new UsageError(
            `no language "${l}" in locales/`,
            `languages: ${[...project.locales.keys()].join(', ')}`,
          );
      const plans = langs.map((l) => [l, planStamp(project, l)] as const);
      writeFilesAtomic(project.root, new Map(plans.flatMap(([, files]) => [...files])), { expected: project.files });
      // Writing only the store (a workspace from before it existed) leaves the stamps as they were.
      const stamped = (files: Map<string, string>, l: string) => files.has(lockPath(l));
      result(g, {
        stamped: plans.filter(([l, files]) => stamped(files, l)).map(([l]) => l),
        upToDate: plans.filter(([l, files]) => !stamped(files, l)).map(([l]) => l),
      });
      if (g.format !== 'json')
        for (const [l, files] of plans)
          g.io.stdout.write(`${l}: ${stamped(files, l) ? 'stamped' : 'already up to date'}\n`);
    });
  return cmd;
}
