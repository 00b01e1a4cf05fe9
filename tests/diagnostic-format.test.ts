import { describe, expect, it } from 'vitest';
import { diag } from '../src/diagnostics/diagnostic.js';
import { formatJson, formatText } from '../src/diagnostics/format.js';

/** The caret line of a one-diagnostic report, without the two-space indent. */
const caretUnder = (files: Map<string, string>, start: number, end: number) =>
  formatText([diag('text/uncovered-char', { file: 'f.yaml', start, end }, 'm')], files)
    .split('\n')[2]!
    .slice(2);

describe('the text format of a diagnostic', () => {
  it('puts the caret under a character that follows Korean text (two columns per Hangul syllable)', () => {
    // "- " (2 columns), 구금 (4), a space, 문제에 (6), a space, 관하여 (6), a space: the problem is at column 21.
    const line = '- 구금 문제에 관하여 𓀀.';
    const files = new Map([['f.yaml', `id: x\n${line}\n`]]);
    const start = 6 + line.indexOf('𓀀');
    expect(caretUnder(files, start, start + 2)).toBe(`${' '.repeat(21)}^`);
  });

  it('underlines a Korean word with two tildes per syllable', () => {
    const files = new Map([['f.yaml', 'a: 관하여\n']]);
    expect(caretUnder(files, 3, 6)).toBe('   ^~~~~~');
  });

  it('underlines ASCII text one column per character, and reports line:col in UTF-16 units', () => {
    const files = new Map([['f.yaml', 'x: 1\ntitle: the the\n']]);
    const out = formatText([diag('text/doubled-word', { file: 'f.yaml', start: 12, end: 19 }, 'm')], files);
    expect(out.split('\n')[0]).toBe('f.yaml:2:8: warning: m [text/doubled-word]');
    expect(out.split('\n')[2]).toBe(`  ${' '.repeat(7)}^~~~~~~`);
  });

  it('gives JSON positions from the same line index, end included', () => {
    const files = new Map([['f.yaml', 'a: 1\nb: 관하여\n']]);
    const [rec] = JSON.parse(formatJson([diag('text/markup', { file: 'f.yaml', start: 8, end: 11 }, 'm')], files));
    expect(rec.location).toEqual({ file: 'f.yaml', line: 2, column: 4, endLine: 2, endColumn: 7 });
  });
});
