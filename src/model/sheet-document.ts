import type { Block } from './letter-document.js';
import type { LetterTypography, LineBreakStyle } from './project.js';

/**
 * SheetDocument: a delivery sheet (cover note, fax cover, envelope, delivery checklist) as data
 * between the builder and the PDF renderer. Its body is letter blocks, laid out and paginated by the
 * letter's engine, or a table; its page templates hold what stands at fixed places (the letterhead,
 * the window-envelope address field, the return address, the fax header and its fields). Lengths in
 * PDF points from the top-left corner of the page.
 */
export interface SheetDocument {
  /** BCP 47 tag of the sheet's text. */
  lang: string;
  title: string;
  author: string;
  subject: string | undefined;
  /** Page size [width, height]. */
  size: readonly [number, number];
  /** Font stack of the body and of zone lines that name none. */
  fonts: string[];
  lineBreak: LineBreakStyle;
  typography: LetterTypography;
  /** Body size and line pitch (a multiple of the size). */
  fontSize: number;
  lineHeight: number;
  /** The first page's template, then the one every later page uses. */
  first: PageTemplate;
  later: PageTemplate;
  body: SheetBody;
}

/** What flows through the pages' frames: letter blocks, or a table whose rows never split. */
export type SheetBody = { kind: 'blocks'; blocks: Block[] } | { kind: 'table'; table: SheetTable };

/**
 * A ruled table (the delivery checklist): a heading row repeated at the top of every page, then
 * rows that move to the next page whole. Columns run from the frame's start edge.
 */
export interface SheetTable {
  /** Column widths, PDF points; they add up to the frame's width. */
  columns: number[];
  /** One cell per column; set in TH elements. */
  heading: TableCell[];
  rows: TableCell[][];
  /** Padding inside every cell, PDF points. */
  pad: number;
  /** A row's least height without its padding (room to write by hand), PDF points. */
  minRowHeight: number;
}

/** A cell's lines, stacked; each wraps within the column. */
export type TableCell = ZoneLine[];

/** What a page holds besides the flowing body. */
export interface PageTemplate {
  /** Where the body flows: its left edge, width, top and lowest point. */
  frame: { x: number; width: number; top: number; bottom: number };
  /** Texts at fixed places, in reading order; the body starts below the last one (`gapBelowZones` under it). */
  zones: Zone[];
  gapBelowZones?: number;
  /** A line repeated at a fixed place, with `{page}` and `{pages}` filled once the pages are counted. */
  running?: RunningLine;
}

/** Fixed text: lines in a box, shrunk when they would overflow it. */
export interface Zone {
  x: number;
  /** Top of the zone; undefined: stacked under the previous zone (`gap` below it). */
  y: number | undefined;
  gap?: number;
  width: number;
  /**
   * The lines must fit this height: their size shrinks (down to `minSize`) until they do; lines that
   * overflow it even then are reported and the sheet is not drawn (an address that would show
   * outside the envelope's window).
   */
  fit?: { height: number; minSize: number };
  /** Stays at its place in a mirrored (right-to-left) sheet: the window-envelope address field. */
  fixed?: boolean;
  /** Set on one line, shrinking down to `minSize` if it would wrap. */
  oneLine?: { minSize: number };
  /** A label set in its own column left of the lines (a fax field's name); `width` includes the gap after it. */
  label?: ZoneLine & { width: number };
  lines: ZoneLine[];
  /** Structure element of the lines: P, H1, H2. */
  tag: 'P' | 'H1' | 'H2';
  /** A rule drawn this far below the zone (fax fields). */
  ruleBelow?: number;
  /** A rule drawn this far above the zone. */
  ruleAbove?: number;
}

export interface ZoneLine {
  text: string;
  size: number;
  bold?: boolean;
  muted?: boolean;
  align?: 'left' | 'right' | 'center';
  /** Line pitch as a multiple of the size (default 1.3). */
  leading?: number;
  /** Font stack when not the sheet's (an address in the mission's own language). */
  fonts?: string[];
  /**
   * 'auto': the line runs in the direction of its first letter, not the sheet's (an address, in
   * whatever script the mission's record has it); a line without letters (a phone number) runs left
   * to right, as HTML's dir=auto does.
   */
  dir?: 'auto';
}

/** A header or footer line on every page of a template ("Fax · 2 / 5"). */
export interface RunningLine {
  /** Text with `{page}` (this page) and `{pages}` (the total). */
  text: string;
  /** Baseline from the top page edge; or, with `top`, the top of the line. */
  y: number;
  top?: boolean;
  size: number;
  align: 'left' | 'right' | 'center';
  /** Pages counted in the total besides the sheet's own (a fax cover counts the pages it precedes). */
  pagesBesides: number;
}
