import { assertNever, inlineText, type Block } from '../../model/letter-document.js';

/** The texts a block draws, each set in the document's font stack (for checking glyph coverage). */
export function blockTexts(block: Block): string[] {
  switch (block.kind) {
    case 'date':
    case 'sign-off':
      return [block.text];
    case 'recipient':
      return block.lines;
    case 'salutation':
    case 'paragraph':
      return [inlineText(block.content)];
    case 'heading':
      return [block.number ?? '', inlineText(block.content)];
    case 'bullets':
      return block.items.map(inlineText);
    case 'signatures':
      return block.entries.flatMap((e) => [e.name, e.country ?? '']);
    case 'cc':
      return [block.label, ...block.entries.flatMap((e) => [e.name, ...e.lines])];
    default:
      return assertNever(block);
  }
}
