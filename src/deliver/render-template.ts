import Handlebars from 'handlebars';
import type { DeliveryStrings, PluralText } from './delivery-strings.js';
import type { TemplateSource } from './load-delivery-texts.js';

/** Values a delivery text or template may use by name. */
export type TextValues = Record<string, unknown>;

export { TEMPLATE_VARIABLES, TEMPLATE_HELPERS, type TemplateVariable } from '../model/template-variables.js';

/** A delivery text could not be filled or a template could not be rendered: reported, never thrown past planning. */
export class WordingError extends Error {
  override name = 'WordingError';
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w.]*)\s*\}\}/g;

/**
 * The text at `key` ("cover_note.body") of `strings`, with its {{name}} placeholders filled from
 * `values`. A count-dependent text picks its form with Intl.PluralRules for `tag` and `values.count`.
 * @throws WordingError for an unknown key or a placeholder with no value.
 */
export function formatText(strings: DeliveryStrings, key: string, values: TextValues, tag: string): string {
  let node: unknown = strings;
  for (const part of key.split('.'))
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  let text: string;
  if (typeof node === 'string') text = node;
  else if (node !== null && typeof node === 'object' && 'other' in node)
    text = pluralForm(node as PluralText, Number(values['count']), tag);
  else throw new WordingError(`delivery.yaml has no text "${key}"`);
  return text.replace(PLACEHOLDER, (_, name: string) => {
    const value = lookup(values, name);
    if (value === undefined || value === null)
      throw new WordingError(`text "${key}" uses {{${name}}}, which has no value here`);
    return String(value);
  });
}

function pluralForm(forms: PluralText, count: number, tag: string): string {
  const category = new Intl.PluralRules(tag).select(count) as keyof PluralText;
  return forms[category] ?? forms.other;
}

function lookup(values: TextValues, path: string): unknown {
  let v: unknown = values;
  for (const part of path.split('.'))
    v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return v;
}

const compiled = new Map<string, Handlebars.TemplateDelegate>();

/**
 * Renders a delivery template to plain text. Templates run in strict mode (every name used must be
 * in the context; absent values are empty strings) without HTML escaping (the output is plain text), with the
 * workspace's partials (templates/partials/<name>.hbs as `{{> name}}`) and one helper: `{{t "key" name=value}}` prints the text `key` of
 * `strings`, filled from the template context plus the helper's named arguments.
 * Trailing spaces are dropped and runs of blank lines collapse to one.
 * @throws WordingError when the template does not compile or uses a missing value or text.
 */
export function renderTemplate(
  source: TemplateSource,
  context: TextValues,
  strings: DeliveryStrings,
  tag: string,
  partials: Record<string, string> = {},
): string {
  const t = (key: unknown, options: Handlebars.HelperOptions): string => {
    if (typeof key !== 'string')
      throw new WordingError('{{t}} needs a text key in quotes, e.g. {{t "cover_note.body"}}');
    return formatText(strings, key, { ...context, ...(options.hash as TextValues) }, tag);
  };
  const cacheKey = `${source.file}\u0000${source.text}`;
  let template = compiled.get(cacheKey);
  try {
    if (template === undefined) {
      template = Handlebars.compile(source.text, { strict: true, noEscape: true });
      compiled.set(cacheKey, template);
    }
    const out = template(context, { helpers: { t }, partials });
    return out
      .replace(/\r\n?/g, '\n')
      .replace(/[ \t]+$/gm, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  } catch (e) {
    if (e instanceof WordingError) throw new WordingError(`${source.file}: ${e.message}`);
    throw new WordingError(`${source.file}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
}
