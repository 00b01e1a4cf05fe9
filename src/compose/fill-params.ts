import { createRequire } from 'node:module';
import type HandlebarsType from 'handlebars';
import { identityMap, replaceMapped, wholeMap, type OffsetMap } from '../model/offset-map.js';

// Handlebars costs ~100 ms to load; most texts hold only plain {{name}} parameters, which the fast
// path below fills with the same semantics. Handlebars is loaded for anything else (to report it).
let handlebars: typeof HandlebarsType | undefined;
const Handlebars = (): typeof HandlebarsType =>
  (handlebars ??= createRequire(import.meta.url)('handlebars') as typeof HandlebarsType);
/** Only plain parameters, and no other braces: the common case. */
const PLAIN = /^(?:[^{}]|\{\{\s*[A-Za-z_][A-Za-z0-9_]*\s*\}\}|\{(?!\{)|\}(?!\}))*$/;
const PARAM = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export interface FillResult {
  text: string;
  /** `text` → the template: a filled value maps to its "{{name}}" as a whole. */
  offsets: OffsetMap;
  /** Parameters used but not provided, with where the template names them. */
  unknown: { name: string; index: number; length: number }[];
  /** Set when the text is not a valid template (e.g. an unclosed "{{"). */
  syntaxError: string | undefined;
}

const cache = new Map<
  string,
  { names: string[]; plain: boolean; render: (data: Record<string, string>) => string } | { error: string }
>();

export function paramNames(text: string): { names: string[]; error: string | undefined } {
  const c = compile(text);
  return 'error' in c ? { names: [], error: c.error } : { names: c.names, error: undefined };
}

/**
 * Fill `{{name}}` parameters in a text. A missing value is an error rather than an empty string.
 * Plain parameters are filled here; a text with any other handlebars syntax goes through
 * handlebars (strict, no HTML escaping, no helpers), which reports it.
 */
export function fillParams(text: string, params: ReadonlyMap<string, string>): FillResult {
  const same = { text, offsets: identityMap(0, text.length) };
  if (!text.includes('{{')) return { ...same, unknown: [], syntaxError: undefined };
  const c = compile(text);
  if ('error' in c) return { ...same, unknown: [], syntaxError: c.error };
  const written = [...text.matchAll(PARAM)];
  const unknown = [...new Set(c.names.filter((n) => !params.has(n)))].map((name) => {
    const m = written.find((w) => w[1] === name);
    return m ? { name, index: m.index, length: m[0].length } : { name, index: 0, length: text.length };
  });
  if (unknown.length) return { ...same, unknown, syntaxError: undefined };
  if (c.plain) return { ...replaceMapped(text, PARAM, (_, n) => params.get(n!)!), unknown: [], syntaxError: undefined };
  // Handlebars' output (comments dropped, escapes resolved) maps to the template as a whole.
  const data: Record<string, string> = Object.create(null);
  for (const [k, v] of params) data[k] = v;
  const out = c.render(data);
  return { text: out, offsets: wholeMap(0, text.length, out.length), unknown: [], syntaxError: undefined };
}

/** A text with every `{{name}}` left out (what is printed-checked when parameters cannot be filled). */
export function withoutParams(text: string): { text: string; offsets: OffsetMap } {
  return replaceMapped(text, PARAM, () => '');
}

function compile(text: string) {
  let c = cache.get(text);
  if (c) return c;
  if (PLAIN.test(text) && !/\\\{\{/.test(text)) {
    const names = [...text.matchAll(PARAM)].map((m) => m[1]!);
    c = { names, plain: true, render: (data) => text.replace(PARAM, (_, n: string) => data[n]!) };
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
        plain: false,
        render: Handlebars().compile(text, { strict: true, noEscape: true, knownHelpersOnly: true, knownHelpers: {} }),
      };
  } catch (e) {
    c = { error: e instanceof Error ? e.message.split('\n')[0]! : String(e) };
  }
  cache.set(text, c);
  return c;
}
