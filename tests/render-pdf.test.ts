import { execFileSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';
import { getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import type { Block, Inline, LetterDocument, SignatureEntry } from '../src/model/letter-document.js';
import { testLetter } from './helpers/letter-document.js';
import { splitFontRuns } from '../src/render/pdf/font-runs.js';
import { findUncovered, knownFontIds, loadFace } from '../src/fonts/font-library.js';
import { isKnownFont } from '../src/fonts/font-coverage.js';
import { layoutParagraph, type LayoutLine, type LayoutOptions } from '../src/render/pdf/line-layout.js';
import { paginate } from '../src/render/pdf/paginate.js';
import { structNode, type FlowBox } from '../src/render/pdf/flow.js';
import { renderPdf } from '../src/render/pdf/render-pdf.js';
import { pdfPageTexts } from './helpers/pdf-text.js';

const EN_FONTS = ['noto-serif', 'noto-serif-kr', 'noto-serif-jp', 'noto-serif-sc'];
const KO_FONTS = ['noto-serif-kr', 'noto-serif', 'noto-serif-sc', 'noto-serif-jp'];
const JA_FONTS = ['noto-serif-jp', 'noto-serif-kr', 'noto-serif', 'noto-serif-sc'];
const ZH_FONTS = ['noto-serif-sc', 'noto-serif-kr', 'noto-serif', 'noto-serif-jp'];

const t = (text: string): Inline => ({ kind: 'text', text });

function letter(overrides: Partial<LetterDocument> & Pick<LetterDocument, 'blocks'>): LetterDocument {
  return testLetter({ fonts: EN_FONTS, ...overrides });
}

function signatories(count: number, make: (i: number) => [string, string | undefined]): SignatureEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const [name, country] = make(i);
    return { id: `s${i}`, name, country };
  });
}

/** What a reader should get back from the PDF, in order: every drawn string of the letter. */
function expectedText(doc: LetterDocument): string {
  const inline = (xs: Inline[]): string => xs.map((x) => (x.kind === 'text' ? x.text : inline(x.children))).join('');
  const parts = doc.blocks.flatMap((b: Block): string[] => {
    switch (b.kind) {
      case 'date':
      case 'sign-off':
        return [b.text];
      case 'recipient':
        return b.lines;
      case 'salutation':
      case 'paragraph':
        return [inline(b.content)];
      case 'heading':
        return [`${b.number === undefined ? '' : `${b.number}. `}${inline(b.content)}`];
      case 'bullets':
        return b.items.map((item) => `• ${inline(item)}`);
      case 'signatures':
        return b.entries.map((e) =>
          e.country === undefined ? e.name : `${e.name}${doc.countryAffix.before}${e.country}${doc.countryAffix.after}`,
        );
      case 'cc':
        return [b.label, ...b.entries.flatMap((e) => [e.name, ...e.lines])];
    }
  });
  return collapse(parts.join(' '));
}

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

async function pdfText(pdf: Buffer): Promise<{ pages: string[]; numPages: number }> {
  const pages = await pdfPageTexts(pdf);
  return { pages, numPages: pages.length };
}

/**
 * Body text without the page footers ("1 / 2"), all pages, whitespace collapsed; a line that ends
 * with a word's own hyphen ("kwan-" / "li-so") runs on into the next, as pdftotext reads it.
 */
function bodyText(pages: string[]): string {
  return collapse(
    pages
      .map((p, i) => p.replace(new RegExp(`${i + 1} / ${pages.length}\\s*$`), '').replace(/(?<=\p{L}-)\n/gu, ''))
      .join(' '),
  );
}

/** Embedded fonts, as `/BaseFont /ABCDEF+Name` entries (pdfkit leaves dictionaries uncompressed). */
function embeddedFonts(pdf: Buffer): string[] {
  // The Type0 font and its descendant CIDFont both name the font.
  return [...new Set([...pdf.toString('latin1').matchAll(/\/BaseFont \/([A-Z]{6}\+[\w-]+)/g)].map((m) => m[1] ?? ''))];
}

