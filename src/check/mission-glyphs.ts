import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Mission, Project } from '../model/project.js';
import { printedAt } from '../model/printed-field.js';
import { languageSetting } from '../text/language-setting.js';

/**
 * The mission fields the delivery sheets print, by the font stack each is set in: the local
 * language's (the address block, the fax's "To", the checklist's local name and address) or the
 * delivery list's (the workspace's source language: the checklist's other columns).
 */
function printedFields(m: Mission): { local: [string, string][]; list: [string, string][] } {
  const local: [string, string][] = [
    ['name', m.name],
    ['name_local', m.nameLocal ?? ''],
    ['city', m.city],
    ...m.heads.map((h) => ['head_of_mission', h.label ?? ''] as [string, string]),
    ...(m.address ?? []).map((l, i) => [`address[${i}]`, l] as [string, string]),
  ];
  const list: [string, string][] = [
    ['name', m.name],
    ['city', m.city],
    ...m.heads.map((h) => ['head_of_mission', h.label ?? ''] as [string, string]),
    ['phone', m.phone ?? ''],
    ['fax', m.fax ?? ''],
    ['email', m.email ?? ''],
  ];
  return { local, list };
}

/**
 * A character no font of its stack has, in a mission field a delivery sheet prints: deliver would
 * stop on it while drawing, so check reports it first, at the mission's record (one diagnostic per
 * field). Only missions a campaign delivers to are checked.
 */
export async function checkMissionGlyphs(project: Project): Promise<Diagnostic[]> {
  const used = new Set([...project.campaigns.values()].flatMap((c) => c.missions.map((m) => m.id)));
  const missions = [...project.missions.values()].filter((m) => used.has(m.id));
  if (!missions.length) return [];
  // Coverage comes from the build's table: checking loads neither fontkit nor a font file.
  const fonts = await import('../fonts/font-coverage.js');
  const listFonts = languageSetting(project, project.workspace.sourceLocale).fonts;
  const out: Diagnostic[] = [];
  for (const m of missions) {
    const localFonts = languageSetting(project, m.languages[0] ?? project.workspace.sourceLocale).fonts;
    const { local, list } = printedFields(m);
    const seen = new Set<string>();
    for (const [fields, stack] of [
      [local, localFonts],
      [list, listFonts],
    ] as const) {
      if (!stack.every((f) => fonts.isKnownFont(f))) continue; // ref/unknown-font, reported with the letters
      for (const [field, text] of fields) {
        const u = fonts.findUncovered(text, stack)[0];
        if (!u || seen.has(field)) continue;
        seen.add(field);
        const code = `U+${u.codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
        out.push(
          diag(
            'text/uncovered-char',
            // At the character in its field; a record built without spans (a test's) points at the record.
            printedAt(m, field, u.index, u.char.length),
            `mission "${m.id}" ${field}: no font in [${stack.join(', ')}] has "${u.char}" (${code}), which its delivery sheets print`,
            {
              hint: "correct the character in missions.yaml, or give the mission's language a font that has it",
              scope: { kind: 'packet', mission: m.id },
            },
          ),
        );
      }
    }
  }
  return out;
}
