import { InternalError } from './internal-error.js';
import type { Digits, LetterTypography, LineBreakStyle, PaperSize } from './project.js';

/**
 * LetterDocument: the AST between compose and render. Every string is final (translated,
 * parameters filled); renderers never look anything up.
 */

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'emphasis'; children: Inline[] }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] }
  /** Text in another language than the letter's (`[金正恩]{lang=ja}`): its Han characters take that language's forms. */
  | { kind: 'lang'; lang: string; children: Inline[] };

export type Block =
  | { kind: 'date'; text: string }
  | { kind: 'recipient'; lines: string[] }
  | { kind: 'salutation'; content: Inline[] }
  | { kind: 'heading'; number: string | undefined; content: Inline[] }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'bullets'; items: Inline[][] }
  | { kind: 'sign-off'; text: string }
  | { kind: 'signatures'; entries: SignatureEntry[] }
  | { kind: 'cc'; label: string; entries: { name: string; lines: string[] }[] };

export interface SignatureEntry {
  /** Signatory id in the roster. */
  id: string;
  name: string;
  /** Country name in the letter's language, or undefined for international bodies. */
  country: string | undefined;
}

export interface LetterDocument {
  campaignId: string;
  /** Locale code as used in the workspace (e.g. "ko", "zh-Hans"). */
  locale: string;
  /** BCP 47 tag for metadata. */
  lang: string;
  title: string;
  author: string;
  subject: string;
  /** ISO date; also the PDF creation date. */
  date: string;
  paper: PaperSize;
  /** Page footer template with {page} and {pages}. */
  pageLabel: string;
  /** The digits of the page numbers; absent = 0–9. */
  digits?: Digits;
  fonts: string[];
  /** Around a signatory's country: ", " + country, " (" + country + ")", "（" + country + "）". */
  countryAffix: { before: string; after: string };
  /**
   * After a name ending in its own brackets, the country goes inside them after this (letter.yaml
   * `country_inside_brackets`: ja "、", ko ", "); absent = the country in brackets of its own.
   * model/printed-signature.ts joins them when a line is printed.
   */
  countryInsideBrackets?: string;
  lineBreak: LineBreakStyle;
  typography: LetterTypography;
  blocks: Block[];
}

/** Plain text of a run of inlines (for measuring, checks and Markdown-free output). */
export function inlineText(inlines: Inline[]): string {
  return inlines.map((i) => (i.kind === 'text' ? i.text : inlineText(i.children))).join('');
}

export function assertNever(x: never): never {
  throw new InternalError(`unexpected value: ${JSON.stringify(x)}`);
}
