import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../src/load/load-workspace.js';
import { composeLetter } from '../src/compose/compose-letter.js';
import { renderMarkdown } from '../src/render/markdown/render-markdown.js';
import { renderPdf } from '../src/render/pdf/render-pdf.js';
import { pdfPageTexts, pdftotextPages } from './helpers/pdf-text.js';
import { languageInfo } from '../src/render/language-info.js';
import { MINI, REPO, runCli, tempWorkspace } from './helpers/workspace.js';
import { printedSignature } from '../src/model/printed-signature.js';

/**
 * Golden tests in layers (pandoc-style): the LetterDocument as JSON, the Markdown, and the PDF's
 * extracted text per page, for the mini fixture and for every bundled campaign in every language.
 * Update after a deliberate change with `npx vitest run -u`.
 */
const GOLD = join(REPO, 'tests', 'goldens');
const mini = loadWorkspace(MINI).value;
const bundled = loadWorkspace(REPO).value;

describe('the mini letter', () => {
  it.each(['en', 'ko'])('composes the %s LetterDocument', async (lng) => {
    const r = composeLetter(mini, '2020-test-letter', lng);
    expect(r.diagnostics).toEqual([]);
    await expect(`${JSON.stringify(r.value!.doc, null, 2)}\n`).toMatchFileSnapshot(
      join(GOLD, 'mini', `${lng}.letter.json`),
    );
  });

  it.each(['en', 'ko'])('renders the %s Markdown', async (lng) => {
    const doc = composeLetter(mini, '2020-test-letter', lng).value!.doc;
    await expect(renderMarkdown(doc)).toMatchFileSnapshot(join(GOLD, 'mini', `${lng}.md`));
  });

  it('merges consecutive bullet items from two demand blocks into one list, and numbers the heading', () => {
    const doc = composeLetter(mini, '2020-test-letter', 'en').value!.doc;
    expect(doc.blocks.filter((b) => b.kind === 'bullets')).toHaveLength(1);
    const h = doc.blocks.find((b) => b.kind === 'heading');
    expect(h && h.kind === 'heading' && h.number).toBe('1.');
  });

  it('prints signatories in the language: Korean name, country via Intl, organisations first, by collation', () => {
    const doc = composeLetter(mini, '2020-test-letter', 'ko').value!.doc;
    const sigs = doc.blocks.find((b) => b.kind === 'signatures');
    expect(sigs && sigs.kind === 'signatures' && sigs.entries.map((e) => [e.name, e.country])).toEqual(
      [
        ['Amnesty International', undefined],
        ['Han Voice', '캐나다'],
        ['Open North Korea', '대한민국'].map((x, i) => (i === 0 ? '열린북한' : x)),
        ['Jane Doe', '일본'],
      ].sort((a, b) =>
        a[0] === 'Jane Doe' ? 1 : b[0] === 'Jane Doe' ? -1 : new Intl.Collator('ko-KR').compare(a[0]!, b[0]!),
      ),
    );
  });

  it('dates the letter in each language through Intl', () => {
    const date = (l: string) => {
      const b = composeLetter(mini, '2020-test-letter', l).value!.doc.blocks[0]!;
      return b.kind === 'date' ? b.text : '';
    };
    expect(date('en')).toBe('March 1, 2020');
    expect(date('ko')).toBe('2020년 3월 1일');
  });
});