/** Each run of text poppler (pdftohtml) reads on page 1, with the family of the embedded font that draws it. */
function fontRuns(pdf: Uint8Array): { text: string; font: string }[] {
  const xml = execFileSync('pdftohtml', ['-xml', '-stdout', '-i', '-f', '1', '-l', '1', '-', '-'], {
    input: pdf,
    encoding: 'utf8',
  });
  const fonts = new Map(
    [...xml.matchAll(/<fontspec id="(\d+)"[^>]* family="(?:[A-Z]{6}\+)?([^"]+)"/g)].map((m) => [m[1], m[2]]),
  );
  return [...xml.matchAll(/<text [^>]*font="(\d+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({
    text: m[2]!,
    font: fonts.get(m[1]) ?? '?',
  }));
}

/** The content streams of a PDF, inflated (pdfkit compresses them with Flate). */
function contentStreams(pdf: Uint8Array): string[] {
  const bytes = Buffer.from(pdf);
  const text = bytes.toString('latin1');
  return [...text.matchAll(/stream\r?\n/g)].flatMap((m) => {
    const start = m.index + m[0].length;
    try {
      return [inflateSync(bytes.subarray(start, text.indexOf('endstream', start))).toString('latin1')];
    } catch {
      return []; // not Flate data
    }
  });
}

/**
 * What page 1 draws besides text, read from its content stream, in points from the page's top-left:
 * the centres of the circles (a moveto and four Bézier curves, as pdfkit draws them), whether each
 * lies in an Artifact section, and the baselines of the text (each text piece's Tm).
 */
function circlesAndBaselines(pdf: Uint8Array): {
  circles: { x: number; y: number; artifact: boolean }[];
  baselines: number[];
} {
  const page = contentStreams(pdf).find((c) => c.includes(' Tm\n'))!;
  const height = Number(/1 0 0 -1 0 ([\d.]+) cm/.exec(page)![1]);
  const circle = /([\d.]+) ([\d.]+) m\n[\d.]+ [\d.]+ [\d.]+ [\d.]+ ([\d.]+) [\d.]+ c\n(?:[\d. ]+ c\n){3}/g;
  const circles = [...page.matchAll(circle)].map((m) => {
    const before = page.slice(0, m.index);
    // The first curve ends at the circle's top (or bottom): its x is the centre's.
    return {
      x: Number(m[3]),
      y: Number(m[2]),
      artifact: before.lastIndexOf('/Artifact BMC') > before.lastIndexOf('EMC'),
    };
  });
  const baselines = [...page.matchAll(/1 0 0 1 [\d.]+ ([\d.]+) Tm/g)].map((m) => height - Number(m[1]));
  return { circles, baselines };
}

const lineText = (line: LayoutLine): string => line.pieces.map((p) => p.text).join('');

const EN_LETTER = letter({
  blocks: [
    { kind: 'date', text: 'June 6, 2018' },
    { kind: 'recipient', lines: ['Kim Jong Un', 'Chairman, State Affairs Commission', 'Pyongyang, DPRK'] },
    { kind: 'salutation', content: [t('Dear Chairman Kim Jong Un,')] },
    {
      kind: 'paragraph',
      content: [
        t(
          'As your government undertakes new efforts to increase its engagement with the rest of the world, we urge you to move rapidly to ',
        ),
        { kind: 'emphasis', children: [t('institute lasting improvements')] },
        t(
          ' to the dire human rights situation in the Democratic People\u2019s Republic of Korea (DPRK), including the ',
        ),
        { kind: 'strong', children: [t('kwan-li-so')] },
        t(' political prison camps; see '),
        {
          kind: 'link',
          href: 'https://example.org/report',
          children: [t('the 2014 report of the Commission of Inquiry')],
        },
        t('.'),
      ],
    },
    { kind: 'heading', number: '1', content: [t('Act on United Nations Human Rights Recommendations')] },
    {
      kind: 'bullets',
      items: [
        [t('Engage with the UN Human Rights Council and the General Assembly, and respond to their recommendations;')],
        [t('Invite the Special Rapporteur.')],
      ],
    },
    { kind: 'sign-off', text: 'Sincerely,' },
    {
      kind: 'signatures',
      entries: signatories(4, (i) => [
        ['Human Rights Watch', 'Amnesty International', 'Société internationale', 'No Fence'][i] as string,
        i === 1 ? undefined : 'France',
      ]),
    },
    {
      kind: 'cc',
      label: 'cc:',
      entries: [{ name: 'António Guterres', lines: ['Secretary-General of the United Nations'] }],
    },
  ],
});

