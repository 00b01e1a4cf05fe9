import { watch, type FSWatcher } from 'node:fs';
import { sep } from 'node:path';

/** Folders whose files make a letter (node_modules, out/ and .git stay out). */
const WATCHED = new Set(['campaigns', 'demands', 'locales', 'templates']);
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
 * files), until `signal` aborts: `render --watch` and `preview` both work this way. A folder created
 * meanwhile (a new language's locales/xx/) is watched as soon as it appears. Resolves once stopped,
 * with the watcher closed.
 */
export async function watchWorkspace(opts: WatchWorkspaceOptions): Promise<void> {
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
    }
    if (again && !opts.signal?.aborted) {
      again = false;
      await round();
    }
  };

  const changed = (file: string | null) => {
    if (file !== null && !relevant(file)) return;
    clearTimeout(timer);
    timer = setTimeout(() => void round(), opts.debounceMs ?? 150);
  };

  // One recursive watcher (Node 20 on Linux follows folders created later by itself). Without a
  // watcher (the root removed, or out of inotify watches) rounds still run when asked, none on saves.
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(opts.root, { recursive: true }, (_event, file) => changed(file === null ? null : String(file)));
    watcher.on('error', () => watcher?.close());
  } catch {
    watcher = undefined;
  }

  await round();
  await new Promise<void>((resolve) => {
    const stop = () => {
      clearTimeout(timer);
      watcher?.close();
      resolve();
    };
    if (opts.signal?.aborted) stop();
    else opts.signal?.addEventListener('abort', stop, { once: true });
  });
}

/**
 * A path (relative to the root) whose save can change a letter: a YAML, template or lock file at the
 * root or in a workspace folder. Editor swap files, backups and rendered output are not.
 */
function relevant(file: string): boolean {
  const parts = file.split(sep);
  if (!RELEVANT.test(parts[parts.length - 1]!)) return false;
  return parts.length === 1 || (WATCHED.has(parts[0]!) && !parts.some((p) => p.startsWith('.')));
}
