import { Command } from 'commander';
import { demandTexts } from '../compose/source-texts.js';
import { globals, load, result } from './context.js';
import { table } from './table.js';

export function demandsCommand(): Command {
  return new Command('demands')
    .description('list the demand library: id, title, which campaigns use it, which languages have it')
    .addHelpText('after', '\nExample:\n  $ openletter demands\n  $ openletter demands --json')
    .action((_opts: unknown, cmd: Command) => {
      const g = globals(cmd);
      const { project } = load(g);
      const rows = [...project.demands.values()].map((b) => {
        const usedBy = [...project.campaigns.values()]
          .filter((c) => c.sections.some((s) => s.demands.some((d) => d.id === b.id)))
          .map((c) => c.id);
        const keys = [...demandTexts(b).keys()];
        const langs = [...project.locales.values()]
          .filter((l) => l.code === project.workspace.sourceLocale || keys.every((k) => l.translations.has(k)))
          .map((l) => l.code);
        return { id: b.id, title: b.title.text, variants: [...b.variants.keys()], campaigns: usedBy, locales: langs };
      });
      if (g.format === 'json') {
        result(g, { demands: rows });
        return;
      }
      g.io.stdout.write(
        table(
          ['id', 'title', 'used by', 'languages'],
          rows.map((r) => [
            r.id + (r.variants.length ? ` (+${r.variants.join(',')})` : ''),
            r.title,
            r.campaigns.join(', ') || '-',
            r.locales.join(','),
          ]),
        ),
      );
      g.io.stdout.write(`${rows.length} demand blocks\n`);
    });
}
