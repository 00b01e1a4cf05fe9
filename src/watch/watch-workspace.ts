import { existsSync, readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

/** Folders whose files make a letter: watched one by one (portable, and node_modules stays out). */
const WATCHED = ['campaigns', 'demands', 'locales', 'templates'];
const RELEVANT = /\.(ya?ml|hbs|json)$/;

export interface WatchWorkspaceOptions {
  root: string;
  /** Quiet time after the last change before a round (ms). */
  debounceMs?: number;
  signal?: AbortSignal;
  /**
   * One round of work after a save (and once at the start). Rounds never overlap: saves during a
   * round give exactly one more round after it. A round that throws is the caller's to report.
   */
  round: () => Promise<void>;
}

/**
 * Run `round` at the start and after every save of a workspace file (YAML, templates, the lock
 * files), until `signal` aborts: `render --watch` and `preview` both work this way. Folders created
 * later are watched from the next round on. Resolves once stopped, with every watcher closed.
 */
export async function watchWorkspace(opts: WatchWorkspaceOptions): Promise<void> {
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
    try {
      await opts.round();
    } finally {
      running = false;
      refreshWatchers();
    }
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
