import { describe, expect, it } from 'vitest';
import { layoutParagraph, type LayoutLine } from '../src/render/pdf/line-layout.js';
import { loadFace } from '../src/fonts/font-library.js';
import { measureText } from '../src/render/pdf/measure-text.js';

// From the 2011 Korean letter: keep-all leaves no good break before the twelve-syllable compound.
const PARAGRAPH =
  '저희는 현재 진행 중인 인도적 위기에 대응하기 위해, 먼저 국제 인도주의 단체들이 조선민주주의인민공화국에 접근할 수 있도록 허용해 줄 것을 귀하께 호소합니다. 저희는 또한 조선민주주의인민공화국의 식량난과 그로 인해 초래된 인도적 위기에 대해 심각하게 우려하고 있습니다.';
const SIZE = 10.5;
const SPACE = measureText(loadFace('noto-serif-kr', 'regular'), ' ').width * SIZE;

const layout = (text: string): LayoutLine[] =>
  layoutParagraph([{ text, style: 'regular' }], {
    width: 451,
    fontSize: SIZE,
    fonts: ['noto-serif-kr', 'noto-serif'],
    lineBreak: 'keep-all',
    align: 'justify',
  });

/** Extra width each word space took on a line (pieces are cut after every space when justified). */
const spaceGrowth = (line: LayoutLine): number => {
  const [a, b] = line.pieces;
  return a === undefined || b === undefined ? 0 : b.x - (a.x + a.width);
};

describe('justified Korean (keep-all)', () => {
  it('grows word spaces a little, then letter-spaces, never past what keeps syllables one word in extracted text', () => {
    const lines = layout(PARAGRAPH);
    const justified = lines.slice(0, -1);
    expect(justified.length).toBeGreaterThan(2);
    const tracking = justified.map((l) => l.pieces[0]?.characterSpacing ?? 0);
    // poppler starts a new word at a gap of 0.1 em: tracking stays under it.
    for (const t of tracking) expect(t).toBeLessThanOrEqual(0.08 * SIZE + 1e-9);
    // The loose first line tracks at the limit; a line that needs less tracking kept its spaces within 1.3×.
    expect(tracking[0]).toBeCloseTo(0.08 * SIZE, 6);
    justified.forEach((line, i) => {
      if ((tracking[i] ?? 0) < 0.08 * SIZE - 1e-6) expect(spaceGrowth(line)).toBeLessThanOrEqual(0.3 * SPACE + 1e-6);
      expect(line.width).toBe(451);
    });
    expect(lines.map((l) => l.pieces.map((p) => p.text).join('')).join('')).toBe(PARAGRAPH);
  });
});
