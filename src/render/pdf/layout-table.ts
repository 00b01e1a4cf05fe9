import type { SheetDocument, SheetTable, TableCell } from '../../model/sheet-document.js';
import type { Direction } from './bidi.js';
import { structNode, type PageLine, type StructNode } from './flow.js';
import { layoutZoneLine, zoneLineMetrics } from './zone-lines.js';

/** A straight rule, PDF points from the top-left corner, drawn as a layout artifact. */
export interface Rule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  /** CSS hex. */
  color: string;
}

/** Where a table flows: its start edge and width, the first page's top, later pages' top, the lowest point a row may reach. */
export interface TableFrame {
  x: number;
  width: number;
  firstTop: number;
  top: number;
  bottom: number;
}

/** A table set on pages: each page's lines (reading order) and rules. */
export interface LaidTable {
  pages: PageLine[][];
  rules: Rule[][];
}

const GRID = { width: 0.4, color: '#707070' };
/** Under the heading row: heavier, so the eye finds where the rows start. */
const HEADING_RULE = { width: 1.2, color: '#000000' };

/**
 * Lays out a table: the heading row at the top of the table on every page, each row as tall as its
 * fullest cell (at least `minRowHeight`), moved whole to the next page when it would pass the
 * frame's bottom. In a right-to-left sheet the first column stands at the right edge. Tagged as
 * Table › TR › TH (heading cells) or TD › P (one P per line of a data cell).
 */
export function layoutTable(
  doc: SheetDocument,
  table: SheetTable,
  frame: TableFrame,
  root: StructNode,
  direction: Direction,
): LaidTable {
  const node = structNode('Table', root);
  const bounds = columnBounds(table.columns, frame, direction);
  const edges = table.columns.map((_, i) => {
    const [a, b] = [bounds[i] as number, bounds[i + 1] as number];
    return a < b ? [a, b] : [b, a];
  });
  const pages: PageLine[][] = [[]];
  const rules: Rule[][] = [[]];
  const grid: { top: number; headingBottom: number; rows: number[] }[] = [];

  const heading = (top: number): number => {
    const tr = structNode('TR', node);
    const height = Math.max(...table.heading.map((cell, i) => setCell(cell, i, top, () => structNode('TH', tr), true)));
    const bottom = top + height + 2 * table.pad;
    grid.push({ top, headingBottom: bottom, rows: [] });
    return bottom;
  };
  /** Sets a cell's lines (or only measures them), returning their height. */
  const setCell = (cell: TableCell, column: number, top: number, tag: () => StructNode, shared: boolean): number => {
    const [left, right] = edges[column] as [number, number];
    const width = right - left - 2 * table.pad;
    const page = pages[pages.length - 1] as PageLine[];
    const cellTag = shared ? tag() : undefined;
    let y = top + table.pad;
    for (const line of cell) {
      const { pitch, baseline } = zoneLineMetrics(doc, line);
      const lineTag = cellTag ?? structNode('P', tag());
      for (const laid of layoutZoneLine(doc, line, width, direction)) {
        page.push({ x: left + table.pad, y: y + baseline, pieces: laid.pieces, tag: lineTag });
        y += pitch;
      }
    }
    return y - top - table.pad;
  };
  const measure = (cell: TableCell, column: number): number => {
    const [left, right] = edges[column] as [number, number];
    const width = right - left - 2 * table.pad;
    return cell.reduce(
      (sum, line) => sum + layoutZoneLine(doc, line, width, direction).length * zoneLineMetrics(doc, line).pitch,
      0,
    );
  };

  let y = heading(frame.firstTop);
  for (const row of table.rows) {
    const height = Math.max(table.minRowHeight, ...row.map(measure)) + 2 * table.pad;
    if (y + height > frame.bottom) {
      pages.push([]);
      rules.push([]);
      y = heading(frame.top);
    }
    const tr = structNode('TR', node);
    row.forEach((cell, i) => {
      const td = structNode('TD', tr);
      setCell(cell, i, y, () => td, false);
    });
    y += height;
    grid[grid.length - 1]?.rows.push(y);
  }
  grid.forEach((g, page) => {
    const bottom = g.rows[g.rows.length - 1] ?? g.headingBottom;
    const across = (ry: number, style: { width: number; color: string }): Rule => ({
      x1: frame.x,
      y1: ry,
      x2: frame.x + frame.width,
      y2: ry,
      ...style,
    });
    // Drawn after the text, so rules only: a fill would hide the headings.
    rules[page]?.push(
      ...[g.top, ...g.rows].map((ry) => across(ry, GRID)),
      across(g.headingBottom, HEADING_RULE),
      ...bounds.map((x) => ({ x1: x, y1: g.top, x2: x, y2: bottom, ...GRID })),
    );
  });
  return { pages, rules };
}

/** The page x of each column's start edge, then the table's end edge: rightwards, or leftwards from the right edge in a right-to-left table. */
function columnBounds(columns: number[], frame: TableFrame, direction: Direction): number[] {
  const bounds: number[] = [];
  let x = direction === 'rtl' ? frame.x + frame.width : frame.x;
  for (const width of columns) {
    bounds.push(x);
    x += direction === 'rtl' ? -width : width;
  }
  bounds.push(direction === 'rtl' ? frame.x : frame.x + frame.width);
  return bounds;
}
