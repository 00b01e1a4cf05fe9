import { checkLetters } from '../../check/check-project.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { positionIn } from '../../diagnostics/line-index.js';
import type { FileSource } from '../../load/read-text-file.js';
import { loadWorkspace } from '../../load/load-workspace.js';
import { inlineText, type Block, type LetterDocument } from '../../model/letter-document.js';
import { concerns } from '../concerns.js';

/** A problem as the preview shows it: where, what, and its check code. */
export interface ShownProblem {
  severity: Diagnostic['severity'];
  code: string;
  message: string;
  hint: string | undefined;
  /** file:line:col, or the file alone. */
  where: string;
  /** The word diff that explains it (a stale translation's English then and now). */
  change?: Diagnostic['change'];
}

export interface PreviewLanguage {
  locale: string;
  doc: LetterDocument | undefined;
  /** Problems placed at a block of the letter (index into doc.blocks; -1 is the title). */
  placed: Map<number, ShownProblem[]>;
  /** Problems of this language that are not in a text of the letter (a locale file, a font). */
  elsewhere: ShownProblem[];
  errors: number;
}

export interface PreviewState {
  campaignId: string;
  /** Problems that stop the campaign from loading at all, or belong to no language. */
  general: ShownProblem[];
  languages: PreviewLanguage[];
}

/**
 * Load the workspace and check the campaign in each of its languages, one language at a time (so a
 * problem lands in the column of the language it concerns), then place each problem at the block of
 * the letter whose text came from the characters it points at. Never throws on bad input: a workspace
 * that does not load is a state with its problems.
 */
export async function previewState(
  root: string,
  campaignId: string,
  today: string,
  source?: FileSource,
): Promise<PreviewState> {
  const { value: project, diagnostics: loadDs } = loadWorkspace(root, source);
  const show = (d: Diagnostic): ShownProblem => {
    const pos = d.span ? positionIn(project.files, d.span.file, d.span.start) : undefined;
    return {
      severity: d.severity,
      code: d.code,
      message: d.message,
      hint: d.hint,
      where: d.span ? (pos ? `${d.span.file}:${pos.line}:${pos.col}` : d.span.file) : '',
      ...(d.change ? { change: d.change } : {}),
    };
  };
  const campaign = project.campaigns.get(campaignId);
  if (!campaign) return { campaignId, general: loadDs.filter((d) => d.severity === 'error').map(show), languages: [] };
  const languages: PreviewLanguage[] = [];
  const inSomeLanguage = new Set<Diagnostic>();
  for (const locale of campaign.locales) {
    const checked = await checkLetters(project, { campaigns: [campaignId], locales: [locale], today, delivery: false });
    const letter = checked.letters.get(`${campaignId}/${locale}`);
    const own = [...loadDs, ...checked.diagnostics].filter((d) =>
      concerns(d, { campaign: campaignId, locales: [locale] }),
    );
    const lang: PreviewLanguage = { locale, doc: letter?.doc, placed: new Map(), elsewhere: [], errors: 0 };
    const blockTexts = letter ? [letter.doc.title, ...letter.doc.blocks.map(blockText)] : [];
    for (const d of own) {
      // Load problems in shared files (a demand block) show in every language they reach; count once.
      if (loadDs.includes(d)) inSomeLanguage.add(d);
      if (d.severity === 'error') lang.errors++;
      const at = letter && d.span ? placeOf(d, letter.texts, blockTexts) : undefined;
      if (at === undefined) lang.elsewhere.push(show(d));
      else lang.placed.set(at, [...(lang.placed.get(at) ?? []), show(d)]);
    }
    languages.push(lang);
  }
  const general = loadDs
    .filter((d) => !inSomeLanguage.has(d) && concerns(d, { campaign: campaignId, locales: campaign.locales }))
    .map(show);
  return { campaignId, general, languages };
}

/** The block (-1: the title) holding the text made from the characters a problem points at. */
function placeOf(
  d: Diagnostic,
  texts: { text: string; origin: { span: { file: string; start: number; end: number } } }[],
  blockTexts: string[],
): number | undefined {
  const s = d.span!;
  for (const t of texts) {
    const o = t.origin.span;
    if (o.file !== s.file || s.start > o.end || s.end < o.start || !t.text.trim()) continue;
    const i = blockTexts.findIndex((b) => b.includes(t.text));
    if (i >= 0) return i - 1;
  }
  return undefined;
}

function blockText(b: Block): string {
  switch (b.kind) {
    case 'date':
    case 'sign-off':
      return b.text;
    case 'recipient':
      return b.lines.join('\n');
    case 'salutation':
    case 'paragraph':
    case 'heading':
      return inlineText(b.content);
    case 'bullets':
      return b.items.map(inlineText).join('\n');
    case 'signatures':
      return b.entries.map((e) => `${e.name} ${e.country ?? ''}`).join('\n');
    case 'cc':
      return [b.label, ...b.entries.flatMap((e) => [e.name, ...e.lines])].join('\n');
  }
}
