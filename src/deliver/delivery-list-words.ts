import { formatLetterDate } from '../compose/format-date.js';
import type { MissionDoubt } from '../check/rules/mission-rules.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { CHECKLIST_COLUMNS, CSV_COLUMNS } from '../model/delivery-arguments.js';
import { assertNever } from '../model/letter-document.js';
import { countryName } from '../text/country-names.js';
import { numberingTag } from '../text/digits.js';
import { languageName } from '../text/language-setting.js';
import { formatMessage, type MessageArgs } from '../text/message.js';
import type { DeliveryMethod, DeliveryPlan, Missing } from './delivery-plan.js';
import type { DeliveryRow } from './delivery-rows.js';
import { formatText } from './render-template.js';

/**
 * The English delivery list, for a delivery.yaml without `delivery_list:` (one written before it
 * existed): the same texts as the bundled locales/en/delivery.yaml, so such a list is wholly in
 * English, never half in one language.
 */
export const ENGLISH_LIST: Readonly<Record<string, string>> = {
  'delivery_list.title': 'Delivery list: {title}',
  'delivery_list.subtitle':
    '{campaign} · letter of {date} · {packets, plural, one {# packet} other {# packets}}, {refused} withheld · mission records as of {today} · from {sender}',
  'delivery_list.columns.mission': 'Mission',
  'delivery_list.columns.address': 'Address',
  'delivery_list.columns.methods': 'Method(s)',
  'delivery_list.columns.contact': 'Contact',
  'delivery_list.columns.languages': 'Languages',
  'delivery_list.columns.files': 'Files',
  'delivery_list.columns.missing': 'Missing / check',
  'delivery_list.columns.delivered_on': 'Delivered on',
  'delivery_list.columns.by': 'Delivered by',
  'delivery_list.columns.received_by': 'Received by',
  'delivery_list.cells.built': 'packet built',
  'delivery_list.cells.refused': 'WITHHELD: {reason}; do not deliver',
  'delivery_list.cells.closed': 'closed',
  'delivery_list.cells.closed_on': 'closed on {date}',
  'delivery_list.cells.record_error': 'an error in its record ({code})',
  'delivery_list.cells.no_address': 'none on record',
  'delivery_list.cells.phone': 'Tel. {number}',
  'delivery_list.cells.fax': 'Fax {number}',
  'delivery_list.cells.head': 'Head: {head}',
  'delivery_list.cells.letters': 'Letters: {languages}',
  'delivery_list.cells.note': 'Cover note: {language}',
  'delivery_list.cells.check': 'Check: {doubt}',
  'delivery_list.cells.separator': ', ',
  'delivery_list.cells.item_separator': '; ',
  'delivery_list.cells.place': '{city}, {country}',
  'delivery_list.methods.post': 'post',
  'delivery_list.methods.hand': 'hand',
  'delivery_list.methods.hand_hint': 'hand (location hint only)',
  'delivery_list.methods.fax': 'fax',
  'delivery_list.methods.email': 'e-mail',
  'delivery_list.methods.none': 'none known: find an address, fax or e-mail',
  'delivery_list.missing.letter_language': 'no letter in {language} ({code}): {campaign} is not written in it',
  'delivery_list.missing.head_on_date':
    "no head of mission known on {date}, the letter's date: the cover note is addressed to the mission",
  'delivery_list.missing.head_unknown': 'head of mission unknown: the cover note is addressed to the mission',
  'delivery_list.missing.address': 'no postal address: no envelope; find the address or deliver by hand',
  'delivery_list.missing.address_hint':
    'no postal address: no envelope; find the address or deliver by hand (location hint, not an address: {hint})',
  'delivery_list.missing.fax': 'no fax number: no fax cover sheet',
  'delivery_list.missing.email': 'no e-mail address: no e-mail draft',
  'delivery_list.doubts.status_unknown': 'status unknown: confirm the mission still operates at this address',
  'delivery_list.doubts.no_source': 'no source for this record',
  'delivery_list.doubts.never_verified': 'never verified',
  'delivery_list.doubts.stale': 'last verified {date}, over a year ago',
  'delivery_list.csv.id': 'Mission',
  'delivery_list.csv.name': 'Name',
  'delivery_list.csv.local_name': 'Local name',
  'delivery_list.csv.city': 'City',
  'delivery_list.csv.country': 'Country',
  'delivery_list.csv.packet': 'Packet',
  'delivery_list.csv.address': 'Address',
  'delivery_list.csv.methods': 'Methods',
  'delivery_list.csv.phone': 'Phone',
  'delivery_list.csv.fax': 'Fax',
  'delivery_list.csv.email': 'E-mail',
  'delivery_list.csv.head': 'Head of mission',
  'delivery_list.csv.letters': 'Letters',
  'delivery_list.csv.wording': 'Cover note',
  'delivery_list.csv.files': 'Files',
  'delivery_list.csv.missing': 'Missing',
  'delivery_list.csv.check': 'Check',
};

