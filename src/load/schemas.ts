import { z } from 'zod';
import { LINE_BREAK_STYLES, PAPER_SIZES } from '../model/project.js';

/**
 * What a user writes: the schemas of every workspace file. `normalize-*.ts` maps these
 * written shapes to the resolved model types in src/model/. JSON Schemas for editors are
 * generated from these (scripts/gen-schemas.mjs → schemas/).
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
  );
const text = z.string().min(1, 'must not be empty');
/** A real calendar date: "2018-02-30" has the right shape but would print as March 2. */
export const isRealDate = (v: string) => {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
};
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(isRealDate, 'is not a real date (check the month and the day)');
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

export const bodySchema = z.array(z.union([text, z.strictObject({ item: text })]));

export const demandSchema = z.strictObject({
  id: slug,
  title: text,
  tags: z.array(z.string()).default([]),
  params: z.array(z.string()).default([]),
  text: bodySchema.min(1),
  variants: z
    .record(z.string().regex(/^[A-Za-z0-9_-]+$/, 'variant names use letters, digits, "-" and "_"'), bodySchema.min(1))
    .optional(),
});

export const campaignSchema = z.strictObject({
  id: slug,
  date: isoDate,
  locales: z.array(localeCode).min(1),
  paper: z.enum(PAPER_SIZES).default('A4'),
  title: text,
  params: z.record(z.string(), text).default({}),
  recipient: z.strictObject({
    name: text,
    titles: z.array(text).default([]),
    address: z.array(text).default([]),
  }),
  salutation: text,
  opening: bodySchema.default([]),
  numbered_sections: z.boolean().default(false),
  sections: z
    .array(
      z.strictObject({
        heading: text.optional(),
        intro: bodySchema.default([]),
        demands: z
          .array(
            z
              .string()
              .regex(/^[a-z0-9][a-z0-9-]{0,63}(@[A-Za-z0-9_-]+)?$/, 'must be a demand id, optionally "@variant"'),
          )
          .default([]),
        outro: bodySchema.default([]),
      }),
    )
    .default([]),
  closing: bodySchema.default([]),
  sign_off: z.string().regex(/^[a-z0-9_]+$/),
  signatory_order: z.enum(['collation', 'as-listed']).default('collation'),
  signatories: z.array(slug).default([]),
  cc: z.array(z.strictObject({ name: text, lines: z.array(text).default([]) })).default([]),
  missions: z.array(slug).default([]),
});

export const signatorySchema = z.strictObject({
  id: slug,
  name: text,
  kind: z.enum(['organisation', 'individual']),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as KR, JP or US')
    .optional(),
  aliases: z.array(text).default([]),
  names: z.record(localeCode, text).default({}),
  sort_as: z.union([text, z.record(z.string(), text)]).optional(),
  signed: z.array(z.string()).default([]),
  contact: z.strictObject({ person: z.string().optional(), email: z.string().optional() }).optional(),
});

export const rosterSchema = z.strictObject({ signatories: z.array(signatorySchema) });

const nullableText = z.union([text, z.null()]).optional();

export const missionSchema = z.strictObject({
  id: slug,
  kind: z.enum(['embassy', 'un-mission', 'other']),
  name: text,
  name_local: nullableText,
  city: text,
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code'),
  address: z.union([z.array(text).min(1), z.null()]).optional(),
  location_hint: nullableText,
  phone: nullableText,
  fax: nullableText,
  email: z.union([z.email(), z.null()]).optional(),
  languages: z.array(localeCode).min(1),
  status: z.enum(['open', 'closed', 'unknown']),
  closed_on: z.union([isoDate, z.null()]).optional(),
  head_of_mission: nullableText,
  sources: z
    .array(
      z.strictObject({
        url: z.union([z.string(), z.null()]),
        date: z.union([z.string(), z.null()]).optional(),
        supports: z.union([z.string(), z.null()]).optional(),
      }),
    )
    .default([]),
  verified: z.union([isoDate, z.null()]).optional(),
  notes: nullableText,
});

export const missionsFileSchema = z.strictObject({ missions: z.array(missionSchema) });

export const workspaceSchema = z.strictObject({
  name: text,
  short_name: text,
  return_address: z.array(text).min(1),
  contact_email: z.email().optional(),
  source_locale: localeCode.default('en'),
});

export const localeSchema = z.strictObject({
  name: text,
  tag: z
    .string()
    .refine(
      (t) => accepted(() => Intl.getCanonicalLocales(t)),
      'must be a BCP 47 language tag such as ko-KR or zh-Hans',
    ),
  fonts: z.array(z.string()).min(1),
  line_break: z.enum(LINE_BREAK_STYLES).default('normal'),
  /** Unicode script names (Hangul, Han, Hiragana, Katakana, Latin…) translations must use. */
  /** Marks that take a no-break space before / after them (French: before ";:!?»", after "«"). */
  punctuation_space: z.strictObject({ before: z.string().default(''), after: z.string().default('') }).optional(),
  scripts: z
    .array(
      z
        .string()
        .refine(
          (n) => /^[A-Z][a-z]+(_[A-Z][a-z]+)*$/.test(n) && accepted(() => new RegExp(`\\p{Script=${n}}`, 'u')),
          'must be a Unicode script name such as Hangul, Han or Latin',
        ),
    )
    .default([]),
});

export const sourcesLockSchema = z.record(z.string(), z.string().regex(/^[0-9a-f]{12}$/));

export const chromeSchema = z
  .object({
    date: z
      .record(z.string(), z.string())
      .refine(
        (o) => accepted(() => new Intl.DateTimeFormat('en', o as Intl.DateTimeFormatOptions)),
        'must be Intl.DateTimeFormat options, e.g. { year: numeric, month: long, day: numeric }',
      )
      .optional(),
    sign_off: z.record(z.string(), text),
    cc: text,
    page: text,
  })
  .catchall(z.union([z.string(), z.record(z.string(), z.string())]));

export const signatoryNamesSchema = z.record(
  z.string().regex(SLUG, 'must be a signatory id from signatories.yaml'),
  z.union([text, z.strictObject({ name: text, sort_as: text.optional() })]),
);

/** glossary.yaml: preferred terms and the variant spellings to replace, optionally per language. */
export const glossarySchema = z.strictObject({
  terms: z
    .array(
      z.strictObject({
        preferred: text,
        variants: z.array(text).min(1),
        /** Languages the term applies to (default: every language). */
        languages: z.array(localeCode).optional(),
        note: z.string().optional(),
      }),
    )
    .default([]),
});

export type WrittenDemand = z.infer<typeof demandSchema>;
export type WrittenCampaign = z.infer<typeof campaignSchema>;
export type WrittenSignatory = z.infer<typeof signatorySchema>;
export type WrittenMission = z.infer<typeof missionSchema>;
export type WrittenBody = z.infer<typeof bodySchema>;
