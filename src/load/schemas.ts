import { z } from 'zod';
import {
  DIGIT_SYSTEMS,
  LINE_BREAK_STYLES,
  PAPER_SIZES,
  RECIPIENT_KINDS,
  SIGNATORY_COUNTRY_STYLES,
} from '../model/project.js';
import { countryCodes } from '../util/country-codes.js';
import { knownFontIds } from '../fonts/font-files.js';

/**
 * What a user writes: the schemas of every workspace file. `normalize-*.ts` maps these
 * written shapes to the resolved model types in src/model/. The JSON Schemas editors use are
 * generated from these (scripts/gen-schemas.mjs → schemas/): every field's `.describe()` is the
 * text an editor shows on hover, and `.meta()` carries what a refinement checks in a form JSON
 * Schema can state (a pattern, `format: date`, an enum), so the editor underlines what the tool refuses.
 */

export const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** Names Windows refuses as file names, whatever the extension. */
export const RESERVED_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;
export const isSafeId = (s: string) => SLUG.test(s) && !RESERVED_NAMES.test(s);
const slug = z
  .string()
  .refine(
    isSafeId,
    'must be a safe slug: lowercase letters, digits and "-", starting with a letter or digit, at most 64 characters, not a reserved device name',
  )
  .meta({ pattern: SLUG.source });
const text = z.string().min(1, 'must not be empty');
/** No date a coalition writes (a letter, a verification, a closure) is older: year 0000 is a typo. */
export const FIRST_DATE = '1900-01-01';
/**
 * Lines an address may have: what fits the window of a DL (DIN 5008: 6 address lines) or US No. 10
 * envelope, and the return address in its corner.
 */
export const MAX_ADDRESS_LINES = 6;
const addressLines = z
  .array(text)
  .min(1)
  .max(MAX_ADDRESS_LINES, `has more than ${MAX_ADDRESS_LINES} lines: it would not fit the envelope window`);
/** A real calendar date: "2018-02-30" has the right shape but would print as March 2. */
export const isRealDate = (v: string) => {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
};
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(isRealDate, 'is not a real date (check the month and the day)')
  .refine((v) => v >= FIRST_DATE, `is before ${FIRST_DATE.slice(0, 4)}: check the year`)
  .meta({ format: 'date' });
/** Whether `make` accepts the value; Intl and RegExp throw on values a schema regex cannot rule out. */
const accepted = (make: () => unknown) => {
  try {
    make();
    return true;
  } catch {
    return false;
  }
};
const localeCode = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language code such as en, ko or zh-Hans');
const country = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as KR, JP or US')
  .refine((c) => countryCodes().has(c), 'is not an ISO 3166-1 alpha-2 country code')
  .meta({ enum: [...countryCodes()].sort() });

export const bodySchema = z
  .array(
    z.union([
      text.describe('a paragraph of inline Markdown (*italic*, **bold**, [link](url), {{param}})'),
      z.strictObject({ item: text.describe('a bullet item of inline Markdown') }),
    ]),
  )
  .describe('paragraphs of inline Markdown, in order; `- item: …` makes a bullet item');

/** A form name of a parameter: "in", "gen", "acc" (letters, digits, "_" and "-"). */
export const FORM_NAME = /^[\p{L}_][\p{L}\p{N}_-]*$/u;
const paramValue = z.union([
  text.describe('the value printed for {{name}}'),
  z
    .object({ name: text.describe('the value printed for {{name}}') })
    .catchall(text.describe('the value printed for {{name.form}}'))
    .refine((v) => Object.keys(v).every((k) => FORM_NAME.test(k)), {
      message: 'form names use letters, digits, "_" and "-" (e.g. in, gen, acc)',
    })
    .describe('the value and its grammatical forms: {name: Belarus, in: in Belarus}; texts pick {{name.in}}'),
]);

export const demandSchema = z.strictObject({
  id: slug.describe('the block id; must equal the file name without .yaml'),
  title: text.describe('a short title, for `openletter demands` (not printed)'),
  tags: z.array(z.string()).default([]).describe('free labels, to find blocks'),
  params: z
    .array(z.string())
    .default([])
    .describe('the {{params}} the text uses; each campaign that uses the block must define them'),
  text: bodySchema.min(1).describe('the wording of the demand, in the source language'),
  variants: z
    .record(
      z.string().regex(/^[A-Za-z0-9_-]+$/, 'variant names use letters, digits, "-" and "_"'),
      bodySchema.min(1).describe('the wording of this variant'),
    )
    .optional()
    .describe('other wordings of the same demand, used as `id@variant` in a campaign'),
});

