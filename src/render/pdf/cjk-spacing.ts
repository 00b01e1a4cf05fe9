/**
 * Spacing rules of Japanese and Chinese text (JLREQ §3.1, §3.2, §3.8; CLREQ §3.4) that line layout
 * applies on top of the fonts' `chws` (adjacent punctuation already set half-width by the font).
 */

/**
 * Full-width punctuation whose glyph fills half its em, the other half being space (aki): brackets,
 * 、。，．：；！？ and the middle dot. A run of them is drawn with `halt` (every mark half-width)
 * when a justified line must shrink to fit: JLREQ's first way of tightening a line.
 */
const PUNCTUATION =
  '\\u3001\\u3002\\u3008-\\u3011\\u3014-\\u301b\\u30fb\\uff01\\uff08\\uff09\\uff0c\\uff0e\\uff1a\\uff1b\\uff1f\\uff3b\\uff3d\\uff5b\\uff5d\\uff5f\\uff60';
export const PUNCTUATION_RUN = new RegExp(`[${PUNCTUATION}]+`, 'gu');
/** Cuts text where a punctuation run starts or ends (lookarounds only, so nothing is lost). */
export const PUNCTUATION_EDGE = new RegExp(
  `(?<=[${PUNCTUATION}])(?![${PUNCTUATION}])|(?<![${PUNCTUATION}])(?=[${PUNCTUATION}])`,
  'u',
);
export const HALF_WIDTH_FEATURES = ['halt'];
const WHOLE_RUN = new RegExp(`^[${PUNCTUATION}]+$`, 'u');

export function isPunctuationRun(text: string): boolean {
  return WHOLE_RUN.test(text);
}

/** Kanji and kana (with the prolonged sound mark, which Unicode counts as common to both kana). */
const IDEOGRAPHIC = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u30fc';
/** Latin, Greek and Cyrillic letters and digits: what JLREQ's space between Japanese and Western text separates. */
const WESTERN = '\\p{Script=Latin}\\p{Script=Greek}\\p{Script=Cyrillic}0-9';
const WESTERN_EDGE = new RegExp(`(?<=[${IDEOGRAPHIC}])(?=[${WESTERN}])|(?<=[${WESTERN}])(?=[${IDEOGRAPHIC}])`, 'gu');

/** Width of the space between ideographic and Western text, in em, by the locale setting `cjk_latin_space`. */
export const CJK_LATIN_SPACE = { 'quarter-em': 0.25, none: 0 } as const;

/**
 * Offsets in `text` where kanji or kana meet a Western letter or digit with nothing between them
 * ("2018年", "UNの"): the places that get the space. A written space, punctuation or a bracket
 * between them already separates them.
 */
export function westernEdges(text: string): Set<number> {
  return new Set([...text.matchAll(WESTERN_EDGE)].map((m) => m.index));
}
