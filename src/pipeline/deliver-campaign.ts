import { checkLetters } from '../check/check-project.js';
import { buildDelivery, type BuiltPacket, type EnclosedLetter } from '../deliver/build-delivery.js';
import { letterPaper, type DeliveryPlan } from '../deliver/delivery-plan.js';
import { planDelivery } from '../deliver/plan-delivery.js';
import { dedupeDiagnostics, InternalError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { LetterDocument } from '../model/letter-document.js';
import type { PaperSize, Project } from '../model/project.js';
import { renderMarkdown } from '../render/markdown/render-markdown.js';
import type { RenderedPdf } from '../render/pdf/render-pdf.js';
import { concerns, stopsEverything } from './concerns.js';
import type { RunResult } from './render-campaign.js';

export interface DeliverRequest {
  campaign: string;
  /** Only these of the campaign's missions (default: all of them). */
  missions?: readonly string[];
  /** ISO date (YYYY-MM-DD) mission records are judged against. */
  today: string;
  /** Date of every generated file (default: the campaign date). */
  date?: Date;
  onProgress?: (msg: string) => void;
}

/** A delivery as made: its files by path inside the delivery folder, the plan, the packets built. */
export interface DeliveryResult extends RunResult<Map<string, Uint8Array | string>> {
  plan: DeliveryPlan;
  packets: BuiltPacket[];
  /** Texts of every file read, by the path diagnostics use (for source lines). */
  sources: ReadonlyMap<string, string>;
}

/** A delivery checked and planned, not yet built. */
export interface PlannedDelivery {
  plan: DeliveryPlan;
  /** The campaign's letters as composed by the check, by locale code. */
  letters: Map<string, LetterDocument>;
  /** The problems that concern this delivery: its letters, its packets, the workspace. */
  diagnostics: Diagnostic[];
  /** Texts of every file read, by the path diagnostics use (for source lines). */
  sources: ReadonlyMap<string, string>;
}

/**
 * Check and plan one campaign's delivery. The letters are composed and checked once, with the
 * delivery rules (`check` runs the same); a mission whose record has an error, or that closed, is
 * refused.
 */
export async function planCampaignDelivery(
  project: Project,
  loadDiagnostics: Diagnostic[],
  request: DeliverRequest,
): Promise<PlannedDelivery> {
  const campaign = project.campaigns.get(request.campaign);
  if (!campaign) throw new InternalError(`no campaign "${request.campaign}" (the command checks first)`);
  const locales = campaign.locales.filter((l) => project.locales.has(l));
  const checked = await checkLetters(project, {
    campaigns: [campaign.id],
    locales,
    today: request.today,
    delivery: true,
  });
  const found = dedupeDiagnostics([...loadDiagnostics, ...checked.diagnostics]);
  const missions = request.missions ?? campaign.missions.map((m) => m.id);
  const letters = new Map<string, LetterDocument>();
  for (const l of locales) {
    const doc = checked.letters.get(`${campaign.id}/${l}`)?.doc;
    if (doc) letters.set(l, doc);
  }
  const plan = planDelivery({
    project,
    campaignId: campaign.id,
    today: request.today,
    ...(request.missions ? { missions: request.missions } : {}),
    letters,
    problems: found.filter(
      (d) => d.scope?.kind === 'packet' && concerns(d, { campaign: campaign.id, locales, missions }),
    ),
  });
  const making = { campaign: campaign.id, locales: plan.letterLanguages, missions };
  return {
    plan,
    letters,
    diagnostics: dedupeDiagnostics([...found.filter((d) => concerns(d, making)), ...plan.diagnostics]),
    sources: project.files,
  };
}

/**
 * Check, plan and build one campaign's delivery in memory: the packets of every mission not refused.
 * An error in a letter a packet encloses, in the delivery texts or in the workspace blocks the whole
 * delivery.
 */
export async function deliverCampaign(
  project: Project,
  loadDiagnostics: Diagnostic[],
  request: DeliverRequest,
): Promise<DeliveryResult> {
  const { plan, letters, diagnostics, sources } = await planCampaignDelivery(project, loadDiagnostics, request);
  const blocked = (ds: Diagnostic[]): DeliveryResult => ({
    files: new Map(),
    diagnostics: ds,
    outcome: 'blocked',
    plan,
    packets: [],
    sources,
  });
  if (diagnostics.some(stopsEverything)) return blocked(diagnostics);

  const rendered = await renderEnclosed(plan, letters, request);
  const built = await buildDelivery(plan, rendered, {
    ...(request.date ? { date: request.date } : {}),
    ...(request.onProgress ? { onProgress: request.onProgress } : {}),
  });
  const all = dedupeDiagnostics([...diagnostics, ...built.diagnostics]);
  // A packet that could not be drawn is refused with the others; what is not one packet's stops the run.
  if (built.diagnostics.some(stopsEverything)) return blocked(all);
  return { files: built.files, diagnostics: all, outcome: 'made', plan: built.plan, packets: built.packets, sources };
}

/**
 * The letters the packets enclose, by locale code: the letters the check composed, each rendered
 * once per paper size its packets need (packets posted in the United States get US Letter), and its
 * text as Markdown: the record of what was sent.
 */
export async function renderEnclosed(
  plan: DeliveryPlan,
  letters: ReadonlyMap<string, LetterDocument>,
  { date, onProgress }: Pick<DeliverRequest, 'date' | 'onProgress'> = {},
): Promise<Map<string, EnclosedLetter>> {
  const papers = new Map<string, Set<PaperSize>>();
  for (const p of plan.packets)
    for (const f of p.files)
      if (f.kind === 'letter' && f.lang)
        papers.set(f.lang, (papers.get(f.lang) ?? new Set()).add(letterPaper(plan, p)));
  const out = new Map<string, EnclosedLetter>();
  if (!papers.size) return out;
  const { renderPdf } = await import('../render/pdf/render-pdf.js');
  for (const [lang, sizes] of papers) {
    const doc = letters.get(lang);
    if (!doc) throw new InternalError(`the ${lang} letter of ${plan.campaignId} was not composed`);
    const pdf = new Map<PaperSize, RenderedPdf>();
    for (const paper of [...sizes].sort()) {
      pdf.set(paper, await renderPdf({ ...doc, paper }, date ? { date } : {}));
      onProgress?.(`rendered ${plan.campaignId} ${lang}.pdf${paper === doc.paper ? '' : ` (${paper})`}`);
    }
    out.set(lang, { markdown: renderMarkdown(doc), pdf });
  }
  return out;
}
