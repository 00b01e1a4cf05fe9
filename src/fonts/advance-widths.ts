import { readFileSync } from 'node:fs';
import { isBundledFont } from './font-files.js';

/** A bundled face's advance widths as scripts/gen-font-coverage.mjs writes them. */
interface WidthTable {
  unitsPerEm: number;
  /** Flat [first code point, count, advance in font units, …] runs, sorted. */
  runs: number[];
}

let tables: Record<string, WidthTable> | null | undefined;

function widthTable(fontId: string): WidthTable | undefined {
  if (tables === undefined) {
    tables = null;
    // dist/font-widths.json, seen from dist/fonts/ or (tests run from source) src/fonts/.
    for (const rel of ['../font-widths.json', '../../dist/font-widths.json']) {
      try {
        tables = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as Record<string, WidthTable>;
        break;
      } catch {
        // not built yet: nothing is measured before drawing
      }
    }
  }
  return isBundledFont(fontId) ? tables?.[fontId] : undefined;
}

/**
 * The advance of one character in the regular face of a bundled font, in em, from the build's table
 * (no fontkit, no font file); undefined when the face lacks it. Unshaped: kerning and ligatures left
 * out, which makes a Latin line a little wider than drawn, never narrower by more than its kerning.
 */
export type AdvanceOf = (codePoint: number) => number | undefined;

/** The advance lookup of each font of a stack, or undefined when one of them has no table (a workspace font file). */
export function advanceWidths(fontIds: readonly string[]): AdvanceOf[] | undefined {
  const found = fontIds.map(widthTable);
  if (!found.every((t): t is WidthTable => t !== undefined)) return undefined;
  return found.map((t) => (cp: number) => advanceIn(t, cp));
}

function advanceIn(t: WidthTable, cp: number): number | undefined {
  let lo = 0;
  let hi = t.runs.length / 3 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const first = t.runs[mid * 3]!;
    if (cp < first) hi = mid - 1;
    else if (cp >= first + t.runs[mid * 3 + 1]!) lo = mid + 1;
    else return t.runs[mid * 3 + 2]! / t.unitsPerEm;
  }
  return undefined;
}
