import { findPlaceholders } from '../../compose/placeholders.js';
import { diag, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Rule } from './rule.js';

/** The coalition's details in workspace.yaml, and what to write in each. */
const FIELDS = {
  name: "write your coalition's name",
  short_name: "write your coalition's short name (initials)",
  return_address: "write your coalition's postal address, one line each",
  contact_email: "write your coalition's e-mail address",
} as const;

/**
 * workspace/placeholder: the coalition's details still hold a marker `init` wrote for the user to
 * replace ("TODO: street and number"). They are printed on every cover note, envelope and fax:
 * a warning while no campaign is delivered anywhere, an error (`deliver` refuses) once one is.
 */
export const coalitionPlaceholders: Rule = ({ project }) => {
  const delivering = [...project.campaigns.values()].some((c) => c.missions.length > 0);
  const out: Diagnostic[] = [];
  for (const [field, hint] of Object.entries(FIELDS)) {
    for (const { text, span } of project.workspace.texts?.filter((t) => t.key === field) ?? []) {
      if (!findPlaceholders(text)[0]) continue;
      out.push(
        diag(
          'workspace/placeholder',
          span,
          `${field} still holds the placeholder "${text}"${delivering ? ': nothing is delivered until it is replaced' : ''}`,
          {
            hint: `${hint}; it is printed on every cover note, envelope and fax`,
            severity: delivering ? 'error' : 'warning',
          },
        ),
      );
    }
  }
  return out;
};
