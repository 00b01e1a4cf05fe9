import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The installed openletter package, which is also the bundled ICNK workspace (workspace.yaml,
 * demands/, locales/, templates/, schemas/). Found from this file, never from the current folder:
 * dist/draft/ or src/draft/ → two levels up.
 */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The `# yaml-language-server: $schema=…` line for a file `depth` folders below the workspace root. */
export function schemaLine(schema: string, depth: number): string {
  return `# yaml-language-server: $schema=${depth ? '../'.repeat(depth) : './'}schemas/${schema}.schema.json\n`;
}
