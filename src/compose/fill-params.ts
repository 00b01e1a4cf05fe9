import { createRequire } from 'node:module';
import type HandlebarsType from 'handlebars';
import { identityMap, OffsetMapBuilder, replaceMapped, wholeMap, type OffsetMap } from '../model/offset-map.js';
import { particleAfter, particlePair } from '../text/korean-particles.js';
import { memo } from '../util/memo.js';

// Handlebars costs ~100 ms to load; most texts hold only plain {{name}} parameters, which the fast
// path below fills with the same semantics. Handlebars is loaded for anything else (to report it).
let handlebars: typeof HandlebarsType | undefined;
const Handlebars = (): typeof HandlebarsType =>
  (handlebars ??= createRequire(import.meta.url)('handlebars') as typeof HandlebarsType);
/**
 * A parameter as a text writes it: `{{name}}`, a form of it `{{name.form}}` (`{{country.in}}`,
 * `{{country.gen}}`, the Korean particle form `{{country.을}}`), or a Korean particle pair on its
 * own, chosen from whatever precedes it: `{{을/를}}`.
 */
const TOKEN = String.raw`\{\{\s*(?:([A-Za-z_][A-Za-z0-9_]*)(?:\.([\p{L}_][\p{L}\p{N}_-]*))?|(\p{Script=Hangul}+\/\p{Script=Hangul}+))\s*\}\}`;
/** Only parameters, and no other braces: the common case. */
const PLAIN = new RegExp(String.raw`^(?:[^{}]|${TOKEN}|\{(?!\{)|\}(?!\}))*$`, 'u');
const PARAM = new RegExp(TOKEN, 'gu');

/** A parameter's forms in one language ("in" → "au Bélarus"), by parameter name. */
export type ParamForms = ReadonlyMap<string, ReadonlyMap<string, string>>;

export interface FillResult {
  text: string;
  /** `text` → the template: a filled value maps to its "{{name}}" as a whole. */
  offsets: OffsetMap;
  /** `text` with every filled value blanked out, character for character: what the text itself holds. */
  own: string;
  /** Parameters used but not provided, with where the template names them. */
  unknown: { name: string; index: number; length: number }[];
  /** Forms used ("{{country.gen}}") that the language does not define for that parameter. */
  unknownForms: { name: string; form: string; index: number; length: number }[];
  /** Particle pairs ("{{이/는}}") that are not a Korean particle pair. */
  unknownParticles: { written: string; index: number; length: number }[];
  /** Set when the text is not a valid template (e.g. an unclosed "{{"). */
  syntaxError: string | undefined;
}

/** A text read as a template: its parameters and how to fill them, or why it is not one. */
type Compiled =
  | { names: string[]; plain: true }
  | { names: string[]; plain: false; render: (data: Record<string, string>) => string }
  | { error: string };

/** The parameters a text uses (by name, whatever form it picks). */
export function paramNames(text: string): { names: string[]; error: string | undefined } {
  const c = compile(text);
  return 'error' in c ? { names: [], error: c.error } : { names: c.names, error: undefined };
}

/** The forms a text asks of each parameter ("country" → {"in", "gen"}); particle forms excluded. */
export function formsUsed(text: string): { name: string; form: string; index: number; length: number }[] {
  return [...text.matchAll(PARAM)]
    .filter((m) => m[1] && m[2] && !particlePair(m[2]))
    .map((m) => ({ name: m[1]!, form: m[2]!, index: m.index, length: m[0].length }));
}

/**
 * Fill the parameters of a text. A missing value or form is an error rather than an empty string.
 * Parameters are filled here; a text with any other handlebars syntax goes through handlebars
 * (strict, no HTML escaping, no helpers), which reports it.
 */
export function fillParams(
  text: string,
  params: ReadonlyMap<string, string>,
  forms: ParamForms = new Map(),
): FillResult {
  const none = { unknown: [], unknownForms: [], unknownParticles: [], syntaxError: undefined };
  const same = { text, own: text, offsets: identityMap(0, text.length) };
  if (!text.includes('{{')) return { ...same, ...none };
  const c = compile(text);
  if ('error' in c) return { ...same, ...none, syntaxError: c.error };
  const written = [...text.matchAll(PARAM)];
  const unknown = [...new Set(c.names.filter((n) => !params.has(n)))].map((name) => {
    const m = written.find((w) => w[1] === name);
    return m ? { name, index: m.index, length: m[0].length } : { name, index: 0, length: text.length };
  });
  if (unknown.length) return { ...same, ...none, unknown };
  if (c.plain) return fillPlain(text, written, params, forms);
  const render = c.render;
  // Handlebars' output (comments dropped, escapes resolved) maps to the template as a whole.
  const data: Record<string, string> = Object.create(null);
  for (const [k, v] of params) data[k] = v;
  const out = render(data);
  return { text: out, own: out, offsets: wholeMap(0, text.length, out.length), ...none };
}

