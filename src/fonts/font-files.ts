import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedFace } from './font-cache.js';
import { woff2ToSfnt } from './woff2.js';

/** Weight/slant of a face. CJK families have no italics; see {@link FONT_FILES}. */
export type FaceStyle = 'regular' | 'bold' | 'italic' | 'bold-italic';

const fontPackage = (pkg: string, file: string): string => `@expo-google-fonts/${pkg}/${file}`;

/**
 * Face files per bundled font id, as paths in the font packages (devDependencies). The build
 * (scripts/build-fonts.mjs) writes each as a WOFF2 into dist/fonts/, which the package ships: the
 * packages hold every weight (300 MB), the tool uses these twelve faces. CJK and Arabic italics map to
 * the upright file: Noto Serif CJK has no italic, and a synthetic slant on Hangul, Han or Naskh reads
 * as a mistake in formal print.
 */
export const FONT_FILES = {
  'noto-serif': {
    regular: fontPackage('noto-serif', '400Regular/NotoSerif_400Regular.ttf'),
    bold: fontPackage('noto-serif', '700Bold/NotoSerif_700Bold.ttf'),
    italic: fontPackage('noto-serif', '400Regular_Italic/NotoSerif_400Regular_Italic.ttf'),
    'bold-italic': fontPackage('noto-serif', '700Bold_Italic/NotoSerif_700Bold_Italic.ttf'),
  },
  'noto-serif-kr': uprightFiles('noto-serif-kr', 'NotoSerifKR'),
  'noto-serif-sc': uprightFiles('noto-serif-sc', 'NotoSerifSC'),
  'noto-serif-jp': uprightFiles('noto-serif-jp', 'NotoSerifJP'),
  'noto-naskh-arabic': uprightFiles('noto-naskh-arabic', 'NotoNaskhArabic'),
} satisfies Record<string, Record<FaceStyle, string>>;

/** Families without italics (CJK, and Arabic, where a slanted Naskh is a distortion): italic is upright. */
function uprightFiles(pkg: string, stem: string): Record<FaceStyle, string> {
  const regular = fontPackage(pkg, `400Regular/${stem}_400Regular.ttf`);
  const bold = fontPackage(pkg, `700Bold/${stem}_700Bold.ttf`);
  return { regular, bold, italic: regular, 'bold-italic': bold };
}

export type FontId = keyof typeof FONT_FILES;

/** The ids of the bundled fonts, in a stable order. */
export function knownFontIds(): string[] {
  return Object.keys(FONT_FILES);
}

/** Whether `id` names a bundled font. */
export function isBundledFont(id: string): id is FontId {
  return Object.hasOwn(FONT_FILES, id);
}

/**
 * dist/fonts/ of this package, seen from dist/fonts/ or (tests run from source) src/fonts/: two
 * folders up either way.
 */
const FONTS_DIR = fileURLToPath(new URL('../../dist/fonts/', import.meta.url));

/** The file name the build gives a face file in dist/fonts/. */
export function bundledFontName(source: string): string {
  return `${basename(source, '.ttf')}.woff2`;
}

/**
 * The SHA-256 of each face's decoded bytes, by file name in dist/fonts/ (written by the build):
 * what the per-user cache of decoded faces (font-cache.ts) names and checks its files by.
 */
export const DECODED_HASHES = 'decoded-sha256.json';
let decodedHashes: Record<string, string> | undefined;

function decodedHash(name: string): string | undefined {
  if (decodedHashes === undefined) {
    try {
      decodedHashes = JSON.parse(readFileSync(FONTS_DIR + DECODED_HASHES, 'utf8')) as Record<string, string>;
    } catch {
      decodedHashes = {}; // built by an older build: decode every time
    }
  }
  return decodedHashes[name];
}

/** The sfnt bytes of a face file of {@link FONT_FILES}: from dist/fonts/, or the decoded-face cache. */
export function readFontFile(source: string): Buffer {
  const name = bundledFontName(source);
  const decode = () => woff2ToSfnt(readFileSync(FONTS_DIR + name));
  const hash = decodedHash(name);
  return hash === undefined ? decode() : cachedFace(hash, decode);
}
