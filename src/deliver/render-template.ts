import Handlebars from 'handlebars';
import { formatMessage, type MessageArgs, type MessageValue } from '../text/message.js';
import type { DeliveryStrings } from './delivery-strings.js';
import type { TemplateSource } from './load-delivery-texts.js';

/** Values a delivery text or template may use by name. */
export type TextValues = Record<string, unknown>;

export { TEMPLATE_VARIABLES, TEMPLATE_HELPERS, type TemplateVariable } from '../model/template-variables.js';

/** A delivery text could not be filled or a template could not be rendered: reported, never thrown past planning. */
export class WordingError extends Error {
  override name = 'WordingError';
}

/**
 * The text at `key` ("cover_note.body") of `strings`, formatted as an ICU message in language `tag`
 * with `values`.
 * @throws WordingError for an unknown key or an argument the text uses but is not given.
 */
export function formatText(strings: DeliveryStrings, key: string, values: MessageArgs, tag: string): string {
  let node: unknown = strings;
  for (const part of key.split('.'))
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  if (typeof node !== 'string') throw new WordingError(`delivery.yaml has no text "${key}"`);
  const r = formatMessage(node, tag, values);
  const problem = r.problems[0];
  if (problem) throw new WordingError(`text "${key}": ${problem.message}`);
  return r.text;
}

const compiled = new Map<string, Handlebars.TemplateDelegate>();

/**
 * Renders a delivery template to plain text. Templates run in strict mode (every name used must be
 * in the context; absent values are empty strings) without HTML escaping (the output is plain text), with the
 * workspace's partials (templates/partials/<name>.hbs as `{{> name}}`) and one helper: `{{t "key" name=value}}`
 * prints the text `key` of `strings`, formatted with `args` plus the helper's named arguments.
 * Trailing spaces are dropped and runs of blank lines collapse to one.
 * @throws WordingError when the template does not compile or uses a missing value or text.
 */
export function renderTemplate(
  source: TemplateSource,
  context: TextValues,
  args: MessageArgs,
  strings: DeliveryStrings,
  tag: string,
  partials: Record<string, string> = {},
): string {
  const t = (key: unknown, options: Handlebars.HelperOptions): string => {
    if (typeof key !== 'string')
      throw new WordingError('{{t}} needs a text key in quotes, e.g. {{t "cover_note.body"}}');
    const named = Object.entries(options.hash as TextValues).map(([k, v]) => [k, messageValue(v)] as const);
    return formatText(strings, key, { ...args, ...Object.fromEntries(named) }, tag);
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

/** A template value as a message argument: numbers stay numbers (for plural), the rest is text. */
const messageValue = (v: unknown): MessageValue => (typeof v === 'number' ? v : String(v ?? ''));

/**
 * The texts templates print with {{t "key" name=value}}, each with the names of the arguments its
 * calls add: what `check` allows that text beyond the packet's arguments. Templates that do not
 * parse add nothing (check reports them).
 */
export function textCalls(templates: Iterable<string>): Map<string, Set<string>> {
  const calls = new Map<string, Set<string>>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Partial<hbs.AST.MustacheStatement>;
    const first = n.params?.[0];
    if (
      n.path?.type === 'PathExpression' &&
      (n.path as hbs.AST.PathExpression).original === 't' &&
      first?.type === 'StringLiteral'
    ) {
      const names = calls.get((first as hbs.AST.StringLiteral).value) ?? new Set<string>();
      for (const pair of n.hash?.pairs ?? []) names.add(pair.key);
      calls.set((first as hbs.AST.StringLiteral).value, names);
    }
    for (const [k, v] of Object.entries(node)) if (k !== 'loc') visit(v);
  };
  for (const text of templates) {
    try {
      visit(Handlebars.parse(text));
    } catch {
      // a template/syntax finding of check
    }
  }
  return calls;
}
