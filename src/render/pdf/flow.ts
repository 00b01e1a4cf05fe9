import type { LinePiece } from './line-layout.js';

/**
 * The measured document between block layout and drawing: boxes of lines that pagination moves
 * but never splits. Plain data; nothing here touches pdfkit.
 */

/** The standard structure types (PDF 1.7, 14.8.4) our letters and sheets are tagged with. */
export type StructType = 'Document' | 'H1' | 'H2' | 'P' | 'L' | 'LI' | 'Lbl' | 'LBody' | 'Table' | 'TR' | 'TH' | 'TD';

/** A node of the tagged-PDF structure tree, identified by object identity. */
export interface StructNode {
  type: StructType;
  parent: StructNode | undefined;
}

/** Creates a structure node under `parent`. */
export function structNode(type: StructType, parent: StructNode | undefined): StructNode {
  return { type, parent };
}

/** A line of text at a fixed place inside its box. */
export interface PlacedLine {
  /** Page x of the line's left edge, PDF points. */
  x: number;
  /** Baseline below the top of the box, PDF points. */
  baseline: number;
  pieces: LinePiece[];
  /** Structure element the line's text belongs to. */
  tag: StructNode;
}

/** An unbreakable stack of lines. */
export interface FlowBox {
  kind: 'box';
  /** PDF points. */
  height: number;
  /** Gap above the box, PDF points; dropped at the top of a page. */
  spaceBefore: number;
  /** A page may not break between this box and the next item (headings, orphan and widow control). */
  keepWithNext: boolean;
  lines: PlacedLine[];
}

/** Boxes set in two columns, filled column by column on each page and balanced on the last. */
export interface ColumnFlow {
  kind: 'columns';
  spaceBefore: number;
  /** Horizontal offset of the second column from the first, PDF points. */
  columnOffset: number;
  /** Gap between boxes within a column, PDF points. */
  gap: number;
  /** Rows that must fit below what precedes the flow (the sign-off) before it may start on a page. */
  minRows: number;
  /** Line x positions are those of the first column. */
  entries: FlowBox[];
}

export type FlowItem = FlowBox | ColumnFlow;

/** A line placed on a page. */
export interface PageLine {
  /** PDF points from the left page edge. */
  x: number;
  /** Baseline, PDF points from the top page edge. */
  y: number;
  pieces: LinePiece[];
  tag: StructNode;
}

/** The lines of one page, in reading order. */
export type PageContent = PageLine[];
