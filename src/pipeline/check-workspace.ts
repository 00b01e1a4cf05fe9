import { checkLetters } from '../check/check-project.js';
import { dedupeDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Project } from '../model/project.js';

/** What `check` found: every problem, and how many letters it composed. */
export interface WorkspaceCheck {
  diagnostics: Diagnostic[];
  letters: number;
  /** Texts of every file read, by the path diagnostics use (for source lines). */
  files: ReadonlyMap<string, string>;
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
    diagnostics: dedupeDiagnostics([...loadDiagnostics, ...checked.diagnostics]),
    letters: checked.letters.size,
    files: project.files,
  };
}
