import { workspaceFontFamily } from '../fonts/workspace-fonts.js';
import { writingDirection } from '../text/writing-direction.js';
import { likelyLocale } from '../text/intl.js';

/**
 * What a word processor or browser needs to know about a letter's language: its writing direction,
 * whether it is East Asian, and the tag in the form Word's proofing tools recognise. Derived from the
 * BCP 47 tag through Intl.Locale, so a new language needs no code here.
 */

/** Scripts Word sets with its East Asian font and language slots. */
const EAST_ASIAN_SCRIPTS = new Set(['Hans', 'Hant', 'Hani', 'Jpan', 'Kore', 'Hang', 'Hira', 'Kana', 'Bopo']);
const KOREAN_SCRIPTS = new Set(['Kore', 'Hang']);

export interface LanguageInfo {
  /** The tag as written in the locale (HTML lang). */
  tag: string;
  dir: 'ltr' | 'rtl';
  eastAsian: boolean;
  /** language-REGION (e.g. "zh-CN" for "zh-Hans"): the form Word picks a dictionary by. */
  wordTag: string;
  /**
   * Whether a word processor should add its small space between East Asian text and Latin letters or
   * digits: Chinese and Japanese typography set one (about a quarter em, JLREQ/CLREQ), Korean none
   * ("2012년 1월"). Irrelevant outside East Asian scripts.
   */
  spaceAroundLatin: boolean;
}

export function languageInfo(tag: string): LanguageInfo {
  // An invalid tag is reported by the locale schema; render it as a left-to-right Latin language.
  const max = likelyLocale(tag);
  const script = max?.script ?? 'Latn';
  const wordTag = !max ? tag : max.region ? `${max.language}-${max.region}` : max.language;
  return {
    tag,
    dir: writingDirection(tag),
    eastAsian: EAST_ASIAN_SCRIPTS.has(script),
    wordTag,
    spaceAroundLatin: !KOREAN_SCRIPTS.has(script),
  };
}

export interface FontFamily {
  /** The family name as Google Fonts installs it (what Word and a browser look for). */
  family: string;
  eastAsian: boolean;
  /** The same design under the names Linux distributions and Adobe ship it as (web pages only). */
  aliases: string[];
  /**
   * The Windows character set of its script (Word's font table: 00 Latin, 81 Hangul, 86 GB2312, 80
   * Shift-JIS, B2 Arabic), by which Word picks a substitute of the same script where the font is not installed;
   * undefined for a workspace's own font, whose script the table does not know.
   */
  charset?: string;
}

/** Family names of the bundled font ids. */
const FAMILIES: Record<string, FontFamily> = {
  'noto-serif': { family: 'Noto Serif', eastAsian: false, aliases: [], charset: '00' },
  'noto-serif-kr': {
    family: 'Noto Serif KR',
    eastAsian: true,
    aliases: ['Noto Serif CJK KR', 'Source Han Serif K'],
    charset: '81',
  },
  'noto-serif-sc': {
    family: 'Noto Serif SC',
    eastAsian: true,
    aliases: ['Noto Serif CJK SC', 'Source Han Serif SC'],
    charset: '86',
  },
  'noto-serif-jp': {
    family: 'Noto Serif JP',
    eastAsian: true,
    aliases: ['Noto Serif CJK JP', 'Source Han Serif'],
    charset: '80',
  },
  'noto-naskh-arabic': { family: 'Noto Naskh Arabic', eastAsian: false, aliases: [], charset: 'B2' },
};

/**
 * The family names of a font stack, in order: a workspace font by the family name its file gives
 * (the reader installs that font to see it); unknown ids are reported by `check` and skipped here.
 */
export function fontFamilies(ids: readonly string[]): FontFamily[] {
  return ids.flatMap((id) => {
    if (Object.hasOwn(FAMILIES, id)) return [FAMILIES[id]!];
    const family = workspaceFontFamily(id);
    return family === undefined ? [] : [{ family, eastAsian: false, aliases: [] }];
  });
}
