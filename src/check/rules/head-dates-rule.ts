import { diag, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { knownFrom, knownUntil, periodStart, type HeadOfMission } from '../../model/heads-of-mission.js';
import type { Rule } from './rule.js';
import { checkScope } from './scope.js';

/**
 * mission/head-dates: the holders of a mission's head post must be listed earliest first, each
 * leave before the next arrives, and none leave before arriving; otherwise two heads would be in
 * post on one day, or the wrong one named. A whole check looks at every mission of the registry
 * (the record is wrong whether a campaign delivers there or not), one campaign's at its missions.
 * Their packets are refused until the record is right.
 */
export const headDates: Rule = (ctx) => {
  const { project } = ctx;
  const { campaigns, whole } = checkScope(ctx);
  const named = new Set([...campaigns].flatMap((id) => project.campaigns.get(id)?.missions.map((r) => r.id) ?? []));
  const out: Diagnostic[] = [];
  for (const m of project.missions.values()) {
    if (!whole && !named.has(m.id)) continue;
    const say = (h: HeadOfMission, which: 'from' | 'until', message: string, hint: string) =>
      out.push(
        diag(
          'mission/head-dates',
          (which === 'from' ? h.fromSpan : h.untilSpan) ?? h.span,
          `mission "${m.id}": ${message}`,
          {
            hint,
            scope: { kind: 'packet', mission: m.id },
          },
        ),
      );
    m.heads.forEach((h, k) => {
      const who = h.label ?? `head_of_mission[${k}]`;
      if (h.from !== undefined && h.until !== undefined && periodStart(h.until) < periodStart(h.from))
        say(
          h,
          'until',
          `${who} leaves (until ${h.until}) before arriving (from ${h.from})`,
          'swap or correct the dates',
        );
      const before = m.heads[k - 1];
      if (!before || h.from === undefined || before.from === undefined) return;
      const was = before.label ?? `head_of_mission[${k - 1}]`;
      if (periodStart(h.from) < periodStart(before.from)) {
        say(
          h,
          'from',
          `${who} (from ${h.from}) is listed after ${was} (from ${before.from})`,
          'list the holders earliest first',
        );
        return;
      }
      const left = knownUntil(before, undefined);
      const arrived = knownFrom(h, m.verified);
      if (before.until !== undefined && left !== undefined && arrived !== undefined && arrived <= left)
        say(
          h,
          'from',
          `${who} arrives (from ${h.from}) before ${was} leaves (until ${before.until}): two heads in post on one day`,
          'correct the dates: until: is the last day in post, and the next holder arrives after it',
        );
    });
  }
  return out;
};

/**
 * mission/head-undated: a campaign dated before the `verified:` date of a mission whose head has
 * no dates. That head is today's, known in post only from the day the record was checked, so the
 * packet names none (the generic salutation): said here, so that whoever knows who was in post
 * then can write the holders with their dates.
 */
export const undatedHeads: Rule = (ctx) => {
  const { project } = ctx;
  const out: Diagnostic[] = [];
  for (const id of checkScope(ctx).campaigns) {
    const campaign = project.campaigns.get(id);
    for (const ref of campaign?.missions ?? []) {
      const m = project.missions.get(ref.id);
      const only = m?.heads.length === 1 ? m.heads[0] : undefined;
      if (!campaign || !m || !only || m.status === 'closed') continue;
      if (only.from !== undefined || m.verified === undefined || campaign.date >= m.verified) continue;
      out.push(
        diag(
          'mission/head-undated',
          only.span,
          `the ${id} packet to "${m.id}" names no head of mission: ${only.label ?? 'the head'} has no dates, known in post from ${m.verified} (verified:), after the letter's date ${campaign.date}`,
          {
            hint: 'if you know who headed the mission then, list the holders of the post with from: and until: (see README, "Heads of mission by date")',
            related: [{ message: `delivered to by ${id}`, span: ref.span }],
            scope: { kind: 'packet', mission: m.id },
          },
        ),
      );
    }
  }
  return out;
};
