import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FileReader } from './read-files.js';

/**
 * The workspace's templates/*.hbs (and templates/partials/*.hbs) by workspace-relative path.
 * Their texts also go into the reader's files, so diagnostics can show source lines.
 */
export function loadTemplates(reader: FileReader): Map<string, string> {
  const out = new Map<string, string>();
  for (const dir of ['templates', 'templates/partials']) {
    const abs = join(reader.root, dir);
    if (!existsSync(abs) || !statSync(abs).isDirectory()) continue;
    for (const name of readdirSync(abs).sort()) {
      if (!name.endsWith('.hbs') || !statSync(join(abs, name)).isFile()) continue;
      let text: string;
      try {
        text = readFileSync(join(abs, name), 'utf8');
      } catch {
        continue; // unreadable: delivery reports it when it needs the template
      }
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const rel = `${dir}/${name}`;
      out.set(rel, text);
      reader.files.set(rel, text);
    }
  }
  return out;
}
