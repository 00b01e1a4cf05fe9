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

  it('reads a span in another language, [text]{lang=tag}, mapped to its source; a bad tag is reported', () => {
    const src = 'Signed by [金正恩]{lang=ja} and *[김정은]{lang=ko}*.';
    const r = parseInline(src);
    expect(r.problems).toEqual([]);
    expect(r.inlines).toEqual([
      { kind: 'text', text: 'Signed by ' },
      { kind: 'lang', lang: 'ja', children: [{ kind: 'text', text: '金正恩' }] },
      { kind: 'text', text: ' and ' },
      { kind: 'emphasis', children: [{ kind: 'lang', lang: 'ko', children: [{ kind: 'text', text: '김정은' }] }] },
      { kind: 'text', text: '.' },
    ]);
    // "恩" is plain-text offset 12, source offset 13 (after "["); " and" follows "]{lang=ja}".
    expect(sourceRange(r.offsets, 12, 1)).toEqual([13, 14]);
    expect(sourceRange(r.offsets, 13, 4)).toEqual([24, 28]);
    expect(parseInline('[x]{lang=not a tag}').inlines).toEqual([{ kind: 'text', text: '[x]{lang=not a tag}' }]);
    expect(parseInline('[x]{lang=123456789}').problems).toEqual([
      '"{lang=123456789}" does not name a language: write a BCP 47 tag such as ja, ko or zh-Hans',
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