export const campaignSchema = z.strictObject({
  id: slug.describe('the campaign id; must equal the file name without .yaml'),
  date: isoDate.describe('the date printed on the letter, YYYY-MM-DD'),
  locales: z
    .array(localeCode)
    .min(1)
    .describe('the languages the letter is rendered in (folders of locales/), the source language first'),
  paper: z.enum(PAPER_SIZES).default('A4').describe('paper size; deliver prints US Letter for the US anyway'),
  title: text.describe('the title, printed as the heading and in the PDF metadata'),
  params: z
    .record(z.string(), paramValue)
    .default({})
    .describe('values of the {{params}} in the demand blocks and texts'),
  recipient: z
    .strictObject({
      kind: z
        .enum(RECIPIENT_KINDS)
        .default('head-of-state')
        .describe("whom the letter addresses: it picks each language's salutation, opening and closing formulas"),
      name: text.describe("the recipient's name"),
      address_as: text
        .optional()
        .describe(
          'how the letter addresses the recipient in its formulas, {address_as} ("Mr President"; in French "Monsieur le Président")',
        ),
      styled: text
        .optional()
        .describe(
          'how the delivery texts name the recipient, with title and honorific ("His Excellency Mr …, President of the Republic of …"; never the bare name)',
        ),
      titles: z.array(text).default([]).describe("the recipient's titles, one line each"),
      address: z.array(text).default([]).describe('the postal address, one line each'),
    })
    .describe('to whom the letter is addressed'),
  salutation: text
    .optional()
    .describe(
      'the opening salutation, e.g. "Dear Mr President,"; without it, the language\'s formula for the recipient\'s kind',
    ),
  opening: bodySchema.default([]).describe('paragraphs before the sections'),
  numbered_sections: z.boolean().default(false).describe('number the section headings (1., 2., …)'),
  sections: z
    .array(
      z.strictObject({
        heading: text.optional().describe('the section heading'),
        intro: bodySchema.default([]).describe('paragraphs before the demands'),
        demands: z
          .array(
            z
              .string()
              .regex(/^[a-z0-9][a-z0-9-]{0,63}(@[A-Za-z0-9_-]+)?$/, 'must be a demand id, optionally "@variant"'),
          )
          .default([])
          .describe('demand block ids from demands/, in order; `id@variant` for a variant'),
        outro: bodySchema.default([]).describe('paragraphs after the demands'),
      }),
    )
    .default([])
    .describe('the body of the letter: headed groups of demand blocks'),
  closing: bodySchema.default([]).describe('paragraphs after the sections'),
  sign_off: z
    .string()
    .regex(/^[a-z0-9_]+$/)
    .describe('a key of `sign_off` in locales/<lng>/letter.yaml, e.g. sincerely'),
  signatory_order: z
    .enum(['collation', 'as-listed'])
    .default('collation')
    .describe("how signatories are ordered: by each language's collation, or as listed here"),
  signatory_country: z
    .enum(SIGNATORY_COUNTRY_STYLES)
    .default('after-comma')
    .describe('how each signatory\'s country is printed: "Name, Country", "Name (Country)", or not at all'),
  country_names: z
    .record(country, text.describe('the country as this letter names it, e.g. ROK'))
    .default({})
    .describe('country names as this letter wrote them, in the source language (others use the standard name)'),
  signatories: z
    .array(
      z.union([
        slug.describe('a roster id from signatories.yaml'),
        z.strictObject({
          id: slug.describe('a roster id from signatories.yaml'),
          as: text
            .optional()
            .describe('the name as it signed this letter, in the source language (the roster name or an alias)'),
          sort_as: text.optional().describe('the key to sort that name by'),
          country: z
            .union([text, z.literal(false)])
            .optional()
            .describe('the country as it signed this letter (source language), or false when it gave none'),
        }),
      ]),
    )
    .default([])
    .describe('roster ids from signatories.yaml; `{id, as, country}` for an entry that signed in another form'),
  cc: z
    .array(
      z.strictObject({
        name: text.describe('who receives a copy'),
        lines: z.array(text).default([]).describe('further lines under the name (title, address)'),
      }),
    )
    .default([])
    .describe('copies to, printed after the signatures'),
  quotations: z
    .array(
      z.strictObject({
        id: slug.describe('a name for the quotation, for messages'),
        text: text.describe('the quoted words, exactly as the source-language text quotes them'),
        source: text.describe(
          'where the words come from: the body and document, e.g. "UN Security Council, S/RES/2397 (2017)"',
        ),
        languages: z
          .record(
            localeCode,
            z.union([
              z.strictObject({
                official: text.describe('the official text in this language, exactly as the translation quotes it'),
                source: text.describe('where that official text is published (document symbol, gazette)'),
              }),
              z.strictObject({
                unofficial: z
                  .enum(['indirect', 'note'])
                  .describe(
                    'no official text: printed as indirect speech, or quoted with the language\'s "unofficial translation" note',
                  ),
              }),
            ]),
          )
          .default({})
          .describe('per language: the official text with its source, or how the unofficial translation is printed'),
      }),
    )
    .default([])
    .describe('passages the letter quotes: each translation gives the official text or is marked unofficial'),
  missions: z.array(slug).default([]).describe('mission ids from missions.yaml the letter is delivered to'),
});

