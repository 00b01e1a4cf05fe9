/**
 * Which font to add for a script no font of a locale's stack covers: a bundled font where there is
 * one, else the Noto family for that script (Google's Noto covers every script in Unicode, each in
 * a family named after it), as a file to put under the workspace's fonts/ folder.
 */

/** Bundled fonts by the scripts they cover beyond Latin punctuation. */
const BUNDLED: Record<string, string> = {
  Latin: 'noto-serif',
  Greek: 'noto-serif',
  Cyrillic: 'noto-serif',
  Hangul: 'noto-serif-kr',
  Han: 'noto-serif-sc, noto-serif-jp or noto-serif-kr',
  Hiragana: 'noto-serif-jp',
  Katakana: 'noto-serif-jp',
  Bopomofo: 'noto-serif-sc',
  Arabic: 'noto-naskh-arabic',
};

/** Noto families whose names do not follow "Noto Sans <Script>". */
const NOTO_FAMILY: Record<string, string> = {
  Hebrew: 'Noto Serif Hebrew',
  Nko: 'Noto Sans NKo',
  Canadian_Aboriginal: 'Noto Sans Canadian Aboriginal',
  Common: 'Noto Sans Symbols',
  Inherited: 'Noto Sans Symbols',
  Unknown: 'Noto Sans Symbols',
};

export interface FontSuggestion {
  /** A bundled font id to add to `fonts:`, when one covers the script. */
  bundled?: string;
  /** Otherwise the Noto family that covers it… */
  family?: string;
  /** …and the path to give its regular face in the workspace. */
  path?: string;
}

/** The font that covers `script` (a Unicode script name, e.g. "Thai"). */
export function suggestFont(script: string): FontSuggestion {
  const bundled = BUNDLED[script];
  if (bundled !== undefined) return { bundled };
  const family = NOTO_FAMILY[script] ?? `Noto Sans ${script.replace(/_/g, ' ')}`;
  return { family, path: `fonts/${family.replace(/ /g, '')}-Regular.ttf` };
}
