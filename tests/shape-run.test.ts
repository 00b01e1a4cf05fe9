import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { create, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { readFontFile } from '../src/fonts/font-files.js';
import { shapeRun } from '../src/fonts/shape-run.js';
import { woffToSfnt } from '../src/fonts/woff.js';
import { FIXTURE_FONTS } from './helpers/script-workspace.js';
import { REPO } from './helpers/workspace.js';

const require = createRequire(join(REPO, 'package.json'));
const bundled = (file: string): Font => create(readFontFile(`@expo-google-fonts/${file}`)) as Font;
const fixture = (font: keyof typeof FIXTURE_FONTS): Font => {
  const bytes = readFileSync(require.resolve(FIXTURE_FONTS[font]));
  return create(font === 'urdu' || font === 'myanmar' ? woffToSfnt(bytes) : bytes) as Font;
};

const fonts = {
  latin: bundled('noto-serif/400Regular/NotoSerif_400Regular.ttf'),
  kr: bundled('noto-serif-kr/400Regular/NotoSerifKR_400Regular.ttf'),
  jp: bundled('noto-serif-jp/400Regular/NotoSerifJP_400Regular.ttf'),
  ar: bundled('noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf'),
  th: fixture('thai'),
};

/** Kerning, ligatures, fractions, small caps, Hangul jamo, CJK brackets with chws and halt, Arabic joining, Thai marks. */
const corpus: [keyof typeof fonts, string, string[]?][] = [
  ['latin', 'AVATAR, Wave. '],
  ['latin', 'office 1\u20442 '],
  ['latin', 'final affix'],
  ['latin', 'AVATAR, Wave. ', ['smcp']],
  ['kr', '북한 인권 '],
  ['kr', '\u1100\u1161\u11A8 한글'],
  ['jp', '「国連」、（人権）'],
  ['jp', '「国連」、（人権）', ['chws']],
  ['jp', '。」（', ['halt']],
  ['ar', 'بسم الله'],
  ['ar', 'بسم الله', ['rtlm']],
  ['th', 'ภาษาไทย'],
];

/** fontkit's layout(), which shaped before HarfBuzz did: the same text as glyphs, placements, readings. */
function fontkitRun(font: Font, text: string, features: string[] = []) {
  const rtl = features.includes('rtlm');
  const run = font.layout(text, features, undefined, undefined, rtl ? 'rtl' : undefined);
  return {
    ids: run.glyphs.map((g) => g.id),
    positions: run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]),
  };
}

const reading = (codePoints: number[][]): string => codePoints.map((c) => String.fromCodePoint(...c)).join('');

describe('text shaped by HarfBuzz', () => {
  it('gives the glyphs and placements fontkit gave, in Latin, Hangul, Japanese, Arabic and Thai', () => {
    for (const [font, text, features] of corpus) {
      // Fresh fontkit objects: fontkit keeps state per face between layout() calls.
      const f = fonts[font];
      const run = shapeRun(f, text, features);
      expect({ text, ids: run.glyphs.map((g) => g.id), positions: run.positions.map((p) => Object.values(p)) }).toEqual(
        {
          text,
          ...fontkitRun(f, text, features),
        },
      );
      expect(run.advanceWidth).toBe(run.positions.reduce((sum, p) => sum + p.xAdvance, 0));
      expect(run.glyphs.map((g) => g.advanceWidth)).toEqual(run.glyphs.map((g) => f.getGlyph(g.id).advanceWidth));
    }
    // The corpus exercises what features change: kerning and chws.
    expect(shapeRun(fonts.jp, '「国連」、（人権）', ['chws']).advanceWidth).toBeLessThan(
      shapeRun(fonts.jp, '「国連」、（人権）').advanceWidth,
    );
  });

  it('lets each glyph read as the characters of its cluster, in logical order, a ligature as its letters', () => {
    for (const [font, text, features] of corpus) {
      const run = shapeRun(fonts[font], text, features);
      const logical = features?.includes('rtlm') || font === 'ar' ? [...run.glyphs].reverse() : run.glyphs;
      expect(reading(logical.map((g) => g.codePoints))).toBe(text);
    }
    const fi = shapeRun(fonts.latin, 'final');
    expect(fi.glyphs).toHaveLength(4);
    expect(fi.glyphs[0]!.codePoints).toEqual([0x66, 0x69]);
    // Lao ຳ is drawn as ໍ and the glyph of າ: the first reads ຳ, the second nothing; a plain າ still reads າ.
    const lao = fixture('lao');
    expect(shapeRun(lao, 'ກຳ').glyphs.map((g) => g.codePoints)).toEqual([[0x0e81], [0x0eb3], []]);
    expect(shapeRun(lao, 'ກາ').glyphs.map((g) => g.codePoints)).toEqual([[0x0e81], [0x0eb2]]);
  });

  it('sets a right-to-left piece right to left with its brackets mirrored, reading as written', () => {
    const run = shapeRun(fonts.ar, '(1)', ['rtlm']);
    const glyphOf = (c: string) => fonts.ar.glyphForCodePoint(c.codePointAt(0)!).id;
    // Visual order, left to right: the closing-bracket shape, 1, the opening-bracket shape.
    expect(run.glyphs.map((g) => g.id)).toEqual([glyphOf('('), glyphOf('1'), glyphOf(')')]);
    expect(run.glyphs.map((g) => reading([g.codePoints]))).toEqual([')', '1', '(']);
    // Left to right, the same text keeps its glyphs.
    expect(shapeRun(fonts.ar, '(1)').glyphs.map((g) => g.id)).toEqual([glyphOf('('), glyphOf('1'), glyphOf(')')]);
  });

  it('shapes Khmer and Nastaliq words whose GPOS has NULL anchors, with every glyph found and marks placed', () => {
    for (const [font, words] of [
      ['khmer', ['ការឃុំខ្លួន', 'សិទ្ធិមនុស្ស']],
      ['urdu', ['زیر', 'مراکز', 'اجازت']],
    ] as const) {
      const f = fixture(font);
      for (const word of words) {
        const run = shapeRun(f, word);
        expect(run.glyphs.length).toBeGreaterThan(0);
        expect(run.glyphs.map((g) => g.id)).not.toContain(0);
      }
    }
    expect(shapeRun(fixture('khmer'), 'ការឃុំខ្លួន').positions.some((p) => p.xOffset !== 0 || p.yOffset !== 0)).toBe(true);
  });
});