/** Fill each token in turn: a particle depends on what has been written before it. */
function fillPlain(
  text: string,
  tokens: RegExpMatchArray[],
  params: ReadonlyMap<string, string>,
  forms: ParamForms,
): FillResult {
  const b = new OffsetMapBuilder();
  const result: FillResult = {
    text: '',
    own: '',
    offsets: [],
    unknown: [],
    unknownForms: [],
    unknownParticles: [],
    syntaxError: undefined,
  };
  let last = 0;
  for (const m of tokens) {
    const [token, name, form, pair] = m as unknown as [string, string?, string?, string?];
    const at = m.index!;
    const literal = text.slice(last, at);
    result.text += literal;
    result.own += literal;
    b.copy(last, at - last);
    last = at + token.length;
    let value: string | undefined;
    if (pair) {
      const p = particlePair(pair);
      if (p) value = particleAfter(p, result.text);
      else result.unknownParticles.push({ written: pair, index: at, length: token.length });
    } else if (!form) value = params.get(name!)!;
    else {
      const base = params.get(name!)!;
      const p = particlePair(form);
      value = forms.get(name!)?.get(form) ?? (p && base + particleAfter(p, base));
      if (value === undefined) result.unknownForms.push({ name: name!, form, index: at, length: token.length });
    }
    if (value === undefined) continue;
    result.text += value;
    // A particle is the text's own wording; a parameter's value is not.
    result.own += pair ? value : ' '.repeat(value.length);
    b.replace(at, token.length, value.length);
  }
  b.copy(last, text.length - last);
  result.text += text.slice(last);
  result.own += text.slice(last);
  result.offsets = b.done();
  return result;
}

/**
 * The parameters as arguments of an ICU message (letter.yaml): `{country}` the value, `{country_in}`
 * its form "in" (an ICU argument name holds no dot, so a form follows an underscore), `{country_을}`
 * the value with a Korean particle chosen after it. `used` are the message's argument names: a form
 * is looked up only for those, and one the language does not define is in `unknownForms` (the
 * message then lacks that argument). A parameter called like a form (`country_in`) is that parameter.
 */
export function paramArguments(
  params: ReadonlyMap<string, string>,
  forms: ParamForms,
  used: readonly string[],
): { args: Record<string, string>; unknownForms: { argument: string; name: string; form: string }[] } {
  const args: Record<string, string> = Object.fromEntries(params);
  const unknownForms: { argument: string; name: string; form: string }[] = [];
  for (const argument of new Set(used)) {
    const f = formArgument(argument, params);
    if (!f) continue;
    const { name, form } = f;
    const base = params.get(name)!;
    const pair = particlePair(form);
    const value = forms.get(name)?.get(form) ?? (pair && base + particleAfter(pair, base));
    if (value === undefined) unknownForms.push({ argument, name, form });
    else args[argument] = value;
  }
  return { args, unknownForms };
}

/**
 * The parameter and form an ICU argument names (`country_in` → country, in), by the longest
 * parameter name before an underscore (`country_short_in` is a form of `country_short`); undefined
 * for a parameter itself or any other argument.
 */
export function formArgument(
  argument: string,
  params: ReadonlyMap<string, unknown>,
): { name: string; form: string } | undefined {
  if (params.has(argument)) return undefined;
  const name = [...params.keys()].filter((p) => argument.startsWith(`${p}_`)).sort((a, b) => b.length - a.length)[0];
  return name === undefined ? undefined : { name, form: argument.slice(name.length + 1) };
}

/** A text with every parameter token blanked out, character for character (to look for leftovers). */
export function blankParams(text: string): string {
  return text.replace(PARAM, (m) => ' '.repeat(m.length));
}

/** A text with every parameter left out (what is printed-checked when parameters cannot be filled). */
export function withoutParams(text: string): { text: string; offsets: OffsetMap } {
  return replaceMapped(text, PARAM, () => '');
}

const compile = memo((text: string): Compiled => {
  let c: Compiled;
  if (PLAIN.test(text) && !/\\\{\{/.test(text)) {
    const names = [...text.matchAll(PARAM)].flatMap((m) => (m[1] ? [m[1]] : []));
    return { names, plain: true };
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
      unsupported = `only parameters ({{name}}, {{name.form}}, {{을/를}}) are allowed in texts, not "${text.slice(0, 40)}"`;
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
  return c;
});