/** What the delivery list is worded from: its language, that language's delivery.yaml and country names. */
export type ListLanguage = Pick<
  DeliveryPlan,
  'campaignId' | 'listLanguage' | 'listSetting' | 'listTexts' | 'listCountries'
>;

/**
 * The delivery list's words in the campaign's source language (its delivery.yaml
 * `delivery_list:`), for the CSV and the printable list alike: headings, the packet column, the
 * methods, what a packet lacks and the doubts about a record. Only the record's data (names,
 * addresses, numbers, file names, a diagnostic's code) stays as written.
 */
export class ListWords {
  /** The list's wording; undefined: the built-in English one. */
  private readonly texts;
  private readonly tag: string;

  constructor(
    private readonly list: ListLanguage,
    private readonly problems: Diagnostic[],
  ) {
    this.texts = list.listTexts?.texts.has('delivery_list.title') ? list.listTexts : undefined;
    this.tag = this.texts ? numberingTag(list.listSetting.tag, list.listSetting.digits) : 'en';
  }

  say(key: string, args: MessageArgs = {}): string {
    const full = `delivery_list.${key}`;
    if (this.texts) return formatText(this.texts, full, args, this.tag, this.problems);
    return formatMessage(ENGLISH_LIST[full] ?? full, 'en', args).text;
  }

  /** A day as the list's language writes it (ISO in the English list of an older delivery.yaml). */
  date(iso: string): string {
    if (!this.texts) return iso;
    const s = this.list.listSetting;
    return formatLetterDate(iso, s.tag, s.dateFormat, s.monthNames, s.dayNames);
  }

  /** A language's name in the list's language (delivery.yaml `language_names:` first). */
  language(code: string): string {
    return this.texts?.languageNames.get(code) ?? languageName(code, this.texts ? this.list.listSetting.tag : 'en');
  }

  /** A country's name in the list's language (its countries.yaml, else Intl's). */
  country(code: string): string {
    return this.texts ? countryName(code, this.list.listSetting.tag, this.list.listCountries) : countryName(code, 'en');
  }

  /** Short items in a row: "post, hand, fax", 「郵送、持参」. */
  join(items: readonly string[]): string {
    return items.join(this.say('cells.separator'));
  }

  /** A head of mission as the list's language writes name and title (its cover_note.head), else "name (title)". */
  person(name: string, title: string | undefined): string {
    if (!title) return name;
    if (!this.texts?.texts.has('cover_note.head')) return `${name} (${title})`;
    return formatText(this.texts, 'cover_note.head', { name, title }, this.tag, this.problems);
  }

  headings(): Record<(typeof CHECKLIST_COLUMNS)[number], string> {
    return Object.fromEntries(CHECKLIST_COLUMNS.map((c) => [c, this.say(`columns.${c}`)])) as Record<
      (typeof CHECKLIST_COLUMNS)[number],
      string
    >;
  }

  csvHeadings(): string[] {
    return CSV_COLUMNS.map((c) => this.say(`csv.${c}`));
  }

  /** The packet column: built, or refused with why (closed, or the code of the error in its record). */
  status(row: DeliveryRow): string {
    const r = row.refusal;
    if (!r) return this.say('cells.built');
    const reason =
      r.code !== undefined
        ? this.say('cells.record_error', { code: r.code })
        : r.closedOn
          ? this.say('cells.closed_on', { date: this.date(r.closedOn) })
          : this.say('cells.closed');
    return this.say('cells.refused', { reason });
  }

  /** The ways to deliver a built packet ("none known" when the record allows none); none for a refused one. */
  methods(row: DeliveryRow): string[] {
    if (row.refusal) return [];
    return row.methods.length
      ? row.methods.map((m) => this.say(`methods.${methodKey(m)}`))
      : [this.say('methods.none')];
  }

  missing(m: Missing): string {
    switch (m.what) {
      case 'letter-language':
        return this.say('missing.letter_language', {
          language: this.language(m.lang ?? ''),
          code: m.lang ?? '',
          campaign: this.list.campaignId,
        });
      case 'head-of-mission':
        return m.date
          ? this.say('missing.head_on_date', { date: this.date(m.date) })
          : this.say('missing.head_unknown');
      case 'address':
        return m.hint ? this.say('missing.address_hint', { hint: m.hint }) : this.say('missing.address');
      case 'fax':
        return this.say('missing.fax');
      case 'email':
        return this.say('missing.email');
      default:
        return assertNever(m.what);
    }
  }

  /** A doubt about the record; `verified` is the record's verification date (for a stale one). */
  doubt(d: MissionDoubt, verified: string | undefined): string {
    switch (d.kind) {
      case 'status-unknown':
        return this.say('doubts.status_unknown');
      case 'no-source':
        return this.say('doubts.no_source');
      case 'never-verified':
        return this.say('doubts.never_verified');
      case 'stale':
        return this.say('doubts.stale', { date: this.date(verified ?? '') });
      default:
        return assertNever(d.kind);
    }
  }
}

function methodKey(method: DeliveryMethod): string {
  return method === 'hand-hint' ? 'hand_hint' : method;
}
