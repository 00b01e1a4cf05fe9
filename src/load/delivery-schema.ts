import { z } from 'zod';
import { CHECKLIST_COLUMNS, LIST_CELLS } from '../model/delivery-arguments.js';

const text = z.string().min(1, 'must not be empty');

/** What each group of the delivery list's cell texts is (delivery_list.cells, .methods, …). */
const LIST_GROUPS: Record<keyof typeof LIST_CELLS, string> = {
  cells:
    "the words of its cells: the packet column (built, refused with a reason), a refusal's reason, the contact and language lines, a doubt's line, the separator between short items",
  methods: 'the ways to deliver a packet, and the words when none is known',
  missing: 'what a packet lacks',
  doubts: 'the doubts about a mission record',
  csv: "the headings of delivery-list.csv's columns",
};

/** The schema of each group of cell texts, every text required: a list is never half in one language. */
function listCells() {
  return Object.fromEntries(
    Object.entries(LIST_CELLS).map(([group, texts]) => [
      group,
      z
        .strictObject(
          Object.fromEntries(
            Object.entries(texts).map(([key, args]) => [
              key,
              text.describe(args.length ? `"${key}", given {${args.join('}, {')}}` : `"${key}"`),
            ]),
          ),
        )
        .describe(LIST_GROUPS[group as keyof typeof LIST_CELLS]),
    ]),
  ) as Record<keyof typeof LIST_CELLS, z.ZodObject<Record<string, typeof text>>>;
}

/**
 * locales/<lng>/delivery.yaml: the wording of cover notes, fax cover sheets and e-mail drafts in one
 * language. Each text is an ICU message (src/text/message.ts): `{name}` prints an argument,
 * `{count, plural, one {# page} other {# pages}}` picks the language's plural form; the arguments a
 * text is given are in model/delivery-arguments.ts.
 */
export const deliveryStringsSchema = z.strictObject({
  cover_note: z
    .strictObject({
      /** Subject line of the cover note. */
      subject: text.describe('the subject line of the cover note'),
      /** Salutation for the head of an embassy or UN mission. */
      salutation_excellency: text.describe('the salutation for the head of an embassy or UN mission'),
      /** Salutation naming the head of another body ({name}). */
      salutation_named: text.describe('the salutation naming the head of another body ({name})'),
      /** Salutation when no head of mission is known. */
      salutation_generic: text.describe('the salutation when no head of mission is known'),
      /** Line under the address naming the head of mission ({head}). */
      attention: text.describe('the line under the address naming the head of mission ({head})'),
      head: text
        .optional()
        .describe(
          'the head of mission as {head} prints him, from {name} and {title} in the language ("{name} {title}": 자성남 대사); default "{name} ({title})"',
        ),
      body: text.describe('the paragraph presenting the enclosed letter'),
      request: text.describe('the paragraph asking that the letter be forwarded'),
      enclosures: text.describe(
        'the heading of the list of enclosed letters, with its colon ("Enclosures:", "添付書類：")',
      ),
      document_title: text
        .optional()
        .describe(
          'the cover note\'s title in its PDF metadata, e.g. "Lettre de transmission : {mission}"; default the mission\'s name',
        ),
      /** One enclosed letter: {language}, {pages} (worded with `pages`), {count} (its number of pages). */
      enclosure_letter: text.describe('one enclosed letter: {language}, {pages} (worded with `pages`), {count}'),
      pages: text.describe('the number of pages {count}, e.g. "{count, plural, one {# page} other {# pages}}"'),
      closing: text.describe('the closing formula'),
      contact: text.describe("the line giving the coalition's contact"),
    })
    .describe('the cover note to the head of mission that goes with the letters'),
  fax: z
    .strictObject({
      heading: text.describe('the title of the fax cover sheet'),
      to: text.describe('the label before the recipient'),
      fax_number: text.describe('the label before the fax number'),
      from: text.describe('the label before the sender'),
      reply_to: text.describe('the label before the reply address'),
      date: text.describe('the label before the date'),
      pages: text.describe('the label before the page count'),
      subject: text.describe('the label before the subject'),
      message: text.describe('the short message on the sheet'),
      notice: text.describe('the notice if pages are missing'),
      document_title: text
        .optional()
        .describe(
          'the fax sheet\'s title in its PDF metadata, e.g. "Télécopie : {mission}"; default the mission\'s name',
        ),
    })
    .describe('the fax cover sheet'),
  email: z
    .strictObject({
      subject: text.describe('the subject line of the e-mail draft'),
    })
    .describe('the unsent e-mail draft to the mission'),
  envelope: z
    .strictObject({
      document_title: text.describe(
        'the envelope\'s title in its PDF metadata, e.g. "Enveloppe : {mission}"; default the mission\'s name',
      ),
    })
    .optional()
    .describe('the envelope PDF'),
  delivery_list: z
    .strictObject({
      title: text.describe('the heading of the printable delivery list, with {title}: "Delivery list: {title}"'),
      subtitle: text.describe(
        "the line under it: {campaign}, {date} (the letter's), {packets} and {refused} (counts), {today} (the day records were judged), {sender}",
      ),
      columns: z
        .strictObject(
          Object.fromEntries(
            CHECKLIST_COLUMNS.map((c) => [c, text.describe(`the heading of the "${c}" column`)]),
          ) as Record<(typeof CHECKLIST_COLUMNS)[number], typeof text>,
        )
        .describe('the headings of its ten columns'),
      ...listCells(),
    })
    .optional()
    .describe("the printable delivery list (delivery-list.pdf), in the campaign's source language; default English"),
  /**
   * Names of languages in this language where Intl's would be wrong for the recipient (Chinese and
   * Japanese Intl data say 韩语/韓国語, the South Korean term; a DPRK mission reads 朝鲜语/朝鮮語).
   */
  language_names: z
    .record(z.string(), text.describe('the name of that language, in this language'))
    .optional()
    .describe("names of languages where Intl's would be wrong for the recipient, by language code"),
});
