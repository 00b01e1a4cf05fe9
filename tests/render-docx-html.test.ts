import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { composeLetter } from '../src/compose/compose-letter.js';
import { loadWorkspace } from '../src/load/load-workspace.js';
import type { Inline, LetterDocument } from '../src/model/letter-document.js';
import { renderDocx } from '../src/render/docx/render-docx.js';
import { renderHtml } from '../src/render/html/render-html.js';
import { renderMarkdown } from '../src/render/markdown/render-markdown.js';
import { REPO, runCli, tempWorkspace } from './helpers/workspace.js';

const bundled = loadWorkspace(REPO).value;
const letter = (lng: string, id = '2018-kim-jong-un'): LetterDocument => composeLetter(bundled, id, lng).value!.doc;

/** The Markdown's text, paragraph by paragraph, without its syntax: what a reader of any version sees. */
function markdownParagraphs(md: string, { headingNumbers }: { headingNumbers: boolean }): string[] {
  return md
    .split(/\n{2,}|\n(?=- )/)
    .map((p) =>
      p
        .replace(/^#+ /, '')
        .replace(headingNumbers ? /$^/ : /^\d+\. /, '')
        .replace(/^- /, '')
        .replace(/\\\n/g, '\n')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/(?<!\\)\*\*?/g, '')
        .replace(/\\(.)/g, '$1')
        .trim(),
    )
    .filter(Boolean);
}

