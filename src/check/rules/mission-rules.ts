import { diag, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Mission, Project } from '../../model/project.js';
import type { Span } from '../../model/span.js';

/** Why a mission's record should be checked again before anything is sent there. */
export interface MissionDoubt {
  kind: 'status-unknown' | 'no-source' | 'never-verified' | 'stale';
  /** One sentence, as printed on the delivery list. */
  message: string;
}

/**
 * The doubts about one mission record as of `today` (YYYY-MM-DD): an unknown status, no source,
 * no verification date, or a verification date more than a year before `today`. Pure.
 */
export function missionDoubts(mission: Mission, today: string): MissionDoubt[] {
  const out: MissionDoubt[] = [];
  if (mission.status === 'unknown')
    out.push({ kind: 'status-unknown', message: 'status unknown: confirm the mission still operates at this address' });
  const sourced = mission.sources.some((s) => s.url !== undefined || (s.supports ?? '').trim() !== '');
  if (!sourced) out.push({ kind: 'no-source', message: 'no source for this record' });
  if (mission.verified === undefined) out.push({ kind: 'never-verified', message: 'never verified' });
  else if (mission.verified < oneYearBefore(today))
    out.push({ kind: 'stale', message: `last verified ${mission.verified}, over a year ago` });
  return out;
}

/**
 * `mission/unverified` warnings for every mission a campaign names (each mission once, pointing at
 * its record in missions.yaml, with the campaigns that name it as related notes). `today` is
 * injected (YYYY-MM-DD) so the check stays pure. Closed missions are left to `mission/closed`.
 */
export function checkMissions(project: Project, today: string): Diagnostic[] {
  const namedBy = new Map<string, { campaign: string; span: Span }[]>();
  for (const c of project.campaigns.values())
    for (const ref of c.missions) {
      const list = namedBy.get(ref.id) ?? [];
      list.push({ campaign: c.id, span: ref.span });
      namedBy.set(ref.id, list);
    }
  const out: Diagnostic[] = [];
  for (const [id, refs] of [...namedBy].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const mission = project.missions.get(id);
    if (!mission || mission.status === 'closed') continue;
    const doubts = missionDoubts(mission, today);
    if (!doubts.length) continue;
    out.push(
      diag('mission/unverified', mission.span, `mission "${id}": ${doubts.map((d) => d.message).join('; ')}`, {
        hint: 'check the mission against a current source, then update status, sources and verified in missions.yaml',
        related: refs.map((r) => ({ message: `delivered to by ${r.campaign}`, span: r.span })),
        scope: { kind: 'packet', mission: id },
      }),
    );
  }
  return out;
}

/** The same calendar day one year earlier (29 February maps to 28 February). */
export function oneYearBefore(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  const year = String(Number(y) - 1).padStart(4, '0');
  const day = m === '02' && d === '29' ? '28' : d;
  return `${year}-${m}-${day}`;
}
