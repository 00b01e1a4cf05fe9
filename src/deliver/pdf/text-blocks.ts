import { structNode } from '../../render/pdf/flow.js';
import { measureHeight, type Sheet, type TextStyle } from './sheet.js';

/** A block of template output: a paragraph (line feeds kept) or a list of items. */
export type TextBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

/**
 * Splits rendered template text into blocks: blank lines separate blocks; a block whose lines all
 * start with "- " is a list.
 */
export function textBlocks(text: string): TextBlock[] {
  return text
    .split(/\n{2,}/)
    .map((b) => b.trim())
    .filter((b) => b !== '')
    .map((b): TextBlock => {
      const lines = b.split('\n');
      return lines.every((l) => l.startsWith('- ')) ? { kind: 'list', items: lines.map((l) => l.slice(2)) } : { kind: 'paragraph', text: b };
    });
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
export function flowBlocks(sheet: Sheet, blocks: TextBlock[], column: Column, y: number, style: TextStyle, gap = 0.7): number {
  const pitch = style.size * (style.leading ?? 1.3);
  const bulletIndent = style.size * 1.4;
  let first = true;
  for (const block of blocks) {
    const pieces = block.kind === 'paragraph' ? [block.text] : block.items;
    const indent = block.kind === 'list' ? bulletIndent : 0;
    const height = pieces.reduce((sum, p) => sum + measureHeight(p, column.width - indent, style), 0);
    if (!first) y += gap * pitch;
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
