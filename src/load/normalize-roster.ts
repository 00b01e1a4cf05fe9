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

export function normalizeMission(file: YamlFile, i: number, m: WrittenMission): Mission {
  const printed = new Map<string, SourcedText>();
  for (const field of PRINTED) {
    const value = m[field];
    if (typeof value === 'string') printed.set(field, sourcedAt(file, ['missions', i, field], value));
  }
  (m.address ?? []).forEach((line, k) =>
    printed.set(`address[${k}]`, sourcedAt(file, ['missions', i, 'address', k], line)),
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
    headOfMission: orUndef(m.head_of_mission),
    sources: m.sources.map((s) => ({ url: orUndef(s.url), date: orUndef(s.date), supports: orUndef(s.supports) })),
    verified: orUndef(m.verified),
    notes: orUndef(m.notes),
    span: spanAt(file, ['missions', i]),
    printed,
  };
}