/** The paragraphs of an HTML fragment (mammoth's or ours), line breaks kept, tags and entities removed. */
function htmlParagraphs(html: string): string[] {
  return html
    .replace(/<br ?\/?>\n?/g, '\n')
    .split(/<\/?(?:p|h\d|li|ul|ol|section|article|main)\b[^>]*>/)
    .map((s) =>
      s
        .replace(/<[^>]+>/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&')
        .trim(),
    )
    .filter(Boolean);
}

const documentXml = (docx: Uint8Array) => new TextDecoder().decode(unzipSync(docx)['word/document.xml']!);

describe('render --format docx', () => {
  it.each(['en', 'ko', 'zh-Hans', 'ja', 'fr', 'es', 'ru'])(
    '%s: mammoth reads back the Markdown text, with h1, h2 and lists',
    async (lng) => {
      const doc = letter(lng);
      const docx = await renderDocx(doc);
      const { value: html, messages } = await mammoth.convertToHtml({ buffer: Buffer.from(docx) });
      expect(messages).toEqual([]);
      // Word makes the section numbers (numbering on the headings), so mammoth reads the headings without them.
      expect(htmlParagraphs(html)).toEqual(markdownParagraphs(renderMarkdown(doc), { headingNumbers: false }));
      const headings = doc.blocks.filter((b) => b.kind === 'heading');
      expect(html.match(/<h1>/g)).toHaveLength(1);
      expect(html.match(/<h2>/g)).toHaveLength(headings.length);
      const bullets = doc.blocks.flatMap((b) => (b.kind === 'bullets' ? b.items : []));
      const signatures = doc.blocks.find((b) => b.kind === 'signatures');
      expect(html.match(/<li>/g)).toHaveLength(bullets.length);
      expect(signatures?.kind === 'signatures' && signatures.entries.length).toBeGreaterThan(6);
    },
  );

  it('numbers the section headings with Word numbering and sets the signatures in two columns', async () => {
    const xml = documentXml(await renderDocx(letter('en')));
    const headings = xml.match(/<w:p><w:pPr><w:pStyle w:val="Heading2"\/><w:numPr>/g) ?? [];
    expect(headings).toHaveLength(letter('en').blocks.filter((b) => b.kind === 'heading').length);
    expect(xml).toMatch(/<w:cols [^>]*w:num="2"/);
    // Nothing Word cannot track changes in: no text boxes, frames or drawings.
    expect(xml).not.toMatch(/txbxContent|framePr|<w:drawing|<w:pict/);
  });

  it.each([
    ['ko', 'ko-KR', 'Noto Serif KR', 'Noto Serif KR'],
    ['zh-Hans', 'zh-CN', 'Noto Serif SC', 'Noto Serif SC'],
    ['ja', 'ja-JP', 'Noto Serif JP', 'Noto Serif JP'],
    ['fr', 'fr-FR', 'Noto Serif', 'Noto Serif KR'],
  ])('%s: every run carries language %s and fonts %s / East Asian %s', async (lng, tag, ascii, eastAsia) => {
    const xml = documentXml(await renderDocx(letter(lng)));
    const runs = xml.match(/<w:r>.*?<\/w:r>/g) ?? [];
    expect(runs.length).toBeGreaterThan(100);
    const cjk = lng !== 'fr';
    for (const r of runs) {
      // In an East Asian letter, Latin-script words (names, acronyms) are English, as in Word's own CJK documents.
      expect(r).toContain(cjk ? `<w:lang w:val="en-US" w:eastAsia="${tag}"/>` : `<w:lang w:val="${tag}"/>`);
      expect(r).toContain(`w:ascii="${ascii}"`);
      expect(r).toContain(`w:eastAsia="${eastAsia}"`);
    }
  });

  it('names the fonts without embedding them, each with its script, so Word substitutes a face of that script', async () => {
    const files = unzipSync(await renderDocx(letter('ko')));
    expect(Object.keys(files).filter((f) => f.startsWith('word/fonts/'))).toEqual([]);
    const table = new TextDecoder().decode(files['word/fontTable.xml']);
    expect(table).not.toMatch(/embed/i);
    expect(table.match(/<w:font w:name="[^"]+"><w:charset w:val=".."\/>/g)).toEqual([
      '<w:font w:name="Noto Serif KR"><w:charset w:val="81"/>',
      '<w:font w:name="Noto Serif"><w:charset w:val="00"/>',
      '<w:font w:name="Noto Serif SC"><w:charset w:val="86"/>',
      '<w:font w:name="Noto Serif JP"><w:charset w:val="80"/>',
    ]);
  });

  it("follows the language's typography as the PDF does: Japanese indent, emphasis dots, 敬具 flush right", async () => {
    const doc = letter('ja', '2012-kim-jong-un');
    // The letter prints 管理所 plain (a Korean term the English italicises); emphasise it as a text may.
    const at = doc.blocks.findIndex(
      (b) => b.kind === 'paragraph' && b.content.some((i) => i.kind === 'text' && i.text.includes('管理所')),
    );
    const block = doc.blocks[at];
    if (block?.kind !== 'paragraph') throw new Error('no paragraph names 管理所');
    block.content = block.content.flatMap((i): Inline[] =>
      i.kind === 'text' && i.text.includes('管理所')
        ? i.text
            .split('管理所')
            .flatMap((t, n) => [
              ...(n ? [{ kind: 'emphasis' as const, children: [{ kind: 'text' as const, text: '管理所' }] }] : []),
              { kind: 'text' as const, text: t },
            ])
        : [i],
    );
    const xml = documentXml(await renderDocx(doc));
    const paragraphs = xml.match(/<w:p>.*?<\/w:p>/g) ?? [];
    const body = paragraphs.filter((p) => p.includes('<w:ind w:firstLine="220"/>'));
    expect(body.length).toBe(doc.blocks.filter((b) => b.kind === 'paragraph').length);
    expect(body.every((p) => p.includes('<w:jc w:val="both"/>'))).toBe(true);
    // Emphasis in a Japanese letter: Word's emphasis dots (圏点), never a slanted Japanese face.
    const emphasised = (xml.match(/<w:r><w:rPr>(?:(?!<\/w:r>).)*?管理所.*?<\/w:r>/g) ?? []).join('');
    expect(emphasised).toContain('<w:em w:val="dot"/>');
    expect(emphasised).not.toContain('<w:b/>');
    expect(xml).not.toContain('<w:i/>');
    const signOff = doc.blocks.find((b) => b.kind === 'sign-off');
    expect(paragraphs.find((p) => signOff?.kind === 'sign-off' && p.includes(`>${signOff.text}<`))).toContain(
      '<w:jc w:val="right"/>',
    );
  });

  it('sets Korean without the extra space Word puts between Hangul and digits; Japanese keeps it', async () => {
    const styles = async (lng: string) =>
      new TextDecoder().decode(unzipSync(await renderDocx(letter(lng)))['word/styles.xml']);
    expect(await styles('ko')).toContain('<w:pPrDefault><w:pPr><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>');
    expect(await styles('ja')).not.toContain('w:autoSpaceD');
  });

  it('balances the two signature columns of a letter that ends with them (a section follows)', async () => {
    const doc = letter('en', '2012-kim-jong-un');
    expect(doc.blocks.at(-1)?.kind).toBe('signatures');
    const xml = documentXml(await renderDocx(doc));
    const sections = xml.match(/<w:sectPr\b.*?<\/w:sectPr>/g) ?? [];
    expect(sections.at(-2)).toMatch(/<w:cols [^>]*w:num="2"/);
    expect(sections.at(-1)).toMatch(/<w:type w:val="continuous"\/>/);
    expect(sections.at(-1)).not.toMatch(/w:num="2"/);
  });

  it('sets a right-to-left language right to left', async () => {
    const xml = documentXml(await renderDocx({ ...letter('en'), lang: 'ar-EG' }));
    expect(xml).toContain('<w:bidi/>');
    expect(xml).toContain('<w:rtl/>');
    expect(xml).toContain('w:bidi="ar-EG"');
  });

  it("writes the page fields in the letter's digits: Word's HINDIARABIC switch for Arabic-Indic, none for Latin", async () => {
    const parts = async (doc: LetterDocument) => {
      const files = unzipSync(await renderDocx(doc));
      const text = (name: string) => new TextDecoder().decode(files[name]);
      const footer = Object.keys(files).find((n) => /^word\/footer\d+\.xml$/.test(n))!;
      return { footer: text(footer), document: text('word/document.xml') };
    };
    const ar = letter('ar');
    const arab = await parts({ ...ar, digits: 'arab' });
    expect(arab.footer).toContain('PAGE \\* HINDIARABIC</w:instrText>');
    expect(arab.footer).toContain('NUMPAGES \\* HINDIARABIC</w:instrText>');
    expect(arab.document).toContain('<w:pgNumType w:fmt="hindiNumbers"/>');
    // The bundled Arabic writes Western digits, as UN Arabic documents do: plain fields.
    for (const latin of [await parts(ar), await parts(letter('en'))]) {
      expect(latin.footer).toMatch(/>PAGE<\/w:instrText>/);
      expect(latin.footer).not.toContain('HINDIARABIC');
      expect(latin.document).not.toContain('hindiNumbers');
    }
  });

  it('is byte-identical for the same letter, whatever the clock says', async () => {
    const a = await renderDocx(letter('ja'));
    await new Promise((r) => setTimeout(r, 1100));
    const b = await renderDocx(letter('ja'));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(new TextDecoder().decode(unzipSync(a)['docProps/core.xml'])).toContain('2018-06-06T00:00:00Z');
  });
});

