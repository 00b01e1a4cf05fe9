/**
 * Every variable the delivery templates are given (templates/*.hbs). `check` reports a template
 * variable outside this list; build-delivery.ts must provide exactly these (it `satisfies` the type).
 */
export const TEMPLATE_VARIABLES = [
  'lang',
  'salutation',
  'sender',
  'senderShort',
  'returnAddress',
  'contactEmail',
  'title',
  'recipient',
  'date',
  'signatories',
  'head',
  'mission',
  'enclosures',
  'faxNumber',
  'pages',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

/** Helpers templates may call: `{{t "key"}}` looks up locales/<lng>/delivery.yaml. */
export const TEMPLATE_HELPERS = ['t'] as const;
