import { join } from 'node:path';
import type { FileReader } from './read-files.js';

/**
 * The workspace's templates/*.hbs (and templates/partials/*.hbs) by workspace-relative path.
 * Their texts also go into the reader's files, so diagnostics can show source lines; a template
 * that cannot be read as UTF-8 text is reported.
 */
export function loadTemplates(reader: FileReader): Map<string, string> {
  const out = new Map<string, string>();
  for (const dir of ['templates', 'templates/partials']) {
    const abs = join(reader.root, dir);
    for (const name of reader.source.list(abs)) {
      if (!name.endsWith('.hbs')) continue;
      const rel = `${dir}/${name}`;
      // Read as any workspace file: a pipe or a non-UTF-8 template is reported, not read.
      const text = reader.text(rel);
      if (text !== undefined) out.set(rel, text);
    }
  }
  return out;
}
