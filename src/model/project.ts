import type { Span, SourcedText } from './span.js';
import type { HeadOfMission } from './heads-of-mission.js';

/**
 * Resolved workspace types: what the pipeline uses after loading and normalising.
 * (What a user writes is described by the schemas in src/load/schemas.ts.)
 */

/** One element of a text body: a paragraph, or one bullet item. */
export type BodyElement = { kind: 'paragraph'; text: SourcedText } | { kind: 'item'; text: SourcedText };

/** A list of paragraphs and bullet items, in the source language. */
export type Body = BodyElement[];

export interface DemandBlock {
  id: string;
  title: SourcedText;
  tags: string[];
  params: string[];
  text: Body;
  variants: Map<string, Body>;
  /** Span of the whole file (for "defined here" notes). */
  span: Span;
}

export interface DemandRef {
  id: string;
  variant: string | undefined;
  span: Span;
}

export interface Section {
  heading: SourcedText | undefined;
  intro: Body;
  demands: DemandRef[];
  outro: Body;
}

export interface CcEntry {
  name: SourcedText;
  lines: SourcedText[];
}

/** Whom a letter addresses: it picks the language's salutation, opening and closing formulas. */
export const RECIPIENT_KINDS = ['head-of-state', 'head-of-mission', 'organisation'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

export interface Recipient {
  kind: RecipientKind;
  name: SourcedText;
  /** How the letter addresses the recipient in its formulas ({address_as}): "Monsieur le Président". */
  addressAs: SourcedText | undefined;
  /**
   * How a delivery text names the recipient to a third party, with title and honorific
   * ("His Excellency Kim Jong Un, Chairman of …"; 김정은 국무위원장): never the bare name.
   */
  styled: SourcedText | undefined;
  titles: SourcedText[];
  address: SourcedText[];
}

/**
 * A passage the letter quotes, with its source, and per language how it is printed: the official
 * text of that language (with its source), or an unofficial translation (as indirect speech, or
 * with the language's "unofficial translation" note).
 */
export interface Quotation {
  id: string;
  /** The quoted words, exactly as the source-language text quotes them. */
  text: SourcedText;
  source: SourcedText;
  forms: Map<string, QuotationForm>;
  span: Span;
}

export type QuotationForm =
  | { kind: 'official'; text: SourcedText; source: SourcedText }
  | { kind: 'unofficial'; print: 'indirect' | 'note'; span: Span };

export interface SignatoryRef {
  id: string;
  span: Span;
  /** The name as it signed this letter (source language), when not the roster's. */
  as: SourcedText | undefined;
  sortAs: string | undefined;
  /** The country as it signed (source language), false when it gave none, undefined for the usual. */
  country: SourcedText | false | undefined;
}

/** How a letter prints a signatory's country: "Name, Country", "Name (Country)", or not at all. */
export const SIGNATORY_COUNTRY_STYLES = ['after-comma', 'parentheses', 'none'] as const;
export type SignatoryCountryStyle = (typeof SIGNATORY_COUNTRY_STYLES)[number];

export const PAPER_SIZES = ['A4', 'Letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export interface Campaign {
  id: string;
  /** ISO date (YYYY-MM-DD) of the letter. */
  date: string;
  dateSpan: Span;
  locales: string[];
  localesSpan: Span;
  paper: PaperSize;
  title: SourcedText;
  /** Each parameter's value ({{name}}). */
  params: Map<string, SourcedText>;
  /** Each parameter's grammatical forms in the source language ({{country.in}} → "in Belarus"). */
  paramForms: Map<string, Map<string, SourcedText>>;
  recipient: Recipient;
  /** The campaign's own salutation; undefined = the language's formula for the recipient's kind. */
  salutation: SourcedText | undefined;
  opening: Body;
  numberedSections: boolean;
  sections: Section[];
  closing: Body;
  signOff: string;
  signOffSpan: Span;
  signatoryOrder: 'collation' | 'as-listed';
  signatoryCountry: SignatoryCountryStyle;
  /** Country names as this letter wrote them (source language), by ISO code: "ROK" for KR. */
  countryNames: Map<string, SourcedText>;
  signatories: SignatoryRef[];
  /** The `signatories:` key (or the file's start when it is not written), for "nobody signs this". */
  signatoriesSpan: Span;
  cc: CcEntry[];
  quotations: Quotation[];
  missions: { id: string; span: Span }[];
  span: Span;
}

export interface Signatory {
  id: string;
  name: SourcedText;
  kind: 'organisation' | 'individual';
  /** ISO 3166-1 alpha-2, or undefined for international bodies. */
  country: string | undefined;
  aliases: string[];
  /** Established names in other languages, by locale code. */
  names: Map<string, string>;
  /** Sort keys: "" for the default, or a locale code. */
  sortAs: Map<string, string>;
  /** Contact details: kept in the roster, never printed. */
  contact: { person?: string; email?: string } | undefined;
  span: Span;
}

export interface Mission {
  id: string;
  kind: 'embassy' | 'un-mission' | 'other';
  name: string;
  nameLocal: string | undefined;
  city: string;
  country: string;
  address: string[] | undefined;
  locationHint: string | undefined;
  phone: string | undefined;
  fax: string | undefined;
  email: string | undefined;
  languages: string[];
  status: 'open' | 'closed' | 'unknown';
  closedOn: string | undefined;
  /** Who headed the mission and when, earliest first (one undated holder: today's head); pick with headInPost. */
  heads: readonly HeadOfMission[];
  /** The city's name by language, beside `city` (source language): es La Habana, fr Genève. */
  cities?: Map<string, string>;
  /** The mission's name by language, beside `name` (source language). */
  names?: Map<string, string>;
  /** The postal address as a language writes it (the local script on the envelope), by language. */
  addressLocal?: Map<string, string[]>;
  sources: { url: string | undefined; date: string | undefined; supports: string | undefined }[];
  verified: string | undefined;
  notes: string | undefined;
  span: Span;
  /**
   * The texts the delivery sheets print, by their field in missions.yaml ("name", "address[1]"),
   * with their spans: a finding in one points at that field, not at the whole record.
   */
  printed: ReadonlyMap<string, SourcedText>;
}

export const LINE_BREAK_STYLES = ['normal', 'keep-all', 'cjk'] as const;
export type LineBreakStyle = (typeof LINE_BREAK_STYLES)[number];

/**
 * The digits a language writes its dates, page numbers and counts in (Intl numbering systems):
 * latn 0–9, arab ٠–٩ (Arabic-Indic), arabext ۰–۹ (Persian, Urdu).
 */
export const DIGIT_SYSTEMS = ['latn', 'arab', 'arabext'] as const;
export type Digits = (typeof DIGIT_SYSTEMS)[number];

/** A language's letter conventions (locale.yaml `typography`). */
export interface LetterTypography {
  /** First-line indent of body paragraphs, in em (Japanese: 1, Chinese: 2). */
  paragraphIndent: number;
  /** How emphasis is set: italic, bold (Korean), or dots beside each character (Japanese 圏点, Chinese 着重号). */
  emphasis: 'italic' | 'bold' | 'dots';
  /** Where emphasis dots go: above the characters (Japanese), below them (Chinese). */
  emphasisDots: 'above' | 'below';
  /**
   * The space between kanji or kana and Western letters or digits (JLREQ 3.2.5): a quarter em, or
   * none. Measured and drawn alike; never at a line's start or end.
   */
  cjkLatinSpace: 'quarter-em' | 'none';
  /** Where the sign-off stands (Japanese 敬具: flush right). */
  signOffAlign: 'left' | 'right';
}

export interface LocaleInfo {
  code: string;
  name: string;
  /** BCP 47 tag written into the PDF. */
  tag: string;
  /** Font ids in fallback order. */
  fonts: string[];
  /**
   * The workspace font files among `fonts`: each id's face files (style → workspace-relative path),
   * which a process given this locale from the cache of loaded workspaces registers again.
   */
  workspaceFonts: { id: string; files: Record<string, string> }[];
  lineBreak: LineBreakStyle;
  /** Letter chrome strings, flattened ("sign_off.sincerely" → text). */
  chrome: Map<string, SourcedText>;
  /** Intl.DateTimeFormat options for the letter date (with the locale's digits as numberingSystem). */
  dateFormat: Intl.DateTimeFormatOptions;
  /** The digits of dates, page numbers and counts; undefined = those Intl gives the tag. */
  digits: Digits | undefined;
  /** Month names of a long date, January first (letter.yaml `months`); undefined = Intl's. */
  monthNames: string[] | undefined;
  /** Days of the month written otherwise than as their number (letter.yaml `days`: fr 1 → 1er); undefined = none. */
  dayNames: Record<number, string> | undefined;
  /** Flattened translations: "demands:<id>.text.0", "campaigns:<id>.opening.0" → text. */
  translations: Map<string, SourcedText>;
  typography: LetterTypography;
  /** Where an address block names its person (the cover note's attention line): above the address, or after it (ja, zh). */
  addressee: 'first' | 'last';
  /** Where a letter and its cover note greet their reader: a line before the body, or the address block's person line (ja 宛名). */
  salutation: 'line' | 'address';
  /** The quotation marks straight quotes become: outer open, close, inner open, close ("“”‘’"). */
  quotes: string;
  /** No-break spaces around punctuation (French typography); undefined = none. */
  punctuationSpace: { before: string; after: string } | undefined;
  /** Unicode scripts a translation must mostly be written in (e.g. ["Hangul"]); empty = not checked. */
  scripts: string[];
  /** Fingerprints of the English sources the translations were made from (sources.lock.json), by key. */
  sourceHashes: Map<string, string>;
  /** The English texts those fingerprints were taken of (source-texts.json), by fingerprint. */
  sourceTexts: Map<string, string>;
  /** Established names of roster entries in this language (locales/<lng>/signatories.yaml), by signatory id. */
  signatoryNames: Map<string, { name: string; sortAs: string | undefined; span: Span }>;
  /** States' names where this language's usage differs from Intl's (locales/<lng>/countries.yaml `names:`), by ISO code. */
  countryNames: Map<string, SourcedText>;
  /** Places signed with that are not states ("Kashmir"), in this language (`places:`), by the name as signed. */
  placeNames: Map<string, SourcedText>;
  span: Span;
}

export interface Workspace {
  name: string;
  shortName: string;
  returnAddress: string[];
  contactEmail: string | undefined;
  sourceLocale: string;
  /** The coalition's name by language (its established name there), beside `name`. */
  names?: Map<string, string>;
  /** The return address as a language writes it (the sheets worded in it), beside `returnAddress`. */
  returnAddressLocal?: Map<string, string[]>;
  /** Where workspace.yaml gives the name (diagnostics about its forms point there). */
  nameSpan?: Span;
  /**
   * Every string workspace.yaml gives at its top level, alone or as a list item, by key, where it is
   * written: rules about the coalition's details read these, not the file again. Kept when the file
   * fails its schema (the rules still see what was written).
   */
  texts?: { key: string; text: string; span: Span }[];
}

export interface Project {
  root: string;
  workspace: Workspace;
  campaigns: Map<string, Campaign>;
  demands: Map<string, DemandBlock>;
  signatories: Map<string, Signatory>;
  missions: Map<string, Mission>;
  locales: Map<string, LocaleInfo>;
  /** Ids whose file or entry exists but failed to load: references to them are not reported as unknown. */
  broken: { demands: Set<string>; campaigns: Set<string>; signatories: Set<string>; missions: Set<string> };
  /** File texts by workspace-relative path, for diagnostics' source lines. */
  files: Map<string, string>;
  /** glossary.yaml terms (empty when the file is absent). */
  glossary?: GlossaryTerm[];
  /** templates/*.hbs texts by workspace-relative path (also in `files`). */
  templates?: Map<string, string>;
  /** What delivery words its sheets with: the workspace's, else the bundled, delivery.yaml and templates. */
  delivery?: DeliveryTexts;
}

/** A preferred term and the variant spellings a text should not use. */
export interface GlossaryTerm {
  preferred: string;
  variants: string[];
  /** Locale codes it applies to; empty = every language. */
  languages: string[];
  note: string | undefined;
  span: Span;
}

/** locales/<lng>/delivery.yaml: the wording of cover notes, fax sheets and e-mail drafts in one language. */
export interface DeliveryWording {
  /** The path diagnostics use: "locales/fr/delivery.yaml", or "(bundled) locales/fr/delivery.yaml". */
  file: string;
  /** Each text by its path in the file ("cover_note.body"): an ICU message. */
  texts: Map<string, SourcedText>;
  /** Names of languages, in this language, that replace Intl's (by language code). */
  languageNames: Map<string, string>;
}

/** The delivery templates, by what they make. */
export const TEMPLATE_FILES = { coverNote: 'cover-note.hbs', faxCover: 'fax-cover.hbs', email: 'email.hbs' } as const;
export type TemplateName = keyof typeof TEMPLATE_FILES;

/** A delivery template's text and the path diagnostics use (workspace-relative, or "(bundled) …"). */
export interface TemplateSource {
  file: string;
  text: string;
}

export interface DeliveryTexts {
  /** By locale code, for every language with a valid delivery.yaml. */
  wordings: Map<string, DeliveryWording>;
  templates: Record<TemplateName, TemplateSource | undefined>;
}
