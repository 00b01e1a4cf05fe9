import { headInPost } from '../model/heads-of-mission.js';
import type { Mission } from '../model/project.js';
import { methodLabel, type DeliveryPlan } from './delivery-plan.js';

/** One line of the delivery list: a mission, what its packet holds, what is missing. */
export interface DeliveryRow {
  id: string;
  name: string;
  nameLocal: string;
  city: string;
  country: string;
  /** Font stack for the local name and the address (the mission's first language). */
  localFonts: string[] | undefined;
  /** Why the mission gets no packet; undefined when its packet is built. */
  refusal: string | undefined;
  address: string[];
  methods: string[];
  phone: string;
  fax: string;
  email: string;
  head: string;
  /** Locale codes of the enclosed letters. */
  letters: string[];
  /** Locale code of the cover note, fax sheet and e-mail. */
  wording: string;
  files: string[];
  /** What the packet lacks (address, fax, e-mail, a language, a head of mission). */
  missing: string[];
  /** Doubts about the record (status, sources, age). */
  check: string[];
}

/** The rows of the delivery list, campaign order: packets and refused missions alike. */
export function deliveryRows(plan: DeliveryPlan): DeliveryRow[] {
  const order = new Map<string, number>();
  const rows: [string, DeliveryRow][] = [];
  for (const p of plan.packets) {
    rows.push([
      p.mission.id,
      {
        ...missionColumns(p.mission, plan.campaignDate),
        localFonts: p.local.fonts,
        refusal: undefined,
        address: p.address ?? [],
        methods: p.methods.length ? p.methods.map(methodLabel) : ['none known: find an address, fax or e-mail'],
        letters: p.letters,
        wording: p.wording.code,
        // The letters' Markdown is the record of what was sent, not something to deliver.
        files: p.files.filter((f) => f.kind !== 'letter-text').map((f) => f.name),
        missing: p.missing.map((x) => x.message),
        check: p.doubts.map((d) => d.message),
      },
    ]);
  }
  for (const r of plan.refused) {
    rows.push([
      r.mission.id,
      {
        ...missionColumns(r.mission, plan.campaignDate),
        localFonts: undefined,
        refusal: r.reason,
        address: r.mission.address ?? [],
        methods: [],
        letters: [],
        wording: '',
        files: [],
        missing: [],
        check: [],
      },
    ]);
  }
  plan.missionOrder.forEach((id, i) => order.set(id, i));
  return rows.sort(([a], [b]) => (order.get(a) ?? 0) - (order.get(b) ?? 0)).map(([, row]) => row);
}

/** The packet column: "packet built", or why there is none. */
export function packetStatus(row: DeliveryRow): string {
  return row.refusal === undefined ? 'packet built' : `REFUSED: ${row.refusal}; do not deliver`;
}

/** The columns that come straight from the mission record (the head: the one in post on the letter's date). */
function missionColumns(
  m: Mission,
  date: string,
): Pick<DeliveryRow, 'id' | 'name' | 'nameLocal' | 'city' | 'country' | 'phone' | 'fax' | 'email' | 'head'> {
  return {
    id: m.id,
    name: m.name,
    nameLocal: m.nameLocal ?? '',
    city: m.city,
    country: m.country,
    phone: m.phone ?? '',
    fax: m.fax ?? '',
    email: m.email ?? '',
    head: headInPost(m, date)?.label ?? '',
  };
}
