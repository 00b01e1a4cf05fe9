import { z } from 'zod';

const text = z.string().min(1, 'must not be empty');
/** A count-dependent text: Intl.PluralRules categories of the language, `other` required. */
const plural = z.strictObject({
  zero: text.optional(),
  one: text.optional(),
  two: text.optional(),
  few: text.optional(),
  many: text.optional(),
  other: text,
});

/**
 * locales/<lng>/delivery.yaml: the wording of cover notes, fax cover sheets and e-mail drafts in one
 * language. Texts may use {{name}} placeholders, filled from the template context (see templates/).
 */
export const deliveryStringsSchema = z.strictObject({
  cover_note: z.strictObject({
    /** Subject line of the cover note. */
    subject: text,
    /** Salutation for the head of an embassy or UN mission. */
    salutation_excellency: text,
    /** Salutation naming the head of another body ({{name}}). */
    salutation_named: text,
    /** Salutation when no head of mission is known. */
    salutation_generic: text,
    /** Line under the address naming the head of mission ({{head}}). */
    attention: text,
    body: text,
    request: text,
    enclosures: text,
    /** One enclosed letter: {{language}}, {{pages}} (already worded with `pages`). */
    enclosure_letter: text,
    pages: plural,
    closing: text,
    contact: text,
  }),
  fax: z.strictObject({
    heading: text,
    to: text,
    fax_number: text,
    from: text,
    reply_to: text,
    date: text,
    pages: text,
    subject: text,
    message: text,
    notice: text,
  }),
  email: z.strictObject({
    subject: text,
  }),
  /**
   * Names of languages in this language where Intl's would be wrong for the recipient (Chinese and
   * Japanese Intl data say 韩语/韓国語, the South Korean term; a DPRK mission reads 朝鲜语/朝鮮語).
   */
  language_names: z.record(z.string(), text).optional(),
});

export type DeliveryStrings = z.output<typeof deliveryStringsSchema>;

/** A count-dependent text from {@link DeliveryStrings}. */
export type PluralText = DeliveryStrings['cover_note']['pages'];
