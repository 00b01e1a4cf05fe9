import { allSourceTexts } from '../../compose/source-texts.js';
import { wholeMap } from '../../model/offset-map.js';
import type { Project } from '../../model/project.js';
import { spanKey, type Origin, type SourcedText, type TracedText } from '../../model/span.js';
import { memoByObject } from '../../util/memo.js';
import type { RuleContext } from './rule.js';

/** Every text a user writes: English sources, translations and letter chrome, once per span. */
export const writtenTexts = memoByObject(collectWritten);

function collectWritten(project: Project): TracedText[] {
  const out = new Map<string, TracedText>();
  const add = (key: string, t: SourcedText, kind: Origin['kind'], lang: string) => {
    if (out.has(spanKey(t.span))) return;
    const offsets = t.offsets ?? wholeMap(t.span.start, t.span.end - t.span.start, t.text.length);
    out.set(spanKey(t.span), { text: t.text, origin: { span: t.span, kind, lang, key }, offsets });
  };
  const source = project.workspace.sourceLocale;
  for (const [k, t] of allSourceTexts(project)) add(k, t, 'source', source);
  for (const l of project.locales.values()) {
    for (const [k, t] of l.translations) add(k, t, 'translation', l.code);
    for (const [k, t] of l.chrome) add(k, t, 'chrome', l.code);
  }
  return [...out.values()];
}

/** The final texts of the composed letters, once per source span and text (signatory names left out with `names: false`). */
export function letterTexts(ctx: RuleContext, { names = true } = {}): TracedText[] {
  const out = new Map<string, TracedText>();
  for (const letter of ctx.letters.values())
    for (const t of letter.texts) {
      if (!names && t.origin.kind === 'roster-name') continue;
      const k = `${spanKey(t.origin.span)}|${t.text}`;
      if (!out.has(k)) out.set(k, t);
    }
  return [...out.values()];
}
