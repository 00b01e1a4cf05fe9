import { structNode } from '../../render/pdf/flow.js';
import { measureHeight, type Sheet, type TextStyle } from './sheet.js';

/** A block of template output: a paragraph (line feeds kept) or a list of items. */
export type TextBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

/**
 * Splits rendered template text into blocks: blank lines separate blocks, and within a block each
 * run of lines starting with "- " is a list (so "Enclosures:" followed by items is a paragraph and
 * a list).
 */
export function textBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const chunk of text.split(/\n{2,}/)) {
    let paragraph: string[] = [];
    let items: string[] = [];
    const flush = () => {
      if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join('\n') });
      if (items.length) blocks.push({ kind: 'list', items });
      paragraph = [];
      items = [];
    };
    for (const line of chunk.split('\n').map((l) => l.trimEnd())) {
      if (line.trim() === '') continue;
      if (line.startsWith('- ')) {
        if (paragraph.length) {
          blocks.push({ kind: 'paragraph', text: paragraph.join('\n') });
          paragraph = [];
        }
        items.push(line.slice(2));
      } else {
        if (items.length) flush();
        paragraph.push(line);
      }
    }
    flush();
  }
  return blocks;
}

/** Where text flows: a column on a page, continued on new pages at `top`. */
export interface Column {
  x: number;
  width: number;
  /** Top of the text area on continuation pages, PDF points. */
  top: number;
  /** Lowest point text may reach, PDF points from the top. */
  bottom: number;
}

/**
 * Sets blocks into `column` from `y`, a gap of `gap` × the line pitch between blocks, moving a block
 * that does not fit to a new page. Returns the y below the last block.
 */
export function flowBlocks(
  sheet: Sheet,
  blocks: TextBlock[],
  column: Column,
  y: number,
  style: TextStyle,
  gap = 0.7,
): number {
  const pitch = style.size * (style.leading ?? 1.3);
  const bulletIndent = style.size * 1.4;
  let first = true;
  let previous: TextBlock | undefined;
  for (const block of blocks) {
    const tight = block.kind === 'list' && previous?.kind === 'paragraph' && previous.text.endsWith(':');
    previous = block;
    const pieces = block.kind === 'paragraph' ? [block.text] : block.items;
    const indent = block.kind === 'list' ? bulletIndent : 0;
    const height = pieces.reduce((sum, p) => sum + measureHeight(p, column.width - indent, style), 0);
    if (!first) y += (tight ? 0.2 : gap) * pitch;
    if (y + height > column.bottom && y > column.top) {
      sheet.addPage();
      y = column.top;
    }
    first = false;
    if (block.kind === 'paragraph') {
      y += sheet.text(block.text, column.x, y, column.width, style);
      continue;
    }
    const list = structNode('L', sheet.root);
    for (const item of block.items) {
      const li = structNode('LI', list);
      sheet.text('•', column.x + style.size * 0.3, y, bulletIndent, style, 'Lbl', li);
      y += sheet.text(item, column.x + indent, y, column.width - indent, style, 'LBody', li);
    }
  }
  return y;
}
