/**
 * The closed table of diagnostic codes. Each has a default severity and a one-line explanation;
 * `openletter check --explain` and the README's table (scripts/gen-docs.mjs) are generated from this.
 */
export const CODES = {
  'yaml/syntax': ['error', 'The file is not valid YAML.'],
  'yaml/duplicate-key': ['error', 'A key appears twice in one mapping.'],
  'file/missing': ['error', 'A file the workspace needs does not exist.'],
  'file/read': ['error', 'A file could not be read.'],
  'file/encoding': [
    'error',
    'A file is not UTF-8 (nor in an encoding it declares or openletter can recognise): it would print mojibake.',
  ],
  'file/not-regular': ['error', 'A workspace path is a pipe, device or other non-file: it is not read.'],
  'file/unsafe-name': ['error', 'An id would be unsafe as a file or folder name.'],
  'file/id-mismatch': ['error', "A file's id differs from its file name."],
  'schema/invalid': ['error', 'A field is missing, has the wrong type, or an unknown key.'],
  'ref/unknown-demand': ['error', 'A campaign names a demand block that does not exist.'],
  'ref/unknown-variant': ['error', 'A campaign names a wording variant the demand block does not have.'],
  'ref/unknown-signatory': ['error', 'A campaign names a signatory that is not in the roster.'],
  'ref/unknown-mission': ['error', 'A campaign names a mission that is not in missions.yaml.'],
  'ref/unknown-locale': ['error', 'A campaign asks for a language that has no locales/<lng>/ folder.'],
  'ref/unknown-font': [
    'error',
    "A locale names a font that is neither bundled nor a file under the workspace's fonts/ folder.",
  ],
  'font/unreadable': ['error', 'A font file a locale names is missing, is not a font, or cannot be read.'],
  'ref/unknown-chrome': ['error', "A campaign names a sign-off or chrome key the locale's letter.yaml lacks."],
  'ref/duplicate-id': ['error', 'Two entries share one id.'],
  'signatory/duplicate': ['error', 'The same signatory is listed twice in one letter.'],
  'signatory/near-duplicate': ['warning', 'Two signatories in one letter or the roster look like the same body.'],
  'signatory/none': ['warning', 'A campaign has no signatories.'],
  'quote/not-found': ['error', "A campaign's quotation is not in its letter: no text quotes those words."],
  'quote/unmarked': [
    'error',
    'A translation neither quotes the official text of a quotation in its language nor is marked as an unofficial translation.',
  ],
  'signatory/unknown-spelling': [
    'warning',
    'A campaign prints a signatory under a name that is neither its roster name nor an alias.',
  ],
  'signatory/untranslated-place': [
    'warning',
    'A signatory signed with a place that is not a state, and a translation has no form of it: that letter prints it as signed.',
  ],
  'text/placeholder': ['error', 'Text still holds an unrendered placeholder (__WORD__, {{…}}, TODO).'],
  'text/unknown-param': ['error', 'Text uses a {{parameter}} the campaign does not provide.'],
  'text/unknown-form': [
    'error',
    'A text asks for a form of a parameter ({{country.in}}) that its language does not define, or writes a particle pair that is not one.',
  ],
  'text/message-syntax': [
    'error',
    'A worded text (letter.yaml, delivery.yaml) is not a valid ICU message ({name}, {n, plural, …}, {x, select, …}).',
  ],
  'text/unknown-argument': ['error', 'A worded text uses an {argument} that is not given to it.'],
  'text/uncovered-char': ['error', "No font in the language's font stack can draw a character."],
  'text/markup': ['error', 'Inline markup (*, **, [..](..)) is unbalanced.'],
  'text/empty-link': ['warning', 'A Markdown link has an empty or "#" target.'],
  'text/doubled-punctuation': ['warning', 'Punctuation is doubled (".." or ",,").'],
  'text/doubled-word': ['warning', 'A word is repeated ("the the").'],
  'text/unbalanced': ['warning', 'Brackets or quotes are unbalanced.'],
  'text/typography': [
    'warning',
    "Punctuation spacing breaks the language's typography (French: a space before ; : ! ?).",
  ],
  'text/replacement-char': [
    'error',
    'A text holds U+FFFD (�), what a file decoded with the wrong encoding leaves behind.',
  ],
  'text/control-char': ['error', 'A text holds a control character or a terminal escape sequence.'],
  'text/bidi-control': [
    'error',
    'A text holds a bidirectional control (U+202A–U+202E, U+2066–U+2069) but no right-to-left letters.',
  ],
  'text/mark-stack': [
    'error',
    'A character carries more than five combining marks: they are drawn stacked over the lines above.',
  ],
  'text/unsafe-link': [
    'error',
    "A link's target is not an https:, http: or mailto: address (javascript: runs code, file: opens the reader's disk).",
  ],
  'template/syntax': ['error', 'A template (templates/*.hbs) is not valid handlebars.'],
  'template/unknown-variable': ['warning', 'A template uses a variable the delivery data never provides.'],
  'template/unknown-helper': ['error', 'A template calls a helper ({{name arg}}) that delivery does not provide.'],
  'template/unknown-partial': ['error', 'A template includes a partial ({{> name}}) that templates/ does not have.'],
  'glossary/invalid': ['error', 'glossary.yaml lists a variant that is also a preferred term, or twice.'],
  'import/rejected-row': ['error', 'A sign-on CSV row cannot be imported (no name, unknown country, bad kind).'],
  'import/duplicate-row': ['warning', 'A sign-on CSV row repeats an earlier row; it is skipped.'],
  'import/near-duplicate': [
    'warning',
    'A sign-on CSV row looks like a roster entry but is not an exact match: a person decides (--accept-near).',
  ],
  'import/column': ['error', 'A sign-on CSV has no name column, or --map names a column or field that does not exist.'],
  'glossary/variant': ['warning', 'A text uses a variant spelling the glossary replaces with a preferred term.'],
  'i18n/missing': ['error', 'A language a campaign asks for lacks a translation of one of its texts.'],
  'i18n/stale': ['error', 'The English source changed after this translation was made.'],
  'i18n/identical': ['warning', 'A translation is identical to the English source.'],
  'i18n/wrong-script': ['warning', "A translation is not written in its language's script."],
  'i18n/unknown-key': ['error', 'A translation file holds a key that no source text has.'],
  'i18n/wrong-file': [
    'error',
    'An import file is for another language (by its label or its script), for the source language, or has swapped columns.',
  ],
  'i18n/unreadable-file': [
    'error',
    "A translator's file is not well-formed XLIFF 1.2 or an openletter translation CSV.",
  ],
  'i18n/placeholder-mismatch': [
    'error',
    "A translation drops or adds a {{parameter}} or markup (a language whose type has no italics, emphasis `bold` or `dots`, may print the English's italic terms plain: *kwan-li-so* is 관리소, 管理所).",
  ],
  'mission/closed': ['error', 'A campaign is to be delivered to a closed mission.'],
  'mission/unverified': ['warning', 'A mission has no source, an unknown status, or was verified over a year ago.'],
  'mission/head-dates': [
    'error',
    "A mission's heads are listed out of order, or their dates overlap or end before they begin.",
  ],
  'mission/head-undated': [
    'warning',
    'A letter is older than the record of an undated head of mission: its packet names no head.',
  ],
  'mission/no-address': [
    'warning',
    'A mission has no postal address: no envelope is made; find one or deliver by hand.',
  ],
  'mission/address-too-long': [
    'error',
    "A mission's postal address does not fit the window of the cover note or envelope even at 7 pt: that packet is not made.",
  ],
  'mission/no-fax': ['info', 'A mission has no fax number: no fax cover sheet is made.'],
  'mission/no-email': ['info', 'A mission has no e-mail address: no e-mail draft is made.'],
  'mission/no-letter-language': ['warning', 'A mission should receive a language the campaign is not written in.'],
  'delivery/fallback-language': [
    'warning',
    'A language has no delivery texts (locales/<lng>/delivery.yaml): its cover note and fax sheet are in English.',
  ],
  'delivery/template': [
    'error',
    'A delivery template (templates/*.hbs) or a delivery text could not be read or rendered.',
  ],
  'delivery/unlocalised': [
    'error',
    "A delivery text needs a name or title in its language that the data lacks (the recipient's style, a head of mission, the mission, the coalition): it would print a bare name or English.",
  ],
  'delivery/no-contact-email': [
    'warning',
    'workspace.yaml has no contact_email: e-mail drafts have no sender address.',
  ],
  'workspace/placeholder': [
    'warning',
    "workspace.yaml's coalition details (name, return address, e-mail) still hold a TODO: an error, and deliver refuses, once a campaign names missions.",
  ],
  'campaign/future-date': ['info', 'A campaign is dated in the future.'],
  'demand/unused': ['info', 'A demand block is used by no campaign.'],
} as const satisfies Record<string, readonly [Severity, string]>;

export type Severity = 'error' | 'warning' | 'info';
export type Code = keyof typeof CODES;

export function severityOf(code: Code): Severity {
  return CODES[code][0];
}
