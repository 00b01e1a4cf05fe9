import { isScalar, isSeq, parseDocument } from 'yaml';
import { findPlaceholders } from '../../compose/placeholders.js';
import { diag, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Rule } from './rule.js';

const FILE = 'workspace.yaml';

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
  const text = project.files.get(FILE);
  if (text === undefined) return [];
  const doc = parseDocument(text);
  const delivering = [...project.campaigns.values()].some((c) => c.missions.length > 0);
  const out: Diagnostic[] = [];
  for (const [field, hint] of Object.entries(FIELDS)) {
    const node = doc.get(field, true);
    for (const s of isSeq(node) ? node.items : [node]) {
      if (!isScalar(s) || typeof s.value !== 'string' || !s.range) continue;
      const found = findPlaceholders(s.value)[0];
      if (!found) continue;
      out.push(
        diag(
          'workspace/placeholder',
          { file: FILE, start: s.range[0], end: s.range[1] },
          `${field} still holds the placeholder "${s.value}"${delivering ? ': nothing is delivered until it is replaced' : ''}`,
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
