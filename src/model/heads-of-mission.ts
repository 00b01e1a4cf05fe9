import type { Mission } from './project.js';
import type { Span } from './span.js';

/**
 * One holder of a mission's head post, as missions.yaml records him: name and title by language,
 * and the dates he is known to be in post. A date is a day (2017-02-14), a month (2021-04) or a
 * year (2010) when the record knows no more.
 */
export interface HeadOfMission {
  name: Map<string, string>;
  title: Map<string, string>;
  /** "Ja Song Nam (Ambassador)", in the source language (else the first the record gives): what the delivery list prints. */
  label: string | undefined;
  /** For the forms of address that differ by it (fr Madame / Monsieur); undefined: not recorded, the texts' neutral form. */
  gender: 'female' | 'male' | undefined;
  /** The first day known in post (credentials, appointment, earliest dated source); undefined: the record's `verified`. */
  from: string | undefined;
  /** The last day known in post; undefined: until the next holder's `from`, or still in post. */
  until: string | undefined;
  /** The holder's entry in missions.yaml, its `name:` and `title:`, and its `from:` and `until:` values. */
  span: Span;
  nameSpan: Span;
  titleSpan: Span;
  fromSpan: Span | undefined;
  untilSpan: Span | undefined;
}

/**
 * The head in post at `mission` on `date` (YYYY-MM-DD), or undefined when the record knows none
 * for that day: before the first holder, in a gap, or inside the month or year a partial date
 * leaves open (a holder `from: 2021-04` is known in post from 2021-05-01). A holder without `from:`
 * is known from the record's `verified:` date, the day someone saw him in post: an undated head
 * is today's, and a letter of 2011 must not name him.
 */
export function headInPost(mission: Pick<Mission, 'heads' | 'verified'>, date: string): HeadOfMission | undefined {
  const { heads } = mission;
  for (let i = 0; i < heads.length; i++) {
    const h = heads[i]!;
    const next = heads[i + 1];
    const from = knownFrom(h, mission.verified);
    const until = knownUntil(h, next);
    if ((from === undefined || date >= from) && (until === undefined || date <= until)) return h;
  }
  return undefined;
}

/** The first day `h` is known in post (undefined: always, for a record never verified). */
export function knownFrom(h: HeadOfMission, verified: string | undefined): string | undefined {
  if (h.from === undefined) return verified;
  return h.from.length === 10 ? h.from : nextDay(periodEnd(h.from));
}

/** The last day `h` is known in post: his `until:`, else the day before the next holder may have arrived. */
export function knownUntil(h: HeadOfMission, next: HeadOfMission | undefined): string | undefined {
  if (h.until !== undefined) return h.until.length === 10 ? h.until : previousDay(periodStart(h.until));
  if (next?.from !== undefined) return previousDay(periodStart(next.from));
  return undefined;
}

/** The first day of a day, month or year. */
export function periodStart(d: string): string {
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}

/** The last day of a day, month or year. */
export function periodEnd(d: string): string {
  if (d.length === 4) return `${d}-12-31`;
  if (d.length === 7) {
    const [y, m] = d.split('-').map(Number) as [number, number];
    return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  }
  return d;
}

function nextDay(d: string): string {
  return shift(d, 1);
}

function previousDay(d: string): string {
  return shift(d, -1);
}

function shift(d: string, days: number): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}
