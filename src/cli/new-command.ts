import { Command } from 'commander';
import { join } from 'node:path';
import { NewCampaignError, planNewCampaign } from '../draft/new-campaign.js';
import { PACKAGE_ROOT } from '../draft/package-root.js';
import { schemaFiles } from '../draft/init-workspace.js';
import { writeFilesAtomic } from '../output/write-files-atomic.js';
import { globals, load, parseList, result, today, UsageError, workspaceDir } from './context.js';

interface NewOptions {
  recipient?: string;
  param: string[];
  demands?: string;
  from?: string;
  lang?: string;
}

export function newCommand(): Command {
  return new Command('new')
    .description('start a new letter: write campaigns/<id>.yaml from a skeleton or a copy of another campaign')
    .argument('<campaign-id>', 'id of the new campaign (lowercase letters, digits and "-"), e.g. 2026-open-letter')
    .option('--recipient <name>', 'to whom the letter is addressed')
    .option(
      '--demands <ids>',
      'comma-separated demand blocks (`openletter demands` lists them), "id@variant" for a variant',
    )
    .option(
      '--param <name=value>',
      'a value for a parameter of the chosen blocks, e.g. --param country_short=Belarus (repeatable); the others are written as TODO',
      (pair: string, all: string[]) => [...all, pair],
      [] as string[],
    )
    .option('--from <campaign>', 'copy an existing campaign (its texts and translations; not its signatories)')
    .option('-l, --lang <codes>', 'comma-separated languages (default: English, or those of --from)')
    .addHelpText(
      'after',
      `
The new file passes \`openletter check\` once every field marked TODO is written; \`new\` lists them.
Parameters the demand blocks use ({{country_short}}) are never copied from another letter: give them
with --param, or write them where the TODO stands.

Examples:
  $ openletter new 2026-open-letter --recipient "Kim Jong Un" --demands icrc-prison-visits,release-political-prisoners
  $ openletter new 2026-belarus --recipient "Alexander Lukashenko" --demands release-political-prisoners --param country_short=Belarus
  $ openletter new 2026-follow-up --from 2018-kim-jong-un`,
    )
    .action((id: string, opts: NewOptions, cmd: Command) => {
      const g = globals(cmd);
      const { project } = load(g);
      let plan;
      try {
        plan = planNewCampaign(project, {
          id,
          recipient: opts.recipient,
          demands: parseList(opts.demands),
          from: opts.from,
          params: paramPairs(opts.param),
          locales: parseList(opts.lang),
          today: today(g),
        });
      } catch (e) {
        if (e instanceof NewCampaignError) throw new UsageError(e.message, e.hint);
        throw e;
      }
      for (const rel of plan.files.keys())
        if (g.io.stat(join(project.root, rel)))
          throw new UsageError(`${rel} already exists`, 'new never overwrites: choose another id');
      // Editors find the JSON Schemas the $schema line points at in <workspace>/schemas/.
      const files = new Map(plan.files);
      if (!g.io.stat(join(project.root, 'schemas')))
        for (const [rel, text] of schemaFiles(PACKAGE_ROOT)) files.set(rel, text);
      writeFilesAtomic(workspaceDir(g), files);
      const written = [...files.keys()].filter((rel) => !rel.startsWith('schemas/'));
      result(g, { campaign: id, written, todo: plan.todo, notes: plan.notes });
      if (g.format === 'json') return;
      const out = (s: string) => g.io.stdout.write(`${s}\n`);
      for (const rel of written) out(`wrote ${rel}`);
      if (plan.todo.length)
        out(`still to write (\`openletter check\` reports each until then): ${plan.todo.join(', ')}`);
      for (const n of plan.notes) out(`note: ${n}`);
      out(`next: openletter check, then openletter render ${id}`);
    });
}

/** `--param name=value` pairs; the value may hold "=" and ",". */
function paramPairs(pairs: string[]): Map<string, string> | undefined {
  if (!pairs.length) return undefined;
  const out = new Map<string, string>();
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq).trim();
    if (eq < 1 || !/^[A-Za-z_][A-Za-z0-9_]*(\.[\p{L}_][\p{L}\p{N}_-]*)?$/u.test(name))
      throw new UsageError(
        `--param "${pair}": write name=value or name.form=value`,
        'e.g. --param country=Belarus --param "country.in=in Belarus"',
      );
    out.set(name, pair.slice(eq + 1).trim());
  }
  return out;
}
