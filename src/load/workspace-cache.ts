import { chmodSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Result } from '../diagnostics/diagnostic.js';
import type { Project } from '../model/project.js';
import { sha256 } from '../util/sha256.js';
import type { FileSource } from './read-text-file.js';

/**
 * A per-user cache of loaded workspaces. Loading is a pure function of what the file system answers
 * (every stat, folder listing and file read goes through a FileSource) and of the code doing it, so a
 * load records those answers (a file's content as its SHA-256) beside the Project and the problems it
 * found. The next process with the same build asks the same questions in the same order; when every
 * answer is the same, the recorded result is exactly what loading again would give, so YAML parsing,
 * schema validation and normalising are skipped. Any file added, removed or edited changes an answer,
 * and the workspace is loaded again. The cache holds the workspace's texts (names, addresses): it is
 * the user's alone (folder 0700, files 0600), and a file someone else could have written is ignored.
 *
 * What a command derives from the loaded workspace alone (check's findings) is kept in the same entry
 * (`remember`): it holds for as long as the load does.
 */

/** One question loading asked, and the answer as a string (a file's content as its hash). */
interface Answer {
  /** 0: the workspace's source; 1: the package's (bundled defaults). */
  source: number;
  op: 'read' | 'stat' | 'list';
  path: string;
  answer: string;
}

interface Entry {
  key: string;
  trace: Answer[];
  /** The Result<Project>, serialized when it was loaded: what commands do with it later does not leak in. */
  result: Uint8Array;
  /** Values `remember` computed with this load, serialized when computed, by key, oldest first. */
  derived: Map<string, Uint8Array>;
}

/** How many derived values an entry keeps (a key names a command and its day or campaign). */
const MAX_DERIVED = 32;

/** A load, and what commands derived from it before. */
export interface CachedWorkspace {
  result: Result<Project>;
  /**
   * What `compute` gives for `key`: recorded with the load, so a later process of the same build
   * loading the same files gets it without computing. `compute` must depend only on the loaded
   * workspace, the build and what `key` names (a command's options, today's date).
   */
  remember<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

/**
 * What `load` gives with `sources`, from `dir` when the recorded answers still hold, else loaded
 * (through recording sources) and stored there for the next process. `build` names the code: an entry
 * written by another build is never used. Without a dir, this is `load(sources)` and `remember`
 * computes. `revive` redoes what loading did besides its result (registering the workspace's font
 * files): false when it cannot, and then the workspace is loaded again.
 */
export function cachedLoad(
  dir: string | undefined,
  build: string,
  root: string,
  sources: FileSource[],
  load: (sources: FileSource[]) => Result<Project>,
  revive: (result: Result<Project>) => boolean = () => true,
): CachedWorkspace {
  if (dir === undefined) return { result: load(sources), remember: (_key, compute) => compute() };
  const key = `${build}\0${root}`;
  const prefix = `${sha256(build).slice(0, 16)}-`;
  const file = join(dir, `${prefix}${sha256(root).slice(0, 24)}.bin`);
  let entry = readEntry(file);
  let result: Result<Project> | undefined;
  if (entry?.key === key && stillTrue(entry.trace, sources)) {
    result = deserialize(entry.result) as Result<Project>;
    if (!revive(result)) result = undefined;
  }
  if (result === undefined) {
    const trace: Answer[] = [];
    result = load(sources.map((s, i) => recording(s, i, trace)));
    entry = { key, trace, result: serialize(result), derived: new Map() };
    store(dir, file, entry, prefix);
  }
  const kept = entry!;
  return {
    result,
    async remember<T>(name: string, compute: () => Promise<T>): Promise<T> {
      const known = kept.derived.get(name);
      if (known !== undefined) return deserialize(known) as T;
      const value = await compute();
      kept.derived.set(name, serialize(value));
      for (const old of kept.derived.keys()) if (kept.derived.size > MAX_DERIVED) kept.derived.delete(old);
      store(dir, file, kept, prefix);
      return value;
    },
  };
}

/** Ask `source` one question; the answer as recorded, errors too (a load reports an unreadable file). */
function ask(
  source: FileSource,
  op: Answer['op'],
  path: string,
): { value?: unknown; thrown?: unknown; answer: string } {
  try {
    if (op === 'read') {
      const bytes = source.read(path);
      return { value: bytes, answer: bytes === undefined ? 'none' : sha256(bytes) };
    }
    if (op === 'stat') {
      const st = source.stat(path);
      return { value: st, answer: st === undefined ? 'none' : `${st.kind} ${st.size}` };
    }
    const names = source.list(path);
    return { value: names, answer: names.join('\0') };
  } catch (thrown) {
    const e = thrown as NodeJS.ErrnoException;
    return { thrown, answer: `error ${e.code ?? (e instanceof Error ? e.message : String(e))}` };
  }
}

function recording(source: FileSource, index: number, trace: Answer[]): FileSource {
  const asked = (op: Answer['op'], path: string) => {
    const a = ask(source, op, path);
    trace.push({ source: index, op, path, answer: a.answer });
    if ('thrown' in a) throw a.thrown;
    return a.value;
  };
  return {
    read: (path) => asked('read', path) as Buffer | undefined,
    stat: (path) => asked('stat', path) as ReturnType<FileSource['stat']>,
    list: (path) => asked('list', path) as string[],
  };
}

/** Whether asking every recorded question again gets the recorded answer (stops at the first change). */
function stillTrue(trace: Answer[], sources: FileSource[]): boolean {
  return trace.every(
    (a) => sources[a.source] !== undefined && ask(sources[a.source]!, a.op, a.path).answer === a.answer,
  );
}

function readEntry(file: string): Entry | undefined {
  try {
    const st = statSync(file);
    // Written by someone else, or writable by others: not ours to trust.
    if (process.getuid && st.uid !== process.getuid()) return undefined;
    if ((st.mode & 0o022) !== 0) return undefined;
    const entry = deserialize(readFileSync(file)) as Entry;
    return entry.derived instanceof Map && entry.result instanceof Uint8Array ? entry : undefined;
  } catch {
    // Missing, or damaged (a partial write by a killed process): load afresh.
    return undefined;
  }
}

/**
 * Through a temporary file renamed into place: a process reading at the same time sees all or nothing.
 * Entries of other builds (names not starting with `prefix`) are removed: no later process can use them.
 */
function store(dir: string, file: string, entry: Entry, prefix: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
    writeFileSync(temporary, serialize(entry), { mode: 0o600 });
    renameSync(temporary, file);
    for (const name of readdirSync(dir))
      if (name.endsWith('.bin') && !name.startsWith(prefix)) rmSync(join(dir, name), { force: true });
  } catch {
    // An unwritable cache folder only costs the next process the parse.
    rmSync(temporary, { force: true });
  }
}
