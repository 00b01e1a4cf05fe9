import { Command } from 'commander';
import { join } from 'node:path';
import { NewCampaignError, planNewCampaign } from '../draft/new-campaign.js';
import { PACKAGE_ROOT } from '../draft/package-root.js';
import { schemaFiles } from '../draft/init-workspace.js';
import { writeFilesAtomic } from '../output/write-files-atomic.js';
import { globals, load, parseList, result, UsageError, workspaceDir } from './context.js';
import { today } from '../util/today.js';

interface NewOptions {
  recipient?: string;
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
    .option('--from <campaign>', 'copy an existing campaign (its texts and translations; not its signatories)')
    .option('-l, --lang <codes>', 'comma-separated languages (default: English, or those of --from)')
    .addHelpText(
      'after',
      `
The new file passes \`openletter check\` once every field marked TODO is written; \`new\` lists them.

Examples:
  $ openletter new 2026-open-letter --recipient "Kim Jong Un" --demands icrc-prison-visits,release-political-prisoners
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
          locales: parseList(opts.lang),
          today: today(g.io),
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
