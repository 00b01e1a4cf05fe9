import { existsSync, readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadWorkspace } from '../load/load-workspace.js';
import { writeFolderAtomic } from '../output/write-folder-atomic.js';
import { renderCampaign, type OutputFormat } from '../pipeline/render-campaign.js';
import { report, UsageError, workspaceDir, type GlobalOptions } from './context.js';

export interface WatchOptions {
  root: string;
  campaignId: string;
  locale: string;
  formats: OutputFormat[];
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

/** Folders whose files make a letter: watched one by one (portable, and node_modules stays out). */
const WATCHED = ['campaigns', 'demands', 'locales', 'templates'];
const RELEVANT = /\.(ya?ml|hbs)$/;

/**
 * Re-render one campaign in one language whenever a workspace file is saved: reload the
 * workspace, check, render, print the problems and the time taken. A half-written or broken file
 * is just a round with errors (nothing is written then); the next save tries again.
 * Resolves when `signal` aborts.
 */
export async function watchRender(opts: WatchOptions): Promise<void> {
  const watchers = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;

  const round = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
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
    running = false;
    refreshWatchers();
    opts.onRound?.(result);
    if (again && !opts.signal?.aborted) {
      again = false;
      await round();
    }
  };

  const changed = (file: string | null) => {
    if (file !== null && !RELEVANT.test(file)) return; // editor swap files, backups, out/
    clearTimeout(timer);
    timer = setTimeout(() => void round(), opts.debounceMs ?? 150);
  };

  const refreshWatchers = () => {
    if (opts.signal?.aborted) return;
    const dirs = [opts.root, ...WATCHED.flatMap((d) => folders(join(opts.root, d)))];
    for (const dir of dirs) {
      if (watchers.has(dir)) continue;
      try {
        const w = watch(dir, (_event, file) => changed(file === null ? null : String(file)));
        w.on('error', () => {
          w.close();
          watchers.delete(dir);
        });
        watchers.set(dir, w);
      } catch {
        // Folder vanished between listing and watching: picked up again after the next round.
      }
    }
    for (const [dir, w] of watchers)
      if (!existsSync(dir)) {
        w.close();
        watchers.delete(dir);
      }
  };

  refreshWatchers();
  await round();
  await new Promise<void>((resolve) => {
    const stop = () => {
      clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      watchers.clear();
      resolve();
    };
    if (opts.signal?.aborted) stop();
    else opts.signal?.addEventListener('abort', stop, { once: true });
  });
}

/** A folder and every folder below it (none if it does not exist). */
function folders(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  const out = [dir];
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    const sub = join(dir, name);
    try {
      if (statSync(sub).isDirectory()) out.push(...folders(sub));
    } catch {
      // removed meanwhile
    }
  }
  return out;
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
    out: out ? resolve(g.io.cwd, out) : join(root, 'out'),
    signal: controller.signal,
    report: (ds, files) => void report(ds, files, g),
    log,
  });
  log('stopped');
}