export const signatorySchema = z.strictObject({
  id: slug.describe('the roster id campaigns name'),
  name: text.describe('the name as printed in the source language'),
  kind: z.enum(['organisation', 'individual']).describe('an organisation or a person'),
  country: country.optional().describe('ISO 3166-1 alpha-2 code of its country; none for an international body'),
  aliases: z.array(text).default([]).describe('other spellings, matched when importing sign-on forms'),
  names: z
    .record(localeCode, text.describe('the name in that language'))
    .default({})
    .describe('the name in other languages (locales/<lng>/signatories.yaml also holds them)'),
  sort_as: z
    .union([text, z.record(z.string(), text)])
    .optional()
    .describe('the key to sort by, or one key per language'),
  signed: z.array(z.string()).default([]).describe('campaign ids it signed (written by `signatories import`)'),
  contact: z
    .strictObject({
      person: z.string().optional().describe('the contact person; never printed'),
      email: z.string().optional().describe("the contact's e-mail; never printed"),
    })
    .optional()
    .describe('who to ask; kept in the roster, never printed in a letter'),
});

export const rosterSchema = z.strictObject({
  signatories: z.array(signatorySchema).describe('every organisation or person that signs, listed once'),
});

const nullableText = z.union([text, z.null()]).optional();

/**
 * A day, or a month or a year when the record knows no more: 2017-02-14, 2021-04, 2010 (YAML reads
 * a bare year as a number).
 */
const headDate = z
  .union([z.int().min(1000).max(9999), z.string()])
  .transform(String)
  .pipe(
    z
      .string()
      .regex(
        /^\d{4}(-\d{2}(-\d{2})?)?$/,
        'must be a date written YYYY-MM-DD, or YYYY-MM or YYYY when the day is not known',
      )
      .refine(
        (v) => isRealDate(v.length === 4 ? `${v}-01-01` : v.length === 7 ? `${v}-01` : v),
        'is not a real date (check the month and the day)',
      ),
  );

/** One holder of a mission's head post: name and title by language, and when he is known in post. */
const headHolder = z.strictObject({
  name: z
    .union([text, z.record(localeCode, text)])
    .describe('the name: one text (Latin script) or one per language, {en: Ja Song Nam, ko: 자성남}'),
  title: z
    .union([text, z.record(localeCode, text)])
    .describe('the title: one per language, {en: Ambassador, ko: 대사, fr: ambassadeur}'),
  from: headDate
    .optional()
    .describe(
      "the first day known in post (credentials, appointment, or the earliest dated source): YYYY-MM-DD, or YYYY-MM / YYYY; left out, the record's verified date",
    ),
  until: headDate
    .optional()
    .describe("the last day known in post; left out, until the next holder's from, or still in post"),
  gender: z
    .enum(['female', 'male'])
    .optional()
    .describe(
      'as the public record states it, for the forms of address that differ (Son Excellence Madame / Monsieur, Excma. Sra. / Excmo. Sr.); with female, write the titles in the feminine too (fr Ambassadrice, Représentante permanente; es Embajadora); left out, the delivery texts use their neutral form',
    ),
});

