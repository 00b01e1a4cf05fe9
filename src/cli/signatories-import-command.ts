import { Command, Option } from 'commander';
import { relative, resolve } from 'node:path';
import { diag, hasErrors } from '../diagnostics/diagnostic.js';
import { applyImport, idsWithSigned } from '../draft/apply-import.js';
import { planSignatoryImport, type RowOutcome } from '../draft/plan-signatory-import.js';
import { readSignOnCsv } from '../draft/read-signon-csv.js';
import { encodingName } from '../load/decode-text.js';
import { readTextFile } from '../load/read-text-file.js';
import { writeFilesAtomic } from '../output/write-files-atomic.js';
import { closest } from '../util/closest.js';
import { escapeForTerminal } from '../util/control-chars.js';
import { EXIT, globals, load, report, result, UsageError } from './context.js';
import { setExit } from './exit.js';
import { table } from './table.js';
import type { OutStream } from '../io/io.js';

interface ImportOptions {
  campaign?: string;
  map?: string;
  acceptNear?: boolean;
  write?: boolean;
  kind?: 'organisation' | 'individual';
  encoding?: string;
}

export function signatoriesImportCommand(): Command {
  return new Command('import')
    .description('add the signatories of a sign-on form (CSV) to the roster and to a campaign')
    .argument('<file>', 'CSV export of the sign-on form (Google Forms, Action Network, a spreadsheet)')
    .option('-c, --campaign <id>', 'the campaign they sign (required)')
    .option(
      '--map <pairs>',
      'which column holds what: "Column header=field,…"; fields: name, country, kind, person, email, first_name, last_name, ignore',
    )
    .option(
      '--accept-near',
      'take rows that look like a roster entry (near-duplicates) as that entry, adding the spelling to its aliases',
    )
    .option(
      '--encoding <name>',
      "the CSV's encoding when it is not UTF-8 and the guess is wrong (windows-1252, shift_jis, euc-kr, gb18030…)",
    )
    .option('--write', 'change signatories.yaml and the campaign file (without it, only shows what would change)')
    .addOption(
      new Option(
        '--kind <kind>',
        'kind of signatory for rows without a kind column (default: organisation; individual for a "Your name" or first/last name form)',
      ).choices(['organisation', 'individual']),
    )
    .addHelpText(
      'after',
      `
Columns are recognised by the questions forms ask, in English, French, Spanish, German, Russian,
Korean, Japanese and Chinese ("Are you signing as an organisation or as an individual?", "Name of your
organisation", "Country", "Email Address", "Название организации", "단체명", "国家"…); a Timestamp,
role, title or comments column is ignored. A column it cannot tell stops the import (exit 1) with the
--map to write.
Countries may be ISO codes or names ("South Korea", "대한민국", "Japon"). Each row is matched
against the roster: the same spelling or an alias is that entry; a near-duplicate ("HH Katakomb"
for "HH Katacombs", or another name with the same e-mail address) is reported for you to decide
(--accept-near takes it); anything else becomes a new entry. Contact person and e-mail are kept in the roster and never printed in a letter.

Examples:
  $ openletter signatories import responses.csv --campaign 2026-open-letter
  $ openletter signatories import responses.csv --campaign 2026-open-letter --write
  $ openletter signatories import sheet.csv -c 2026-open-letter --map "Nom de l'organisation=name,Pays=country"`,
    )
    .action((file: string, opts: ImportOptions, cmd: Command) => {
      const g = globals(cmd);
      // `signatories --campaign` (the listing's option) may have taken the flag when written before "import".
      const campaignId = opts.campaign ?? (cmd.parent?.opts() as { campaign?: string } | undefined)?.campaign;
      if (!campaignId) throw new UsageError('which campaign do they sign?', 'pass --campaign <id>');
      const { project, diagnostics: loadDiagnostics } = load(g);
      const campaign = project.campaigns.get(campaignId);
      if (!campaign) {
        const guess = closest(campaignId, project.campaigns.keys());
        throw new UsageError(
          `no campaign "${campaignId}"`,
          guess ? `did you mean "${guess}"?` : `campaigns: ${[...project.campaigns.keys()].join(', ') || '(none)'}`,
        );
      }
      const rosterRel = 'signatories.yaml';
      const campaignRel = campaign.span.file;
      const blocking = loadDiagnostics.filter(
        (d) => d.severity === 'error' && (d.span?.file === rosterRel || d.span?.file === campaignRel),
      );
      if (blocking.length) {
        report(blocking, project.files, g);
        g.io.stderr.write(`nothing imported: fix ${rosterRel} and ${campaignRel} first\n`);
        setExit(cmd, EXIT.errors);
        return;
      }
      const csvPath = resolve(g.io.cwd, file);
      const shown = relative(g.io.cwd, csvPath) || file;
      const decoded = readTextFile(csvPath, shown, 'table', { encoding: opts.encoding, source: g.io });
      if (!decoded.value || hasErrors(decoded.diagnostics)) {
        // Not readable as text, or holding U+FFFD: importing would write mojibake into the roster.
        const text = decoded.value?.text ?? decoded.lossy;
        report(decoded.diagnostics, new Map(text === undefined ? [] : [[shown, text]]), g);
        g.io.stderr.write('nothing imported\n');
        setExit(cmd, EXIT.errors);
        return;
      }
      const uncertain = decoded.value.others ?? [];
      if (opts.write && uncertain.length) {
        // Written on a wrong guess, every accented name would go into the roster misspelt.
        const candidates = [decoded.value.encoding, ...uncertain];
        report(
          [
            diag(
              'file/encoding',
              { file: shown, start: 0, end: 1 },
              `cannot tell the encoding of ${shown}: ${candidates.map(encodingName).join(' or ')}; nothing written`,
              {
                hint: `name it with --encoding (${candidates.join(', ')}): a dry run without --write shows the names as read`,
              },
            ),
          ],
          new Map([[shown, decoded.value.text]]),
          g,
        );
        setExit(cmd, EXIT.errors);
        return;
      }
      const csv = readSignOnCsv(decoded.value.text, shown, { map: opts.map, kind: opts.kind });
      const rosterText = project.files.get(rosterRel) ?? 'signatories: []\n';
      const plan = planSignatoryImport(project, csv.rows, {
        campaign: campaignId,
        acceptNear: opts.acceptNear,
        hasSigned: idsWithSigned(rosterText),
      });
      const files = new Map([...project.files, [shown, csv.text]]);
      const problems = [...csv.diagnostics, ...plan.diagnostics];
      const changes = applyImport(plan, rosterText, project.files.get(campaignRel) ?? '');
      const changed = new Map<string, string>();
      if (changes.roster !== rosterText) changed.set(rosterRel, changes.roster);
      if (changes.campaign !== project.files.get(campaignRel)) changed.set(campaignRel, changes.campaign);
      const canWrite = opts.write && !csv.diagnostics.some((d) => d.code === 'import/column');
      if (canWrite && changed.size) writeFilesAtomic(project.root, changed, { expected: project.files });

      if (g.format === 'json') {
        report(problems, files, g);
        result(g, {
          campaign: campaignId,
          columns: csv.columns,
          rows: plan.outcomes,
          rejected: csv.rejected,
          newEntries: plan.newEntries.map((e) => e.id),
          campaignAdds: plan.campaignAdds,
          written: canWrite ? [...changed.keys()] : [],
        });
      } else {
        report(problems, files, g, { summary: false });
        if (decoded.value.encoding !== 'utf-8')
          g.io.stdout.write(
            `read ${shown} as ${encodingName(decoded.value.encoding)} (${decoded.value.how}${uncertain.length ? `; ${uncertain.map(encodingName).join(' or ')} would read it differently` : ''}); if names look wrong, name the encoding with --encoding\n`,
          );
        printPlan(
          g.io.stdout,
          shown,
          campaignId,
          csv,
          plan.outcomes,
          plan.campaignAdds.length,
          plan.newEntries.length,
          g.quiet ?? false,
        );
        const columnProblems = csv.diagnostics.some((d) => d.code === 'import/column');
        if (columnProblems && !csv.rows.length)
          g.io.stdout.write('nothing imported: fix the column problems above first\n');
        else if (!changed.size) g.io.stdout.write('nothing to change\n');
        else if (canWrite) g.io.stdout.write(`wrote ${[...changed.keys()].join(', ')}\n`);
        else if (opts.write) g.io.stdout.write('nothing written: fix the column problems above first\n');
        else
          g.io.stdout.write(
            `dry run: nothing written. Run again with --write to change ${[...changed.keys()].join(' and ')}.\n`,
          );
      }
      setExit(cmd, hasErrors(problems) ? EXIT.errors : EXIT.ok);
    });
}

