import type { Font, Glyph } from 'fontkit';

/**
 * Makes a parsed font's shaped glyphs report the characters they were shaped from. fontkit caches
 * one Glyph per glyph id and keeps the characters of its first use, so in an Arabic font, which
 * draws the bodies of ب ت ث ن ي with one glyph, every later use claimed the first letter, and the
 * PDF's text (ToUnicode, see render/pdf/pdfkit-font-patches.ts) read نكيب for نكتب. Each differing use
 * now gets a view of the cached glyph with its own `codePoints`.
 */
export function keepGlyphCodePoints(font: Font): void {
  const f = font as Font & { getGlyph(id: number, codePoints?: number[]): Glyph };
  const getGlyph = f.getGlyph.bind(f);
  f.getGlyph = (id: number, codePoints?: number[]): Glyph => {
    const glyph = getGlyph(id, codePoints);
    if (codePoints === undefined || codePoints.length === 0 || sameCodePoints(glyph.codePoints, codePoints))
      return glyph;
    return Object.create(glyph, { codePoints: { value: codePoints } }) as Glyph;
  };
}

function sameCodePoints(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}
