import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * vitest globalSetup: every CLI a test runs (in-process through run(), or spawned, inheriting the
 * environment) keeps its per-user cache of decoded font faces in a temporary folder, removed at the
 * end, never in the user's ~/.cache: a test run must not fill, read or damage the user's cache.
 */
export default function tempCache(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'openletter-test-cache-'));
  process.env.XDG_CACHE_HOME = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
