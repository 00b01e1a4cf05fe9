/**
 * The Unicode script of a character (the Script property, UAX #24), by name as JavaScript's
 * `\p{Script=…}` spells it. JavaScript can test a character against a script but not name its
 * script, so the names are listed here; a name the running engine does not know is skipped.
 */
import { memo } from '../util/memo.js';

const SCRIPT_NAMES = [
  // The scripts letters are most often written in first: a lookup stops at the first match.
  'Latin',
  'Cyrillic',
  'Greek',
  'Arabic',
  'Hebrew',
  'Han',
  'Hangul',
  'Hiragana',
  'Katakana',
  'Thai',
  'Devanagari',
  'Bengali',
  'Tamil',
  'Telugu',
  'Kannada',
  'Malayalam',
  'Gujarati',
  'Gurmukhi',
  'Oriya',
  'Sinhala',
  'Myanmar',
  'Khmer',
  'Lao',
  'Tibetan',
  'Georgian',
  'Armenian',
  'Ethiopic',
  'Thaana',
  'Syriac',
  'Mongolian',
  'Bopomofo',
  'Yi',
  'Tifinagh',
  'Nko',
  'Adlam',
  'Cherokee',
  'Canadian_Aboriginal',
  'Javanese',
  'Balinese',
  'Sundanese',
  'Batak',
  'Buginese',
  'Tagalog',
  'Cham',
  'Tai_Le',
  'New_Tai_Lue',
  'Tai_Tham',
  'Tai_Viet',
  'Lisu',
  'Vai',
  'Bamum',
  'Ol_Chiki',
  'Meetei_Mayek',
  'Chakma',
  'Lepcha',
  'Limbu',
  'Saurashtra',
  'Kayah_Li',
  'Rejang',
  'Osage',
  'Hanifi_Rohingya',
  'Mandaic',
  'Samaritan',
  'Braille',
  'Coptic',
  'Glagolitic',
  'Runic',
  'Ogham',
  'Gothic',
  'Egyptian_Hieroglyphs',
  'Cuneiform',
  'Common',
  'Inherited',
];

const SCRIPTS = SCRIPT_NAMES.flatMap((name) => {
  try {
    return [[name, new RegExp(`^\\p{Script=${name}}$`, 'u')] as const];
  } catch {
    return [];
  }
});

/** The script of `char` (one code point), e.g. "Thai"; "Unknown" for one outside the table. */
export const scriptOf = memo((char: string): string => SCRIPTS.find(([, re]) => re.test(char))?.[0] ?? 'Unknown', {
  key: (char) => char.codePointAt(0) ?? 0,
});

/** A script name as people write it: "Egyptian Hieroglyphs", "N'Ko". */
export function scriptLabel(name: string): string {
  return name === 'Nko'
    ? "N'Ko"
    : name === 'Common' || name === 'Inherited' || name === 'Unknown'
      ? 'symbol'
      : name.replace(/_/g, ' ');
}
