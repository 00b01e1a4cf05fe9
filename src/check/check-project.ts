import { dedupeDiagnostics, diag, scopeFrom, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { LetterDocument } from '../model/letter-document.js';
import type { Project } from '../model/project.js';
import { spanIn, type TracedText } from '../model/span.js';
import { composeLetter, type ComposedLetter } from '../compose/compose-letter.js';
import { RULES } from './rules/index.js';
import { today as todayDate } from '../util/today.js';
import { translationDiagnostics } from '../translations/translation-status.js';

export interface CheckOptions {
  /** Only these campaigns (default: all). */
  campaigns?: string[];
  /** Only these languages (default: each campaign's own list). */
  locales?: string[];
  /** Today's date, YYYY-MM-DD (default: the real date); injected for deterministic tests. */
  today?: string;
  /** Run the delivery rules too (missions, templates, delivery texts): `check` and `deliver` do, `render` not. */
  delivery?: boolean;
}

export interface CheckedLetters {
  /** Composed letters by "campaign/locale". */
  letters: Map<string, ComposedLetter>;
  diagnostics: Diagnostic[];
}

/**
 * Compose every requested letter and run the letter-level checks on it (missing translations,
 * placeholders, parameters, glyph coverage). Loading has already reported file-level problems.
 */
export async function checkLetters(project: Project, opts: CheckOptions = {}): Promise<CheckedLetters> {
  const diagnostics: Diagnostic[] = [];
  const letters = new Map<string, ComposedLetter>();
  const ids = opts.campaigns ?? [...project.campaigns.keys()];
  for (const id of ids) {
    const c = project.campaigns.get(id);
    if (!c) continue;
    for (const code of opts.locales ?? c.locales) {
      if (!project.locales.has(code)) continue;
      const r = composeLetter(project, id, code);
      const from = diagnostics.length;
      diagnostics.push(...r.diagnostics);
      scopeFrom(diagnostics, from, { kind: 'letter', campaign: id, locale: code });
      if (r.value) letters.set(`${id}/${code}`, r.value);
    }
  }
  diagnostics.push(...(await checkGlyphs(project, [...letters.values()])));
  const today = opts.today ?? todayDate();
  const ctx = { project, letters, today, ...(opts.campaigns ? { only: opts.campaigns } : {}) };
  for (const { rule, scope, delivery } of RULES) {
    if (delivery && opts.delivery === false) continue;
    const from = diagnostics.length;
    diagnostics.push(...rule(ctx));
    scopeFrom(diagnostics, from, scope);
  }
  const only = opts.campaigns?.length === 1 ? opts.campaigns[0] : undefined;
  diagnostics.push(...translationDiagnostics(project, only));
  return { letters, diagnostics: dedupeDiagnostics(diagnostics) };
}

/** Every character of every final text must be drawable by a font in its language's stack. */
async function checkGlyphs(project: Project, letters: ComposedLetter[]): Promise<Diagnostic[]> {
  if (!letters.length) return [];
  const fonts = await import('../fonts/font-coverage.js');
  const out: Diagnostic[] = [];
  const badFont = new Set<string>();
  for (const l of letters) {
    const unknown = l.doc.fonts.filter((f) => !fonts.isKnownFont(f));
    for (const f of unknown) {
      if (badFont.has(`${l.doc.locale}/${f}`)) continue;
      badFont.add(`${l.doc.locale}/${f}`);
      const span = project.locales.get(l.doc.locale)?.span;
      out.push(
        diag('ref/unknown-font', span, `locale "${l.doc.locale}" names font "${f}", which is not bundled`, {
          hint: `bundled fonts: ${fonts.knownFontIds().join(', ')}`,
          scope: { kind: 'letter', locale: l.doc.locale },
        }),
      );
    }
    if (unknown.length) continue;
    const seen = new Set<string>();
    for (const t of l.texts) {
      for (const u of fonts.findUncovered(t.text, l.doc.fonts)) {
        const k = `${t.origin.span.file}:${t.origin.span.start}:${u.codePoint}`;
        if (seen.has(k)) continue;
        seen.add(k);
        out.push(uncovered(t, u, l.doc));
      }
    }
  }
  return out;
}

function uncovered(
  t: TracedText,
  u: { char: string; codePoint: number; index: number },
  doc: LetterDocument,
): Diagnostic {
  const { locale, fonts: stack } = doc;
  const cp = `U+${u.codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  const excerpt = t.text.length > 50 ? `${t.text.slice(0, 47)}...` : t.text;
  return diag(
    'text/uncovered-char',
    spanIn(t, u.index, u.char.length),
    `no font for "${u.char}" (${cp}) in the ${locale} letter, in "${excerpt}"`,
    {
      hint: `the ${locale} font stack (${stack.join(', ')}) cannot draw it: replace the character, or add a font that has it to locales/${locale}/locale.yaml`,
      scope: { kind: 'letter', campaign: doc.campaignId, locale },
    },
  );
}