const KO_PARAGRAPH =
  '위원장께서는 2018년 4월 27일 대한민국 문재인(文在寅) 대통령과 함께 채택하신 「판문점 선언」에서 민간 교류와 협력을 장려하고, 민족 분단으로 발생한 인도적 문제를 해결하겠다고 약속하셨습니다. 국제적십자위원회(ICRC)를 비롯한 국제기구와 Human Rights Watch, Łukasz Nowak 씨 등의 접근은 여전히 제한되어 있습니다.';

const KO_LETTER = letter({
  locale: 'ko',
  lang: 'ko-KR',
  title: '김정은 국무위원장께 보내는 서한',
  fonts: KO_FONTS,
  countryAffix: { before: ', ', after: '' },
  lineBreak: 'keep-all',
  blocks: [
    { kind: 'date', text: '2018년 6월 6일' },
    { kind: 'recipient', lines: ['김정은 국무위원장', '조선민주주의인민공화국(朝鮮民主主義人民共和國)'] },
    { kind: 'salutation', content: [t('김정은 국무위원장님께,')] },
    { kind: 'paragraph', content: [t(KO_PARAGRAPH)] },
    { kind: 'heading', number: '1', content: [t('유엔 인권 권고 이행')] },
    { kind: 'paragraph', content: [t(KO_PARAGRAPH.slice(0, 120))] },
    { kind: 'sign-off', text: '삼가 올림' },
    {
      kind: 'signatures',
      entries: signatories(8, (i) => [
        ['휴먼라이츠워치', 'Fundacja Wolności', '북한인권시민연합', '한변(韓辯)'][i % 4] as string,
        ['미국', '폴란드', '대한민국', undefined][i % 4],
      ]),
    },
  ],
});

describe('findUncovered and the font library', () => {
  it('reports a code point that no font in the stack covers', () => {
    expect(findUncovered('A😀', ['noto-serif'])).toEqual([{ char: '😀', codePoint: 0x1f600, index: 1 }]);
  });

  it('ignores characters that are never drawn and accepts what the stack covers', () => {
    expect(findUncovered('Kim\n김정은\t金正恩\u200b', EN_FONTS)).toEqual([]);
    expect(findUncovered('김', ['noto-serif']).map((u) => u.codePoint)).toEqual([0xae40]);
  });

  it('knows its fonts and rejects unknown ids', () => {
    expect(knownFontIds()).toEqual([
      'noto-serif',
      'noto-serif-kr',
      'noto-serif-sc',
      'noto-serif-jp',
      'noto-naskh-arabic',
    ]);
    expect(isKnownFont('noto-serif-kr')).toBe(true);
    expect(isKnownFont('helvetica')).toBe(false);
    expect(() => findUncovered('a', ['helvetica'])).toThrow(/unknown font id "helvetica"/);
  });

  it('parses a face file once and maps CJK italics to the upright face', () => {
    expect(loadFace('noto-serif-kr', 'italic')).toBe(loadFace('noto-serif-kr', 'regular'));
    expect(loadFace('noto-serif-kr', 'bold-italic')).toBe(loadFace('noto-serif-kr', 'bold'));
    expect(loadFace('noto-serif', 'italic')).not.toBe(loadFace('noto-serif', 'regular'));
  });
});

