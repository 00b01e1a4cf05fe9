import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { create, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { woffToSfnt } from '../src/fonts/woff.js';
import { mendFontkit } from '../src/fonts/fontkit-fixes.js';
import { FIXTURE_FONTS } from './helpers/script-workspace.js';
import { REPO } from './helpers/workspace.js';

const require = createRequire(join(REPO, 'package.json'));
/** A font of the fixtures as a new fontkit object (fontkit caches glyphs per object). */
const open = (font: keyof typeof FIXTURE_FONTS): Font => {
  const bytes = readFileSync(require.resolve(FIXTURE_FONTS[font]));
  return create(font === 'urdu' || font === 'myanmar' ? woffToSfnt(bytes) : bytes) as Font;
};

describe("fontkit's mended bugs", () => {
  it('shapes words whose GPOS has NULL anchors (Noto Sans Khmer, Noto Nastaliq Urdu) instead of throwing', () => {
    for (const [font, words] of [
      ['khmer', ['ការឃុំខ្លួន', 'សិទ្ធិមនុស្ស']],
      ['urdu', ['زیر', 'مراکز', 'اجازت']],
    ] as const) {
      const f = open(font);
      mendFontkit(f);
      for (const word of words) {
        const run = f.layout(word);
        expect(run.glyphs.length).toBeGreaterThan(0);
        expect(run.glyphs.map((g) => g.id)).not.toContain(0);
      }
    }
  });

  it("gives a glyph drawn for two readings each use's own code points (Lao າ alone and as the half of ຳ)", () => {
    const f = open('lao');
    mendFontkit(f);
    const codePoints = (text: string) => f.layout(text).glyphs.map((g) => g.codePoints);
    expect(codePoints('ກາ')).toEqual([[0x0e81], [0x0eb2]]);
    // ຳ is drawn as ໍ (reading ຳ) and the glyph of າ, which then stands for no character of its own.
    const am = codePoints('ກຳ');
    expect(am).toHaveLength(3);
    expect(am[1]).toEqual([0x0eb3]);
    expect(am[2]).toEqual([]);
    // And the plain າ still reads າ after it: the reading is the use's, not the first one's.
    expect(codePoints('ກາ')).toEqual([[0x0e81], [0x0eb2]]);
    expect(f.getGlyph(f.glyphForCodePoint(0x0eb2).id).path.toSVG()).toBe(f.layout('ກຳ').glyphs[2]!.path.toSVG());
  });
});
