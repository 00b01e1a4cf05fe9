import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
// The same fontkit module pdfkit imports (pdfkit 0.20 takes a parsed Font in registerFont only if
// its duck-type check passes, and one parsed copy then serves both measuring and embedding).
import { create as createFont, type Font } from 'fontkit';

/** Weight/slant of a face. CJK families have no italics; see {@link FONT_FILES}. */
export type FaceStyle = 'regular' | 'bold' | 'italic' | 'bold-italic';

/** A parsed font face file, shared by every document in the process. */
export interface FontFace {
  /** Stable key of the face file, e.g. `noto-serif-kr/700`; also the pdfkit font name. */
  key: string;
  font: Font;
  /** Font units per em (1000 for the bundled Noto fonts). */
  unitsPerEm: number;
  /** Ascender above the baseline, in em. */
  ascent: number;
  /** Descender below the baseline, in em (positive number). */
  descent: number;
}

const fontPackage = (pkg: string, file: string): string => `@expo-google-fonts/${pkg}/${file}`;

/**
 * Face files per bundled font id. CJK italics map to the upright file: Noto Serif CJK has no italic,
 * and a synthetic slant on Hangul or Han reads as a mistake in formal print.
 */
const FONT_FILES = {
  'noto-serif': {
    regular: fontPackage('noto-serif', '400Regular/NotoSerif_400Regular.ttf'),
    bold: fontPackage('noto-serif', '700Bold/NotoSerif_700Bold.ttf'),
    italic: fontPackage('noto-serif', '400Regular_Italic/NotoSerif_400Regular_Italic.ttf'),
    'bold-italic': fontPackage('noto-serif', '700Bold_Italic/NotoSerif_700Bold_Italic.ttf'),
  },
  'noto-serif-kr': cjkFiles('noto-serif-kr', 'NotoSerifKR'),
  'noto-serif-sc': cjkFiles('noto-serif-sc', 'NotoSerifSC'),
  'noto-serif-jp': cjkFiles('noto-serif-jp', 'NotoSerifJP'),
} satisfies Record<string, Record<FaceStyle, string>>;

function cjkFiles(pkg: string, stem: string): Record<FaceStyle, string> {
  const regular = fontPackage(pkg, `400Regular/${stem}_400Regular.ttf`);
  const bold = fontPackage(pkg, `700Bold/${stem}_700Bold.ttf`);
  return { regular, bold, italic: regular, 'bold-italic': bold };
}

type FontId = keyof typeof FONT_FILES;

const require = createRequire(import.meta.url);
/** Parsed faces by package-relative file path: a CJK file is 7–15 MB, so parse each at most once. */
const facesByFile = new Map<string, FontFace>();
/** Coverage answers by font id, then code point: cmap lookups are cheap but run per character. */
const coverage = new Map<string, Map<number, boolean>>();

/** The ids of the bundled fonts, in a stable order. */
export function knownFontIds(): string[] {
  return Object.keys(FONT_FILES);
}

/** Whether `id` names a bundled font. */
export function isKnownFont(id: string): id is FontId {
  return Object.hasOwn(FONT_FILES, id);
}

/**
 * The face of `fontId` in `style`, read and parsed on first use and cached for the process.
 * @throws Error for an unknown font id (the loader validates ids, so this is a bug).
 */
export function loadFace(fontId: string, style: FaceStyle): FontFace {
  if (!isKnownFont(fontId)) {
    throw new Error(`unknown font id "${fontId}" (known: ${knownFontIds().join(', ')})`);
  }
  const file = FONT_FILES[fontId][style];
  let face = facesByFile.get(file);
  if (face === undefined) {
    face = parseFace(file);
    facesByFile.set(file, face);
  }
  return face;
}

function parseFace(file: string): FontFace {
  const parsed = createFont(readFileSync(require.resolve(file)));
  // create() returns a collection only for .ttc/.dfont files; the bundled files are single TTFs.
  if (!('unitsPerEm' in parsed)) throw new Error(`font file ${file} is a collection, expected one face`);
  const upm = parsed.unitsPerEm;
  const key = file.replace(/^@expo-google-fonts\//, '').replace(/\/(\d+)\w*\/.*$/, '/$1') + italicSuffix(file);
  return { key, font: parsed, unitsPerEm: upm, ascent: parsed.ascent / upm, descent: -parsed.descent / upm };
}

function italicSuffix(file: string): string {
  return /_Italic\//.test(file) ? 'i' : '';
}

/**
 * Covered code points per font id as flat [start, end, start, end, …] ranges, precomputed at build
 * time by scripts/gen-font-coverage.mjs: checking a letter then needs no font file at all.
 */
let precomputed: Record<string, number[]> | null | undefined;
function coverageTable(fontId: string): number[] | undefined {
  if (precomputed === undefined) {
    try {
      precomputed = JSON.parse(readFileSync(new URL('../../font-coverage.json', import.meta.url), 'utf8')) as Record<string, number[]>;
    } catch {
      precomputed = null; // running from source (tests): ask the fonts themselves
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
  const table = coverageTable(fontId);
  if (table) return inRanges(table, codePoint);
  let byCodePoint = coverage.get(fontId);
  if (byCodePoint === undefined) {
    byCodePoint = new Map();
    coverage.set(fontId, byCodePoint);
  }
  let covered = byCodePoint.get(codePoint);
  if (covered === undefined) {
    covered = loadFace(fontId, 'regular').font.hasGlyphForCodePoint(codePoint);
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
  for (const id of fontIds) if (!isKnownFont(id)) loadFace(id, 'regular'); // throws the unknown-font error
  const found: UncoveredChar[] = [];
  let index = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (!NEVER_DRAWN.test(char) && !fontIds.some((id) => fontCovers(id, codePoint))) {
      found.push({ char, codePoint, index });
    }
    index += char.length;
  }
  return found;
}