describe('splitFontRuns', () => {
  const runs = (text: string, fonts: string[]): [string, string][] =>
    splitFontRuns(text, fonts).map((r) => [r.fontId, r.text]);

  it('switches to the fallback font for Hangul and back, keeping the Latin parentheses', () => {
    expect(runs('Kim (김정은) said', EN_FONTS)).toEqual([
      ['noto-serif', 'Kim ('],
      ['noto-serif-kr', '김정은'],
      ['noto-serif', ') said'],
    ]);
  });

  it('draws a Latin name that the Korean font only partly covers wholly in the Latin font', () => {
    expect(runs('단체 Fundacja Wolności Łukasza Nowaka 등', KO_FONTS)).toEqual([
      ['noto-serif-kr', '단체 '],
      ['noto-serif', 'Fundacja Wolności Łukasza Nowaka'],
      ['noto-serif-kr', ' 등'],
    ]);
  });

  it('draws a Latin name glued to a Korean particle whole in the Latin font, not letter by letter', () => {
    expect(runs('Łódź의 Asociația Română와 Amnesty', KO_FONTS)).toEqual([
      ['noto-serif', 'Łódź'],
      ['noto-serif-kr', '의 '],
      ['noto-serif', 'Asociația Română'],
      ['noto-serif-kr', '와 Amnesty'],
    ]);
  });

  it('draws a name whose one word needs the Latin face wholly in it, across dashes, digits and commas', () => {
    const name = (text: string) => splitFontRuns(text, KO_FONTS, { name: true }).map((r) => [r.fontId, r.text]);
    // In running text only the words joined to Łódź by spaces go with it.
    expect(runs('Baltic Human Rights Network – Łódź', KO_FONTS)).toEqual([
      ['noto-serif-kr', 'Baltic Human Rights Network – '],
      ['noto-serif', 'Łódź'],
    ]);
    expect(name('Baltic Human Rights Network – Łódź')).toEqual([['noto-serif', 'Baltic Human Rights Network – Łódź']]);
    expect(name('Families 1969 Association, Łódź')).toEqual([['noto-serif', 'Families 1969 Association, Łódź']]);
    // A name the Korean face covers stays in it; the Hangul of a mixed name keeps the Korean face.
    expect(name('Amnesty International – UK')).toEqual([['noto-serif-kr', 'Amnesty International – UK']]);
    expect(name('Łódź 인권 단체')).toEqual([
      ['noto-serif', 'Łódź'],
      ['noto-serif-kr', ' 인권 단체'],
    ]);
  });

  it('keeps Hangul inside Japanese in the Korean font and the brackets in the Japanese one', () => {
    expect(runs('市民連合（북한인권）は', JA_FONTS)).toEqual([
      ['noto-serif-jp', '市民連合（'],
      ['noto-serif-kr', '북한인권'],
      ['noto-serif-jp', '）は'],
    ]);
  });
});

