import type { PaperSize } from './project.js';

/*
 * Where a packet's sheets print the mission's postal address, and how: the window-envelope fields
 * of the cover note and the envelope, their type sizes, and the smallest size an address may take.
 * Data only: the sheets draw with it, and the delivery planner measures each address against it
 * before anything is drawn (so `check` reports an address that does not fit).
 */

/** PDF points per millimetre (72 pt = 25.4 mm). */
export const MM = 72 / 25.4;
/** PDF points per inch. */
export const INCH = 72;

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

/** How a sheet sets the address lines in its field: from `size` down by half points to {@link ADDRESS_MIN_SIZE}. */
export interface AddressSetting {
  /** The largest size, PDF points. */
  size: number;
  /** Line pitch as a multiple of the size. */
  leading: number;
}

/** The envelope's address: 11 pt, 1.2 leading, inside the window less its inset. */
export const ENVELOPE_ADDRESS: AddressSetting = { size: 11, leading: 1.2 };
/** The cover note's recipient lines (the "for the attention of" line and the address): 10.5 pt, 1.25 leading. */
export const COVER_NOTE_ADDRESS: AddressSetting = { size: 10.5, leading: 1.25 };

/** The box an envelope's address is set in: its window less the inset on every side. */
export function envelopeAddressBox(spec: EnvelopeSpec): Rect {
  return {
    x: spec.window.x + spec.inset,
    y: spec.window.y + spec.inset,
    width: spec.window.width - 2 * spec.inset,
    height: spec.window.height - 2 * spec.inset,
  };
}

/** A cover note's address field: what shows through the window of a window envelope. */
export interface NoteField {
  field: Rect;
  /** Left indent of the address text inside the field. */
  indent: number;
  /** Height reserved at the top of the field for the one-line return address. */
  returnZone: number;
}

/**
 * A4: DIN 5008 form B. The address field is 85 × 45 mm, 20 mm from the left and 45 mm from the top
 * edge (text indented 5 mm); folded in thirds into a DIN 680 DL window envelope it shows through the
 * window. Letter: the field 1.9 in from the top and ⅞ in from the left, where the window of a US No. 10
 * window envelope falls on a sheet folded in thirds; it ends 3.1 in from the top, so the address
 * stays in the window (which shows 2 1/24 to 3 1/6 in of the sheet when the folded sheet rests at the
 * bottom of the envelope).
 */
export const NOTE_FIELD: Record<PaperSize, NoteField> = {
  A4: { field: { x: 20 * MM, y: 45 * MM, width: 85 * MM, height: 45 * MM }, indent: 5 * MM, returnZone: 8 * MM },
  Letter: {
    field: { x: 0.875 * INCH, y: 1.9 * INCH, width: 3.75 * INCH, height: 1.2 * INCH },
    indent: 0.125 * INCH,
    returnZone: 0.3 * INCH,
  },
};

/** The box a cover note's recipient lines are set in: the field below the return line, after the indent. */
export function noteAddressBox(paper: PaperSize): Rect {
  const { field, indent, returnZone } = NOTE_FIELD[paper];
  return {
    x: field.x + indent,
    y: field.y + returnZone,
    width: field.width - indent,
    height: field.height - returnZone,
  };
}
