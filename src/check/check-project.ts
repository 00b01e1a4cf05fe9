import { dedupeDiagnostics, diag, scopeFrom, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Project } from '../model/project.js';
import { spanIn, type Span } from '../model/span.js';
import { suggestFont } from '../fonts/font-suggestions.js';
import { scriptLabel, scriptOf } from '../text/scripts.js';
import { composeLetter, type ComposedLetter } from '../compose/compose-letter.js';
import { checkMissionGlyphs } from './mission-glyphs.js';
import { RULES } from './rules/index.js';
import { translationDiagnostics } from '../translations/translation-status.js';

export interface CheckOptions {
  /** Only these campaigns (default: all). */
  campaigns?: string[];
  /** Only these languages (default: each campaign's own list). */
  locales?: string[];
  /** Today's date, YYYY-MM-DD (the command's: the clock or OPENLETTER_TODAY). */
  today: string;
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
export async function checkLetters(project: Project, opts: CheckOptions): Promise<CheckedLetters> {
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
  if (opts.delivery !== false) diagnostics.push(...(await checkMissionGlyphs(project)));
  const today = opts.today;
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

/** Positions of one script's uncovered characters in one file, for one language. */
interface UncoveredGroup {
  locale: string;
  campaign: string;
  script: string;
  stack: string[];
  chars: Set<string>;
  /** Spans by start offset: a text composed into several letters is one occurrence. */
  spans: Map<number, Span>;
}

/** How many further places of an uncovered script a diagnostic lists as notes. */
const MORE_POSITIONS = 2;

/**
 * Every character of every final text must be drawable by a font in its language's stack. What no
 * font draws is reported once per language, file and script (a Thai letter without a Thai font is
 * one problem, not one per character), at its first place, with the count, the next places and
 * the font to add for that script.
 */
async function checkGlyphs(project: Project, letters: ComposedLetter[]): Promise<Diagnostic[]> {
  if (!letters.length) return [];
  // Coverage comes from the build's table: checking loads neither fontkit nor a font file.
  const fonts = await import('../fonts/font-coverage.js');
  const out: Diagnostic[] = [];
  const badFont = new Set<string>();
  const groups = new Map<string, UncoveredGroup>();
  for (const l of letters) {
    const unknown = l.doc.fonts.filter((f) => !fonts.isKnownFont(f));
    for (const f of unknown) {
      if (badFont.has(`${l.doc.locale}/${f}`)) continue;
      badFont.add(`${l.doc.locale}/${f}`);
      const span = project.locales.get(l.doc.locale)?.span;
      out.push(
        diag(
          'ref/unknown-font',
          span,
          `locale "${l.doc.locale}" names font "${f}", which is neither bundled nor a font file`,
          {
            hint: `bundled fonts: ${fonts.knownFontIds().join(', ')}; a font file of the workspace is written as its path, e.g. fonts/NotoSansThai-Regular.ttf`,
            scope: { kind: 'letter', locale: l.doc.locale },
          },
        ),
      );
    }
    if (unknown.length) continue;
    for (const t of l.texts) {
      for (const u of fonts.findUncovered(t.text, l.doc.fonts)) {
        const span = spanIn(t, u.index, u.char.length);
        const script = scriptOf(u.char);
        const key = `${l.doc.locale}\0${span.file}\0${script}`;
        let group = groups.get(key);
        if (group === undefined) {
          const g = { locale: l.doc.locale, campaign: l.doc.campaignId, script, stack: l.doc.fonts };
          groups.set(key, (group = { ...g, chars: new Set(), spans: new Map() }));
        }
        group.chars.add(u.char);
        group.spans.set(span.start, span);
      }
    }
  }
  for (const group of groups.values()) out.push(uncovered(group, fonts.fontLabel));
  return out;
}

function uncovered(group: UncoveredGroup, label: (id: string) => string): Diagnostic {
  const { locale, script } = group;
  const spans = [...group.spans.values()].sort((a, b) => a.start - b.start);
  // The places shown are where stretches of such characters start, not each next character.
  const starts = spans.filter((span, i) => i === 0 || span.start > spans[i - 1]!.end);
  const first = spans[0]!;
  const chars = [...group.chars];
  const shown =
    chars
      .slice(0, 5)
      .map((c) => `"${c}" (${codePoint(c)})`)
      .join(', ') + (chars.length > 5 ? ', …' : '');
  const count = spans.length === 1 ? 'a character' : `${spans.length} characters`;
  const what =
    script === 'Common' || script === 'Inherited' || script === 'Unknown'
      ? ''
      : ` of the ${scriptLabel(script)} script`;
  const suggestion = suggestFont(script);
  const stack = group.stack.map(label).join(', ');
  const name = what === '' ? 'these symbols' : scriptLabel(script);
  const add =
    suggestion.bundled !== undefined
      ? `add the bundled font ${suggestion.bundled} to fonts: in locales/${locale}/locale.yaml`
      : `add a font for ${name}: put a ${suggestion.family} file (fonts.google.com/noto) in the workspace's fonts/ folder and list its path, e.g. ${suggestion.path}, in fonts: of locales/${locale}/locale.yaml`;
  return diag(
    'text/uncovered-char',
    first,
    `no font in the ${locale} font stack draws ${count}${what} in this file: ${shown}`,
    {
      hint: `the ${locale} fonts (${stack}) cannot draw ${chars.length === 1 ? 'it' : 'them'}: ${add}; or replace the text`,
      related: starts.slice(1, 1 + MORE_POSITIONS).map((span) => ({ message: 'also here', span })),
      scope: { kind: 'letter', campaign: group.campaign, locale },
    },
  );
}

const codePoint = (c: string): string => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
