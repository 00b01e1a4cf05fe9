import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parseYamlFile, type YamlFile } from './yaml-file.js';

/** Files larger than this are refused: no workspace text is anywhere near it. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** Reads workspace files, remembering every text for diagnostics. The only disk access of loading. */
export class FileReader {
  readonly files = new Map<string, string>();
  readonly diagnostics: Diagnostic[] = [];
  constructor(readonly root: string) {}

  rel(abs: string): string {
    return relative(this.root, abs).split(sep).join('/');
  }

  exists(relPath: string): boolean {
    return existsSync(join(this.root, relPath));
  }

  /** Sorted *.yaml / *.yml names in a folder (empty if the folder is missing). */
  list(relDir: string, { dirs = false } = {}): string[] {
    const abs = join(this.root, relDir);
    if (!existsSync(abs)) return [];
    return readdirSync(abs)
      .filter((n) => !n.startsWith('.'))
      .filter((n) =>
        dirs ? statSync(join(abs, n)).isDirectory() : /\.ya?ml$/.test(n) && statSync(join(abs, n)).isFile(),
      )
      .sort();
  }

  /** The text of an optional file (recorded for diagnostics), or undefined if it does not exist. */
  text(relPath: string): string | undefined {
    const abs = join(this.root, relPath);
    if (!existsSync(abs)) return undefined;
    try {
      const text = readFileSync(abs, 'utf8');
      this.files.set(relPath, text);
      return text;
    } catch (e) {
      this.diagnostics.push(
        diag('file/read', undefined, `cannot read ${relPath}: ${e instanceof Error ? e.message : String(e)}`),
      );
      return undefined;
    }
  }

  /** Read and parse one YAML file; undefined (with a diagnostic) if it is missing or unreadable. */
  yaml(relPath: string, { required = true } = {}): YamlFile | undefined {
    const abs = join(this.root, relPath);
    if (!existsSync(abs)) {
      if (required)
        this.diagnostics.push(
          diag('file/missing', undefined, `${relPath} does not exist`, {
            hint: 'run `openletter init` to create a workspace, or pass --workspace DIR',
          }),
        );
      return undefined;
    }
    let text: string;
    try {
      if (statSync(abs).size > MAX_FILE_BYTES) throw new Error(`larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
      text = readFileSync(abs, 'utf8');
    } catch (e) {
      this.diagnostics.push(
        diag('file/read', undefined, `cannot read ${relPath}: ${e instanceof Error ? e.message : String(e)}`),
      );
      return undefined;
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    this.files.set(relPath, text);
    const { file, diagnostics } = parseYamlFile(relPath, text);
    this.diagnostics.push(...diagnostics);
    return diagnostics.some((d) => d.severity === 'error') ? undefined : file;
  }
}