export const missionSchema = z.strictObject({
  id: slug.describe('the mission id campaigns name'),
  kind: z.enum(['embassy', 'un-mission', 'other']).describe('an embassy, a permanent mission to the UN, or other'),
  name: text.describe('the name in English'),
  name_local: nullableText.describe("the name in the mission's language"),
  city: text.describe('the city it is in, in English'),
  cities: z
    .record(localeCode, text)
    .optional()
    .describe(
      "the city's name in other languages, by language code (es: La Habana): the cover note prints it where the record has no address",
    ),
  country: country.describe('ISO 3166-1 alpha-2 code of the country it is in'),
  address: addressLines.nullable().optional().describe('the postal address, one line each; null when unknown'),
  location_hint: nullableText.describe('how to find it for hand delivery'),
  phone: nullableText.describe('phone number, international format'),
  fax: nullableText.describe('fax number, international format'),
  email: z.union([z.email(), z.null()]).optional().describe('e-mail address'),
  languages: z.array(localeCode).min(1).describe('the languages it receives letters in, preferred first'),
  status: z.enum(['open', 'closed', 'unknown']).describe('whether it operates; a closed mission is refused'),
  closed_on: z.union([isoDate, z.null()]).optional().describe('when it closed, YYYY-MM-DD'),
  names: z
    .record(localeCode, text)
    .optional()
    .describe('the name in other languages, by language code, for the delivery texts worded in them'),
  address_local: z
    .record(localeCode, z.array(text).min(1))
    .optional()
    .describe('the postal address as a language writes it (local script), by language: used on the envelope'),
  head_of_mission: z
    .union([text, z.null(), headHolder, z.array(headHolder.required({ from: true })).min(1)])
    .optional()
    .describe(
      'the head of mission, for the cover note: "Name (title)", name and title per language, or the holders of the post with their dates, earliest first',
    ),
  sources: z
    .array(
      z.strictObject({
        url: z.union([z.string(), z.null()]).describe('where the facts come from'),
        date: z.union([z.string(), z.null()]).optional().describe('when that source was published or read'),
        supports: z.union([z.string(), z.null()]).optional().describe('which facts it supports'),
      }),
    )
    .default([])
    .describe('the sources of the record'),
  verified: z.union([isoDate, z.null()]).optional().describe('when the record was last checked, YYYY-MM-DD'),
  notes: nullableText.describe('anything else'),
});

export const missionsFileSchema = z.strictObject({
  missions: z.array(missionSchema).describe('embassies and UN missions letters are delivered to'),
});

export const workspaceSchema = z.strictObject({
  name: text.describe("the coalition's name, printed on cover notes and envelopes"),
  names: z
    .record(localeCode, text)
    .optional()
    .describe("the coalition's name in other languages, by language code (its established name there)"),
  short_name: text.describe('a short name (initials), e.g. CHRB'),
  return_address: addressLines.describe('the postal address replies go to, one line each'),
  return_address_local: z
    .record(localeCode, addressLines)
    .optional()
    .describe(
      'the return address as a language writes it, by language code: the letterhead, fax and e-mail of a packet worded in it (the envelope keeps return_address)',
    ),
  contact_email: z.email().optional().describe('the sender of the e-mail drafts'),
  source_locale: localeCode.default('en').describe('the language the texts are written in'),
});

const fontPath = z.string().meta({ pattern: '^fonts/.+\\.(ttf|otf|woff2?)$' });

