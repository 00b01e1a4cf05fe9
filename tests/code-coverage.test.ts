import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES } from '../src/diagnostics/codes.js';
import { REPO } from './helpers/workspace.js';

/**
 * Every problem code is shown to a user somewhere in a golden: an error case's .out (text or JSON
 * output) or a JSON golden. A code no golden holds is either untested or never emitted.
 */
const GOLDEN_DIRS = ['tests/errors', 'tests/goldens'];

/**
 * Codes no golden holds yet. This list may only shrink: a code covered by a golden must leave it
 * (the test below fails otherwise), and a new code must come with its golden.
 */
const NOT_YET_IN_A_GOLDEN = new Set<string>([]);

function goldenFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const path = join(dir, n);
    if (statSync(path).isDirectory()) return goldenFiles(path);
    return /\.(out|json)$/.test(n) ? [path] : [];
  });
}

/** Codes as the text format prints them (`… [code]`) and as the JSON format does (`"code": "…"`). */
function codesIn(text: string): string[] {
  return [...text.matchAll(/\[([a-z0-9-]+\/[a-z0-9-]+)\]$|"code": ?"([a-z0-9-]+\/[a-z0-9-]+)"/gm)].map(
    (m) => (m[1] ?? m[2])!,
  );
}

describe('problem codes in goldens', () => {
  const shown = new Set(
    GOLDEN_DIRS.flatMap((d) => goldenFiles(join(REPO, d))).flatMap((f) => codesIn(readFileSync(f, 'utf8'))),
  );

  it('every code in the code table appears in some golden', () => {
    const missing = Object.keys(CODES).filter((c) => !shown.has(c) && !NOT_YET_IN_A_GOLDEN.has(c));
    expect(missing, 'add an error case (tests/errors/<case>.yaml) that makes each of these').toEqual([]);
  });

  it('the list of codes not yet in a golden only names real codes that are still missing', () => {
    expect([...NOT_YET_IN_A_GOLDEN].filter((c) => !(c in CODES))).toEqual([]);
    expect(
      [...NOT_YET_IN_A_GOLDEN].filter((c) => shown.has(c)),
      'remove these from NOT_YET_IN_A_GOLDEN',
    ).toEqual([]);
  });

  it('every code a golden shows is in the code table', () => {
    expect([...shown].filter((c) => !(c in CODES))).toEqual([]);
  });
});
