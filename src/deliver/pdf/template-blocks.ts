import { parseInline } from '../../compose/inline-markdown.js';
import type { Block } from '../../model/letter-document.js';

/**
 * The letter blocks of a rendered delivery template: blank lines separate blocks, and within a
 * block each run of lines starting with "- " is a bullet list (so "Enclosures:" followed by items
 * is a paragraph and a list). Each text is read with the letters' inline Markdown (`*italic*`,
 * `**bold**`, links); line feeds inside a paragraph stay line breaks.
 */
export function templateBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const inline = (t: string) => parseInline(t).inlines;
  for (const chunk of text.split(/\n{2,}/)) {
    let paragraph: string[] = [];
    let items: string[] = [];
    const flush = () => {
      if (paragraph.length) blocks.push({ kind: 'paragraph', content: inline(paragraph.join('\n')) });
      if (items.length) blocks.push({ kind: 'bullets', items: items.map(inline) });
      paragraph = [];
      items = [];
    };
    for (const line of chunk.split('\n').map((l) => l.trimEnd())) {
      if (line.trim() === '') continue;
      if (line.startsWith('- ')) {
        if (paragraph.length) {
          blocks.push({ kind: 'paragraph', content: inline(paragraph.join('\n')) });
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