describe('layoutParagraph', () => {
  const base = (fonts: string[], lineBreak: LayoutOptions['lineBreak'], width: number): LayoutOptions => ({
    width,
    fontSize: 10,
    fonts,
    lineBreak,
    align: 'justify',
  });

  it('draws each name of a Korean line in one face of the weight of its text', () => {
    const lines = layoutParagraph(
      [
        { text: '서명: ', style: 'regular' },
        { text: 'Asociația Română, Łódź의 단체', style: 'bold' },
        { text: ' 및 Fundacja Praw Człowieka', style: 'regular' },
      ],
      base(KO_FONTS, 'keep-all', 400),
    );
    const faces = lines.flatMap((l) => l.pieces.map((p) => [p.face.key, p.text.trim()]));
    expect(faces.filter(([, text]) => text !== '')).toEqual([
      ['noto-serif-kr/400', '서명:'],
      ['noto-serif/700', 'Asociația Română, Łódź'],
      ['noto-serif-kr/700', '의 단체'],
      ['noto-serif-kr/400', '및'],
      ['noto-serif/400', 'Fundacja Praw Człowieka'],
    ]);
  });

  it('never splits a Korean word across lines (keep-all) and loses no text', () => {
    for (const width of [120, 180, 251, 320, 451]) {
      const lines = layoutParagraph([{ text: KO_PARAGRAPH, style: 'regular' }], base(KO_FONTS, 'keep-all', width));
      expect(lines.map(lineText).join('')).toBe(KO_PARAGRAPH);
      for (const line of lines.slice(0, -1)) expect(lineText(line)).toMatch(/ $/);
      for (const line of lines) expect(lineText(line)).not.toMatch(/^\s/);
    }
  });

  it('never starts a Japanese or Chinese line with closing punctuation, nor ends one with an opening bracket', () => {
    const ja =
      '日本語の文章です。次の文「引用」、そして（括弧）と句読点、読点。北朝鮮人権市民連合（북한인권시민연합）も同様の懸念を表明しています。';
    const zh = '中文的标点符号。引号“朝鲜”和书名号《公约》，以及顿号、分号；问号？还有括号（ICRC）也不能出现在行首。';
    for (const [text, fonts] of [
      [ja, JA_FONTS],
      [zh, ZH_FONTS],
    ] as const) {
      // Widths of 5 to 24 ideographs put a closing mark at a natural line start many times over.
      for (let chars = 5; chars < 25; chars++) {
        const lines = layoutParagraph([{ text, style: 'regular' }], base(fonts, 'cjk', chars * 10));
        expect(lines.map(lineText).join('')).toBe(text);
        for (const line of lines) {
          expect(lineText(line)).not.toMatch(/^[。、，．」）』》”：；？！]/u);
          expect(lineText(line)).not.toMatch(/[「（『《“]$/u);
          expect(line.width).toBeLessThanOrEqual(chars * 10 + 0.01);
        }
      }
    }
  });

  it('pushes the character before 。 onto the next line when 。 would start it', () => {
    const text = '一二三四五六七八九十。次';
    const lines = layoutParagraph([{ text, style: 'regular' }], base(JA_FONTS, 'cjk', 100));
    expect(lines.map(lineText)).toEqual(['一二三四五六七八九', '十。次']);
    // The first line is justified: its characters spread over the full measure.
    expect(lines[0]?.pieces[0]?.characterSpacing).toBeGreaterThan(0);
    expect(lines[0]?.width).toBeCloseTo(100, 5);
  });

  it('justifies Latin lines by stretching spaces across font runs, but not the last line', () => {
    const text =
      'The coalition of Kim (김정은) and many others writes again to ask for access to every camp and prison in the country without delay.';
    const lines = layoutParagraph([{ text, style: 'regular' }], base(EN_FONTS, 'normal', 200));
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines.slice(0, -1)) expect(line.width).toBe(200);
    // One extra amount per space, the same in the Latin and the Korean runs of a line.
    const hangulLine = lines.find((l) => l.pieces.some((p) => p.face.key.startsWith('noto-serif-kr'))) as LayoutLine;
    const gaps = hangulLine.pieces.slice(1).map((p, i) => {
      const prev = hangulLine.pieces[i] as (typeof hangulLine.pieces)[number];
      return p.x - (prev.x + prev.width);
    });
    const stretched = gaps.filter((g) => g > 0.001);
    expect(stretched.length).toBeGreaterThan(1);
    for (const g of stretched) expect(g).toBeCloseTo(stretched[0] as number, 6);
    const lastLine = lines[lines.length - 1] as LayoutLine;
    expect(lastLine.width).toBeLessThan(200);
    expect(lines.map(lineText).join('')).toBe(text);
  });
});

describe('paginate', () => {
  const box = (keepWithNext: boolean, height = 10): FlowBox => ({
    kind: 'box',
    height,
    spaceBefore: 0,
    keepWithNext,
    lines: [],
  });

  it('moves a heading that would end a page to the next page with the lines it keeps with', () => {
    // 9 boxes fit a page of 95; box 7 is a heading kept with box 8 (a first line kept with box 9).
    const items = [...Array.from({ length: 7 }, () => box(false)), box(true), box(true), box(false), box(false)];
    // Each box's one line carries its own tag object: the page lists name the boxes by it.
    const tags = items.map(() => structNode('P', undefined));
    items.forEach((item, i) => (item.lines = [{ x: 0, baseline: 0, pieces: [], tag: tags[i]! }]));
    const pages = paginate(items, { top: 0, height: 95 });
    expect(pages.map((p) => p.map((l) => `b${tags.indexOf(l.tag)}`))).toEqual([
      ['b0', 'b1', 'b2', 'b3', 'b4', 'b5', 'b6'],
      ['b7', 'b8', 'b9', 'b10'],
    ]);
  });
});