export const localeSchema = z.strictObject({
  name: text.describe('the name of the language, in the language'),
  tag: z
    .string()
    .refine(
      (t) => accepted(() => Intl.getCanonicalLocales(t)),
      'must be a BCP 47 language tag such as ko-KR or zh-Hans',
    )
    .meta({ pattern: '^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$' })
    .describe('the BCP 47 tag for dates, collation and the PDF language, e.g. ko-KR'),
  fonts: z
    .array(
      z.union([
        z
          .string()
          .meta({ anyOf: [{ enum: knownFontIds() }, { pattern: '^fonts/.+\\.(ttf|otf|woff2?)$' }] })
          .describe('a bundled font, or a font file under the workspace folder fonts/'),
        z
          .strictObject({
            regular: fontPath.describe('the upright face'),
            bold: fontPath.optional().describe('the bold face (default: the regular one)'),
            italic: fontPath.optional().describe('the italic face (default: the regular one)'),
            'bold-italic': fontPath.optional().describe('the bold italic face (default: the regular one)'),
          })
          .describe('font files under the workspace folder fonts/, one per face'),
      ]),
    )
    .min(1)
    .describe('the fonts to draw text with, in fallback order: bundled ids, or font files the workspace brings'),
  line_break: z
    .enum(LINE_BREAK_STYLES)
    .default('normal')
    .describe('line breaking: normal (UAX #14), keep-all (Korean: between words only), cjk (between any characters)'),
  digits: z
    .enum(DIGIT_SYSTEMS)
    .optional()
    .describe(
      'the digits of dates, page numbers and delivery counts: latn (0-9), arab (Arabic-Indic), arabext (Persian, Urdu); default: those of the tag',
    ),
  punctuation_space: z
    .strictObject({
      before: z.string().default('').describe('marks preceded by a no-break space, e.g. ;:!?» in French'),
      after: z.string().default('').describe('marks followed by a no-break space, e.g. « in French'),
    })
    .optional()
    .describe('no-break spaces the language puts around punctuation'),
  quotes: z
    .string()
    .refine((q) => [...q].length === 4, 'must be four marks: opening and closing, then the inner pair')
    .default('“”‘’')
    .describe(
      'quotation marks straight quotes become: outer opening and closing, then inner (French «»“”, German „“‚‘, Japanese 「」『』)',
    ),
  addressee: z
    .enum(['first', 'last'])
    .default('first')
    .describe(
      'where an address block names the person it is for: first, above the address (English, French), or last, after it (Japanese, Chinese)',
    ),
  salutation: z
    .enum(['line', 'address'])
    .default('line')
    .describe(
      "where a letter and its cover note greet their reader: on a line of their own before the body (line), or in the address block's line naming the person, the Japanese 宛名 (address: no salutation line; the letter's recipient_block ends with the person and his honorific, and a cover note with no head of mission known ends its address with the generic salutation, ご担当者様); the e-mail keeps its salutation line",
    ),
  typography: z
    .strictObject({
      paragraph_indent: z
        .number()
        .min(0)
        .max(4)
        .default(0)
        .describe('first-line indent of body paragraphs, in em (Japanese 1, Chinese 2)'),
      emphasis: z
        .enum(['italic', 'bold', 'dots'])
        .default('italic')
        .describe(
          'how emphasis is set: italic, bold where the script has no italics (Korean), or dots (Japanese 圏点, Chinese 着重号)',
        ),
      emphasis_dots: z
        .enum(['above', 'below'])
        .default('above')
        .describe('with emphasis: dots, where the dots go: above the characters (Japanese) or below (Chinese)'),
      cjk_latin_space: z
        .enum(['quarter-em', 'none'])
        .default('none')
        .describe('space between kanji or kana and Latin letters or digits (JLREQ: quarter-em)'),
      sign_off_align: z
        .enum(['left', 'right'])
        .default('left')
        .describe('where the sign-off stands (Japanese 敬具: right)'),
    })
    .default({
      paragraph_indent: 0,
      emphasis: 'italic',
      emphasis_dots: 'above',
      cjk_latin_space: 'none',
      sign_off_align: 'left',
    })
    .describe("the language's letter conventions"),
  scripts: z
    .array(
      z
        .string()
        .refine(
          (n) => /^[A-Z][a-z]+(_[A-Z][a-z]+)*$/.test(n) && accepted(() => new RegExp(`\\p{Script=${n}}`, 'u')),
          'must be a Unicode script name such as Hangul, Han or Latin',
        )
        .meta({ pattern: '^[A-Z][a-z]+(_[A-Z][a-z]+)*$' }),
    )
    .default([])
    .describe('Unicode scripts (Hangul, Han, Hiragana, Katakana, Latin…) translations must be written in'),
});

const fingerprint = z.string().regex(/^[0-9a-f]{12}$/);
export const sourcesLockSchema = z.record(z.string(), fingerprint);
/** locales/<lng>/source-texts.json: fingerprint → the English text it was taken of. */
export const sourceTextsSchema = z.record(fingerprint, z.string());

