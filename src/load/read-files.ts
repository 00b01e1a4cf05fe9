import { join, relative, sep } from 'node:path';
import { diag, scopeFrom, type Diagnostic, type Scope } from '../diagnostics/diagnostic.js';
import { nodeIo } from '../io/node-io.js';
import { controlsInText, controlsInYaml } from './control-scan.js';
import { NOT_A_FILE, readTextFile, type FileSource } from './read-text-file.js';
import { parseYamlFile, type YamlFile } from './yaml-file.js';

/** Workspace files are small hand-written texts: anything larger is not one. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** Reads workspace files, remembering every text for diagnostics. The only file access of loading. */
export class FileReader {
  readonly files = new Map<string, string>();
  readonly diagnostics: Diagnostic[] = [];
  /**
   * `label` prefixes the paths diagnostics and `files` use, for files that are not the workspace's
   * ("(bundled) " for the defaults openletter ships).
   */
  constructor(
    readonly root: string,
    readonly source: FileSource = nodeIo(),
    readonly label = '',
  ) {}

  /** Runs `read`, marking the problems it reports as concerning `scope` (unless they say otherwise). */
  within<T>(scope: Scope, read: () => T): T {
    const from = this.diagnostics.length;
    try {
      return read();
    } finally {
      scopeFrom(this.diagnostics, from, scope);
    }
  }

  rel(abs: string): string {
    return relative(this.root, abs).split(sep).join('/');
  }

  exists(relPath: string): boolean {
    return this.source.stat(join(this.root, relPath)) !== undefined;
  }

  /**
   * Sorted *.yaml / *.yml names in a folder (empty if the folder is missing). A name that is
   * neither a file nor a folder (a FIFO, a device, a dangling link) is reported and skipped.
   */
  list(relDir: string, { dirs = false } = {}): string[] {
    const abs = join(this.root, relDir);
    const out: string[] = [];
    for (const n of this.source.list(abs)) {
      if (n.startsWith('.')) continue;
      if (!dirs && !/\.ya?ml$/.test(n)) continue;
      let st;
      try {
        st = this.source.stat(join(abs, n));
      } catch {
        st = undefined;
      }
      if (st?.kind === 'dir') {
        if (dirs) out.push(n);
      } else if (st?.kind === 'file') {
        if (!dirs) out.push(n);
      } else if (!dirs)
        this.diagnostics.push(
          diag(
            'file/not-regular',
            { file: `${this.label}${relDir}/${n}`, start: 0, end: 1 },
            `${this.label}${relDir}/${n} is ${st ? NOT_A_FILE[st.kind] : 'a link that points nowhere'}, not a file: it is not read`,
            {
              hint: 'replace it with a regular file, or remove it',
            },
          ),
        );
    }
    return out;
  }

  /**
   * The text of a workspace file (UTF-8, BOM dropped), recorded for diagnostics; undefined, with a
   * diagnostic, if it cannot be read as text.
   */
  private read(relPath: string): string | undefined {
    const shownPath = this.label + relPath;
    const r = readTextFile(join(this.root, relPath), shownPath, 'workspace', {
      maxBytes: MAX_FILE_BYTES,
      source: this.source,
    });
    // A file refused as not UTF-8 is kept in its lossy form only so the diagnostic can show the place.
    const shown = r.value?.text ?? r.lossy;
    if (shown !== undefined) this.files.set(shownPath, shown);
    this.diagnostics.push(...r.diagnostics);
    return r.value?.text;
  }

  /**
   * The bytes of a binary workspace file (a font), or why it cannot be had: `missing`, or a
   * one-line reason (not a regular file, too large, unreadable). Not recorded for diagnostics.
   */
  bytes(relPath: string, maxBytes: number): { bytes: Buffer } | { missing: true } | { problem: string } {
    const abs = join(this.root, relPath);
    try {
      const st = this.source.stat(abs);
      if (st === undefined) return { missing: true };
      if (st.kind !== 'file') return { problem: `${relPath} is not a regular file` };
      if (st.size > maxBytes) return { problem: `${relPath} is larger than ${maxBytes / 1024 / 1024} MB` };
      const bytes = this.source.read(abs);
      return bytes === undefined ? { missing: true } : { bytes };
    } catch (e) {
      return { problem: `cannot read ${relPath}: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
    }
  }

  /** The text of an optional file (recorded for diagnostics), or undefined if it does not exist. */
  text(relPath: string): string | undefined {
    if (!this.exists(relPath)) return undefined;
    const text = this.read(relPath);
    if (text !== undefined) this.diagnostics.push(...controlsInText(this.label + relPath, text));
    return text;
  }

  /** Read and parse one YAML file; undefined (with a diagnostic) if it is missing or unreadable. */
  yaml(relPath: string, { required = true } = {}): YamlFile | undefined {
    if (!this.exists(relPath)) {
      if (required)
        this.diagnostics.push(
          diag('file/missing', undefined, `${relPath} does not exist`, {
            hint: 'run `openletter init` to create a workspace, or pass --workspace DIR',
          }),
        );
      return undefined;
    }
    const text = this.read(relPath);
    if (text === undefined) return undefined;
    const { file, diagnostics } = parseYamlFile(this.label + relPath, text);
    this.diagnostics.push(...diagnostics);
    if (diagnostics.some((d) => d.severity === 'error')) return undefined;
    this.diagnostics.push(...controlsInYaml(file));
    return file;
  }
}
