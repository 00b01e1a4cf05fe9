import { Command, Option } from 'commander';
import { join, relative, resolve } from 'node:path';
import { writeFolderAtomic } from '../output/write-folder-atomic.js';
import { OUTPUT_FORMATS, renderCampaign, type OutputFormat } from '../pipeline/render-campaign.js';
import {
  globals,
  load,
  parseList,
  refuseSourceFolder,
  report,
  requireCampaign,
  result,
  today,
  UsageError,
  workspaceDir,
} from './context.js';
import { setExit } from './exit.js';
import { pinnedDate } from './source-date-epoch.js';

interface RenderOptions {
  lang?: string;
  format?: string;
  out?: string;
  watch?: boolean;
}

export function renderCommand(): Command {
  return new Command('render')
    .description('check a campaign, then render its letters (PDF, Markdown, HTML, Word) into <out>/<campaign>/')
    .argument('<campaign>', 'campaign id (a file in campaigns/, without .yaml)')
    .option('-l, --lang <codes>', "comma-separated languages (default: the campaign's locales)")
    .addOption(
      new Option('-f, --format <formats>', 'comma-separated output formats: pdf, md, html, docx').default('pdf,md'),
    )
    .option('-o, --out <dir>', 'output folder (default: <workspace>/out)')
    .option('--watch', 're-render one language (--lang, default the first) on every save, until Ctrl-C')
    .addHelpText(
      'after',
      `
Writes <out>/<campaign>/<lang>.pdf and <lang>.md (and <lang>.html, <lang>.docx when asked). Renders
nothing if the check finds an error, and never leaves a half-written folder: files are written to a
temporary folder and moved into place.

Examples:
  $ openletter render 2018-kim-jong-un
  $ openletter render 2018-kim-jong-un --lang ko --format pdf
  $ openletter render 2018-kim-jong-un --format docx,html     (Word for partners' comments, a page for the website)
  $ openletter render 2011-kim-jong-il --out /tmp/letters
  $ openletter render 2018-kim-jong-un --lang ko --format md --watch`,
    )
    .action(async (campaignId: string, opts: RenderOptions, cmd: Command) => {
      const g = globals(cmd);
      const formats = (parseList(opts.format) ?? ['pdf', 'md']) as OutputFormat[];
      for (const f of formats)
        if (!OUTPUT_FORMATS.includes(f))
          throw new UsageError(
            `unknown format "${f}"`,
            `use one or more of ${OUTPUT_FORMATS.join(', ')}, e.g. pdf,docx`,
          );
      const { project, diagnostics } = load(g);
      const campaign = requireCampaign(project, campaignId, diagnostics, g);
      const locales = parseList(opts.lang) ?? campaign.locales;
      for (const l of locales)
        if (!project.locales.has(l))
          throw new UsageError(
            `no language "${l}" in locales/`,
            `languages: ${[...project.locales.keys()].join(', ')}`,
          );
      const outRoot = opts.out ? resolve(g.io.cwd, opts.out) : join(workspaceDir(g), 'out');
      const dest = join(outRoot, campaignId);
      refuseSourceFolder(dest, project);
      if (opts.watch && g.format === 'json')
        throw new UsageError('--watch and --json do not go together', '--watch prints a line per round; drop --json');
      if (opts.watch)
        return (await import('./render-watch.js')).watchFromCli(
          g,
          campaignId,
          parseList(opts.lang),
          locales,
          formats,
          opts.out,
        );
      const t0 = performance.now();
      const log = (m: string) =>
        g.quiet ||
        g.format === 'json' ||
        g.io.stderr.write(`${m}
`);
      const {
        files,
        diagnostics: ds,
        outcome,
      } = await renderCampaign(project, diagnostics, {
        campaign: campaignId,
        locales,
        formats,
        today: today(g),
        ...pinnedDate(g.io.env),
        onProgress: log,
      });
      const code = report(ds, project.files, g);
      if (outcome === 'blocked') {
        g.io.stderr.write(`nothing rendered: fix the errors above first
`);
        setExit(cmd, code);
        return;
      }
      writeFolderAtomic(dest, new Map(files.map((f) => [f.name, f.data])));
      const shown = relative(g.io.cwd, dest) || '.';
      const written = files.map((f) => ({
        path: join(shown, f.name),
        bytes: typeof f.data === 'string' ? Buffer.byteLength(f.data) : f.data.byteLength,
      }));
      result(g, { campaign: campaignId, files: written });
      if (g.format !== 'json')
        for (const f of written) g.io.stdout.write(`wrote ${f.path}  ${(f.bytes / 1024).toFixed(1)} KB\n`);
      log(`${files.length} files in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
      setExit(cmd, code);
    });
}
