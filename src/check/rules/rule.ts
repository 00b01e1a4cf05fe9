import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { ComposedLetter } from '../../compose/compose-letter.js';
import type { Project } from '../../model/project.js';

/** What every preflight rule sees: the loaded project and every composed letter ("campaign/locale" → letter). */
export interface RuleContext {
  project: Project;
  letters: ReadonlyMap<string, ComposedLetter>;
  /** Today's date (YYYY-MM-DD), injected so rules stay pure and tests deterministic. */
  today: string;
  /**
   * The campaigns being checked when not all of them (`render` checks one): rules about the
   * whole workspace (roster, unused blocks, templates) then stay quiet. Absent: read from `letters`.
   */
  only?: readonly string[];
}

/** A preflight rule: pure, reports problems, never throws for user input. */
export type Rule = (ctx: RuleContext) => Diagnostic[];
