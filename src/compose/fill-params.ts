import { createRequire } from 'node:module';
import type HandlebarsType from 'handlebars';

// Handlebars costs ~100 ms to load; most texts hold only plain {{name}} parameters, which the fast
// path below fills with the same semantics. Handlebars is loaded for anything else (to report it).
let handlebars: typeof HandlebarsType | undefined;
const Handlebars = (): typeof HandlebarsType =>
  (handlebars ??= createRequire(import.meta.url)('handlebars') as typeof HandlebarsType);
/** Only plain parameters, and no other braces: the common case. */
const PLAIN = /^(?:[^{}]|\{\{\s*[A-Za-z_][A-Za-z0-9_]*\s*\}\}|\{(?!\{)|\}(?!\}))*$/;
const PARAM = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * Fill `{{name}}` parameters in a text. Handlebars does the work (strict, no HTML escaping,
 * no helpers), so a missing value is an error rather than an empty string.
 */
export interface FillResult {
  text: string;
  /** Parameter names used but not provided. */
  unknown: string[];
  /** Set when the text is not a valid template (e.g. an unclosed "{{"). */
  syntaxError: string | undefined;
}

const cache = new Map<
  string,
  { names: string[]; render: (data: Record<string, string>) => string } | { error: string }
>();

export function paramNames(text: string): { names: string[]; error: string | undefined } {
  const c = compile(text);
  return 'error' in c ? { names: [], error: c.error } : { names: c.names, error: undefined };
}

export function fillParams(text: string, params: ReadonlyMap<string, string>): FillResult {
  if (!text.includes('{{')) return { text, unknown: [], syntaxError: undefined };
  const c = compile(text);
  if ('error' in c) return { text, unknown: [], syntaxError: c.error };
  const unknown = c.names.filter((n) => !params.has(n));
  if (unknown.length) return { text, unknown, syntaxError: undefined };
  const data: Record<string, string> = Object.create(null);
  for (const [k, v] of params) data[k] = v;
  return { text: c.render(data), unknown: [], syntaxError: undefined };
}

function compile(text: string) {
  let c = cache.get(text);
  if (c) return c;
  if (PLAIN.test(text) && !/\\\{\{/.test(text)) {
    const names = [...text.matchAll(PARAM)].map((m) => m[1]!);
    c = { names, render: (data) => text.replace(PARAM, (_, n: string) => data[n]!) };
    cache.set(text, c);
    return c;
  }
  try {
    const ast = Handlebars().parse(text);
    const names: string[] = [];
    let unsupported: string | undefined;
    for (const node of ast.body) {
      if (node.type === 'ContentStatement' || node.type === 'CommentStatement') continue;
      const path = node.type === 'MustacheStatement' ? (node as hbs.AST.MustacheStatement).path : undefined;
      if (path && path.type === 'PathExpression' && (node as hbs.AST.MustacheStatement).params.length === 0) {
        const p = path as hbs.AST.PathExpression;
        if (p.parts.length === 1 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(p.original)) {
          names.push(p.original);
          continue;
        }
      }
      unsupported = `only plain {{name}} parameters are allowed in texts, not "${text.slice(0, 40)}"`;
    }
    if (unsupported) c = { error: unsupported };
    else
      c = {
        names,
        render: Handlebars().compile(text, { strict: true, noEscape: true, knownHelpersOnly: true, knownHelpers: {} }),
      };
  } catch (e) {
    c = { error: e instanceof Error ? e.message.split('\n')[0]! : String(e) };
  }
  cache.set(text, c);
  return c;
}