describe('every bundled campaign in every language', () => {
  const letters = [...bundled.campaigns.values()].flatMap((c) => c.locales.map((l) => [c.id, l] as const));

  it('has six languages per campaign, and the 2018 letter all six UN languages and Korean and Japanese', () => {
    for (const c of bundled.campaigns.values())
      expect(c.locales).toEqual(
        c.id === '2018-kim-jong-un'
          ? ['en', 'ko', 'zh-Hans', 'ja', 'fr', 'es', 'ar', 'ru']
          : ['en', 'ko', 'zh-Hans', 'ja', 'fr', 'es'],
      );
  });

  it.each(letters)('%s %s: the LetterDocument matches its golden', async (id, lng) => {
    const r = composeLetter(bundled, id, lng);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    await expect(`${JSON.stringify(r.value!.doc, null, 2)}\n`).toMatchFileSnapshot(
      join(GOLD, id, `${lng}.letter.json`),
    );
  });

  it.each(letters)(
    '%s %s: Markdown and PDF text match the goldens, and the PDF holds every word of the letter',
    async (id, lng) => {
      const r = composeLetter(bundled, id, lng);
      expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const doc = r.value!.doc;
      await expect(renderMarkdown(doc)).toMatchFileSnapshot(join(GOLD, id, `${lng}.md`));
      const pdf = (await renderPdf(doc)).bytes;
      const rtl = languageInfo(doc.lang).dir === 'rtl';
      // A right-to-left letter is read back as pdftotext reads it, in logical order (pdf.js cannot).
      const pages = rtl ? pdftotextPages(pdf) : await pdfPageTexts(pdf);
      await expect(pages.map((p, i) => `--- page ${i + 1} ---\n${p}`).join('\n') + '\n').toMatchFileSnapshot(
        join(GOLD, id, `${lng}.pdf.txt`),
      );
      // Every final string of the letter extracts back (whitespace aside): no lost glyph, nothing invented.
      // Bidi isolates and marks steer the layout and are never drawn.
      const squash = (s: string) =>
        s.normalize('NFC').replace(/[\s\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]+/gu, '');
      // Page footers ("1 / 3") fall between the parts of a paragraph that crosses a page: drop them.
      const footer = (i: number) =>
        squash(doc.pageLabel.replace('{page}', String(i + 1)).replace('{pages}', String(pages.length)));
      const all = pages
        .map((p, i) => {
          const [page, f] = [squash(p), footer(i)];
          const at = page.lastIndexOf(f);
          return at < 0 ? page : page.slice(0, at) + page.slice(at + f.length);
        })
        .join('');
      // The title is in the metadata; what goes around a country ("（", "）") is printed around each one.
      const around = (x: { origin: { key?: string | undefined } }) => /^chrome:country_/.test(x.origin.key ?? '');
      // A name that takes its country inside its own brackets is printed joined ("…（COMJAN、日本）"), and one
      // in a full-width list with its own brackets full-width ("…Rights（AJAR）"): read back as printed.
      const joined = doc.blocks
        .flatMap((b) => (b.kind === 'signatures' ? b.entries : []))
        .map((e) => ({ signed: e.name, printed: printedSignature(e, doc) }))
        .filter((e) => e.printed.name !== e.signed);
      const texts = [
        ...r
          .value!.texts.filter((x) => x.text !== doc.title && !around(x) && !joined.some((j) => j.signed === x.text))
          .map((x) => x.text),
        ...joined.map(({ printed: p }) => p.name + (p.country === undefined ? '' : p.before + p.country + p.after)),
      ];
      if (rtl) {
        // pdftotext orders right-to-left lines by its own rules (a line on a page of Latin names, the
        // neutrals around numbers: "في  27نيسان"): there, every word of every text must be read back.
        // A word is a run of letters of one direction (pdftotext may join "Academy" and "كوريا").
        const words = (s: string) =>
          s
            .normalize('NFC')
            .match(
              /[\p{Script=Arabic}\p{Script=Hebrew}\p{M}]+|(?:(?![\p{Script=Arabic}\p{Script=Hebrew}])[\p{L}\p{M}])+/gu,
            ) ?? [];
        const read = new Set(pages.flatMap(words));
        for (const t of texts) for (const w of words(t)) expect(read, `missing from the ${lng} PDF: ${w}`).toContain(w);
      } else for (const t of texts) expect(all, `missing from the ${lng} PDF: ${t}`).toContain(squash(t));
      expect(all).not.toContain('\u0000');
    },
  );
});

