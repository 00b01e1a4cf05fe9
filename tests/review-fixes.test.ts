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
    const withBreak: LetterDocument = {
      ...doc,
      blocks: [{ kind: 'paragraph', content: [{ kind: 'text', text: 'first line\n- not a list\n# not a heading' }] }],
    };
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

  it('sign-on import keeps a similar but different name (Kim Min-ji / Kim Min-jin) and warns, but skips a repeated one', async () => {
    const ws = tempWorkspace();
    const csv = join(ws, 'signons.csv');
    writeFileSync(csv, 'Name,Country\nKim Min-ji,KR\nKim Min-jin,KR\nKIM MIN-JI,KR\n');
    const r = await runCli([
      '--workspace',
      ws,
      'signatories',
      'import',
      csv,
      '--campaign',
      '2020-test-letter',
      '--kind',
      'individual',
    ]);
    expect(r.stdout).toMatch(/row 2\s+Kim Min-ji\s+new/);
    expect(r.stdout).toMatch(/row 3\s+Kim Min-jin\s+new/);
    expect(r.stdout).toMatch(/row 4\s+KIM MIN-JI\s+duplicate/);
    expect(r.stderr).toMatch(
      /row 3: "Kim Min-jin" looks like row 2 \(a small spelling difference\); imported as a separate signatory \[import\/near-duplicate\]/,
    );
  });

  it('deliver reports an address no font can draw as a problem with that packet, not as an internal error', async () => {
    const ws = tempWorkspace();
    const missions = join(ws, 'missions.yaml');
    writeFileSync(missions, readFileSync(missions, 'utf8').replace('1 Test Avenue', 'شارع 1'));
    const r = await runCli(['--workspace', ws, 'deliver', '2020-test-letter', '--today', '2026-11-23']);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.stderr).toMatch(/mission "embassy-london" address\[\d+\]: no font in \[.*\] has "ش"/);
    expect(r.code).toBe(1);
  });

  it.each([
    ['campaigns/2020-test-letter.yaml', 'date: 2020-03-01', 'date: 2020-02-30', /date: is not a real date/],
    ['campaigns/2020-test-letter.yaml', 'date: 2020-03-01', 'date: 2020-13-45', /date: is not a real date/],
    ['locales/ko/locale.yaml', 'tag: ko-KR', 'tag: ko-kr-1234-1234', /must be a BCP 47 language tag/],
    ['locales/en/letter.yaml', 'month: long', 'month: longg', /must be Intl.DateTimeFormat options/],
  ])('a bad value in %s (%s → %s) is a located error, not a crash', async (file, find, replace, message) => {
    const ws = tempWorkspace();
    writeFileSync(join(ws, file), readFileSync(join(ws, file), 'utf8').replace(find, replace));
    const r = await runCli(['--workspace', ws, 'check']);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.stdout).toMatch(message);
    expect(r.code).toBe(1);
  });

  it('a Unicode script name that does not exist is a located error, not a crash', async () => {
    const ws = tempWorkspace();
    writeFileSync(
      join(ws, 'locales/ko/locale.yaml'),
      `${readFileSync(join(ws, 'locales/ko/locale.yaml'), 'utf8')}scripts: [Hangeul]\n`,
    );
    const r = await runCli(['--workspace', ws, 'check']);
    expect(r.stdout).toMatch(/locales\/ko\/locale\.yaml:\d+:\d+: error: .*Unicode script name/);
  });

  it('two files defining one demand block (x.yaml and x.yml) are reported', async () => {
    const ws = tempWorkspace();
    writeFileSync(join(ws, 'demands/join-ilo.yml'), readFileSync(join(ws, 'demands/join-ilo.yaml'), 'utf8'));
    const r = await runCli(['--workspace', ws, 'check']);
    expect(r.stdout).toMatch(
      /"join-ilo" is defined twice, by demands\/join-ilo\.yaml and demands\/join-ilo\.yml \[ref\/duplicate-id\]/,
    );
  });

  it("a problem in a language's own signatory name points at that language's file", async () => {
    const ws = tempWorkspace(undefined, { 'locales/ko/signatories.yaml': 'han-voice: "한보이스 𓀀"\n' });
    const { diagnostics } = await checkLetters(loadWorkspace(ws).value, { today: '2026-11-23' });
    expect(diagnostics.find((d) => d.code === 'text/uncovered-char')?.span?.file).toBe('locales/ko/signatories.yaml');
  });

  it('"did you mean" works when the candidates come from a Map (a prefix of a campaign id)', async () => {
    const r = await runCli(['--workspace', MINI, 'render', '2020']);
    expect(r.stderr).toMatch(/did you mean "2020-test-letter"\?/);
  });

  it("render is not blocked by a broken mission registry or another language's broken file", async () => {
    const ws = tempWorkspace(undefined, {
      'missions.yaml': 'missions: [ {id: broken} ]\n',
      'locales/ko/demands.yaml': 'foo: [\n',
    });
    const r = await runCli(['--workspace', ws, 'render', '2020-test-letter', '--lang', 'en', '--format', 'md']);
    expect(r.code, r.stderr).toBe(0);
  });

  it('translations import refuses to rewrite a translation file that does not parse', async () => {
    const ws = tempWorkspace();
    const xlf = join(ws, 'ko.xlf');
    expect(
      (await runCli(['--workspace', ws, 'translations', 'export', '--lang', 'ko', '--all', '--out', xlf])).code,
    ).toBe(0);
    const ko = join(ws, 'locales/ko/demands.yaml');
    writeFileSync(ko, `${readFileSync(ko, 'utf8')}foo: [\n`);
    const r = await runCli(['--workspace', ws, 'translations', 'import', xlf]);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.stderr).toMatch(/locales\/ko\/demands\.yaml is not valid YAML; nothing was imported/);
    expect(r.code).toBe(1);
  });

  it('a language listed twice in a campaign is reported', async () => {
    const ws = tempWorkspace();
    const c = join(ws, 'campaigns/2020-test-letter.yaml');
    writeFileSync(c, readFileSync(c, 'utf8').replace('locales: [en, ko]', 'locales: [en, ko, en]'));
    const r = await runCli(['--workspace', ws, 'check']);
    expect(r.stdout).toMatch(/lists language "en" twice \[ref\/duplicate-id\]/);
  });

  it('translations stamp with a mistyped language stamps nothing', async () => {
    const ws = tempWorkspace();
    const locale = readFileSync(join(ws, 'locales/ko/locale.yaml'), 'utf8');
    const r = await runCli(['--workspace', ws, 'translations', 'stamp', '--lang', 'ko,xx']);
    expect(r.code).toBe(2);
    expect(readFileSync(join(ws, 'locales/ko/locale.yaml'), 'utf8')).toBe(locale);
    expect(() => readFileSync(join(ws, 'locales/ko/sources.lock.json'))).toThrow();
  });
});
