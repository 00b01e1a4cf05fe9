import type { Font } from 'fontkit';
import { fontkit } from './fontkit.js';
import { FONT_FILES, isBundledFont, knownFontIds, readFontFile, type FaceStyle } from './font-files.js';
import { workspaceFace } from './workspace-fonts.js';

export { knownFontIds, type FaceStyle } from './font-files.js';
export { findUncovered, fontCovers, type UncoveredChar } from './font-coverage.js';

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

/** Parsed faces by package-relative file path: a CJK file is 7–15 MB, so parse each at most once. */
const facesByFile = new Map<string, FontFace>();

/**
 * The face of `fontId` (bundled, or a workspace font the loader registered) in `style`, read and
 * parsed on first use and cached for the process.
 * @throws Error for an unknown font id (the loader validates ids, so this is a bug).
 */
export function loadFace(fontId: string, style: FaceStyle): FontFace {
  const brought = workspaceFace(fontId, style);
  if (brought !== undefined) return brought;
  if (!isBundledFont(fontId)) {
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

/**
 * Opens a face once for the process: pdfkit's registerFont takes the parsed Font (its duck-type
 * check), so one parsed copy serves both measuring and embedding.
 */
function parseFace(file: string): FontFace {
  const parsed = fontkit().create(readFontFile(file));
  // create() returns a collection only for .ttc/.dfont files; the bundled files are single TTFs.
  if (!('unitsPerEm' in parsed)) throw new Error(`font file ${file} is a collection, expected one face`);
  const upm = parsed.unitsPerEm;
  const key = file.replace(/^@expo-google-fonts\//, '').replace(/\/(\d+)\w*\/.*$/, '/$1') + italicSuffix(file);
  return { key, font: parsed, unitsPerEm: upm, ascent: parsed.ascent / upm, descent: -parsed.descent / upm };
}

function italicSuffix(file: string): string {
  return /_Italic\//.test(file) ? 'i' : '';
}
