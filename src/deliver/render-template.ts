import Handlebars from 'handlebars';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { messageDiagnostics } from '../diagnostics/message-diagnostics.js';
import type { DeliveryWording, TemplateSource } from '../model/project.js';
import { formatMessage, type MessageArgs, type MessageValue } from '../text/message.js';
import { memo } from '../util/memo.js';

/** Values a delivery text or template may use by name. */
export type TextValues = Record<string, unknown>;

export type { TemplateVariable } from '../model/template-variables.js';

/**
 * The text `key` ("cover_note.body") of `wording`, formatted as an ICU message in language `tag`
 * with `values`. What cannot be worded (no such text, an argument it is not given) goes to
 * `problems`, and that part of the text is left out.
 */
export function formatText(
  wording: DeliveryWording,
  key: string,
  values: MessageArgs,
  tag: string,
  problems: Diagnostic[],
): string {
  const t = wording.texts.get(key);
  if (!t) {
    problems.push(
      diag('delivery/template', undefined, `${wording.file} has no text "${key}"`, {
        hint: `add ${key} to ${wording.file}, or call a text it has`,
      }),
    );
    return '';
  }
  const r = formatMessage(t.text, tag, values);
  problems.push(...messageDiagnostics(t, r.problems, `delivery text "${key}"`));
  return r.text;
}

/** A template's compiled function, once per text for the process: every packet renders the same few. */
const compiled = memo((text: string) => Handlebars.compile(text, { strict: true, noEscape: true }));

/**
 * Renders a delivery template to plain text. Templates run in strict mode (every name used must be
 * in the context; absent values are empty strings) without HTML escaping (the output is plain text),
 * with the workspace's partials (templates/partials/<name>.hbs as `{{> name}}`) and one helper:
 * `{{t "key" name=value}}` prints the text `key` of `wording`, formatted with `args` plus the
 * helper's named arguments. Trailing spaces are dropped and runs of blank lines collapse to one.
 * A template that does not run (handlebars throws) is a problem in `problems`, and gives "".
 */
export function renderTemplate(
  source: TemplateSource,
  values: { context: TextValues; args: MessageArgs },
  wording: DeliveryWording,
  tag: string,
  partials: Record<string, string>,
  problems: Diagnostic[],
): string {
  const t = (key: unknown, options: Handlebars.HelperOptions): string => {
    const named = Object.entries(options.hash as TextValues).map(([k, v]) => [k, messageValue(v)] as const);
    if (typeof key === 'string')
      return formatText(wording, key, { ...values.args, ...Object.fromEntries(named) }, tag, problems);
    problems.push(
      diag('delivery/template', undefined, `${source.file}: {{t}} needs a text key in quotes`, {
        hint: 'write e.g. {{t "cover_note.body"}}',
      }),
    );
    return '';
  };
  try {
    const out = compiled(source.text)(values.context, { helpers: { t }, partials });
    return out
      .replace(/\r\n?/g, '\n')
      .replace(/[ \t]+$/gm, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  } catch (e) {
    // Handlebars reports a template it cannot run by throwing: turned into a problem here, at the boundary.
    problems.push(
      diag(
        'delivery/template',
        undefined,
        `${source.file}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
        {
          hint: 'fix the template (openletter check shows where)',
        },
      ),
    );
    return '';
  }
}

/** A template value as a message argument: numbers stay numbers (for plural), the rest is text. */
const messageValue = (v: unknown): MessageValue => (typeof v === 'number' ? v : String(v ?? ''));
