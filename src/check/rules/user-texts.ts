import { allSourceTexts } from '../../compose/source-texts.js';
import type { Project } from '../../model/project.js';
import type { Span } from '../../model/span.js';
import type { RuleContext } from './rule.js';
import { spanKey } from './locate.js';

/** A text as a user wrote it (or as a letter prints it), with its language. */
export interface UserText {
  text: string;
  span: Span;
  /** Locale code the text is written in. */
  lang: string;
  /** True for a final text of a composed letter (parameters filled, markup removed). */
  final: boolean;
}

/** The language a text is written in, from where it lives: locales/<lng>/… or the source language. */
export function langOf(project: Project, span: Span): string {
  const m = /^locales\/([^/]+)\//.exec(span.file);
  return m ? m[1]! : project.workspace.sourceLocale;
}

const written = new WeakMap<Project, UserText[]>();

/** Every text a user writes: English sources, translations and letter chrome, once per span. */
export function writtenTexts(project: Project): UserText[] {
  let texts = written.get(project);
  if (!texts) written.set(project, (texts = collectWritten(project)));
  return texts;
}

function collectWritten(project: Project): UserText[] {
  const out = new Map<string, UserText>();
  const add = (text: string, span: Span, lang: string) =>
    out.has(spanKey(span)) || out.set(spanKey(span), { text, span, lang, final: false });
  for (const t of allSourceTexts(project).values()) add(t.text, t.span, project.workspace.sourceLocale);
  for (const l of project.locales.values()) {
    for (const t of l.translations.values()) add(t.text, t.span, l.code);
    for (const t of l.chrome.values()) add(t.text, t.span, l.code);
  }
  return [...out.values()];
}

/** The final texts of the composed letters, once per source span (roster names excluded with `names: false`). */
export function letterTexts(ctx: RuleContext, { names = true } = {}): UserText[] {
  const out = new Map<string, UserText>();
  for (const letter of ctx.letters.values()) {
    // A signature's text is "name country" (for the glyph check); check the name as written.
    const signed = new Map<string, string>();
    for (const b of letter.doc.blocks)
      if (b.kind === 'signatures')
        for (const e of b.entries) signed.set(`${e.name}${e.country ? ` ${e.country}` : ''}`, e.name);
    for (const t of letter.texts) {
      const isName = /(^|\/)signatories\.yaml$/.test(t.span.file);
      if (!names && isName) continue;
      const text = isName ? (signed.get(t.text) ?? t.text) : t.text;
      const k = `${spanKey(t.span)}|${text}`;
      if (!out.has(k)) out.set(k, { text, span: t.span, lang: langOf(ctx.project, t.span), final: true });
    }
  }
  return [...out.values()];
}
