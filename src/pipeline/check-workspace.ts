import { checkLetters, type CheckedLetters } from '../check/check-project.js';
import { dedupeDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { LetterDocument } from '../model/letter-document.js';
import type { Project } from '../model/project.js';

/** What `check` found: every problem, and how many letters it composed (plain data: it is cached). */
export interface WorkspaceCheck {
  diagnostics: Diagnostic[];
  letters: number;
}

/**
 * Check the whole workspace: every letter of every campaign, and everything `deliver` checks
 * (missions, templates, delivery texts), so a clean check means every command will run.
 */
export async function checkWorkspace(
  project: Project,
  loadDiagnostics: Diagnostic[],
  options: { today: string },
): Promise<WorkspaceCheck> {
  const checked = await checkLetters(project, { ...options, delivery: true });
  return {
    diagnostics: dedupeDiagnostics([
      ...loadDiagnostics,
      ...checked.diagnostics,
      ...(await addressProblems(project, checked, options.today)),
    ]),
    letters: checked.letters.size,
  };
}

/**
 * The addresses too long for their windows, packet by packet, as `deliver` measures them: each
 * campaign's delivery planned from the letters the check composed (the cover note's field holds the
 * "for the attention of" line too, worded as its packet words it). Planning draws nothing and loads
 * no font: the widths come from the build's table.
 */
async function addressProblems(project: Project, checked: CheckedLetters, today: string): Promise<Diagnostic[]> {
  const campaigns = [...project.campaigns.values()].filter((c) => c.missions.length);
  if (!campaigns.length || !project.delivery) return [];
  const { planDelivery } = await import('../deliver/plan-delivery.js');
  return campaigns.flatMap((c) => {
    const letters = new Map<string, LetterDocument>();
    for (const l of c.locales) {
      const doc = checked.letters.get(`${c.id}/${l}`)?.doc;
      if (doc) letters.set(l, doc);
    }
    return planDelivery({ project, campaignId: c.id, today, letters, problems: [] }).addressProblems;
  });
}
