import type { SheetDocument, ZoneLine } from '../../model/sheet-document.js';
import { loadFace } from '../../fonts/font-library.js';
import { shapingDirection, type Direction } from './bidi.js';
import { layoutParagraph, type LayoutLine } from './line-layout.js';
import { lineBox } from './page-style.js';

const DEFAULT_LEADING = 1.3;
const AGAINST: Record<string, 'left' | 'right'> = { left: 'right', right: 'left' };
/** A letter of some script: digits and punctuation are Common, combining marks Inherited. */
const STRONG = /[^\p{Script=Common}\p{Script=Inherited}]/u;

/**
 * Lays out one line of a sheet's fixed text (a zone's, a table cell's, a running line) in `width`:
 * wrapped, in the sheet's font stack unless the line names its own (an address in the mission's
 * language, which then breaks at spaces only).
 */
export function layoutZoneLine(
  doc: SheetDocument,
  line: ZoneLine,
  width: number,
  direction: Direction = 'ltr',
): LayoutLine[] {
  // As HTML's dir=auto: a line with no letter (a phone number, '1 / 2') runs left to right.
  const own = line.dir !== 'auto' ? direction : STRONG.test(line.text) ? shapingDirection(line.text) : 'ltr';
  const align = line.align ?? 'left';
  return layoutParagraph([{ text: line.text, style: line.bold ? 'bold' : 'regular', muted: line.muted === true }], {
    width,
    fontSize: line.size,
    fonts: line.fonts ?? doc.fonts,
    lineBreak: line.fonts ? 'normal' : doc.lineBreak,
    // Aligned to the sheet's sides whatever the line's own direction: the layout swaps left and right
    // for a right-to-left line, so a line against the sheet's direction is swapped back.
    align: own === direction ? align : (AGAINST[align] ?? align),
    direction: own,
  });
}

/** Line pitch and the baseline below a line's top, centring the primary font's extent in the pitch. */
export function zoneLineMetrics(doc: SheetDocument, line: ZoneLine): { pitch: number; baseline: number } {
  const face = loadFace((line.fonts ?? doc.fonts)[0] ?? 'noto-serif', 'regular');
  const leading = line.leading ?? DEFAULT_LEADING;
  const { height, baseline } = lineBox({ ascent: face.ascent, descent: face.descent, lineHeight: leading }, line.size);
  return { pitch: height, baseline };
}
