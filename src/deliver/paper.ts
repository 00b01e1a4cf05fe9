import type { PaperSize } from '../model/project.js';
import { PAPER } from '../render/pdf/page-style.js';

/** PDF points per millimetre (72 pt = 25.4 mm). */
export const MM = 72 / 25.4;
/** PDF points per inch. */
export const INCH = 72;

/** Sheet sizes, PDF points, portrait [width, height]: the letters' own table. */
export const SHEET = PAPER;

/**
 * Countries whose post and offices use US Letter; everywhere else uses A4 (ISO 216). The issue asks
 * for Letter in the United States; Canada, Mexico and the Philippines use it too.
 */
const LETTER_COUNTRIES = new Set(['US', 'CA', 'MX', 'PH']);

/** The paper size of the country a packet is posted in (ISO 3166-1 alpha-2). */
export function paperFor(country: string): PaperSize {
  return LETTER_COUNTRIES.has(country) ? 'Letter' : 'A4';
}

/**
 * The smallest size an address is set in to fit a window, PDF points: smaller is hard to read for
 * the post's people and machines, so an address that does not fit at it is refused, not shrunk.
 */
export const ADDRESS_MIN_SIZE = 7;

/** A rectangle on a page, PDF points from the top-left corner. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** An envelope the letter goes in folded in thirds, with its address window. */
export interface EnvelopeSpec {
  /** Short name used in file names: "dl" or "no10". */
  id: 'dl' | 'no10';
  label: string;
  /** Landscape page size, PDF points. */
  width: number;
  height: number;
  /** Where the window of a window envelope of this size is: the recipient address goes inside it. */
  window: Rect;
  /** Inner margin between the window edge and the address text, PDF points. */
  inset: number;
}

/**
 * DL (220 × 110 mm) for A4 folded in thirds. Window per DIN 680 / ISO 269: 90 × 45 mm, 20 mm from
 * the left edge and 15 mm from the bottom edge; printed directly on a plain DL envelope, the address
 * lands where sorting machines look for it.
 */
export const DL_ENVELOPE: EnvelopeSpec = {
  id: 'dl',
  label: 'DL envelope (220 × 110 mm)',
  width: 220 * MM,
  height: 110 * MM,
  window: { x: 20 * MM, y: (110 - 15 - 45) * MM, width: 90 * MM, height: 45 * MM },
  inset: 4 * MM,
};

/**
 * US No. 10 (9½ × 4⅛ in) for Letter folded in thirds. Standard window: 4½ × 1⅛ in, ⅞ in from the
 * left edge and ½ in from the bottom edge.
 */
export const NO10_ENVELOPE: EnvelopeSpec = {
  id: 'no10',
  label: 'US No. 10 envelope (9.5 × 4.125 in)',
  width: 9.5 * INCH,
  height: 4.125 * INCH,
  window: { x: 0.875 * INCH, y: (4.125 - 0.5 - 1.125) * INCH, width: 4.5 * INCH, height: 1.125 * INCH },
  inset: 0.1 * INCH,
};

/** The envelope for a packet posted on `paper`. */
export function envelopeFor(paper: PaperSize): EnvelopeSpec {
  return paper === 'Letter' ? NO10_ENVELOPE : DL_ENVELOPE;
}
