import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODE_TABLE_MARKERS, codeTableMarkdown } from '../src/diagnostics/code-table.js';
import { CODES } from '../src/diagnostics/codes.js';
import { REPO } from './helpers/workspace.js';

describe("the README's table of problem codes", () => {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const [start, end] = CODE_TABLE_MARKERS;
  const table = readme.slice(readme.indexOf(start) + start.length + 1, readme.indexOf(end));

  it('is what `npm run docs` generates from the code table (run it after changing src/diagnostics/codes.ts)', () => {
    expect(readme).toContain(start);
    expect(table).toBe(codeTableMarkdown());
  });

  it('has one row per code, with its severity', () => {
    const rows = table.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows.map((r) => r.split('`')[1])).toEqual(Object.keys(CODES));
    expect(rows).toContain('| `yaml/syntax` | error | The file is not valid YAML. |');
  });
});
