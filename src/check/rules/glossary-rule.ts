import { diag, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { GlossaryTerm } from '../../model/project.js';
import { spanIn, spanKey, type TracedText } from '../../model/span.js';
import type { Rule } from './rule.js';
import { checkScope } from './scope.js';
import { letterTexts, writtenTexts } from './user-texts.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regex source matching `term` with any run of whitespace standing for any other (a term broken across lines). */
function looseSource(term: string): string {
  return term.trim().split(/\s+/).map(escape).join('\\s+');
}

/** Scripts written with spaces between words: a variant in them must match whole words. */
const SPACED = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{N}]/u;

interface Matcher {
  term: GlossaryTerm;
  variant: string;
  re: RegExp;
}

function matcher(term: GlossaryTerm, variant: string): Matcher {
  const before = SPACED.test(variant[0] ?? '') ? '(?<![\\p{L}\\p{M}\\p{N}])' : '';
  const after = SPACED.test(variant[variant.length - 1] ?? '') ? '(?![\\p{L}\\p{M}\\p{N}])' : '';
  return { term, variant, re: new RegExp(`${before}${looseSource(variant)}${after}`, 'giu') };
}

/** The preferred term, capitalised like the variant found ("Kwon-li-so" → "Kwan-li-so"). */
function suggestion(found: string, preferred: string): string {
  const first = found[0] ?? '';
  return first !== first.toLowerCase() && preferred[0] === preferred[0]?.toLowerCase()
    ? preferred[0]!.toUpperCase() + preferred.slice(1)
    : preferred;
}

/**
 * glossary/variant: a text uses a spelling glossary.yaml replaces ("kwon-li-so" → "kwan-li-so").
 * Checks every written text of the workspace (when checking it all) and every final letter text;
 * a term limited to some languages applies to texts in those languages only. Names in the roster are not checked.
 */
export const glossaryVariants: Rule = (ctx) => {
  const terms = ctx.project.glossary ?? [];
  if (!terms.length) return [];
  const matchers = terms.flatMap((t) => t.variants.map((v) => matcher(t, v)));
  const texts = new Map<string, TracedText>();
  for (const t of letterTexts(ctx, { names: false })) texts.set(`${spanKey(t.origin.span)}|${t.text}`, t);
  if (checkScope(ctx).whole)
    for (const t of writtenTexts(ctx.project)) texts.set(`${spanKey(t.origin.span)}|${t.text}`, t);
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const t of texts.values()) {
    for (const m of matchers) {
      if (m.term.languages.length && !m.term.languages.includes(t.origin.lang)) continue;
      m.re.lastIndex = 0;
      for (const hit of t.text.matchAll(m.re)) {
        if (insidePreferred(t.text, hit.index, hit[0].length, m.term.preferred)) continue;
        const span = spanIn(t, hit.index, hit[0].length);
        const k = `${spanKey(span)}|${span.end}`;
        if (seen.has(k)) continue;
        seen.add(k);
        const want = suggestion(hit[0], m.term.preferred);
        out.push(
          diag(
            'glossary/variant',
            span,
            `"${hit[0]}" is a variant of "${m.term.preferred}"${m.term.note ? ` (${m.term.note})` : ''}`,
            {
              hint: `write "${want}"`,
              related: [{ message: 'the preferred term is set here', span: m.term.span }],
            },
          ),
        );
      }
    }
  }
  return out;
};

/** A variant found inside an occurrence of the preferred term itself is not a variant. */
function insidePreferred(text: string, index: number, length: number, preferred: string): boolean {
  const re = new RegExp(looseSource(preferred), 'giu');
  for (const m of text.matchAll(re)) if (m.index <= index && index + length <= m.index + m[0].length) return true;
  return false;
}
