import { describe, expect, it } from 'vitest';
import { inlineSegments } from '../src/render/pdf/inline-segments.js';
import { layoutParagraph, type LayoutOptions } from '../src/render/pdf/line-layout.js';
import { loadFace } from '../src/fonts/font-library.js';
import { measureText } from '../src/render/pdf/measure-text.js';

const JA_FONTS = ['noto-serif-jp', 'noto-serif-kr', 'noto-serif', 'noto-serif-sc'];
const ZH_FONTS = ['noto-serif-sc', 'noto-serif-kr', 'noto-serif', 'noto-serif-jp'];
const ja: LayoutOptions = {
  width: 300,
  fontSize: 10,
  fonts: JA_FONTS,
  lineBreak: 'cjk',
  align: 'justify',
  features: ['chws'],
};

describe('CJK punctuation and spacing', () => {
  it('sets adjacent punctuation half-width with chws, and draws with the features it measured with', () => {
    const jp = loadFace('noto-serif-jp', 'regular');
    expect(measureText(jp, '（以下「北朝鮮」）の').width).toBe(10);
    expect(measureText(jp, '（以下「北朝鮮」）の', ['chws']).width).toBe(9.5);
    const sc = loadFace('noto-serif-sc', 'regular');
    expect(measureText(sc, '公约》（CEDAW）外', ['chws']).width).toBeLessThan(
      measureText(sc, '公约》（CEDAW）外').width,
    );
    const [line] = layoutParagraph([{ text: '（以下「北朝鮮」）の', style: 'regular' }], { ...ja, align: 'left' });
    expect(line!.width).toBeCloseTo(95, 5);
    expect(line!.pieces.every((p) => p.features?.includes('chws'))).toBe(true);
  });

  it('letter-spaces CJK characters of a justified line but never a Latin word or a number', () => {
    const text =
      '北朝鮮は、国際労働機関（ILO）の中核的労働基準である結社の自由及び団結権の保護に関する条約（第87号）を含む Human Rights Watch の勧告を、2018年6月6日までに受け入れるべきである。'.repeat(
        2,
      );
    for (const options of [ja, { ...ja, fonts: ZH_FONTS }]) {
      const lines = layoutParagraph([{ text, style: 'regular' }], options);
      expect(lines.map((l) => l.pieces.map((p) => p.text).join('')).join('')).toBe(text);
      const justified = lines.slice(0, -1);
      for (const line of justified) expect(line.width).toBeCloseTo(300, 5);
      const pieces = justified.flatMap((l) => l.pieces);
      expect(pieces.some((p) => /\p{Script=Han}/u.test(p.text) && p.characterSpacing > 0)).toBe(true);
      for (const p of pieces.filter((p) => /[A-Za-z0-9]/.test(p.text))) {
        expect(p.text).not.toMatch(/\p{Script=Han}|\p{Script=Hiragana}/u);
        expect(p.characterSpacing).toBe(0);
      }
    }
  });

  it('indents the first line of a paragraph when the language asks for it', () => {
    const text =
      '北朝鮮政府が世界の他の国々との関与を拡大するための新たな取り組みを進めるにあたり、私たちは閣下に対し強く要請いたします。';
    const [plain] = layoutParagraph([{ text, style: 'regular' }], ja);
    const lines = layoutParagraph([{ text, style: 'regular' }], { ...ja, firstLineIndent: 10 });
    expect(plain!.pieces[0]!.x).toBe(0);
    expect(lines[0]!.pieces[0]!.x).toBe(10);
    expect(lines[0]!.width).toBeCloseTo(300, 5);
    expect(lines[1]!.pieces[0]!.x).toBe(0);
  });
});

describe('emphasis', () => {
  const content = [
    { kind: 'text', text: '建設' } as const,
    { kind: 'emphasis', children: [{ kind: 'text', text: '突撃隊' }] } as const,
  ];

  it('is italic where the language has italics, bold where it sets emphasis in bold', () => {
    expect(inlineSegments(content).map((s) => s.style)).toEqual(['regular', 'italic']);
    expect(inlineSegments(content, false, 'bold').map((s) => s.style)).toEqual(['regular', 'bold']);
    expect(inlineSegments(content, true, 'bold').map((s) => s.style)).toEqual(['bold', 'bold']);
  });
});