describe('renderPdf', () => {
  it('renders an English letter whose text extracts exactly', async () => {
    const pdf = (await renderPdf(EN_LETTER)).bytes;
    const { pages, numPages } = await pdfText(pdf);
    expect(numPages).toBe(1);
    expect(bodyText(pages)).toBe(expectedText(EN_LETTER));
    expect(pages[0]).toMatch(/1 \/ 1\s*$/);
    // Embedded subsets only: no standard 14 font (Helvetica) anywhere.
    const fonts = embeddedFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(pdf.toString('latin1')).not.toMatch(/Helvetica/);
  });

  it('renders a Korean letter with Latin names and Hanja that extracts exactly, words unsplit', async () => {
    const pdf = (await renderPdf(KO_LETTER)).bytes;
    const { pages } = await pdfText(pdf);
    // A word split across lines would come back as "서\n한을", i.e. with a space after collapsing.
    expect(bodyText(pages)).toBe(expectedText(KO_LETTER));
    const fonts = embeddedFonts(pdf).map((f) => f.slice(7));
    expect(fonts).toEqual(expect.arrayContaining(['NotoSerifKR-Regular', 'NotoSerifKR-Bold', 'NotoSerif-Regular']));
  });

  it('renders Japanese and Chinese letters (justified by character spacing) that extract exactly', async () => {
    const ja =
      '貴国政府が国際社会との関与を深めるための新たな取り組みを進めている今、私たち署名団体は、朝鮮民主主義人民共和国（以下「北朝鮮」）における深刻な人権状況を持続的に改善するための措置を速やかに講じるよう強く求めます。北朝鮮人権市民連合（북한인권시민연합）も同様の懸念を表明しています。';
    const zh =
      '在贵国政府努力加强与国际社会交往之际，我们各签署组织敦促您迅速采取措施，持久改善朝鲜民主主义人民共和国（以下简称“朝鲜”）严峻的人权状况。包括北韩人权市民联合（북한인권시민연합）在内的民间团体也表达了同样的关切。';
    for (const [text, fonts, lang] of [
      [ja, JA_FONTS, 'ja-JP'],
      [zh, ZH_FONTS, 'zh-Hans'],
    ] as const) {
      const doc = letter({
        lang,
        fonts,
        lineBreak: 'cjk',
        countryAffix: { before: '、', after: '' },
        blocks: [{ kind: 'paragraph', content: [t(text)] }],
      });
      const { pages } = await pdfText((await renderPdf(doc)).bytes);
      // CJK has no spaces: a line break extracts as a line feed, so compare without whitespace.
      expect(bodyText(pages).replace(/\s/g, '')).toBe(text);
    }
  });

  it('embeds the Korean fallback font for a Hangul name in an English letter', async () => {
    const doc = letter({ blocks: [{ kind: 'paragraph', content: [t('We write to Kim Jong Un (김정은) today.')] }] });
    const pdf = (await renderPdf(doc)).bytes;
    expect(embeddedFonts(pdf)).toEqual([
      expect.stringMatching(/^[A-Z]{6}\+NotoSerif-Regular$/),
      expect.stringMatching(/^[A-Z]{6}\+NotoSerifKR-Regular$/),
    ]);
    expect(bodyText((await pdfText(pdf)).pages)).toBe('We write to Kim Jong Un (김정은) today.');
  });

  it("draws Han in a span marked with a language in that language's face, the rest in the stack's", async () => {
    // 直 and 骨 have distinct Japanese, Korean and Chinese forms.
    const doc = letter({
      blocks: [
        {
          kind: 'paragraph',
          content: [
            t('Signed by '),
            { kind: 'lang', lang: 'ja', children: [t('直子')] },
            t(', '),
            { kind: 'lang', lang: 'zh-Hans', children: [t('骨直')] },
            t(' and 直子.'),
          ],
        },
      ],
    });
    const runs = fontRuns((await renderPdf(doc)).bytes).filter((r) => /\p{Script=Han}/u.test(r.text));
    expect(runs).toEqual([
      { text: '直子', font: 'NotoSerifJP' },
      { text: '骨直', font: 'NotoSerifSC' },
      // Unmarked, Han in an English letter takes the stack's first CJK face.
      { text: '直子', font: 'NotoSerifKR' },
    ]);
  });

  it('draws emphasis dots above Japanese and below Chinese kanji and kana, as artifacts outside the text', async () => {
    const content: Inline[] = [t('建設部隊（'), { kind: 'emphasis', children: [t('突撃隊')] }, t('）を廃止すること。')];
    const render = async (fonts: string[], emphasis: 'dots' | 'bold', emphasisDots: 'above' | 'below') => {
      const doc = letter({
        lang: fonts === JA_FONTS ? 'ja-JP' : 'zh-Hans',
        fonts,
        lineBreak: 'cjk',
        blocks: [{ kind: 'paragraph', content }],
      });
      return (await renderPdf({ ...doc, typography: { ...doc.typography, emphasis, emphasisDots } })).bytes;
    };
    const boldText = bodyText((await pdfText(await render(JA_FONTS, 'bold', 'above'))).pages);
    for (const [fonts, where] of [
      [JA_FONTS, 'above'],
      [ZH_FONTS, 'below'],
    ] as const) {
      const pdf = await render(fonts, 'dots', where);
      const { circles, baselines } = circlesAndBaselines(pdf);
      // One dot on each of 突撃隊, none on the brackets or on the text outside the emphasis.
      expect(circles).toHaveLength(3);
      expect(circles.every((c) => c.artifact)).toBe(true);
      expect(bodyText((await pdfText(pdf)).pages)).toBe(boldText);
      const baseline = baselines[0]!;
      for (const c of circles) {
        // Outside the ideographic em box (0.88 em up, 0.12 em down from the baseline; 10.5 pt type).
        if (where === 'above') expect(c.y).toBeLessThan(baseline - 0.88 * 10.5);
        else expect(c.y).toBeGreaterThan(baseline + 0.12 * 10.5);
      }
      // Centred on full-width characters, one em apart.
      expect(circles.map((c) => c.x - circles[0]!.x)).toEqual([0, 10.5, 21].map((x) => expect.closeTo(x, 3)));
    }
  });

  it('refuses a character that no font covers instead of drawing an empty box', async () => {
    const doc = letter({ blocks: [{ kind: 'paragraph', content: [t('Hello 😀')] }] });
    await expect(renderPdf(doc)).rejects.toThrow(/"😀" \(U\+1F600\) in block 1 \(paragraph\)/);
  });

  it('is byte-identical across renders', async () => {
    const [a, b] = await Promise.all([renderPdf(KO_LETTER), renderPdf(KO_LETTER)]);
    expect(a.bytes.equals(b.bytes)).toBe(true);
  });

  it('writes Title, Lang and a tagged structure tree', async () => {
    const proxy = await getDocumentProxy(new Uint8Array((await renderPdf(KO_LETTER)).bytes));
    const info = (await proxy.getMetadata()).info as Record<string, unknown>;
    expect(info['Title']).toBe('김정은 국무위원장께 보내는 서한');
    expect(info['Author']).toBe('Test Coalition');
    expect(info['Language']).toBe('ko-KR');
    expect(proxy.numPages).toBe(1);
    const tree = (await (await proxy.getPage(1)).getStructTree()) as {
      children: { role: string; children: { role: string }[] }[];
    };
    const document = tree.children[0];
    expect(document?.role).toBe('Document');
    expect(new Set(document?.children.map((c) => c.role))).toEqual(new Set(['P', 'H1', 'L']));
  });

  it('paginates a long signature list, each entry whole, with page labels "n / N"', async () => {
    // Two columns of about 41 one-line entries per page: 200 entries need three pages.
    const entries = signatories(200, (i) => [`Organisation ${i + 1}`, i % 3 === 0 ? undefined : 'Republic of Korea']);
    const doc = letter({
      blocks: [
        { kind: 'sign-off', text: 'Sincerely,' },
        { kind: 'signatures', entries },
      ],
    });
    const rendered = await renderPdf(doc);
    const { pages, numPages } = await pdfText(rendered.bytes);
    expect(numPages).toBe(3);
    // The renderer's own count is what the reader finds.
    expect(rendered.pages).toBe(3);
    pages.forEach((page, i) => expect(page).toMatch(new RegExp(`${i + 1} / 3\\s*$`)));
    expect(bodyText(pages)).toBe(expectedText(doc));
  });
});