describe('render --format html', () => {
  it.each(['en', 'ko', 'zh-Hans'])('%s: a standalone page with the Markdown text and its structure', (lng) => {
    const doc = letter(lng);
    const html = renderHtml(doc);
    expect(html).toMatch(new RegExp(`^<!doctype html>\\n<html lang="${doc.lang}" dir="ltr">`));
    expect(html).toContain(`<title>${doc.title}</title>`);
    expect(html).not.toMatch(/<script|<link|src=/);
    const body = html.slice(html.indexOf('<main>'));
    expect(htmlParagraphs(body)).toEqual(markdownParagraphs(renderMarkdown(doc), { headingNumbers: true }));
    expect(body.match(/<h1>/g)).toHaveLength(1);
    expect(body.match(/<h2>/g)).toHaveLength(doc.blocks.filter((b) => b.kind === 'heading').length);
    expect(body).toContain('<time datetime="2018-06-06">');
  });

  it('escapes the text, keeps only web and mail links, and sets Arabic right to left', () => {
    const doc = letter('en');
    const evil: LetterDocument = {
      ...doc,
      lang: 'ar',
      title: 'A <b>bold</b> & "quoted" title',
      blocks: [
        {
          kind: 'paragraph',
          content: [
            { kind: 'link', href: 'javascript:alert(1)', children: [{ kind: 'text', text: 'click' }] },
            { kind: 'text', text: ' and ' },
            { kind: 'link', href: 'https://example.org/?a=1&b="2"', children: [{ kind: 'text', text: 'site' }] },
          ],
        },
      ],
    };
    const html = renderHtml(evil);
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('<h1>A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; title</h1>');
    expect(html).toContain('<p>click and <a href="https://example.org/?a=1&amp;b=&quot;2&quot;">site</a></p>');
    expect(html).not.toContain('javascript:');
  });
});

describe('the render command with the new formats', () => {
  it('writes <lang>.docx and <lang>.html, the same bytes twice', async () => {
    const ws = tempWorkspace();
    const args = (out: string) => [
      '--workspace',
      ws,
      'render',
      '2020-test-letter',
      '--format',
      'docx,html',
      '--out',
      out,
    ];
    expect((await runCli(args(join(ws, 'a')))).code).toBe(0);
    expect((await runCli(args(join(ws, 'b')))).code).toBe(0);
    const files = readdirSync(join(ws, 'a', '2020-test-letter')).sort();
    expect(files).toEqual(['en.docx', 'en.html', 'ko.docx', 'ko.html']);
    for (const f of files)
      expect(
        readFileSync(join(ws, 'a', '2020-test-letter', f)).equals(readFileSync(join(ws, 'b', '2020-test-letter', f))),
      ).toBe(true);
  });

  it('refuses an unknown format with the list of formats', async () => {
    const r = await runCli(['--workspace', tempWorkspace(), 'render', '2020-test-letter', '--format', 'pdf,odt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown format "odt"');
    expect(r.stderr).toContain('pdf, md, html, docx');
  });
});
