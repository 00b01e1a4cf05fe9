import { Command } from 'commander';
import { servePreview } from '../pipeline/preview/preview-server.js';
import { globals, load, requireCampaign, today, UsageError, workspaceDir } from './context.js';

export function previewCommand(): Command {
  return new Command('preview')
    .description('a live preview in the browser: every language side by side, problems in place, updated on save')
    .argument('<campaign>', 'campaign id')
    .option('-p, --port <n>', 'port on 127.0.0.1 (0: any free port)', '4870')
    .addHelpText(
      'after',
      `
Serves http://127.0.0.1:<port>/ (this computer only) until Ctrl-C. Each language's column shows the
letter with the problems \`check\` finds at their places, with their codes; "PDF" renders that
language. Saving a workspace file updates the page by itself; a broken file shows its problems.

Examples:
  $ openletter preview 2018-kim-jong-un
  $ openletter preview 2018-kim-jong-un --port 0       any free port; the URL is printed`,
    )
    .action(async (campaignId: string, opts: { port: string }, cmd: Command) => {
      const g = globals(cmd);
      const port = Number(opts.port);
      if (!/^\d+$/.test(opts.port) || port > 65535)
        throw new UsageError(`--port ${opts.port} is not a port number`, 'use 1024–65535, or 0 for any free port');
      const { project, diagnostics } = load(g);
      requireCampaign(project, campaignId, diagnostics, g);
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      const log = (m: string) => g.quiet || g.io.stderr.write(`[${new Date().toTimeString().slice(0, 8)}] ${m}\n`);
      try {
        await servePreview({
          root: workspaceDir(g),
          campaignId,
          today: today(g),
          port,
          signal: controller.signal,
          log,
          onListening: (url) => g.io.stdout.write(`preview of ${campaignId}: ${url}  (Ctrl-C stops)\n`),
        });
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        if (err.code === 'EADDRINUSE')
          throw new UsageError(`port ${port} is in use`, 'pick another with --port, or --port 0 for any free port');
        throw e;
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
      log('stopped');
    });
}