describe('the render command', () => {
  it('gives byte-identical PDFs for the same inputs', async () => {
    const ws = tempWorkspace();
    const a = await runCli(['--workspace', ws, 'render', '2020-test-letter', '--out', join(ws, 'a')]);
    const b = await runCli(['--workspace', ws, 'render', '2020-test-letter', '--out', join(ws, 'b')]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    const files = readdirSync(join(ws, 'a', '2020-test-letter')).sort();
    expect(files).toEqual(['en.md', 'en.pdf', 'ko.md', 'ko.pdf']);
    for (const f of files)
      expect(
        readFileSync(join(ws, 'b', '2020-test-letter', f)).equals(readFileSync(join(ws, 'a', '2020-test-letter', f))),
      ).toBe(true);
    expect(a.stdout).toMatch(/wrote .*en\.pdf/);
  });

  it('renders nothing when the check finds an error, and leaves earlier output untouched', async () => {
    const ws = tempWorkspace();
    expect((await runCli(['--workspace', ws, 'render', '2020-test-letter', '--lang', 'en'])).code).toBe(0);
    const before = readFileSync(join(ws, 'out', '2020-test-letter', 'en.pdf'));
    const camp = join(ws, 'campaigns', '2020-test-letter.yaml');
    writeFileSync(
      camp,
      readFileSync(camp, 'utf8').replace('We write to you about detention.', 'We write to you about __TOPIC__.'),
    );
    const r = await runCli(['--workspace', ws, 'render', '2020-test-letter', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/campaigns\/2020-test-letter\.yaml:\d+:\d+: error: unrendered placeholder "__TOPIC__"/);
    expect(r.stderr).toMatch(/nothing rendered/);
    expect(readFileSync(join(ws, 'out', '2020-test-letter', 'en.pdf')).equals(before)).toBe(true);
    expect(readdirSync(join(ws, 'out')).filter((f) => f.startsWith('.'))).toEqual([]); // no temporary folder left
  });

  it('keeps other languages when re-rendering one', async () => {
    const ws = tempWorkspace();
    await runCli(['--workspace', ws, 'render', '2020-test-letter', '--format', 'md']);
    await runCli(['--workspace', ws, 'render', '2020-test-letter', '--lang', 'ko', '--format', 'md']);
    expect(existsSync(join(ws, 'out', '2020-test-letter', 'en.md'))).toBe(true);
  });

  it('treats an unknown campaign as bad usage (exit 2) with a suggestion', async () => {
    const r = await runCli(['--workspace', MINI, 'render', '2020-test-leter']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no campaign "2020-test-leter".*\n\s+hint: did you mean "2020-test-letter"\?/);
  });

  it('prints JSON diagnostics with resolved positions', async () => {
    const ws = tempWorkspace();
    const camp = join(ws, 'campaigns', '2020-test-letter.yaml');
    writeFileSync(camp, readFileSync(camp, 'utf8').replace('join-ilo]', 'join-ilo, join-ilo2]'));
    const r = await runCli(['--workspace', ws, 'check', '--format', 'json']);
    expect(r.code).toBe(1);
    const ds = (
      JSON.parse(r.stdout) as {
        diagnostics: { code: string; location: { file: string; line: number; column: number }; hint: string }[];
      }
    ).diagnostics;
    expect(ds).toContainEqual(
      expect.objectContaining({
        code: 'ref/unknown-demand',
        location: expect.objectContaining({ file: 'campaigns/2020-test-letter.yaml', line: 17 }),
        hint: 'did you mean "join-ilo"?',
      }),
    );
  });

  it('starts --help without loading the pipeline, and every command has --help with an example', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: openletter/);
    for (const cmd of ['check', 'render', 'demands', 'signatories', 'translations']) {
      const h = await runCli([cmd, '--help']);
      expect(h.code, cmd).toBe(0);
      expect(h.stdout, cmd).toMatch(/Example/);
    }
  });
});
