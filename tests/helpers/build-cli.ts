import { execFile } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Written after a build that succeeded (tsc emits even when it reports type errors, so dist/ alone proves nothing). */
const STAMP = join(REPO, 'dist', '.built');
const INPUTS = [
  'src',
  'scripts/build-fonts.mjs',
  'scripts/build-hyphenation.mjs',
  'scripts/gen-font-coverage.mjs',
  'scripts/build-bundle.mjs',
  'scripts/build-shaper.mjs',
  'tsconfig.build.json',
  'package-lock.json',
];

/**
 * vitest globalSetup: the few tests that run a real process run dist/ (through bin/openletter.js), so
 * build it first, unless it was built, without errors, after the last change to its sources. The
 * build is also `npm test`'s type check of src/.
 */
export default async function buildCli(): Promise<void> {
  const built = statSync(STAMP, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (INPUTS.every((p) => newest(join(REPO, p)) < built)) return;
  try {
    await promisify(execFile)('npm', ['run', 'build', '--silent'], { cwd: REPO });
  } catch (e) {
    const { stdout = '', stderr = '' } = e as { stdout?: string; stderr?: string };
    throw new Error(`npm run build failed:\n${stdout}${stderr}`);
  }
  writeFileSync(STAMP, '');
}

function newest(path: string): number {
  const s = statSync(path, { throwIfNoEntry: false });
  if (!s) return 0;
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((n) => newest(join(path, n))));
}