/** A formula of the letter: one text, or one per kind of recipient. */
const byRecipientKind = z.union([
  text.describe('the formula, for every kind of recipient'),
  z
    .partialRecord(z.enum(RECIPIENT_KINDS), text)
    .describe('the formula by kind of recipient: head-of-state, head-of-mission, organisation'),
]);

export const chromeSchema = z
  .object({
    date: z
      .record(z.string(), z.string())
      .refine(
        (o) => accepted(() => new Intl.DateTimeFormat('en', o as Intl.DateTimeFormatOptions)),
        'must be Intl.DateTimeFormat options, e.g. { year: numeric, month: long, day: numeric }',
      )
      .optional()
      .describe(
        'how the date is written: Intl.DateTimeFormat options, e.g. { year: numeric, month: long, day: numeric }',
      ),
    months: z
      .array(text)
      .length(12, 'must name the twelve months, January first')
      .optional()
      .describe(
        "the month names of a long date, January first, where the language's usage is not Intl's (UN Arabic: حزيران/يونيه)",
      ),
    days: z
      .record(z.string().regex(/^([1-9]|[12][0-9]|3[01])$/, 'must be a day of the month, 1 to 31'), text)
      .optional()
      .describe(
        'days of the month written otherwise than as their number, by day: French { 1: 1er } ("1er octobre 2011")',
      ),
    recipient_block: byRecipientKind
      .optional()
      .describe(
        'the recipient block in the language\'s order, one line a line: {name}, {titles} (one a line), {address} and {address_reversed} (the address from the country down) around the language\'s words ("{name}閣下"); default the name, the titles, the address',
      ),
    salutation: byRecipientKind
      .optional()
      .describe('the salutation of a campaign that writes none, with {address_as}: "Dear {address_as},"'),
    opening: z
      .record(z.string(), byRecipientKind)
      .optional()
      .describe(
        'by sign-off key: the formula on its own line after the salutation that the sign-off answers (拝啓 … 敬具)',
      ),
    sign_off: z
      .record(z.string(), byRecipientKind)
      .describe(
        'sign-offs by the key campaigns name in `sign_off`: one text, or one per kind of recipient; may repeat {address_as}',
      ),
    cc: text.describe('the label before copies, e.g. "CC:"'),
    page: text.describe('the page number, with {page} and {pages}'),
  })
  .catchall(
    z
      .union([z.string(), z.record(z.string(), z.string())])
      .describe('further wording for the letter, by key (a text, or texts by key)'),
  );

/** locales/<lng>/countries.yaml: the language's names of states and of places signed with. */
export const countryNamesSchema = z.strictObject({
  names: z
    .record(z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code, e.g. TH'), text)
    .optional()
    .describe("the state's name in this language where its usage differs from CLDR's (Intl), by ISO 3166-1 code"),
  places: z
    .record(z.string().min(1), text)
    .optional()
    .describe(
      "a place signatories signed with that is not a state (a campaign's `country: Kashmir`), by the name as signed",
    ),
});

export const signatoryNamesSchema = z.record(
  z.string().regex(SLUG, 'must be a signatory id from signatories.yaml'),
  z
    .union([
      text,
      z.strictObject({
        name: text.describe('the name in this language'),
        sort_as: text.optional().describe('the key to sort it by in this language'),
      }),
    ])
    .describe('the established name of a roster entry (by id) in this language'),
);

/** glossary.yaml: preferred terms and the variant spellings to replace, optionally per language. */
export const glossarySchema = z.strictObject({
  terms: z
    .array(
      z.strictObject({
        preferred: text.describe('the term to write'),
        variants: z.array(text).min(1).describe('spellings `check` reports, suggesting the preferred term'),
        languages: z.array(localeCode).optional().describe('languages the term applies to (default: every language)'),
        note: z.string().optional().describe('why, for whoever reads the warning'),
      }),
    )
    .default([])
    .describe('preferred terms and the variants to replace'),
});

export type WrittenDemand = z.infer<typeof demandSchema>;
export type WrittenCampaign = z.infer<typeof campaignSchema>;
export type WrittenSignatory = z.infer<typeof signatorySchema>;
export type WrittenMission = z.infer<typeof missionSchema>;
export type WrittenBody = z.infer<typeof bodySchema>;
