import { describe, expect, it } from 'vitest';
import type { Inline } from '../src/model/letter-document.js';
import { inlineSegments } from '../src/render/pdf/inline-segments.js';
import { layoutParagraph, type LayoutLine, type LayoutOptions } from '../src/render/pdf/line-layout.js';
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

  it('sets punctuation half-width (halt) only on a line that must shrink: the line end first, then the rest', () => {
    const text = 'あいうえお、かきくけ。'; // 11 em at 10 pt
    const pieceText = (l: LayoutLine) => l.pieces.map((p) => p.text).join('');
    const halted = (l: LayoutLine) => l.pieces.filter((p) => p.features?.includes('halt')).map((p) => p.text);
    const right = (l: LayoutLine) => Math.max(...l.pieces.map((p) => p.x + p.width));
    // Room for all of it: nothing is narrowed.
    const [roomy] = layoutParagraph([{ text, style: 'regular' }], { ...ja, width: 110 });
    expect(halted(roomy!)).toEqual([]);
    // Half an em short: the full stop at the line end gives it, the comma keeps its space.
    const tight = layoutParagraph([{ text, style: 'regular' }], { ...ja, width: 105 });
    expect(tight.map(pieceText)).toEqual([text]);
    expect(halted(tight[0]!)).toEqual(['。']);
    expect(right(tight[0]!)).toBeCloseTo(105, 5);
    // A whole em short: both marks are set half-width, and nothing is letter-spaced tighter.
    const tighter = layoutParagraph([{ text, style: 'regular' }], { ...ja, width: 100 });
    expect(tighter.map(pieceText)).toEqual([text]);
    expect(halted(tighter[0]!)).toEqual(['、', '。']);
    expect(right(tighter[0]!)).toBeCloseTo(100, 5);
    expect(tighter[0]!.pieces.every((p) => p.characterSpacing >= 0)).toBe(true);
  });

  it('puts a quarter em between kanji or kana and Latin letters or digits, never at a line end', () => {
    const spaced = { ...ja, align: 'left' as const, cjkLatinSpace: 0.25 };
    const [line] = layoutParagraph([{ text: '国連UNの2018年', style: 'regular' }], spaced);
    const [plain] = layoutParagraph([{ text: '国連UNの2018年', style: 'regular' }], { ...spaced, cjkLatinSpace: 0 });
    expect(line!.pieces.map((p) => p.text)).toEqual(['国連', 'UN', 'の', '2018', '年']);
    // Four edges, 2.5 pt each at 10 pt; the pieces themselves keep their widths.
    expect(line!.width - plain!.width).toBeCloseTo(10, 5);
    const un = line!.pieces[1]!;
    expect(un.x).toBeCloseTo(line!.pieces[0]!.width + 2.5, 5);
    // Breaking where kanji meet a Latin word: neither line carries the space at the break.
    const text = `${'あ'.repeat(28)}ILOの条約`;
    const lines = layoutParagraph([{ text, style: 'regular' }], { ...spaced, width: 290 });
    expect(lines.map((l) => l.pieces.map((p) => p.text).join(''))).toEqual(['あ'.repeat(28), 'ILOの条約']);
    expect(lines[0]!.width).toBeCloseTo(280, 5);
    expect(lines[1]!.pieces[0]!.x).toBe(0);
    // Justified, the spaces are measured as drawn: every line still ends at the measure.
    const long = `国際労働機関ILOの条約第87号と第98号を、2018年6月6日までに批准すること。`.repeat(4);
    const justified = layoutParagraph([{ text: long, style: 'regular' }], { ...ja, cjkLatinSpace: 0.25 });
    expect(justified.length).toBeGreaterThan(3);
    for (const l of justified.slice(0, -1)) {
      // The last glyph's ink ends at the measure (the character spacing after it is not seen).
      const last = l.pieces.at(-1)!;
      expect(last.x + last.width - last.characterSpacing).toBeCloseTo(300, 3);
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
  const content: Inline[] = [
    { kind: 'text', text: '建設' },
    { kind: 'emphasis', children: [{ kind: 'text', text: '突撃隊' }] },
  ];

  it('is italic where the language has italics, bold where it sets emphasis in bold', () => {
    const bold = { emphasis: 'bold', emphasisDots: 'above' } as const;
    expect(inlineSegments(content).map((s) => s.style)).toEqual(['regular', 'italic']);
    expect(inlineSegments(content, false, bold).map((s) => s.style)).toEqual(['regular', 'bold']);
    expect(inlineSegments(content, true, bold).map((s) => s.style)).toEqual(['bold', 'bold']);
  });

  it('keeps the face and marks the text for dots where the language sets emphasis with dots', () => {
    const segments = inlineSegments(content, false, { emphasis: 'dots', emphasisDots: 'below' });
    expect(segments.map((s) => [s.style, s.dots])).toEqual([
      ['regular', undefined],
      ['regular', 'below'],
    ]);
  });
});
