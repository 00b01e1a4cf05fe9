import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { breakParagraph, type BreakOptions, type BreakPiece } from '../src/render/pdf/knuth-plass.js';
import { hyphenationPoints, hyphenatorFor } from '../src/render/pdf/hyphenation.js';
import { layoutParagraph, type LayoutLine, type LayoutOptions } from '../src/render/pdf/line-layout.js';
import { measureText } from '../src/render/pdf/measure-text.js';
import { loadFace } from '../src/fonts/font-library.js';
import { renderPdf } from '../src/render/pdf/render-pdf.js';
import { testLetter } from './helpers/letter-document.js';
import { pdfPageTexts } from './helpers/pdf-text.js';

const OPTIONS: BreakOptions = {
  lineWidth: 100,
  tolerance: 1.5,
  emergencyStretch: 30,
  linePenalty: 10,
  consecutiveHyphenDemerits: 10_000,
  finalHyphenDemerits: 5_000,
  fitnessDemerits: 10_000,
  shortLastLine: 12,
  shortLastLineDemerits: 5_000,
};

/** Words of the given widths, each followed by a 5-point space that may grow by 2.5 and shrink by 1. */
const words = (...widths: number[]): BreakPiece[] =>
  widths.map((width) => ({
    width,
    stretch: 0,
    shrink: 0,
    glue: { width: 5, stretch: 2.5, shrink: 1 },
    breakWidth: 0,
    penalty: 0,
    flagged: false,
    forced: false,
  }));

/** Width of each line (content and inner glue) for `breaks` over `pieces`. */
function lineWidths(pieces: BreakPiece[], breaks: number[]): number[] {
  let from = 0;
  return breaks.map((b) => {
    const line = pieces.slice(from, b + 1);
    from = b + 1;
    return line.reduce((sum, p, i) => sum + p.width + (i < line.length - 1 ? p.glue.width : p.breakWidth), 0);
  });
}

describe('breakParagraph (total fit)', () => {
  it('evens out lines that a greedy fill would leave loose', () => {
    // 60 words of 10 to 40 points, about nine to a 300-point line, from a fixed linear congruential sequence.
    let seed = 7;
    const pieces = words(...Array.from({ length: 60 }, () => 10 + ((seed = (seed * 16807) % 2147483647) % 31)));
    const greedy: number[] = [];
    let width = -5;
    pieces.forEach((p, i) => {
      if (width + 5 + p.width > 300) {
        greedy.push(i - 1);
        width = -5;
      }
      width += 5 + p.width;
    });
    greedy.push(pieces.length - 1);
    const worst = (breaks: number[]): number => {
      const widths = lineWidths(pieces, breaks).slice(0, -1);
      let from = 0;
      return Math.max(
        ...widths.map((w, i) => {
          const spaces = (breaks[i] ?? 0) - from;
          from = (breaks[i] ?? 0) + 1;
          return (300 - w) / (spaces * 2.5);
        }),
      );
    };
    const total = breakParagraph(pieces, { ...OPTIONS, lineWidth: 300 });
    expect(total.at(-1)).toBe(pieces.length - 1);
    expect(worst(total)).toBeLessThan(1.5);
    expect(worst(total)).toBeLessThan(worst(greedy) / 2);
    // No line is overfull beyond what its spaces can shrink.
    for (const w of lineWidths(pieces, total)) expect(w).toBeLessThanOrEqual(300 + 10);
  });

  it('honours forced breaks and puts a piece wider than the line alone on a line instead of failing', () => {
    const pieces = words(40, 40, 130, 20, 20);
    (pieces[0] as BreakPiece).forced = true;
    const breaks = breakParagraph(pieces, OPTIONS);
    expect(breaks[0]).toBe(0);
    expect(breaks).toContain(2);
    expect(breaks).toContain(1);
  });

  it('avoids two hyphenated lines in a row when another set of breaks is nearly as good', () => {
    // Two word fragments that would end consecutive lines with a hyphen, and unhyphenated alternatives.
    const pieces = words(45, 45, 20, 25, 45, 45, 20, 25, 30);
    for (const i of [2, 6]) Object.assign(pieces[i] as BreakPiece, { flagged: true, penalty: 50, breakWidth: 3 });
    for (const i of [2, 6]) (pieces[i] as BreakPiece).glue = { width: 0, stretch: 0, shrink: 0 };
    const breaks = breakParagraph(pieces, OPTIONS);
    const hyphenated = breaks.map((b) => (pieces[b] as BreakPiece).flagged && b !== pieces.length - 1);
    expect(hyphenated.some((h, i) => h && hyphenated[i + 1])).toBe(false);
  });

  it('carries a word down rather than leave one alone on the last line', () => {
    const pieces = words(16, 31, 14, 13, 18, 10, 22, 11, 31);
    // Without the last-line demerits the best breaks leave "31" alone on the last line.
    expect(breakParagraph(pieces, { ...OPTIONS, shortLastLineDemerits: 0 })).toEqual([3, 7, 8]);
    expect(breakParagraph(pieces, OPTIONS)).toEqual([2, 6, 8]);
  });
});

