import type { ColumnFlow, FlowBox, FlowItem, PageContent } from './flow.js';

/** Vertical frame of a page's text area. */
export interface PageFrame {
  /** Top of the text area, PDF points from the top page edge. */
  top: number;
  /** Height of the text area, PDF points. */
  height: number;
  /** Shorter text areas for some pages (0-based index → height): copy-fitting moves lines on with them. */
  shortened?: ReadonlyMap<number, number>;
  /** Top of the first page's text area when lower than `top` (below a sheet's letterhead and address field); its bottom stays. */
  firstTop?: number;
}

interface Placed {
  item: number;
  lines: PageContent;
}

/**
 * Distributes flow items over pages, top to bottom. A page breaks only between boxes; when the next
 * box does not fit, the chain of `keepWithNext` boxes before it moves to the next page with it (a
 * heading never ends a page), unless that chain fills the whole page. A box taller than a page is
 * placed anyway rather than looping. Column flows fill the first column, then the second, and are
 * balanced on the page where they end; a flow starts on a page only when `minRows` rows fit there.
 */
export function paginate(items: FlowItem[], frame: PageFrame): PageContent[] {
  const pages: Placed[][] = [[]];
  let page = pages[0] as Placed[];
  let y = 0;
  let pageFirstItem = 0;
  let nextEntry = 0;
  const topOf = (index: number): number => (index === 0 ? (frame.firstTop ?? frame.top) : frame.top);
  const heightOf = (index: number): number => frame.shortened?.get(index) ?? frame.height - (topOf(index) - frame.top);
  let height = heightOf(0);
  const newPage = (firstItem: number): void => {
    page = [];
    pages.push(page);
    height = heightOf(pages.length - 1);
    y = 0;
    pageFirstItem = firstItem;
  };
  const placeBox = (box: FlowBox, item: number, top: number, dx = 0): void => {
    const lines = box.lines.map((l) => ({
      x: l.x + dx,
      y: topOf(pages.length - 1) + top + l.baseline,
      pieces: l.pieces,
      tag: l.tag,
    }));
    page.push({ item, lines });
  };

  for (let i = 0; i < items.length;) {
    const item = items[i] as FlowItem;
    const gap = page.length === 0 ? 0 : item.spaceBefore;
    const firstHeight = item.kind === 'box' ? item.height : leadHeight(item, nextEntry);
    if (y + gap + firstHeight > height && page.length > 0) {
      if (nextEntry === 0) {
        let chainStart = i;
        while (chainStart > pageFirstItem && keepsWithNext(items[chainStart - 1])) chainStart--;
        if (chainStart > pageFirstItem) {
          const cut = page.findIndex((p) => p.item >= chainStart);
          if (cut >= 0) page.splice(cut);
          i = chainStart;
        }
      }
      newPage(i);
      continue;
    }
    if (item.kind === 'box') {
      placeBox(item, i, y + gap);
      y += gap + item.height;
      i++;
      continue;
    }
    const taken = placeColumns(item, nextEntry, height - y - gap, (box, top, dx) =>
      placeBox(box, i, y + gap + top, dx),
    );
    nextEntry += taken.count;
    if (nextEntry < item.entries.length) {
      newPage(i);
    } else {
      y += gap + taken.height;
      nextEntry = 0;
      i++;
    }
  }
  return pages.map((p) => p.flatMap((placed) => placed.lines));
}

/** Height the first rows of a column flow need on a page: `minRows` of them when it starts, else one. */
function leadHeight(flow: ColumnFlow, next: number): number {
  const rows = flow.entries.slice(next, next + (next === 0 ? Math.max(1, flow.minRows) : 1));
  return rows.reduce((sum, e) => sum + e.height, 0) + Math.max(0, rows.length - 1) * flow.gap;
}

function keepsWithNext(item: FlowItem | undefined): boolean {
  return item?.kind === 'box' && item.keepWithNext;
}

/**
 * Places entries of `flow` from `first` into two columns of at most `available` points; returns how
 * many it placed (at least one, so an oversized entry cannot stall pagination) and the height used.
 */
function placeColumns(
  flow: ColumnFlow,
  first: number,
  available: number,
  place: (box: FlowBox, top: number, dx: number) => void,
): { count: number; height: number } {
  const heights = flow.entries.slice(first).map((e) => e.height);
  const columnHeight = (from: number, to: number): number =>
    heights.slice(from, to).reduce((sum, h) => sum + h, 0) + Math.max(0, to - from - 1) * flow.gap;
  const fill = (from: number): number => {
    let to = from;
    while (to < heights.length && columnHeight(from, to + 1) <= available) to++;
    return to;
  };
  let split = Math.max(1, fill(0));
  let end = split >= heights.length ? split : fill(split);
  if (end === heights.length) {
    // Everything left fits here: balance the two columns, the first one taking any extra entry.
    let best = split;
    for (let s = 1; s <= heights.length; s++) {
      const tallest = Math.max(columnHeight(0, s), columnHeight(s, end));
      if (tallest <= available && tallest <= Math.max(columnHeight(0, best), columnHeight(best, end))) best = s;
    }
    split = best;
  }
  end = Math.max(end, split);
  const columns: [number, number, number][] = [
    [0, split, 0],
    [split, end, flow.columnOffset],
  ];
  for (const [from, to, dx] of columns) {
    let top = 0;
    for (let k = from; k < to; k++) {
      place(flow.entries[first + k] as FlowBox, top, dx);
      top += (heights[k] ?? 0) + flow.gap;
    }
  }
  return { count: end, height: Math.max(columnHeight(0, split), columnHeight(split, end)) };
}
