import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** What a run makes: one campaign's letters in some languages and, for `deliver`, packets. */
export interface Making {
  campaign: string;
  /** Languages of the letters made. */
  locales: readonly string[];
  /** Missions packets are made for; undefined: no packets (render). */
  missions?: readonly string[];
}

/**
 * Whether a problem concerns what a run makes, read from its scope: the whole workspace, the
 * campaign's letters in the languages made, or the packets of the missions made.
 */
export function concerns(d: Diagnostic, making: Making): boolean {
  const s = d.scope;
  if (!s || s.kind === 'workspace') return true;
  if (s.kind === 'letter')
    return (
      (s.campaign === undefined || s.campaign === making.campaign) &&
      (s.locale === undefined || making.locales.includes(s.locale))
    );
  return making.missions !== undefined && (s.mission === undefined || making.missions.includes(s.mission));
}

/** Whether an error stops the whole run (anything but a problem of one mission's packet). */
export function stopsEverything(d: Diagnostic): boolean {
  return d.severity === 'error' && !(d.scope?.kind === 'packet' && d.scope.mission !== undefined);
}