describe('hyphenation', () => {
  const en = hyphenatorFor('en-US')!;

  it('chooses patterns by language tag and has none for Korean or Japanese', () => {
    expect(en('development')).toEqual([2, 5, 7]);
    expect(hyphenatorFor('en')!('development')).toEqual([2, 5, 7]);
    expect(hyphenatorFor('fr-FR')!('internationales').length).toBeGreaterThan(2);
    expect(hyphenatorFor('ru-RU')!('международного').length).toBeGreaterThan(2);
    expect(hyphenatorFor('en-GB')).not.toBe(en);
    for (const tag of ['ko-KR', 'ja-JP', 'x-unknown']) expect(hyphenatorFor(tag)).toBeUndefined();
  });

  it('keeps two letters before and three after a hyphen, and leaves short words alone', () => {
    expect(en('international').every((p) => p >= 2 && 'international'.length - p >= 3)).toBe(true);
    expect(en('treaty')).toEqual([]);
    expect(en('camps')).toEqual([]);
  });

  it('never hyphenates URLs, e-mail addresses, numbers, acronyms or words that carry a hyphen', () => {
    const text =
      'see https://example.org/documentation or write to information@example.org about UNICEF and kwan-li-so';
    expect(hyphenationPoints(text, en)).toEqual([]);
    const points = hyphenationPoints('the documentation', en);
    expect(points.length).toBeGreaterThan(0);
    expect(points.every((p) => p > 4)).toBe(true);
  });
});

const RATIFYING =
  'Ratifying other human rights treaties, including the Convention against Torture and Other Cruel, Inhuman, or Degrading Treatment or Punishment and its Protocol, and the International Convention for the Protection of All Persons from Enforced Disappearance, and the core conventions of the International Labour Organization (ILO), including the Freedom of Association and Protection of the Right to Organise Convention (No. 87).';

const lineText = (line: LayoutLine): string =>
  line.pieces
    .filter((p) => !p.artifact)
    .map((p) => p.text)
    .join('');

describe('justified Latin paragraphs', () => {
  const options: LayoutOptions = {
    width: 420,
    fontSize: 10.5,
    fonts: ['noto-serif'],
    lineBreak: 'normal',
    align: 'justify',
    hyphenate: hyphenatorFor('en-US'),
  };
  const space = measureText(loadFace('noto-serif', 'regular'), ' ').width * 10.5;

  /** Widest word space of each justified line, as a multiple of the natural space. */
  const spaceRatios = (lines: LayoutLine[]): number[] =>
    lines.slice(0, -1).map((line) => {
      const gaps = line.pieces.slice(1).map((p, i) => {
        const before = line.pieces[i]!;
        return before.text.endsWith(' ') ? p.x - (before.x + before.width) + space : 0;
      });
      return Math.max(...gaps) / space;
    });

  it('keeps every word space under twice its natural width, hyphenating where that helps', () => {
    const lines = layoutParagraph([{ text: RATIFYING, style: 'regular' }], options);
    expect(lines.map(lineText).join('')).toBe(RATIFYING);
    for (const ratio of spaceRatios(lines)) expect(ratio).toBeLessThan(2);
    const greedy = layoutParagraph([{ text: RATIFYING, style: 'regular' }], { ...options, align: 'left' });
    // The same text filled greedily and justified would have had looser lines: total fit changed something.
    expect(lines.map(lineText)).not.toEqual(greedy.map(lineText));
  });

  it('draws a hyphen at a hyphenation break as an artifact piece and never inside a no-break segment', () => {
    const lines = layoutParagraph([{ text: RATIFYING, style: 'regular' }], { ...options, width: 200 });
    const hyphens = lines.flatMap((l) => l.pieces.filter((p) => p.artifact));
    expect(hyphens.length).toBeGreaterThan(0);
    for (const h of hyphens) expect(h.text).toBe('-');
    const name = 'Internationalisation Foundation';
    const kept = layoutParagraph(
      [
        { text: 'Signed by the ', style: 'regular' },
        { text: name, style: 'regular', noBreak: true },
      ],
      { ...options, width: 150 },
    );
    expect(kept.flatMap((l) => l.pieces.filter((p) => p.artifact))).toEqual([]);
  });

  it('does not hyphenate text set flush left (names, addresses, signatures)', () => {
    const lines = layoutParagraph([{ text: RATIFYING, style: 'regular' }], { ...options, align: 'left', width: 200 });
    expect(lines.flatMap((l) => l.pieces.filter((p) => p.artifact))).toEqual([]);
  });
});

describe('a hyphenated letter', () => {
  it('extracts whole words: the drawn hyphens are artifacts', async () => {
    const doc = testLetter({
      blocks: [
        { kind: 'paragraph', content: [{ kind: 'text', text: RATIFYING }] },
        { kind: 'bullets', items: [[{ kind: 'text', text: RATIFYING }]] },
      ],
    });
    const pdf = (await renderPdf(doc)).bytes;
    // The hyphens are drawn (plain extraction sees them at line ends)…
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    expect(text).toMatch(/\p{L}-\n\p{Ll}/u);
    // …and a reader that follows the tags reads whole words.
    const [page] = await pdfPageTexts(pdf);
    const words = page!.replace(/\n/g, ' ').split(/\s+/);
    for (const word of RATIFYING.split(' ')) expect(words).toContain(word);
    expect(words.filter((w) => w.endsWith('-'))).toEqual([]);
  });
});
