import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../src/render/markdown/escape-markdown.js';

/**
 * What a CommonMark reader gets back from the escaped text: the text of its one paragraph, hard
 * breaks as line feeds, or a description of the first other node (a heading, a list, emphasis…).
 */
function readBack(markdown: string): string {
  const root = fromMarkdown(markdown);
  if (root.children.length === 0) return '';
  const [only, ...more] = root.children;
  if (more.length || only?.type !== 'paragraph') return `<${root.children.map((c) => c.type).join(' ')}>`;
  const text = (n: Nodes): string =>
    n.type === 'text' ? n.value : n.type === 'break' ? '\n' : 'children' in n ? `<${n.type}>` : `<${n.type}>`;
  return only.children.map(text).join('');
}

describe('escapeMarkdown', () => {
  // Names and lines a letter may carry that CommonMark would read as syntax if written as they are.
  it.each([
    '*NK Watch*',
    '**Bold** Coalition',
    '_Underscored_ Voices',
    '1. Association',
    '2) Association',
    '10. 선언',
    '1.',
    '#Hashtag',
    '# Rights',
    '- Dash',
    '+ Plus',
    '-',
    '<b>bold</b>',
    '<https://example.org>',
    '[Link](https://example.org)',
    '![image](x.png)',
    '`code`',
    '> quoted',
    'A | B',
    'Amnesty & Co',
    'Tom &amp; Jerry',
    '&#169; 2024',
    'back\\slash',
    'Line one\n---',
    'Line one\n===',
    'Line one\n=',
    'Line one\n- two\n1. three\n# four',
    '~~~\nfenced',
    '```\nfenced',
    '***',
    '___',
    'ends with a backslash \\',
  ])('%j reads back as itself', (text) => {
    expect(readBack(escapeMarkdown(text))).toBe(text);
  });

  it('leaves text without syntax as written (the bundled letters stay byte-identical)', () => {
    for (const text of ['Amnesty & Co', 'Human Rights Watch', '열린북한', 'À Son Excellence, M. Kim', 'a-b + c = d'])
      expect(escapeMarkdown(text)).toBe(text);
  });

  it('any line of words made of Markdown-active characters reads back as itself', () => {
    const active = [...'\\`*_[]<>|&#=~-+.)!:;(1 0aZ한'];
    const word = fc.string({ unit: fc.constantFrom(...active.filter((c) => c !== ' ')), minLength: 1, maxLength: 6 });
    const line = fc.array(word, { minLength: 1, maxLength: 5 }).map((ws) => ws.join(' '));
    const text = fc.array(line, { minLength: 1, maxLength: 4 }).map((ls) => ls.join('\n'));
    fc.assert(
      fc.property(text, (t) => readBack(escapeMarkdown(t)) === t),
      { numRuns: 500, seed: 20261201 },
    );
  });
});
