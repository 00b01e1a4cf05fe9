#!/usr/bin/env node
// Writes the README's table of problem codes from src/diagnostics/codes.ts (the closed table), between
// its two markers. Run by `npm run docs` after a build; tests/docs.test.ts fails when the README differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { codeTableMarkdown, CODE_TABLE_MARKERS } = await import(join(root, 'dist/diagnostics/code-table.js'));
const readme = join(root, 'README.md');
const text = readFileSync(readme, 'utf8');
const [start, end] = CODE_TABLE_MARKERS;
const from = text.indexOf(start);
const to = text.indexOf(end);
if (from < 0 || to < from) {
  process.stderr.write(`README.md: the markers ${start} … ${end} are missing\n`);
  process.exit(1);
}
writeFileSync(readme, `${text.slice(0, from + start.length)}\n${codeTableMarkdown()}${text.slice(to)}`);
