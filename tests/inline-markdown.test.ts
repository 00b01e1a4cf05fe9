import { describe, expect, it } from 'vitest';
import { parseInline } from '../src/compose/inline-markdown.js';
import { inlineText } from '../src/model/letter-document.js';
import { sourceRange } from '../src/model/offset-map.js';

describe('the inline Markdown of workspace texts', () => {
  it('reads italic, bold and links, nested', () => {
    expect(parseInline('a **bold *and italic*** [site](https://x.org/a_b)').inlines).toEqual([
      { kind: 'text', text: 'a ' },
      {
        kind: 'strong',
        children: [
          { kind: 'text', text: 'bold ' },
          { kind: 'emphasis', children: [{ kind: 'text', text: 'and italic' }] },
        ],
      },
      { kind: 'text', text: ' ' },
      { kind: 'link', href: 'https://x.org/a_b', children: [{ kind: 'text', text: 'site' }] },
    ]);
  });

  it('keeps lines that look like headings, lists or quotes as text', () => {
    const src = '# 1 of 3\n- not a list\n> not a quote\n1. nor a numbered item';
    const r = parseInline(src);
    expect(r.problems).toEqual([]);
    expect(inlineText(r.inlines)).toBe(src);
  });

  it('reports emphasis that is never closed, and a lone asterisk', () => {
    expect(parseInline('the **bold part').problems).toEqual(['"**" (bold) is opened but never closed']);
    expect(parseInline('the *italic part').problems).toEqual(['"*" (italic) is opened but never closed']);
    expect(parseInline('5 * 3').problems).toEqual([
      'a lone "*" is not valid markup (write \\* for a literal asterisk)',
    ]);
    expect(parseInline('5 \\* 3').problems).toEqual([]);
  });

  it('decodes character references and maps them to the whole reference', () => {
    const r = parseInline('Caf&eacute; &amp; bar');
    expect(inlineText(r.inlines)).toBe('Café & bar');
    expect(sourceRange(r.offsets, 3, 1)).toEqual([3, 11]);
    expect(sourceRange(r.offsets, 5, 1)).toEqual([12, 17]);
  });
});
