import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../src/render/markdown/render-markdown.js';
import { composeLetter } from '../src/compose/compose-letter.js';
import { checkLetters } from '../src/check/check-project.js';
import { loadWorkspace } from '../src/load/load-workspace.js';
import type { LetterDocument } from '../src/model/letter-document.js';
import { MINI, runCli, tempWorkspace } from './helpers/workspace.js';

/** Regression tests for defects a code review found (each failed before its fix). */
describe('review fixes', () => {
  it('Markdown: a line feed inside a text is a hard break, and what follows it is not read as a list or heading', () => {
    const doc = composeLetter(loadWorkspace(MINI).value, '2020-test-letter', 'en').value!.doc;
    const withBreak: LetterDocument = { ...doc, blocks: [{ kind: 'paragraph', content: [{ kind: 'text', text: 'first line\n- not a list\n# not a heading' }] }] };
    const md = renderMarkdown(withBreak);
    expect(md).toContain('first line\\\n\\- not a list\\\n\\# not a heading');
  });

  it('check refuses a country separator no font in the stack can draw', async () => {
    const ws = tempWorkspace(undefined, {});
    const letter = join(ws, 'locales/en/letter.yaml');
    writeFileSync(letter, `${readFileSync(letter, 'utf8')}country_separator: " 𓀀 "\n`);
    const p = loadWorkspace(ws).value;
    const { diagnostics } = await checkLetters(p, { today: '2026-11-23' });
    expect(diagnostics.map((d) => `${d.code} ${d.span?.file}`)).toContain('text/uncovered-char locales/en/letter.yaml');
  });

  it('sign-on import keeps a similar but different name (Kim Min-ji / Kim Min-jin) and warns, but skips a repeated one', () => {
    const ws = tempWorkspace();
    const csv = join(ws, 'signons.csv');
    writeFileSync(csv, 'Name,Country\nKim Min-ji,KR\nKim Min-jin,KR\nKIM MIN-JI,KR\n');
    const r = runCli(['--workspace', ws, 'signatories', 'import', csv, '--campaign', '2020-test-letter', '--kind', 'individual']);
    expect(r.stdout).toMatch(/row 2\s+Kim Min-ji\s+new/);
    expect(r.stdout).toMatch(/row 3\s+Kim Min-jin\s+new/);
    expect(r.stdout).toMatch(/row 4\s+KIM MIN-JI\s+duplicate/);
    expect(r.stderr).toMatch(/row 3: "Kim Min-jin" looks like row 2; imported as a separate signatory \[import\/near-duplicate\]/);
  });

  it('deliver reports an address no font can draw as a problem with that packet, not as an internal error', () => {
    const ws = tempWorkspace();
    const missions = join(ws, 'missions.yaml');
    writeFileSync(missions, readFileSync(missions, 'utf8').replace('1 Test Avenue', 'شارع 1'));
    const r = runCli(['--workspace', ws, 'deliver', '2020-test-letter', '--today', '2026-11-23']);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.stderr).toMatch(/no packet for "embassy-london": no font .* covers "ش"/);
    expect(r.code).toBe(1);
  });
});