function printPlan(
  stdout: OutStream,
  file: string,
  campaign: string,
  csv: ReturnType<typeof readSignOnCsv>,
  outcomes: RowOutcome[],
  adds: number,
  created: number,
  quiet: boolean,
): void {
  const out = (s: string) => stdout.write(`${s}\n`);
  out(`${escapeForTerminal(file)} → ${campaign}`);
  out(
    `columns: ${csv.columns.map((c) => `"${escapeForTerminal(c.header)}" → ${c.field === 'ignore' ? 'ignored' : (c.field ?? 'not used')}${c.how === 'guessed' ? ' (guessed)' : c.how === 'uncertain' ? ` (${c.candidates!.join(' or ')}?)` : ''}`).join(', ')}`,
  );
  const rows: [number, string[]][] = outcomes.map((o) => [o.row, [`row ${o.row}`, o.name, ...describe(o)]]);
  for (const r of csv.rejected) rows.push([r.row, [`row ${r.row}`, r.name, 'rejected', r.reason]]);
  rows.sort((a, b) => a[0] - b[0]);
  if (!quiet && rows.length)
    stdout.write(
      table(
        ['row', 'name', 'result', ''],
        rows.map((r) => r[1]),
      ),
    );
  const count = (a: RowOutcome['action']) => outcomes.filter((o) => o.action === a).length;
  const already = outcomes.filter((o) => o.action === 'existing' && o.already).length;
  out(
    [
      `${created} new roster ${created === 1 ? 'entry' : 'entries'}`,
      `${adds} signator${adds === 1 ? 'y' : 'ies'} added to ${campaign}`,
      already ? `${already} already signing` : '',
      count('near') ? `${count('near')} near-duplicate(s) for you to decide (--accept-near)` : '',
      csv.rejected.length ? `${csv.rejected.length} rejected` : '',
      count('duplicate') ? `${count('duplicate')} duplicate row(s) skipped` : '',
    ]
      .filter(Boolean)
      .join('; '),
  );
}

function describe(o: RowOutcome): string[] {
  switch (o.action) {
    case 'new':
      return ['new', o.id];
    case 'existing':
      return [o.already ? 'already signing' : `signs (${o.how})`, o.id];
    case 'near':
      return [
        'near-duplicate',
        `${o.candidates.map((c) => (c.row !== undefined ? `row ${c.row}` : c.id)).join(' or ')}? not imported`,
      ];
    case 'duplicate':
      return ['duplicate', `of row ${o.firstRow}, skipped`];
  }
}
