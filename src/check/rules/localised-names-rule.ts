import { diag, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { localisedNames, type Unlocalised } from '../../model/localised-names.js';
import { languageName } from '../../text/language-setting.js';
import type { Rule } from './rule.js';
import { checkScope } from './scope.js';

/** What to write, by field, for a form a language lacks. */
const HINTS: Record<string, (u: Unlocalised) => string> = {
  'recipient.styled': (u) =>
    `add "styled:" under recipient in ${u.file}: the recipient with title and honorific, as a ${u.lang} delivery text names him`,
  names: (u) =>
    u.file === 'workspace.yaml'
      ? `add "${u.lang}:" under names: in workspace.yaml (the coalition's established ${u.lang} name)`
      : `add "${u.lang}:" under names: in the mission's record in missions.yaml`,
  cities: (u) =>
    `add "cities: { ${u.lang}: … }" to the mission's record in missions.yaml (the city as ${u.lang} writes it)`,
  'head_of_mission.name': (u) =>
    `write head_of_mission as {name: {…, ${u.lang}: …}, title: {…}} in missions.yaml (the name in ${u.lang} script)`,
  'head_of_mission.title': (u) => `add "${u.lang}:" under head_of_mission.title in missions.yaml`,
};

/**
 * delivery/unlocalised: a packet's cover note, fax cover or e-mail, worded in the mission's first
 * language, would name the recipient bare or print English (a mission's name, a head of mission's
 * title, the coalition) inside another language. One error per missing form, on the packet: it is
 * refused until the form is written.
 */
export const localisedNamesRule: Rule = (ctx) => {
  const { project } = ctx;
  const { campaigns } = checkScope(ctx);
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const id of campaigns) {
    const campaign = project.campaigns.get(id);
    if (!campaign) continue;
    for (const ref of campaign.missions) {
      const mission = project.missions.get(ref.id);
      if (!mission || mission.status === 'closed') continue;
      const lang = wordingLanguage(project.delivery?.wordings, mission.languages[0], project.workspace.sourceLocale);
      for (const u of localisedNames(project, campaign, mission, lang).missing) {
        // A mission's or the coalition's form is missing once, however many campaigns deliver there.
        const whose =
          u.field === 'recipient.styled'
            ? `campaign ${id}`
            : u.file === 'workspace.yaml'
              ? 'the coalition'
              : `mission "${mission.id}"`;
        const key = `${whose}|${u.field}|${u.lang}|${u.file === 'workspace.yaml' ? '' : mission.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(
          diag(
            'delivery/unlocalised',
            u.span,
            `${whose} has no ${languageName(u.lang, 'en')} (${u.lang}) ${u.field}: the ${u.lang} cover note to "${mission.id}" would print ${u.field === 'recipient.styled' ? 'the bare name' : 'it in English'}`,
            { hint: HINTS[u.field]!(u), scope: { kind: 'packet', mission: mission.id } },
          ),
        );
      }
    }
  }
  return out;
};

/** The language a mission's packet is worded in: its first language with delivery texts, else the source language. */
function wordingLanguage(
  wordings: ReadonlyMap<string, unknown> | undefined,
  first: string | undefined,
  source: string,
) {
  return first !== undefined && wordings?.has(first) ? first : source;
}
