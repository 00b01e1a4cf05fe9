import { join, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadWorkspace } from '../load/load-workspace.js';
import { writeFolderAtomic } from '../output/write-folder-atomic.js';
import { renderCampaign, type OutputFormat } from '../pipeline/render-campaign.js';
import { pinnedDate } from './source-date-epoch.js';
import { watchWorkspace } from '../watch/watch-workspace.js';
import { report, today, UsageError, workspaceDir, type GlobalOptions } from './context.js';

export interface WatchOptions {
  root: string;
  campaignId: string;
  locale: string;
  formats: OutputFormat[];
  /** Today's date, YYYY-MM-DD, taken when the watch starts. */
  today: string;
  /** The date every PDF is stamped with (SOURCE_DATE_EPOCH); default the letter's own date. */
  date?: Date;
  /** Output folder; files go to <out>/<campaign>/. */
  out: string;
  /** Quiet time after the last change before re-rendering (ms). */
  debounceMs?: number;
  signal?: AbortSignal;
  /** Print a round's problems (the CLI's report()). */
  report: (ds: Diagnostic[], files: ReadonlyMap<string, string>) => void;
  log: (line: string) => void;
  /** Called after every round, for tests. */
  onRound?: (r: WatchRound) => void;
}

export interface WatchRound {
  rendered: string[];
  diagnostics: Diagnostic[];
  ms: number;
  /** Set when the round failed outright (a bug, a disk error); watching goes on. */
  failure?: string;
}

export async function watchRender(opts: WatchOptions): Promise<void> {
  const round = async (): Promise<void> => {
    const t0 = performance.now();
    let result: WatchRound;
    try {
      const { value: project, diagnostics } = loadWorkspace(opts.root);
      if (!project.campaigns.has(opts.campaignId)) {
        const errors = diagnostics.filter((d) => d.severity === 'error');
        const own = errors.filter((d) => d.scope?.kind === 'letter' && d.scope.campaign === opts.campaignId);
        const ds = own.length ? own : errors;
        opts.report(ds, project.files);
        result = { rendered: [], diagnostics: ds, ms: performance.now() - t0 };
        opts.log(`campaign ${opts.campaignId} does not load yet; waiting for the next save`);
      } else {
        const {
          files,
          diagnostics: ds,
          outcome,
        } = await renderCampaign(project, diagnostics, {
          campaign: opts.campaignId,
          locales: [opts.locale],
          formats: opts.formats,
          today: opts.today,
          ...(opts.date ? { date: opts.date } : {}),
        });
        opts.report(ds, project.files);
        if (outcome === 'made')
          writeFolderAtomic(join(opts.out, opts.campaignId), new Map(files.map((f) => [f.name, f.data])));
        const ms = performance.now() - t0;
        result = { rendered: files.map((f) => f.name), diagnostics: ds, ms };
        opts.log(
          files.length
            ? `rendered ${files.map((f) => f.name).join(', ')} in ${Math.round(ms)} ms`
            : `not rendered (errors above), ${Math.round(ms)} ms`,
        );
      }
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      result = { rendered: [], diagnostics: [], ms: performance.now() - t0, failure: msg };
      opts.log(`round failed: ${msg}; waiting for the next save`);
    }
    opts.onRound?.(result);
  };
  await watchWorkspace({
    root: opts.root,
    round,
    ...(opts.debounceMs !== undefined ? { debounceMs: opts.debounceMs } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
}

/** `render --watch`: one language, until Ctrl-C. */
export async function watchFromCli(
  g: GlobalOptions,
  campaignId: string,
  asked: string[] | undefined,
  locales: string[],
  formats: OutputFormat[],
  out: string | undefined,
): Promise<void> {
  if (asked && asked.length !== 1)
    throw new UsageError('--watch renders one language', `pass one, e.g. --lang ${asked[0] ?? locales[0]}`);
  const locale = locales[0]!;
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const root = workspaceDir(g);
  const log = (m: string) => g.io.stderr.write(`[${g.io.now().toTimeString().slice(0, 8)}] ${m}\n`);
  log(`watching ${root} for changes to ${campaignId} (${locale}, ${formats.join(',')}); Ctrl-C stops`);
  await watchRender({
    root,
    campaignId,
    locale,
    formats,
    today: today(g),
    ...pinnedDate(g.io.env),
    out: out ? resolve(g.io.cwd, out) : join(root, 'out'),
    signal: controller.signal,
    report: (ds, files) => void report(ds, files, g),
    log,
  });
  log('stopped');
}
