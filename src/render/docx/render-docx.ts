import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  LevelFormat,
  NumberFormat,
  Packer,
  PageNumber,
  Paragraph,
  SectionType,
  TextRun,
  type ISectionOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { assertNever, type Block, type Inline, type LetterDocument } from '../../model/letter-document.js';
import type { Digits } from '../../model/project.js';
import { fontsForLanguage } from '../../fonts/fonts-by-language.js';
import { fontFamilies, languageInfo, type FontFamily, type LanguageInfo } from '../language-info.js';
import { normalizeDocx } from './normalize-docx.js';
import { printedSignature } from '../../model/printed-signature.js';

/** Signature lists longer than this are set in two columns, as in the PDF. */
const TWO_COLUMN_THRESHOLD = 6;
/** Page sizes and margins in twentieths of a point (twips). */
const PAGE = { A4: { width: 11906, height: 16838 }, Letter: { width: 12240, height: 15840 } };
const MARGIN = 1418; // 2.5 cm
/**
 * Word's page fields in a letter's digits (ECMA-376 §17.16.4.3.1): the general format switch
 * HINDIARABIC, Word's "١، ٢، ٣" (its ST_NumberFormat hindiNumbers), for Arabic-Indic digits of
 * either form (Word shapes them as the run's language writes them). Latin digits need none.
 */
const FIELD_DIGITS: Record<
  Digits,
  { switch: string; format: (typeof NumberFormat)[keyof typeof NumberFormat] } | undefined
> = {
  latn: undefined,
  arab: { switch: ' \\* HINDIARABIC', format: NumberFormat.HINDI_NUMBERS },
  arabext: { switch: ' \\* HINDIARABIC', format: NumberFormat.HINDI_NUMBERS },
};
const SECTIONS = 'sections';
const BULLETS = 'bullets';
/** The body size in half-points (11 pt), and so one em in twips, for first-line indents. */
const BODY_SIZE = 22;
const EM = BODY_SIZE * 10;
/**
 * The language of Latin-script words (names, acronyms) in an East Asian letter: Word's own Chinese,
 * Japanese and Korean documents use English there. Word and LibreOffice would otherwise apply the
 * East Asian language to Latin words too, checking them against its dictionary and breaking them
 * anywhere at a line end ("Para|guay").
 */
const LATIN_IN_EAST_ASIAN = 'en-US';

interface Ctx {
  doc: LetterDocument;
  lang: LanguageInfo;
  /** Run properties every run carries: the language (Word's dictionary) and fonts by script slot. */
  run: IRunOptions;
}

/**
 * The letter as a Word document partners can comment on and track changes in: real headings (the
 * section numbers are Word numbering, so inserting a section renumbers), bullet lists, the signature
 * list in two newspaper columns, the CC block. Fonts are named, not embedded; no text boxes or
 * frames. Every run carries the language, so Word checks spelling with the right dictionary; East
 * Asian languages also set the East Asian language and font slots. Deterministic: the same letter
 * gives the same bytes (timestamps pinned to the letter's date).
 */
