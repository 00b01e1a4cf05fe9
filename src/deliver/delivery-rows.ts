import type { MissionDoubt } from '../check/rules/mission-rules.js';
import { headInPost } from '../model/heads-of-mission.js';
import type { Mission } from '../model/project.js';
import type { DeliveryMethod, DeliveryPlan, Missing } from './delivery-plan.js';
import type { ListWords } from './delivery-list-words.js';

/**
 * One line of the delivery list: a mission, what its packet holds, what is missing. Names are in
 * the list's language where the record has them; what the list says about them (methods, what is
 * missing, doubts, refusal) stays data here, worded by {@link ListWords} for the CSV and the PDF.
 */
export interface DeliveryRow {
  id: string;
  name: string;
  nameLocal: string;
  city: string;
  /** The host country's ISO code. */
  country: string;
  /** Font stack for the local name and the address (the mission's first language). */
  localFonts: string[] | undefined;
  /** Why the mission gets no packet; undefined when its packet is built. */
  refusal: { code: string | undefined; closedOn: string | undefined } | undefined;
  address: string[];
  methods: DeliveryMethod[];
  phone: string;
  fax: string;
  email: string;
  /** The head of mission on the letter's date, as the list's language writes name and title. */
  head: string;
  /** Locale codes of the enclosed letters. */
  letters: string[];
  /** Locale code of the cover note, fax sheet and e-mail. */
  wording: string;
  files: string[];
  /** What the packet lacks (address, fax, e-mail, a language, a head of mission). */
  missing: Missing[];
  /** Doubts about the record (status, sources, age). */
  check: MissionDoubt[];
  /** The record's verification date, which a stale doubt names. */
  verified: string | undefined;
}

/** The rows of the delivery list, campaign order: packets and refused missions alike. */
export function deliveryRows(plan: DeliveryPlan, words: ListWords): DeliveryRow[] {
  const order = new Map<string, number>();
  const rows: [string, DeliveryRow][] = [];
  const columns = (m: Mission) => missionColumns(m, plan, words);
  for (const p of plan.packets) {
    rows.push([
      p.mission.id,
      {
        ...columns(p.mission),
        localFonts: p.local.fonts,
        refusal: undefined,
        address: p.address ?? [],
        methods: p.methods,
        letters: p.letters,
        wording: p.wording.code,
        // The letters' Markdown is the record of what was sent, not something to deliver.
        files: p.files.filter((f) => f.kind !== 'letter-text').map((f) => f.name),
        missing: p.missing,
        check: p.doubts,
      },
    ]);
  }
  for (const r of plan.refused) {
    rows.push([
      r.mission.id,
      {
        ...columns(r.mission),
        localFonts: undefined,
        refusal: { code: r.code, closedOn: r.mission.closedOn },
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

/**
 * The columns that come straight from the mission record, in the list's language where the record
 * has it (names:, cities:, the holder's name and title); the head: the one in post on the letter's date.
 */
function missionColumns(
  m: Mission,
  plan: DeliveryPlan,
  words: ListWords,
): Pick<
  DeliveryRow,
  'id' | 'name' | 'nameLocal' | 'city' | 'country' | 'phone' | 'fax' | 'email' | 'head' | 'verified'
> {
  const lang = plan.listLanguage;
  const holder = headInPost(m, plan.campaignDate);
  const name = holder?.name.get(lang);
  return {
    id: m.id,
    name: m.names?.get(lang) ?? m.name,
    nameLocal: m.nameLocal ?? '',
    city: m.cities?.get(lang) ?? m.city,
    country: m.country,
    phone: m.phone ?? '',
    fax: m.fax ?? '',
    email: m.email ?? '',
    head: name ? words.person(name, holder?.title.get(lang)) : (holder?.label ?? ''),
    verified: m.verified,
  };
}
