/**
 * What each delivery text (locales/<lng>/delivery.yaml, an ICU message) is given to format: the
 * contract between delivery, which passes these arguments, and `check`, which reports a text using
 * any other.
 */

/** Arguments every delivery text is given: the packet's facts, the same in each of its texts. */
export const PACKET_ARGUMENTS = [
  'sender',
  'senderShort',
  'email',
  'title',
  'recipient',
  'date',
  'signatories',
  // Of the signatories, the organisations and the individuals: "signed by {organisations} organisations
  // {individuals, plural, =0 {} other {and # individuals}}" says no more than the letter's list.
  'organisations',
  'individuals',
  'head',
  'mission',
  'city',
  'faxNumber',
  'lang',
  // How the cover note addresses the mission: excellency (its head is an ambassador or a permanent
  // representative), named (the head of another body), generic (no head known); a text picks its
  // form with {addressed, select, excellency {…} other {…}}.
  'addressed',
  // The head's gender as the record states it: female, male, or unknown (not recorded, or no head),
  // for {gender, select, female {Madame} male {Monsieur} other {…}}: never the masculine by default.
  'gender',
] as const;
export type PacketArguments = Record<(typeof PACKET_ARGUMENTS)[number], string | number>;

/**
 * The texts openletter words itself (the rest are printed by a template's {{t "key"}}), with the
 * arguments each is given beyond the packet's.
 */
const WORDED_BY_DELIVERY: Record<string, readonly string[]> = {
  'cover_note.subject': [],
  // `title`: the head's title in the wording language (大使, chargé d'affaires a.i.), for a salutation
  // that names the rank ("尊敬的{title}阁下："); empty when the record has none.
  'cover_note.salutation_excellency': ['name', 'title'],
  'cover_note.salutation_named': ['name', 'title'],
  'cover_note.salutation_generic': [],
  'cover_note.head': ['name', 'title'],
  'cover_note.attention': [],
  'cover_note.document_title': [],
  'cover_note.enclosure_letter': ['language', 'pages', 'count'],
  'cover_note.pages': ['count'],
  ...Object.fromEntries(
    ['heading', 'to', 'fax_number', 'from', 'reply_to', 'date', 'pages', 'subject', 'document_title'].map((k) => [
      `fax.${k}`,
      [],
    ]),
  ),
  'email.subject': [],
  'envelope.document_title': [],
};

/** The delivery list's columns, in order (delivery.yaml `delivery_list.columns.<column>`). */
export const CHECKLIST_COLUMNS = [
  'mission',
  'address',
  'methods',
  'contact',
  'languages',
  'files',
  'missing',
  'delivered_on',
  'by',
  'received_by',
] as const;

/** The columns of delivery-list.csv, in order (delivery.yaml `delivery_list.csv.<column>`: their headings). */
export const CSV_COLUMNS = [
  'id',
  'name',
  'local_name',
  'city',
  'country',
  'packet',
  'address',
  'methods',
  'phone',
  'fax',
  'email',
  'head',
  'letters',
  'wording',
  'files',
  'missing',
  'check',
] as const;

/**
 * The words in the delivery list's cells (delivery.yaml `delivery_list.<group>.<key>`), each with
 * the arguments it is given: what the packet column says, the delivery methods, what a packet
 * lacks and the doubts about a record, in the list's language as its headings are.
 */
export const LIST_CELLS = {
  cells: {
    built: [],
    refused: ['reason'],
    closed: [],
    closed_on: ['date'],
    record_error: ['code'],
    no_address: [],
    phone: ['number'],
    fax: ['number'],
    head: ['head'],
    letters: ['languages'],
    note: ['language'],
    check: ['doubt'],
    // Between the items of a list of methods or languages (", ", "、", "، ").
    separator: [],
    // Between the sentences of one CSV cell (what a packet lacks, the doubts): "; ", "؛ ", "／".
    item_separator: [],
    // A mission's city and host country ("Geneva, Switzerland", 「ジュネーブ（スイス）」).
    place: ['city', 'country'],
  },
  methods: { post: [], hand: [], hand_hint: [], fax: [], email: [], none: [] },
  missing: {
    letter_language: ['language', 'code', 'campaign'],
    head_on_date: ['date'],
    head_unknown: [],
    address: [],
    address_hint: ['hint'],
    fax: [],
    email: [],
  },
  doubts: { status_unknown: [], no_source: [], never_verified: [], stale: ['date'] },
  csv: Object.fromEntries(CSV_COLUMNS.map((c) => [c, []])) as Record<(typeof CSV_COLUMNS)[number], []>,
} as const satisfies Record<string, Record<string, readonly string[]>>;

/** The delivery list's texts: about the whole delivery, so they are given none of a packet's arguments. */
const WORDED_FOR_THE_LIST: Record<string, readonly string[]> = {
  'delivery_list.title': ['title'],
  'delivery_list.subtitle': ['campaign', 'date', 'packets', 'refused', 'today', 'sender'],
  ...Object.fromEntries(CHECKLIST_COLUMNS.map((c) => [`delivery_list.columns.${c}`, []])),
  ...Object.fromEntries(
    Object.entries(LIST_CELLS).flatMap(([group, texts]) =>
      Object.entries(texts).map(([key, args]) => [`delivery_list.${group}.${key}`, args]),
    ),
  ),
};

/** What a template's {{t "key" name=value}} adds to the packet's arguments: its own values and its named ones. */
export const TEMPLATE_TEXT_ARGUMENTS = ['salutation', 'pages'] as const;

/**
 * The arguments the text `key` ("cover_note.body") may use. `named` are the named arguments the
 * templates' {{t}} calls of that key pass.
 */
export function textArguments(key: string, named: Iterable<string> = []): string[] {
  const listed = WORDED_FOR_THE_LIST[key];
  if (listed) return [...listed];
  return [...new Set([...PACKET_ARGUMENTS, ...(WORDED_BY_DELIVERY[key] ?? [...TEMPLATE_TEXT_ARGUMENTS, ...named])])];
}