export async function renderDocx(doc: LetterDocument): Promise<Uint8Array> {
  const lang = languageInfo(doc.lang);
  const families = fontFamilies(doc.fonts);
  const first = families[0]?.family ?? 'Noto Serif';
  const eastAsian = families.find((f) => f.eastAsian)?.family ?? first;
  const run: IRunOptions = {
    font: { ascii: first, hAnsi: first, cs: first, eastAsia: eastAsian },
    language: {
      value: lang.eastAsian ? LATIN_IN_EAST_ASIAN : lang.wordTag,
      ...(lang.eastAsian ? { eastAsia: lang.wordTag } : {}),
      ...(lang.dir === 'rtl' ? { bidirectional: lang.wordTag } : {}),
    },
    ...(lang.dir === 'rtl' ? { rightToLeft: true } : {}),
  };
  const ctx: Ctx = { doc, lang, run };
  const digits = doc.digits && FIELD_DIGITS[doc.digits];
  const page = {
    size: PAGE[doc.paper],
    margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN, header: 709, footer: 709 },
    // The section's page number format too: what Word's own page-number gallery and LibreOffice read.
    ...(digits ? { pageNumbers: { formatType: digits.format } } : {}),
  };
  const sections: ISectionOptions[] = [];
  let current: Paragraph[] = [para(ctx, [text(ctx, doc.title)], { heading: HeadingLevel.HEADING_1 })];
  const close = (columns: number, continuous: boolean) => {
    if (!current.length) return;
    sections.push({
      properties: {
        page,
        ...(continuous ? { type: SectionType.CONTINUOUS } : {}),
        ...(columns > 1 ? { column: { count: columns, space: 567, equalWidth: true } } : {}),
      },
      // Later sections inherit the first one's footer (OOXML: a section without a reference links to the previous).
      ...(sections.length ? {} : { footers: { default: footer(ctx) } }),
      children: current,
    });
    current = [];
  };
  for (const b of doc.blocks) {
    if (b.kind === 'signatures' && b.entries.length > TWO_COLUMN_THRESHOLD) {
      close(1, sections.length > 0);
      current = blockParagraphs(ctx, b);
      close(2, true);
    } else current.push(...blockParagraphs(ctx, b));
  }
  // Word and LibreOffice balance the columns of a section only when a section follows it: a letter
  // ending with its signatures gets an empty one, or the last page holds a single column.
  if (sections.at(-1)?.properties?.column && !current.length) current.push(new Paragraph({}));
  close(1, sections.length > 0);

  const document = new Document({
    title: doc.title,
    subject: doc.subject,
    creator: doc.author,
    lastModifiedBy: doc.author,
    description: doc.subject,
    // Justified text needs hyphenation, as in the PDF: languages that break lines at spaces.
    ...(doc.lineBreak === 'normal' ? { hyphenation: { autoHyphenation: true, doNotHyphenateCaps: true } } : {}),
    styles: {
      default: {
        document: { run: { ...run, size: BODY_SIZE }, paragraph: { spacing: { after: 160, line: 276 } } },
        heading1: { run: { ...run, size: 30, bold: true }, paragraph: { spacing: { after: 240 } } },
        heading2: {
          run: { ...run, size: 24, bold: true },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
        },
      },
    },
    numbering: {
      config: [
        {
          // compose numbers sections "1.", "2.", …: the same text, made by Word so it renumbers itself.
          reference: SECTIONS,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 432, hanging: 432 } } },
            },
          ],
        },
        {
          reference: BULLETS,
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '\u2022',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections,
  });
  return normalizeDocx(await Packer.toBuffer(document), doc.date, {
    'word/fontTable.xml': (xml) => fontTable(xml, families),
    // The docx package writes a page field's instruction bare (PAGE, NUMPAGES): the switch goes after it.
    ...(digits
      ? {
          'word/footer1.xml': (xml: string) =>
            xml.replace(/>(PAGE|NUMPAGES)<\/w:instrText>/g, `>$1${digits.switch}</w:instrText>`),
        }
      : {}),
    ...(lang.eastAsian && !lang.spaceAroundLatin ? { 'word/styles.xml': noSpaceAroundLatin } : {}),
  });
}

/**
 * The font table the docx package leaves empty: each named family with its script's character set
 * and the serif class, so Word substitutes a serif face of the same script (Batang for Noto Serif KR,
 * MS Mincho for Noto Serif JP…) on a computer without the Noto fonts, instead of a default face.
 */
function fontTable(xml: string, families: FontFamily[]): string {
  const fonts = families.map(
    (f) =>
      `<w:font w:name="${escapeXml(f.family)}">${f.charset ? `<w:charset w:val="${f.charset}"/>` : ''}<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`,
  );
  return xml.replace(/<w:fonts([^>]*)\/>$|<w:fonts([^>]*)>[\s\S]*<\/w:fonts>$/, (_m, a?: string, b?: string) => {
    return `<w:fonts${a ?? b ?? ''}>${fonts.join('')}</w:fonts>`;
  });
}

