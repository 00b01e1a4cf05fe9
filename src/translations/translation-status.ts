import { diag, scopeFrom, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { LocaleInfo, Project } from '../model/project.js';
import type { SourcedText } from '../model/span.js';
import { allSourceTexts, campaignTexts, demandKeysUsedBy } from '../compose/source-texts.js';
import { keyName, paramFormOf, parseKey } from '../model/translation-key.js';
import { paramNames } from '../compose/fill-params.js';
import { wordDiff, type DiffPart } from '../text/word-diff.js';
import { sourceHash } from './source-hash.js';

export type TextState = 'translated' | 'missing' | 'stale' | 'identical' | 'wrong-script';

export interface TextStatus {
  key: string;
  locale: string;
  state: TextState;
  source: SourcedText;
  translation: SourcedText | undefined;
  /**
   * A stale text's English when it was translated (from the language's source-texts.json);
   * undefined when not stale, or when that English was never recorded.
   */
  sourceThen: string | undefined;
  /** Campaigns that print this text. */
  usedBy: string[];
}

/**
 * The state of every translatable text in every non-source language, plus the problems that make
 * a translation unusable (unknown keys, parameters or markup that differ from the source).
 * Pure: hashes of the sources translations were made from come from each locale's lock map.
 */
export function translationStatus(
  project: Project,
  opts: { campaign?: string } = {},
): { rows: TextStatus[]; diagnostics: Diagnostic[] } {
  const sources = allSourceTexts(project);
  const usedBy = usage(project);
  const rows: TextStatus[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const locale of project.locales.values()) {
    if (locale.code === project.workspace.sourceLocale) continue;
    const from = diagnostics.length;
    for (const [key, t] of opts.campaign ? [] : locale.translations) {
      // A source file that failed to load has already been reported: its texts are not "unknown".
      const k = parseKey(key);
      if (k && k.ns !== 'chrome' && project.broken[k.ns].has(k.owner)) continue;
      if (!sources.has(key) && !isParamForm(project, key))
        diagnostics.push(
          diag('i18n/unknown-key', t.span, `translation "${keyName(key)}" has no English source`, {
            hint: 'a typo in the key, or a text that was removed from the source: delete it or fix its place',
          }),
        );
    }
    for (const [key, source] of sources) {
      const users = usedBy.get(key) ?? [];
      if (opts.campaign && !users.includes(opts.campaign)) continue;
      const translation = locale.translations.get(key);
      const state = stateOf(locale, key, source, translation);
      const sourceThen = state === 'stale' ? locale.sourceTexts.get(locale.sourceHashes.get(key)!) : undefined;
      rows.push({ key, locale: locale.code, state, source, translation, sourceThen, usedBy: users });
      if (translation) diagnostics.push(...parity(key, source, translation, locale));
    }
    scopeFrom(diagnostics, from, { kind: 'letter', locale: locale.code });
  }
  return { rows, diagnostics };
}

/** A form a language writes for a campaign's parameter ("params.country.gen"): its own grammar, no source. */
function isParamForm(project: Project, key: string): boolean {
  const f = paramFormOf(key);
  return f !== undefined && project.campaigns.get(f.campaign)?.params.has(f.param) === true;
}

/** Diagnostics for texts that campaigns need in languages they ask for: missing texts are reported by compose. */
export function translationDiagnostics(project: Project, campaign?: string): Diagnostic[] {
  const { rows, diagnostics } = translationStatus(project, campaign ? { campaign } : {});
  for (const r of rows) {
    const asked = r.usedBy.filter((c) => project.campaigns.get(c)?.locales.includes(r.locale));
    if (!r.translation || r.state === 'translated') continue;
    const from = diagnostics.length;
    const name = keyName(r.key);
    if (r.state === 'stale' && asked.length)
      diagnostics.push(
        diag(
          'i18n/stale',
          r.translation.span,
          `${r.locale} translation of "${name}" was made from an older English text`,
          {
            hint: `check it against the English (${r.source.span.file}), then run \`openletter translations stamp --lang ${r.locale}\`${r.sourceThen === undefined ? ' (the English it was made from was not recorded: compare with the history of that file)' : ''}`,
            related: [{ message: 'the English source now', span: r.source.span }],
            ...(r.sourceThen === undefined ? {} : { change: sourceChange(project, r.sourceThen, r.source.text) }),
          },
        ),
      );
    else if (r.state === 'identical' && asked.length)
      diagnostics.push(
        diag('i18n/identical', r.translation.span, `${r.locale} translation of "${name}" is identical to the English`, {
          hint: 'translate it (if it is a proper name that stays the same, this warning can be ignored)',
        }),
      );
    else if (r.state === 'wrong-script')
      diagnostics.push(
        diag(
          'i18n/wrong-script',
          r.translation.span,
          `${r.locale} translation of "${name}" is not written in ${project.locales.get(r.locale)?.name ?? r.locale}`,
          { hint: 'the text seems to be in another language' },
        ),
      );
    scopeFrom(diagnostics, from, {
      kind: 'letter',
      locale: r.locale,
      ...(asked.length === 1 ? { campaign: asked[0] } : {}),
    });
  }
  return diagnostics;
}

/** The English then and now as a word diff, in the words of the source language. */
export function sourceChange(project: Project, then: string, now: string): { label: string; parts: DiffPart[] } {
  return { label: 'the English since it was translated', parts: wordDiff(then, now, project.workspace.sourceLocale) };
}

function stateOf(locale: LocaleInfo, key: string, source: SourcedText, t: SourcedText | undefined): TextState {
  if (!t) return 'missing';
  const lock = locale.sourceHashes.get(key);
  if (lock && lock !== sourceHash(source.text)) return 'stale';
  const letters = t.text.replace(/\{\{[^}]*\}\}/g, '').match(/\p{L}/gu) ?? [];
  // Proper names (all words capitalised: "Kim Jong-il", "Pyongyang") rightly stay the same.
  const prose = /(^|[\s(])\p{Ll}{3,}/u.test(t.text);
  if (t.text.trim() === source.text.trim() && letters.length > 3 && prose) return 'identical';
  if (locale.scripts.length && letters.length >= 4) {
    const re = new RegExp(`[${locale.scripts.map((s) => `\\p{Script=${s}}`).join('')}]`, 'u');
    if (!letters.some((l) => re.test(l))) return 'wrong-script';
  }
  return 'translated';
}

/** A translation must keep the source's {{parameters}} and markup. */
function parity(key: string, source: SourcedText, t: SourcedText, locale: LocaleInfo): Diagnostic[] {
  const out: Diagnostic[] = [];
  const a = new Set(paramNames(source.text).names);
  const b = new Set(paramNames(t.text).names);
  const dropped = [...a].filter((n) => !b.has(n));
  const added = [...b].filter((n) => !a.has(n));
  const name = keyName(key);
  if (dropped.length || added.length)
    out.push(
      diag(
        'i18n/placeholder-mismatch',
        t.span,
        `${locale.code} translation of "${name}" ${dropped.length ? `drops {{${dropped.join('}}, {{')}}}` : ''}${dropped.length && added.length ? ' and ' : ''}${added.length ? `adds {{${added.join('}}, {{')}}}` : ''}`,
        {
          hint: 'keep exactly the parameters of the English text',
          related: [{ message: 'the English text', span: source.span }],
        },
      ),
    );
  const marks = (s: string) => ({
    bold: (s.match(/\*\*/g) ?? []).length,
    italic: (s.replace(/\*\*/g, '').match(/\*/g) ?? []).length,
    links: (s.match(/\]\(/g) ?? []).length,
  });
  const ma = marks(source.text);
  const mb = marks(t.text);
  // English italicises foreign terms (*kwan-li-so*, *dolgyeokde*); in a language whose type has no
  // italics (Korean bold, Japanese and Chinese emphasis dots) they are its own words (관리소, 管理所),
  // and marking them would print them emphasised: such a translation may leave out every italic.
  const plainTerms = locale.typography.emphasis !== 'italic' && mb.italic === 0;
  for (const k of ['bold', 'italic', 'links'] as const)
    if (ma[k] !== mb[k] && !(k === 'italic' && plainTerms))
      out.push(
        diag(
          'i18n/placeholder-mismatch',
          t.span,
          `${locale.code} translation of "${name}" has different ${k} markup from the English (${mb[k]} markers, English has ${ma[k]})`,
          {
            hint:
              k === 'links'
                ? 'keep each [text](link) of the English'
                : `keep the ${k === 'bold' ? '**bold**' : '*italic*'} around the matching words`,
            related: [{ message: 'the English text', span: source.span }],
          },
        ),
      );
  return out;
}

/** Which campaigns print each text key. */
function usage(project: Project): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (k: string, c: string) => out.set(k, [...(out.get(k) ?? []), c]);
  for (const c of project.campaigns.values()) {
    for (const k of campaignTexts(c).keys()) add(k, c.id);
    for (const k of demandKeysUsedBy(c, project)) add(k, c.id);
  }
  return out;
}
