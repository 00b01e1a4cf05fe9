import { createRequire } from 'node:module';
import type HandlebarsType from 'handlebars';
import { diag, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { findPlaceholders } from '../../compose/placeholders.js';
import { blankParams } from '../../compose/fill-params.js';
import { TEMPLATE_HELPERS, TEMPLATE_VARIABLES } from '../../model/template-variables.js';
import { spanIn, spanKey, type Span } from '../../model/span.js';
import { offsetIn } from '../../diagnostics/line-index.js';
import type { Rule } from './rule.js';
import { checkScope } from './scope.js';
import { writtenTexts } from './user-texts.js';

/**
 * text/placeholder in texts no composed letter prints (letters are checked when composed): blocks
 * or variants no campaign uses yet, translations for languages no campaign asks for. A placeholder
 * there is printed the day someone uses the text.
 */
export const placeholdersInUnusedTexts: Rule = (ctx) => {
  if (!checkScope(ctx).whole) return [];
  const printed = new Set<string>();
  for (const l of ctx.letters.values()) for (const t of l.texts) printed.add(spanKey(t.origin.span));
  const out: Diagnostic[] = [];
  for (const t of writtenTexts(ctx.project)) {
    if (printed.has(spanKey(t.origin.span))) continue;
    // Parameters are filled, not leftovers.
    const blanked = blankParams(t.text);
    for (const p of findPlaceholders(blanked))
      out.push(
        diag(
          'text/placeholder',
          spanIn(t, p.index, p.match.length),
          `unrendered placeholder "${p.match}" would be printed`,
          {
            hint: 'replace it with the intended words (no letter uses this text yet)',
          },
        ),
      );
  }
  return out;
};

/** The names delivery gives templates: its variables and the helpers templates may call. */
const known = {
  variables: new Set<string>(TEMPLATE_VARIABLES),
  helpers: new Set<string>(TEMPLATE_HELPERS),
};

const BUILTIN_BLOCKS = new Set(['if', 'unless', 'each', 'with']);

/**
 * Templates (templates/*.hbs, partials included): leftover placeholders in their text, also inside
 * {{#if}} blocks and partials (which handlebars' strict mode never sees unless that branch runs),
 * partials that do not exist, and variables the delivery data does not provide.
 */
export const templateChecks: Rule = (ctx) => {
  const templates = ctx.project.templates;
  if (!templates?.size) return [];
  const partials = new Set(
    [...templates.keys()].map((p) => p.replace(/^templates\/(partials\/)?/, '').replace(/\.hbs$/, '')),
  );
  const out: Diagnostic[] = [];
  for (const [file, text] of templates) {
    const at = (loc: hbs.AST.SourceLocation | undefined, extra = 0, length = 1): Span => {
      if (!loc) return { file, start: 0, end: 1 };
      const start = offsetIn(ctx.project.files, file, loc.start.line, loc.start.column) + extra;
      return { file, start, end: start + length };
    };
    let ast: hbs.AST.Program;
    try {
      ast = (createRequire(import.meta.url)('handlebars') as typeof HandlebarsType).parse(text);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      const line = Number(/on line (\d+)/.exec(msg)?.[1] ?? 1);
      const start = offsetIn(ctx.project.files, file, line, 0);
      out.push(
        diag(
          'template/syntax',
          { file, start, end: start + 1 },
          `${file} is not a valid template: ${msg.split('\n').pop()}`,
          { hint: 'check that every {{#block}} has its {{/block}} and every {{ has its }}' },
        ),
      );
      continue;
    }
    const variable = (p: hbs.AST.Expression, depth: number) => {
      if (p.type !== 'PathExpression') return;
      const path = p as hbs.AST.PathExpression;
      if (path.data || path.depth > 0 || depth > 0 || /^(this|\.)([./]|$)/.test(path.original)) return;
      const head = path.parts[0];
      if (head === undefined || known.variables.has(head) || known.helpers.has(head)) return;
      out.push(
        diag(
          'template/unknown-variable',
          at(path.loc, 0, path.original.length),
          `${file} uses "{{${path.original}}}", which delivery does not provide`,
          {
            hint: `known names: ${[...known.variables].sort().join(', ')}`,
          },
        ),
      );
    };
    const args = (n: { params: hbs.AST.Expression[]; hash?: hbs.AST.Hash }, depth: number) => {
      for (const p of n.params) variable(p, depth);
      for (const pair of n.hash?.pairs ?? []) variable(pair.value, depth);
    };
    const walk = (program: hbs.AST.Program | undefined, depth: number): void => {
      for (const node of program?.body ?? []) {
        switch (node.type) {
          case 'ContentStatement': {
            const c = node as hbs.AST.ContentStatement;
            // The typings call `original` StripFlags; at run time it is the raw text (whitespace control not applied).
            const raw = String((c as unknown as { original: unknown }).original ?? c.value);
            for (const p of findPlaceholders(raw))
              out.push(
                diag(
                  'text/placeholder',
                  at(c.loc, p.index, p.match.length),
                  `unrendered placeholder "${p.match}" in ${file}`,
                  { hint: 'replace it with the intended words' },
                ),
              );
            break;
          }
          case 'MustacheStatement': {
            const m = node as hbs.AST.MustacheStatement;
            if (!m.params.length && !m.hash?.pairs.length) {
              variable(m.path, depth);
              break;
            }
            args(m, depth);
            // With arguments, the first name is a helper: delivery would fail on one it does not have.
            const name = m.path.type === 'PathExpression' ? (m.path as hbs.AST.PathExpression).original : '';
            if (!known.helpers.has(name))
              out.push(
                diag(
                  'template/unknown-helper',
                  at(m.path.loc, 0, name.length || 1),
                  `${file} calls "${name}", which is not a template helper`,
                  { hint: `helpers: ${[...known.helpers].join(', ')} (e.g. {{t "cover_note.body"}})` },
                ),
              );
            break;
          }
          case 'BlockStatement': {
            const b = node as hbs.AST.BlockStatement;
            const name = b.path.type === 'PathExpression' ? (b.path as hbs.AST.PathExpression).original : '';
            args(b, depth);
            if (!BUILTIN_BLOCKS.has(name) && !known.helpers.has(name)) variable(b.path, depth);
            const inner = name === 'each' || name === 'with' ? depth + 1 : depth;
            walk(b.program, inner);
            walk(b.inverse, depth);
            break;
          }
          case 'PartialStatement':
          case 'PartialBlockStatement': {
            const p = node as hbs.AST.PartialStatement;
            const name = p.name.type === 'PathExpression' ? (p.name as hbs.AST.PathExpression).original : undefined;
            if (name !== undefined && !partials.has(name))
              out.push(
                diag(
                  'template/unknown-partial',
                  at(p.loc, 0, 2),
                  `${file} includes the partial "${name}", which is not in templates/`,
                  { hint: `add templates/partials/${name}.hbs, or remove {{> ${name}}}` },
                ),
              );
            if (node.type === 'PartialBlockStatement') walk((node as hbs.AST.PartialBlockStatement).program, depth);
            break;
          }
          default:
            break;
        }
      }
    };
    walk(ast, 0);
  }
  return out;
};
