import bidiFactory, { type Bidi } from 'bidi-js';

/**
 * The Unicode bidirectional algorithm (UAX #9, through bidi-js) for the PDF line layout: embedding
 * levels per paragraph, resolved once before line breaking, then per line (after breaking, as UAX #9
 * asks) the visual order of the line's pieces. pdfkit has no bidi of its own, and fontkit reverses
 * (and mirrors, with the font's `rtlm`) any run whose first strong script is right-to-left, whatever
 * its level: {@link shapingDirection} tells the layout which runs fontkit would get wrong.
 */

export type Direction = 'ltr' | 'rtl';

// bidi-js's types describe its ES module; Node loads its CommonJS build, whose default export is the same factory.
const bidi = (bidiFactory as unknown as () => Bidi)();

/** Strong right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko…): a text without them needs no bidi. */
const RTL_CHAR = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/** Embedding levels per UTF-16 offset, or undefined when the whole text is left to right at level 0. */
export function embeddingLevels(text: string, direction: Direction): Uint8Array | undefined {
  if (direction === 'ltr' && !RTL_CHAR.test(text)) return undefined;
  return bidi.getEmbeddingLevels(text, direction).levels;
}

/**
 * UAX #9 rule L1 for one line: whitespace at the end of the line (and any before a tab) returns to
 * the paragraph level, so an RTL line's trailing space sits at its visual end, not inside a run.
 */
export function lineLevels(text: string, levels: Uint8Array, start: number, end: number, base: Direction): number[] {
  const out = Array.from(levels.subarray(start, end));
  const paragraph = base === 'rtl' ? 1 : 0;
  for (let i = out.length - 1; i >= 0 && /\s/u.test(text[start + i] ?? ''); i--) out[i] = paragraph;
  return out;
}

/**
 * The visual order of pieces given their levels in logical order (UAX #9 rule L2): from the
 * highest level down to the lowest odd one, every maximal sequence at that level or above is
 * reversed. Returns indices into the logical sequence, left to right.
 */
export function visualOrder(levels: number[]): number[] {
  const order = levels.map((_, i) => i);
  if (levels.length === 0) return order;
  const highest = Math.max(...levels);
  const lowestOdd = Math.min(...levels.filter((l) => l % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd && level > 0; level--) {
    for (let i = 0; i < order.length;) {
      if ((levels[order[i]!] ?? 0) < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < order.length && (levels[order[j]!] ?? 0) >= level) j++;
      order.splice(i, j - i, ...order.slice(i, j).reverse());
      i = j;
    }
  }
  return order;
}

/** Scripts fontkit sets right to left (its Script.direction table). */
const FONTKIT_RTL =
  /^[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}]$/u;
const NEUTRAL_SCRIPT = /^[\p{Script=Common}\p{Script=Inherited}]$/u;

/**
 * The direction fontkit will shape `text` in: that of its first character with a script other than
 * Common or Inherited (digits and punctuation are Common; Arabic-Indic digits are Arabic).
 */
export function shapingDirection(text: string): Direction {
  for (const char of text) {
    if (NEUTRAL_SCRIPT.test(char)) continue;
    return FONTKIT_RTL.test(char) ? 'rtl' : 'ltr';
  }
  return 'ltr';
}
