import { createRequire } from 'node:module';
import type HandlebarsType from 'handlebars';
import { diag, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { offsetIn } from '../../diagnostics/line-index.js';
import { messageDiagnostics } from '../../diagnostics/message-diagnostics.js';
import { textArguments } from '../../model/delivery-arguments.js';
import type { Span } from '../../model/span.js';
import { checkMessage } from '../../text/message.js';
import type { Rule } from './rule.js';

/** One {{t "key" name=value}} in a template: the text it prints, the arguments it names, where. */
interface TextCall {
  key: string;
  named: string[];
  span: Span;
}

/**
 * What deliver would refuse in the delivery texts, found before anything is drawn: a text that is
 * not a valid message or uses an argument it is not given (the packet's, its own, and those the
 * templates' {{t}} calls of it name), and a {{t "key"}} of a text a language's delivery.yaml lacks.
 */
export const deliveryTexts: Rule = (ctx) => {
  const delivery = ctx.project.delivery;
  if (!delivery) return [];
  const calls = Object.values(delivery.templates).flatMap((t) =>
    t ? textCalls(t.file, t.text, ctx.project.files) : [],
  );
  const named = new Map<string, Set<string>>();
  for (const c of calls) named.set(c.key, new Set([...(named.get(c.key) ?? []), ...c.named]));
  const out: Diagnostic[] = [];
  for (const [code, wording] of delivery.wordings)
    for (const [key, t] of wording.texts)
      out.push(
        ...messageDiagnostics(t, checkMessage(t.text, textArguments(key, named.get(key))), `delivery text "${key}"`, {
          kind: 'packet',
          locale: code,
        }),
      );
  for (const c of calls) {
    const lacking = [...delivery.wordings.values()].filter((w) => !w.texts.has(c.key)).map((w) => w.file);
    if (!lacking.length) continue;
    const all = lacking.length === delivery.wordings.size;
    out.push(
      diag(
        'delivery/template',
        c.span,
        all
          ? `{{t "${c.key}"}}: no delivery.yaml has a text "${c.key}"`
          : `{{t "${c.key}"}}: ${lacking.join(', ')} ${lacking.length === 1 ? 'has' : 'have'} no text "${c.key}"`,
        { hint: all ? 'call a text delivery.yaml has (e.g. "fax.message")' : `add ${c.key} to each of them` },
      ),
    );
  }
  return out;
};

/** Every {{t "key" …}} of a template (none for one that does not parse: templateChecks reports it). */
function textCalls(file: string, text: string, files: ReadonlyMap<string, string>): TextCall[] {
  const out: TextCall[] = [];
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
      const loc = (first as hbs.AST.StringLiteral).loc;
      const start = offsetIn(files, file, loc.start.line, loc.start.column);
      const key = (first as hbs.AST.StringLiteral).value;
      out.push({
        key,
        named: (n.hash?.pairs ?? []).map((p) => p.key),
        span: { file, start, end: start + key.length + 2 },
      });
    }
    for (const [k, v] of Object.entries(node)) if (k !== 'loc') visit(v);
  };
  try {
    visit((createRequire(import.meta.url)('handlebars') as typeof HandlebarsType).parse(text));
  } catch {
    // not a valid template: reported by templateChecks
  }
  return out;
}
