import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerWorkspaceFont } from '../src/fonts/workspace-fonts.js';
import { breakUnits, dictionaryBreaks } from '../src/render/pdf/break-units.js';
import { hyphenatorFor } from '../src/render/pdf/hyphenation.js';
import { layoutParagraph, type LayoutLine, type LayoutOptions } from '../src/render/pdf/line-layout.js';
import { FIXTURE_FONTS } from './helpers/script-workspace.js';
import { UNSPACED } from './helpers/unspaced-texts.js';
import { REPO } from './helpers/workspace.js';

const require = createRequire(join(REPO, 'package.json'));
const registered = registerWorkspaceFont({
  regular: { path: 'fonts/NotoSansThai-Regular.ttf', bytes: readFileSync(require.resolve(FIXTURE_FONTS.thai)) },
});
if (!('id' in registered)) throw new Error('the Thai fixture font does not load');

const TH: LayoutOptions = {
  width: 240,
  fontSize: 11,
  fonts: [registered.id, 'noto-serif'],
  lineBreak: 'normal',
  align: 'justify',
  hyphenate: hyphenatorFor('th-TH'),
};

/** A Thai paragraph from the 2018 letter's detention section: few spaces, long runs of words. */
const THAI =
  'ตามที่คณะกรรมการสอบสวนได้สรุปไว้ ผู้ถูกควบคุมตัวและนักโทษในเกาหลีเหนือตกเป็นเหยื่อของการกำจัด' +
  'การฆาตกรรม การกดขี่เป็นทาส การทรมาน การปฏิบัติที่ไร้มนุษยธรรม การข่มขืนและความรุนแรงทางเพศอย่างร้ายแรงอื่นๆ' +
  'การบังคับให้บุคคลสูญหาย และการประหัตประหารด้วยเหตุผลทางการเมือง ศาสนา และเพศสภาพเป็นประจำ' +
  'ข้าพเจ้าทั้งหลายจึงขอเรียกร้องให้ท่านเชิญคณะกรรมการกาชาดระหว่างประเทศ (ICRC) เข้าเยี่ยมสถานที่กักขังทุกแห่ง';

/** Where each line ends in the paragraph: its pieces' text, in order, with the spaces the layout dropped. */
function lineEnds(text: string, lines: LayoutLine[]): number[] {
  const ends: number[] = [];
  let at = 0;
  for (const line of lines) {
    for (const piece of line.pieces.filter((p) => !p.artifact)) {
      at = text.indexOf(piece.text, at) + piece.text.length;
    }
    ends.push(at);
  }
  return ends;
}

/** Every word boundary ICU's segmenter finds, asked independently of the code under test. */
function segmenterBoundaries(text: string, lang = 'th'): Set<number> {
  const words = new Intl.Segmenter(lang, { granularity: 'word' });
  return new Set([...words.segment(text)].map((s) => s.index));
}