/** Korean sets no extra space between Hangul and Latin letters or digits (Word adds it by default). */
function noSpaceAroundLatin(xml: string): string {
  return xml.replace(
    '<w:pPrDefault><w:pPr>',
    '<w:pPrDefault><w:pPr><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>',
  );
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function blockParagraphs(ctx: Ctx, b: Block): Paragraph[] {
  switch (b.kind) {
    case 'date':
      return [
        // Its lines as written: Chinese 此致 (two ideographic spaces in) over 敬礼！.
        para(ctx, lines(ctx, b.text.split('\n')), {
          alignment: ctx.lang.dir === 'rtl' ? AlignmentType.LEFT : AlignmentType.RIGHT,
        }),
      ];
    case 'recipient':
      return [para(ctx, lines(ctx, b.lines))];
    case 'salutation':
      return [para(ctx, inlines(ctx, b.content))];
    case 'paragraph':
      // As in the PDF: justified, with the language's first-line indent (Japanese one em, Chinese two).
      return [
        para(ctx, inlines(ctx, b.content), {
          alignment: AlignmentType.JUSTIFIED,
          ...(ctx.doc.typography.paragraphIndent
            ? { indent: { firstLine: ctx.doc.typography.paragraphIndent * EM } }
            : {}),
        }),
      ];
    case 'heading':
      return [
        para(ctx, inlines(ctx, b.content), {
          heading: HeadingLevel.HEADING_2,
          ...(b.number ? { numbering: { reference: SECTIONS, level: 0 } } : {}),
        }),
      ];
    case 'bullets':
      return b.items.map((item) =>
        para(ctx, inlines(ctx, item), {
          numbering: { reference: BULLETS, level: 0 },
          spacing: { after: 80 },
          alignment: AlignmentType.JUSTIFIED,
        }),
      );
    case 'sign-off':
      return [
        // Its lines as written: Chinese 此致 (two ideographic spaces in) over 敬礼！.
        para(ctx, lines(ctx, b.text.split('\n')), {
          spacing: { before: 240, after: 240 },
          // Japanese 敬具 stands flush right (at the end of the line: left in a right-to-left letter).
          ...(ctx.doc.typography.signOffAlign === 'right'
            ? { alignment: ctx.lang.dir === 'rtl' ? AlignmentType.LEFT : AlignmentType.RIGHT }
            : {}),
        }),
      ];
    case 'signatures':
      return b.entries
        .map((e) => printedSignature(e, ctx.doc))
        .map((e) =>
          para(ctx, [text(ctx, e.name), ...(e.country ? [text(ctx, `${e.before}${e.country}${e.after}`)] : [])], {
            spacing: { after: 40 },
            keepLines: true,
          }),
        );
    case 'cc':
      return [
        para(ctx, [text(ctx, b.label)], { spacing: { before: 240 }, keepNext: true }),
        // Each addressee's name and lines stay on one page, as in the PDF.
        ...b.entries.map((e) =>
          para(ctx, [text(ctx, e.name, { bold: true }), ...lines(ctx, e.lines, true)], { keepLines: true }),
        ),
      ];
    default:
      return assertNever(b);
  }
}

function para(ctx: Ctx, children: ParagraphChild[], opts: ConstructorParameters<typeof Paragraph>[0] & object = {}) {
  return new Paragraph({ ...(ctx.lang.dir === 'rtl' ? { bidirectional: true } : {}), ...opts, children });
}

function text(ctx: Ctx, s: string, extra: IRunOptions = {}): TextRun {
  return new TextRun({ ...ctx.run, ...extra, text: s });
}

/** Lines of one paragraph, separated by line breaks (an address, a CC entry). */
function lines(ctx: Ctx, xs: string[], breakFirst = false): TextRun[] {
  return xs.map((l, i) => new TextRun({ ...ctx.run, text: l, ...(i > 0 || breakFirst ? { break: 1 } : {}) }));
}

type Marks = Pick<IRunOptions, 'bold' | 'italics' | 'emphasisMark'>;

/** Emphasis as the language sets it: italic, bold, or Word's emphasis dots (w:em) above or below. */
function emphasized(typography: LetterDocument['typography'], marks: Marks): Marks {
  if (typography.emphasis === 'bold') return { ...marks, bold: true };
  if (typography.emphasis === 'italic') return { ...marks, italics: !marks.italics };
  // w:em takes "underDot" too (ECMA-376 ST_Em); the docx package types only "dot".
  return { ...marks, emphasisMark: { type: (typography.emphasisDots === 'below' ? 'underDot' : 'dot') as 'dot' } };
}

function inlines(ctx: Ctx, xs: Inline[], marks: Marks = {}): ParagraphChild[] {
  return xs.flatMap((x): ParagraphChild[] => {
    switch (x.kind) {
      case 'text':
        // A line feed inside a text is a hard break, as in the PDF and the Markdown.
        return x.text
          .split('\n')
          .map((t, i) => new TextRun({ ...ctx.run, ...marks, text: t, ...(i ? { break: 1 } : {}) }));
      case 'emphasis':
        // Scripts without italics (Chinese, Japanese, Korean) emphasise in bold, as the PDF does.
        return inlines(ctx, x.children, emphasized(ctx.doc.typography, marks));
      case 'strong':
        return inlines(ctx, x.children, { ...marks, bold: true });
      case 'link':
        return [new ExternalHyperlink({ link: x.href, children: inlines(ctx, x.children, marks) })];
      case 'lang':
        return inlines({ ...ctx, run: languageRun(ctx, x.lang) }, x.children, marks);
      default:
        return assertNever(x);
    }
  });
}

/** Run properties of text in another language: its East Asian language, and the face of its Han forms. */
function languageRun(ctx: Ctx, tag: string): IRunOptions {
  const eastAsia = fontFamilies(fontsForLanguage(ctx.doc.fonts, tag)).find((f) => f.eastAsian)?.family;
  const { wordTag } = languageInfo(tag);
  return {
    ...ctx.run,
    ...(eastAsia ? { font: { ...(ctx.run.font as object), eastAsia } } : {}),
    language: { ...ctx.run.language, eastAsia: wordTag },
  };
}

/** The page label ("{page} / {pages}", "- {page} -") with Word's page fields in place of the placeholders. */
function footer(ctx: Ctx): Footer {
  const parts = ctx.doc.pageLabel.split(/(\{page\}|\{pages\})/).filter(Boolean);
  const children = parts.map((p) =>
    p === '{page}'
      ? new TextRun({ ...ctx.run, size: 18, children: [PageNumber.CURRENT] })
      : p === '{pages}'
        ? new TextRun({ ...ctx.run, size: 18, children: [PageNumber.TOTAL_PAGES] })
        : new TextRun({ ...ctx.run, size: 18, text: p }),
  );
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children })] });
}
