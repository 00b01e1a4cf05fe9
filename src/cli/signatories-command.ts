import { Command } from 'commander';
import { signatureList } from '../compose/signature-list.js';
import type { Signatory } from '../model/project.js';
import { globals, load, result, UsageError } from './context.js';
import { table } from './table.js';
import { signatoriesImportCommand } from './signatories-import-command.js';

export function signatoriesCommand(): Command {
  return new Command('signatories')
    .description("list the roster, or one campaign's signatories in letter order, with counts")
    .option('-c, --campaign <id>', 'only the signatories of this campaign')
    .addHelpText(
      'after',
      '\nExamples:\n  $ openletter signatories\n  $ openletter signatories --campaign 2018-kim-jong-un',
    )
    .addCommand(signatoriesImportCommand())
    .action((opts: { campaign?: string }, cmd: Command) => {
      const g = globals(cmd);
      const { project } = load(g);
      let list: Signatory[] = [...project.signatories.values()];
      if (opts.campaign) {
        const c = project.campaigns.get(opts.campaign);
        if (!c)
          throw new UsageError(
            `no campaign "${opts.campaign}"`,
            `campaigns: ${[...project.campaigns.keys()].join(', ')}`,
          );
        list = c.signatories.map((r) => project.signatories.get(r.id)).filter((s): s is Signatory => !!s);
        const order = signatureList(list, { code: 'en', tag: 'en' }, c.signatoryOrder).map((e) => e.id);
        list.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
      }
      const usedIn = (id: string) =>
        [...project.campaigns.values()].filter((c) => c.signatories.some((r) => r.id === id)).map((c) => c.id);
      const rows = list.map((s) => ({
        id: s.id,
        name: s.name.text,
        kind: s.kind,
        country: s.country ?? '',
        aliases: s.aliases,
        campaigns: usedIn(s.id),
      }));
      if (g.format === 'json') {
        result(g, { signatories: rows });
        return;
      }
      g.io.stdout.write(
        table(
          ['id', 'name', 'country', 'letters'],
          rows.map((r) => [r.id, r.name, r.country || 'intl', String(r.campaigns.length)]),
        ),
      );
      const orgs = rows.filter((r) => r.kind === 'organisation').length;
      g.io.stdout.write(
        `${rows.length} signatories (${orgs} organisation${orgs === 1 ? '' : 's'}, ${rows.length - orgs} individual${rows.length - orgs === 1 ? '' : 's'})${opts.campaign ? ` in ${opts.campaign}` : ''}\n`,
      );
    });
}