describe('scripts without spaces between words', () => {
  it('finds word boundaries inside a Thai run, and none elsewhere', () => {
    expect(dictionaryBreaks('ข้าพเจ้าทั้งหลายเขียนจดหมาย')).toEqual([8, 12, 16, 21]);
    // Lao, Khmer and Burmese have ICU dictionaries too.
    expect(dictionaryBreaks('ປະເທດລາວມີປະຊາກອນ').length).toBeGreaterThan(1);
    expect(dictionaryBreaks('ព្រះរាជាណាចក្រកម្ពុជា').length).toBeGreaterThan(0);
    expect(dictionaryBreaks('မြန်မာနိုင်ငံသည်').length).toBeGreaterThan(0);
    // Latin and CJK text is left to UAX #14; a Thai word meeting a bracket or digit is no dictionary break.
    expect(dictionaryBreaks('International Committee')).toEqual([]);
    expect(dictionaryBreaks('国際赤十字委員会')).toEqual([]);
    expect(dictionaryBreaks('เชิญ(ICRC)2020ปี')).toEqual([]);
  });

  it('marks the units that end between two Thai words, and keeps the break opportunities of spaces', () => {
    const text = 'ข้าพเจ้าทั้งหลาย (ICRC) เขียน';
    const units = breakUnits(text, 'normal').map((u) => [text.slice(u.start, u.end), u.wordGap === true]);
    expect(units).toEqual([
      ['ข้าพเจ้า', true],
      ['ทั้ง', true],
      ['หลาย ', false],
      ['(ICRC) ', false],
      ['เขียน', false],
    ]);
  });

  it('breaks a justified Thai paragraph only at word boundaries, with no hyphen, to both margins', () => {
    const lines = layoutParagraph([{ text: THAI, style: 'regular' }], TH);
    expect(lines.length).toBeGreaterThan(4);
    const boundaries = segmenterBoundaries(THAI);
    const ends = lineEnds(THAI, lines);
    expect(ends.at(-1)).toBe(THAI.length);
    for (const end of ends.slice(0, -1)) {
      expect(
        boundaries.has(end),
        `line ends inside a word: …${THAI.slice(end - 6, end)}|${THAI.slice(end, end + 6)}`,
      ).toBe(true);
    }
    // Most lines end inside a run of Thai letters: the dictionary, not the spaces, gave those breaks.
    const unspaced = ends.slice(0, -1).filter((e) => THAI[e - 1] !== ' ' && THAI[e] !== ' ');
    expect(unspaced.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.pieces.some((p) => p.artifact)).toBe(false);
    for (const line of lines.slice(0, -1)) {
      const right = Math.max(...line.pieces.map((p) => p.x + p.width));
      expect(right).toBeCloseTo(TH.width, 1);
    }
  });

  it('justifies Thai at word boundaries and spaces, never between letters', () => {
    const lines = layoutParagraph([{ text: THAI, style: 'regular' }], TH);
    const natural = layoutParagraph([{ text: THAI, style: 'regular' }], { ...TH, align: 'left', width: 10_000 });
    expect(natural).toHaveLength(1);
    for (const line of lines) {
      for (const piece of line.pieces) expect(piece.characterSpacing).toBe(0);
    }
    // A full line is wider than its pieces: the slack sits between pieces, and pieces end at word boundaries.
    const boundaries = segmenterBoundaries(THAI);
    const first = lines[0]!;
    const inked = first.pieces.reduce((sum, p) => sum + p.width, 0);
    expect(TH.width - inked).toBeGreaterThan(0.5);
    let at = 0;
    for (const piece of first.pieces.slice(0, -1)) {
      at = THAI.indexOf(piece.text, at) + piece.text.length;
      expect(boundaries.has(at)).toBe(true);
    }
    expect(first.pieces.length).toBeGreaterThan(3);
  });
});

/**
 * Lao, Khmer and Burmese, like Thai: a paragraph in the language's Noto face (a workspace font file
 * from devDependencies), justified, breaks only where ICU's dictionary finds a word boundary (or at a
 * space). Noto Sans Khmer's GPOS has NULL anchors, which fontkit 2.0.4 could not shape (HarfBuzz skips them).
 */

describe.each(UNSPACED)('$lang, a script without spaces between words', ({ tag, font, file, text }) => {
  const face = registerWorkspaceFont({
    regular: { path: file, bytes: readFileSync(require.resolve(FIXTURE_FONTS[font])) },
  });
  if (!('id' in face)) throw new Error(`the ${font} fixture font does not load`);
  const options: LayoutOptions = { ...TH, fonts: [face.id, 'noto-serif'], hyphenate: hyphenatorFor(tag) };

  it('breaks a justified paragraph only at word boundaries, several of them inside runs of letters', () => {
    const lines = layoutParagraph([{ text, style: 'regular' }], options);
    expect(lines.length).toBeGreaterThan(3);
    const boundaries = segmenterBoundaries(text, tag);
    const ends = lineEnds(text, lines);
    expect(ends.at(-1)).toBe(text.length);
    for (const end of ends.slice(0, -1))
      expect(
        boundaries.has(end),
        `line ends inside a word: …${text.slice(end - 6, end)}|${text.slice(end, end + 6)}`,
      ).toBe(true);
    const unspaced = ends.slice(0, -1).filter((e) => text[e - 1] !== ' ' && text[e] !== ' ');
    expect(unspaced.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.pieces.some((p) => p.artifact)).toBe(false);
  });
});
