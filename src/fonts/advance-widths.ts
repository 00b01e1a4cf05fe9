import { readFileSync } from 'node:fs';
import { isBundledFont } from './font-files.js';
import { loadFace, type FontFace } from './font-library.js';
import { workspaceFace } from './workspace-fonts.js';

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
        // not built yet: the faces themselves are asked
      }
    }
  }
  return tables?.[fontId];
}

/**
 * The advance of one character in the regular face of a font, in em; undefined when the face lacks
 * it. Unshaped: kerning and ligatures left out, which makes a Latin line a little wider than drawn,
 * never narrower by more than its kerning.
 */
export type AdvanceOf = (codePoint: number) => number | undefined;

/**
 * The advance lookup of each font of a stack: a bundled font from the build's table (no fontkit, no
 * font file), a workspace font (which loading parsed already) from its own character map and
 * metrics; a bundled font without the table (running from source unbuilt) from its parsed face. An
 * id that is neither has no advances (the loader has reported it as an error): the stack's other
 * fonts measure.
 */
export function advanceWidths(fontIds: readonly string[]): AdvanceOf[] {
  return fontIds.map(advanceLookup);
}

const lookups = new Map<string, AdvanceOf>();

function advanceLookup(fontId: string): AdvanceOf {
  let lookup = lookups.get(fontId);
  if (lookup === undefined) {
    const table = isBundledFont(fontId) ? widthTable(fontId) : undefined;
    const face = table ? undefined : (workspaceFace(fontId, 'regular') ?? bundledFace(fontId));
    lookup = table ? (cp) => advanceIn(table, cp) : face ? faceAdvances(face) : () => undefined;
    lookups.set(fontId, lookup);
  }
  return lookup;
}

function bundledFace(fontId: string): FontFace | undefined {
  return isBundledFont(fontId) ? loadFace(fontId, 'regular') : undefined;
}

/** Advances read from a parsed face: what the build's table holds for a bundled one. */
function faceAdvances(face: FontFace): AdvanceOf {
  const known = new Map<number, number | undefined>();
  return (cp) => {
    if (known.has(cp)) return known.get(cp);
    const em = face.font.hasGlyphForCodePoint(cp)
      ? face.font.glyphForCodePoint(cp).advanceWidth / face.unitsPerEm
      : undefined;
    known.set(cp, em);
    return em;
  };
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
