import { readFileSync } from 'node:fs';
import type { Font } from 'fontkit';
import { fontkit } from './fontkit.js';
import { FONT_FILES, isBundledFont, knownFontIds, readFontFile } from './font-files.js';
import { isWorkspaceFont, workspaceFontCovers } from './workspace-fonts.js';

export { knownFontIds } from './font-files.js';
export { fontLabel } from './workspace-fonts.js';

/** Whether `id` names a bundled font or a workspace font the loader registered. */
export function isKnownFont(id: string): boolean {
  return isBundledFont(id) || isWorkspaceFont(id);
}

/**
 * Which characters the bundled fonts can draw, without loading fontkit or any font file when the
 * build's precomputed table is there: `openletter check` refuses uncovered characters in
 * milliseconds. (Rendering parses the fonts anyway; see font-library.ts.)
 */

const fallbackFonts = new Map<string, Font>();
/** Only without the precomputed table (running from source): ask the font file itself. */
function regularFont(fontId: string): Font {
  let f = fallbackFonts.get(fontId);
  if (!f) {
    const file = FONT_FILES[fontId as keyof typeof FONT_FILES].regular;
    f = fontkit().create(readFontFile(file)) as Font;
    fallbackFonts.set(fontId, f);
  }
  return f;
}

/** Coverage answers by font id, then code point: lookups are cheap but run per character. */
const coverage = new Map<string, Map<number, boolean>>();

/**
 * Covered code points per font id as flat [start, end, start, end, …] ranges, precomputed at build
 * time by scripts/gen-font-coverage.mjs: checking a letter then needs no font file at all.
 */
let precomputed: Record<string, number[]> | null | undefined;
function coverageTable(fontId: string): number[] | undefined {
  if (precomputed === undefined) {
    precomputed = null;
    // dist/font-coverage.json, seen from dist/fonts/ or (tests run from source) src/fonts/.
    for (const rel of ['../font-coverage.json', '../../dist/font-coverage.json']) {
      try {
        precomputed = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as Record<string, number[]>;
        break;
      } catch {
        // not built yet: ask the fonts themselves
      }
    }
  }
  return precomputed?.[fontId];
}

function inRanges(ranges: number[], cp: number): boolean {
  let lo = 0;
  let hi = ranges.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < ranges[mid * 2]!) hi = mid - 1;
    else if (cp > ranges[mid * 2 + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Whether the regular face of `fontId` has a glyph for `codePoint`. */
export function fontCovers(fontId: string, codePoint: number): boolean {
  if (isWorkspaceFont(fontId)) return workspaceFontCovers(fontId, codePoint);
  const table = coverageTable(fontId);
  if (table) return inRanges(table, codePoint);
  let byCodePoint = coverage.get(fontId);
  if (byCodePoint === undefined) {
    byCodePoint = new Map();
    coverage.set(fontId, byCodePoint);
  }
  let covered = byCodePoint.get(codePoint);
  if (covered === undefined) {
    covered = regularFont(fontId).hasGlyphForCodePoint(codePoint);
    byCodePoint.set(codePoint, covered);
  }
  return covered;
}

/**
 * Characters the renderer never draws: controls (line feeds, tabs), line and paragraph separators
 * (U+2028/9, which break lines) and default-ignorable format characters (ZWSP, ZWJ, soft hyphen,
 * variation selectors), which layout drops before drawing.
 */
export const NEVER_DRAWN = /[\p{Cc}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u;

/** A character no font in a stack can draw. */
export interface UncoveredChar {
  char: string;
  codePoint: number;
  /** 0-based UTF-16 offset of the character in the checked text. */
  index: number;
}

/**
 * The characters of `text` that no font in `fontIds` covers, in text order, one entry per
 * occurrence. Characters that are never drawn (see {@link NEVER_DRAWN}) are not reported.
 * @throws Error for an unknown font id.
 */
export function findUncovered(text: string, fontIds: string[]): UncoveredChar[] {
  for (const id of fontIds)
    if (!isKnownFont(id)) throw new Error(`unknown font id "${id}" (known: ${knownFontIds().join(', ')})`);
  const stack = fontIds.join(',');
  let known = stackCoverage.get(stack);
  if (!known) stackCoverage.set(stack, (known = new Map()));
  const found: UncoveredChar[] = [];
  let index = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    let ok = known.get(codePoint);
    if (ok === undefined)
      known.set(codePoint, (ok = NEVER_DRAWN.test(char) || fontIds.some((id) => fontCovers(id, codePoint))));
    if (!ok) found.push({ char, codePoint, index });
    index += char.length;
  }
  return found;
}

/** Answers per font stack and code point: a letter repeats the same few thousand characters. */
const stackCoverage = new Map<string, Map<number, boolean>>();
