import type { HeadOfMission } from '../model/heads-of-mission.js';
import type { Mission, Signatory } from '../model/project.js';
import type { SourcedText } from '../model/span.js';
import type { WrittenMission, WrittenSignatory } from './schemas.js';
import { sourcedAt, spanAt, type YamlFile } from './yaml-file.js';

export function normalizeSignatory(file: YamlFile, i: number, s: WrittenSignatory): Signatory {
  const sortAs = new Map<string, string>();
  if (typeof s.sort_as === 'string') sortAs.set('', s.sort_as);
  else for (const [k, v] of Object.entries(s.sort_as ?? {})) sortAs.set(k === 'default' ? '' : k, v);
  return {
    id: s.id,
    name: sourcedAt(file, ['signatories', i, 'name'], s.name),
    kind: s.kind,
    country: s.country,
    aliases: [...s.aliases],
    names: new Map(Object.entries(s.names)),
    sortAs,
    contact: s.contact,
    span: spanAt(file, ['signatories', i]),
  };
}

const orUndef = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);

/** The mission fields the delivery sheets print, by their name in missions.yaml (list items as "address[1]"). */
const PRINTED = ['name', 'name_local', 'city', 'head_of_mission', 'phone', 'fax', 'email'] as const;

export function normalizeMission(file: YamlFile, i: number, m: WrittenMission, source: string): Mission {
  const printed = new Map<string, SourcedText>();
  for (const field of PRINTED) {
    const value = m[field];
    if (typeof value === 'string') printed.set(field, sourcedAt(file, ['missions', i, field], value));
  }
  (m.address ?? []).forEach((line, k) =>
    printed.set(`address[${k}]`, sourcedAt(file, ['missions', i, 'address', k], line)),
  );
  for (const [lang, lines] of Object.entries(m.address_local ?? {}))
    lines.forEach((line, k) =>
      printed.set(`address_local.${lang}[${k}]`, sourcedAt(file, ['missions', i, 'address_local', lang, k], line)),
    );
  return {
    id: m.id,
    kind: m.kind,
    name: m.name,
    nameLocal: orUndef(m.name_local),
    city: m.city,
    country: m.country,
    address: orUndef(m.address),
    locationHint: orUndef(m.location_hint),
    phone: orUndef(m.phone),
    fax: orUndef(m.fax),
    email: orUndef(m.email),
    languages: [...m.languages],
    status: m.status,
    closedOn: orUndef(m.closed_on),
    heads: missionHeads(file, i, m, source),
    names: new Map(Object.entries(m.names ?? {})),
    cities: new Map(Object.entries(m.cities ?? {})),
    addressLocal: new Map(Object.entries(m.address_local ?? {})),
    sources: m.sources.map((s) => ({ url: orUndef(s.url), date: orUndef(s.date), supports: orUndef(s.supports) })),
    verified: orUndef(m.verified),
    notes: orUndef(m.notes),
    span: spanAt(file, ['missions', i]),
    printed,
  };
}

/**
 * The holders of the mission's head post, earliest first. The one-text form "Name (title)" is the
 * head in the mission's first language, the one its cover note is worded in (김철 (대사) for a
 * Korean-first mission); other languages need name and title by language. A single undated
 * holder is the head as of the record's `verified:` date.
 */
function missionHeads(file: YamlFile, i: number, m: WrittenMission, source: string): HeadOfMission[] {
  const written = m.head_of_mission;
  const at = ['missions', i, 'head_of_mission'];
  if (written === null || written === undefined) return [];
  if (typeof written === 'string') {
    const match = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(written);
    const [name, title] = match ? [match[1]!, match[2]!] : [written.trim(), ''];
    const first = m.languages[0] ?? source;
    return [
      {
        // No title in brackets: none is printed (an empty title is not a missing one).
        name: new Map([[first, name]]),
        title: new Map([[first, title]]),
        label: written,
        gender: undefined,
        from: undefined,
        until: undefined,
        span: spanAt(file, at),
        nameSpan: spanAt(file, at),
        titleSpan: spanAt(file, at),
        fromSpan: undefined,
        untilSpan: undefined,
      },
    ];
  }
  const holders = Array.isArray(written) ? written : [written];
  return holders.map((h, k) => {
    const path = Array.isArray(written) ? [...at, k] : at;
    const byLanguage = (v: string | Record<string, string>) =>
      new Map(typeof v === 'string' ? [[source, v]] : Object.entries(v));
    const name = byLanguage(h.name);
    const title = byLanguage(h.title);
    // As the delivery list prints it: in the source language, else in the first the record gives.
    const [shown, titled] = name.has(source)
      ? [name.get(source), title.get(source)]
      : [[...name.values()][0], title.get([...name.keys()][0] ?? '')];
    return {
      name,
      title,
      label: shown === undefined ? undefined : titled ? `${shown} (${titled})` : shown,
      gender: h.gender,
      from: h.from,
      until: h.until,
      span: spanAt(file, path),
      nameSpan: spanAt(file, [...path, 'name']),
      titleSpan: spanAt(file, [...path, 'title']),
      fromSpan: h.from === undefined ? undefined : spanAt(file, [...path, 'from']),
      untilSpan: h.until === undefined ? undefined : spanAt(file, [...path, 'until']),
    };
  });
}
