import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { PaperSize, Project } from '../model/project.js';
import { renderCampaign } from '../pipeline/render-campaign.js';
import { letterPaper, type DeliveryPlan } from './delivery-plan.js';

/**
 * The letters every packet of a plan encloses, rendered once per language and paper size (packets
 * posted in the United States get US Letter), keyed "<lang>/<paper>" as buildDelivery expects, and
 * each language's text as Markdown (UTF-8), keyed "<lang>/md": the record of what was sent.
 * The letters are checked once; with errors, no letter is rendered and the diagnostics say why.
 */
export async function renderPacketLetters(
  project: Project,
  loadDiagnostics: Diagnostic[],
  plan: DeliveryPlan,
  onProgress: (msg: string) => void = () => {},
): Promise<{ letters: Map<string, Uint8Array>; diagnostics: Diagnostic[] }> {
  const papers = new Map<string, Set<PaperSize>>();
  for (const p of plan.packets)
    for (const f of p.files)
      if (f.kind === 'letter' && f.lang)
        papers.set(f.lang, (papers.get(f.lang) ?? new Set()).add(letterPaper(plan, p)));
  const letters = new Map<string, Uint8Array>();
  if (!papers.size) return { letters, diagnostics: loadDiagnostics };
  const r = await renderCampaign(
    project,
    loadDiagnostics,
    plan.campaignId,
    [...papers.keys()],
    ['pdf', 'md'],
    onProgress,
    (lang) => [...(papers.get(lang) ?? [])].sort(),
  );
  for (const f of r.files)
    if (f.format === 'md') letters.set(`${f.locale}/md`, new TextEncoder().encode(f.data as string));
    else letters.set(`${f.locale}/${f.paper}`, f.data as Uint8Array);
  return { letters, diagnostics: r.diagnostics };
}
