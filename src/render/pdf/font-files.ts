/** Weight/slant of a face. CJK families have no italics; see {@link FONT_FILES}. */
export type FaceStyle = 'regular' | 'bold' | 'italic' | 'bold-italic';

const fontPackage = (pkg: string, file: string): string => `@expo-google-fonts/${pkg}/${file}`;

/**
 * Face files per bundled font id. CJK italics map to the upright file: Noto Serif CJK has no italic,
 * and a synthetic slant on Hangul or Han reads as a mistake in formal print.
 */
export const FONT_FILES = {
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

export type FontId = keyof typeof FONT_FILES;

/** The ids of the bundled fonts, in a stable order. */
export function knownFontIds(): string[] {
  return Object.keys(FONT_FILES);
}

/** Whether `id` names a bundled font. */
export function isKnownFont(id: string): id is FontId {
  return Object.hasOwn(FONT_FILES, id);
}
