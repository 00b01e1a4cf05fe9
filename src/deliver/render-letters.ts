import { dedupeDiagnostics, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Project } from '../model/project.js';
import { renderCampaign } from '../pipeline/render-campaign.js';
import { letterPaper, type DeliveryPlan } from './delivery-plan.js';

/**
 * The letters every packet of a plan encloses, rendered once per language and paper size (packets
 * posted in the United States get US Letter), keyed "<lang>/<paper>" as buildDelivery expects.
 * Stops at the first paper size whose letters have errors, and returns those diagnostics.
 */
export async function renderPacketLetters(
  project: Project,
  loadDiagnostics: Diagnostic[],
  plan: DeliveryPlan,
  onProgress: (msg: string) => void = () => {},
): Promise<{ letters: Map<string, Uint8Array>; diagnostics: Diagnostic[] }> {
  const letters = new Map<string, Uint8Array>();
  let diagnostics: Diagnostic[] = loadDiagnostics;
  for (const paper of [...new Set(plan.packets.map((p) => letterPaper(plan, p)))].sort()) {
    const langs = [...new Set(plan.packets.filter((p) => letterPaper(plan, p) === paper).flatMap((p) => p.files.filter((f) => f.kind === 'letter').map((f) => f.lang ?? '')))];
    if (!langs.length) continue;
    const r = await renderCampaign(project, loadDiagnostics, plan.campaignId, langs, ['pdf'], onProgress, paper);
    diagnostics = dedupeDiagnostics([...diagnostics, ...r.diagnostics]);
    for (const f of r.files) letters.set(`${f.locale}/${paper}`, f.data as Uint8Array);
    if (hasErrors(r.diagnostics)) break;
  }
  return { letters, diagnostics };
}
