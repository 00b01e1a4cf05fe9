import type { LetterDocument } from '../../model/letter-document.js';
import { loadFace } from '../../fonts/font-library.js';

/** Page geometry and type sizes for one letter. All lengths in PDF points (1/72 in). */
export interface PageStyle {
  pageWidth: number;
  pageHeight: number;
  marginTop: number;
  marginBottom: number;
  marginLeft: number;
  marginRight: number;
  /** Width of the text column. */
  measure: number;
  /** Body font size. */
  fontSize: number;
  /** Distance between body baselines, as a multiple of the font size. */
  lineHeight: number;
  /** Primary font's ascent and descent, in em; every line's baseline is placed from these. */
  ascent: number;
  descent: number;
  /** Baseline of the page footer, from the top page edge. */
  footerBaseline: number;
  footerSize: number;
}

/** Sheet sizes, PDF points, portrait [width, height]; the delivery sheets use the same table. */
export const PAPER = { A4: [595.28, 841.89], Letter: [612, 792] } as const satisfies Record<
  LetterDocument['paper'],
  readonly [number, number]
>;

/**
 * The style of `doc`: A4 or US Letter, 72 pt side margins, 64 pt top and bottom, 10.5 pt body.
 * CJK text gets a more open line pitch (1.5 em) than Latin (1.35 em): its glyphs fill the em box.
 */
export function pageStyle(doc: LetterDocument): PageStyle {
  const [pageWidth, pageHeight] = PAPER[doc.paper];
  const primary = loadFace(doc.fonts[0] ?? 'noto-serif', 'regular');
  const marginLeft = 72;
  const marginRight = 72;
  const marginBottom = 64;
  return {
    pageWidth,
    pageHeight,
    marginTop: 64,
    marginBottom,
    marginLeft,
    marginRight,
    measure: pageWidth - marginLeft - marginRight,
    fontSize: 10.5,
    lineHeight: doc.lineBreak === 'normal' ? 1.35 : 1.5,
    ascent: primary.ascent,
    descent: primary.descent,
    footerBaseline: pageHeight - marginBottom / 2,
    footerSize: 8.5,
  };
}

/** Height of a line of `size` pt text, and its baseline below the line's top, in PDF points. */
export function lineBox(
  style: Pick<PageStyle, 'ascent' | 'descent' | 'lineHeight'>,
  size: number,
  lineHeight = style.lineHeight,
): { height: number; baseline: number } {
  const height = size * lineHeight;
  // Centre the primary font's ascent+descent in the line so that runs in other fonts, drawn on the
  // same baseline, sit where the primary font's text does (the CJK and Latin ascents differ).
  const baseline = (height - (style.ascent + style.descent) * size) / 2 + style.ascent * size;
  return { height, baseline };
}
