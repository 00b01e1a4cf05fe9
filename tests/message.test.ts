import { describe, expect, it } from 'vitest';
import { sourceRange } from '../src/model/offset-map.js';
import { checkMessage, formatMessage, messageArguments } from '../src/text/message.js';

const PAGES = '{count, plural, one {# page} other {# pages}}';

describe('the text engine (ICU messages)', () => {
  it('interpolates arguments and maps each back to its {name}, the words around it one for one', () => {
    const source = 'Dear {name}, from {sender}.';
    const r = formatMessage(source, 'en', { name: 'Ambassador Han', sender: 'TC' });
    expect(r).toMatchObject({ text: 'Dear Ambassador Han, from TC.', problems: [] });
    const at = (s: string) => r.text.indexOf(s);
    expect(sourceRange(r.offsets, at('Ambassador'), 'Ambassador Han'.length)).toEqual([5, 11]);
    expect(sourceRange(r.offsets, at('from'), 4)).toEqual([13, 17]);
  });

  it("picks each language's plural form, with exact matches first and # as the count", () => {
    const few = '{n, plural, one {# strona} few {# strony} many {# stron} other {# strony}}';
    expect([1, 3, 5, 22].map((n) => formatMessage(few, 'pl', { n }).text)).toEqual([
      '1 strona',
      '3 strony',
      '5 stron',
      '22 strony',
    ]);
    expect(formatMessage(PAGES, 'en', { count: 1 }).text).toBe('1 page');
    expect(formatMessage(PAGES, 'ko', { count: 1 }).text).toBe('1 pages'); // Korean has one form: other
    expect(formatMessage('{n, plural, =0 {no page} other {# pages}}', 'en', { n: 0 }).text).toBe('no page');
    expect(formatMessage('{n, plural, other {# pages}}', 'fr', { n: 1234 }).text).toBe('1\u202f234 pages');
  });

  it('selects a variant by an argument (grammatical forms), falling back to other', () => {
    const source = '{form, select, formal {Son Excellence {name}} other {{name}}}';
    expect(formatMessage(source, 'fr', { form: 'formal', name: 'M. Kim' }).text).toBe('Son Excellence M. Kim');
    expect(formatMessage(source, 'fr', { form: 'plain', name: 'M. Kim' }).text).toBe('M. Kim');
    expect(messageArguments(source).uses.map((u) => [u.name, u.kind, u.options])).toEqual([
      ['form', 'select', ['formal', 'other']],
      ['name', 'text', undefined],
      ['name', 'text', undefined],
    ]);
  });

  it("keeps apostrophes in words and reads '{' as a literal brace", () => {
    expect(formatMessage("l'honneur de {a}, it's '{'b'}'", 'fr', { a: 'X' }).text).toBe("l'honneur de X, it's {b}");
  });

  it('returns problems instead of throwing: a missing argument, a count that is not a number', () => {
    const r = formatMessage('Dear {name}, {n, plural, other {# pages}}', 'en', { n: 'two' });
    expect(r.text).toBe('Dear , ');
    expect(r.problems.map((p) => [p.kind, p.argument, p.index, p.length])).toEqual([
      ['unknown-argument', 'name', 5, 6],
      ['not-a-number', 'n', 13, 28],
    ]);
    expect(r.problems[0]!.message).toBe('{name} is not an argument of this text (it has {n})');
  });

  it('locates a syntax error, and names the old {{name}} syntax with what to write instead', () => {
    expect(checkMessage('Dear {name', ['name'])).toEqual([
      expect.objectContaining({ kind: 'syntax', index: 5, length: 5 }),
    ]);
    expect(checkMessage('{count, plural, one {# page}}', ['count'])[0]).toMatchObject({ kind: 'syntax' });
    expect(checkMessage('For {{head}}', ['head'])).toEqual([
      {
        kind: 'syntax',
        message: '"{{head}}" is not a message argument: write {head}',
        index: 4,
        length: 8,
      },
    ]);
  });

  it('check names every argument a message uses that it is not given, also inside plural forms', () => {
    const problems = checkMessage('{sender}: {n, plural, one {# for {who}} other {#}}', ['sender', 'n']);
    expect(problems.map((p) => [p.argument, p.index, p.length])).toEqual([['who', 33, 5]]);
    expect(problems[0]!.message).toBe('{who} is not an argument of this text (it has {sender}, {n})');
  });

  it('formats dates in UTC and numbers in the language: the same text on every machine', () => {
    const r = formatMessage('{n, number} · {d, date, long}', 'fr', { n: 12345.5, d: new Date('2012-01-02T00:00:00Z') });
    expect(r.text).toBe('12\u202f345,5 · 2 janvier 2012');
  });
});
