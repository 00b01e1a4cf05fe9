import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DeliveryTexts, DeliveryWording, Mission, PaperSize, Workspace } from '../model/project.js';
import type { MissionDoubt } from '../check/rules/mission-rules.js';
import type { PacketArguments } from '../model/delivery-arguments.js';
import type { LanguageSetting } from '../text/language-setting.js';
import type { EnvelopeSpec } from '../model/address-windows.js';

/** What a packet file is. */
/** `letter-text` is the composed text of a letter sent (its Markdown), kept so `diff --since` can say what changed since. */
export type PacketFileKind = 'cover-note' | 'letter' | 'letter-text' | 'envelope' | 'fax-cover' | 'email' | 'manifest';

/** A way to deliver a packet; `hand-hint`: by hand, to a place known only by a location hint. */
export type DeliveryMethod = 'post' | 'hand' | 'hand-hint' | 'fax' | 'email';

/** A file a packet will hold, by name inside the mission's folder. */
export interface PlannedFile {
  name: string;
  kind: PacketFileKind;
  /** Locale code of the file's text (letters, cover note, fax sheet, e-mail). */
  lang?: string;
}

/** The language packet texts are worded in, with its delivery.yaml wording. */
export interface Wording extends LanguageSetting {
  texts: DeliveryWording;
  /** The mission's own language when its wording was missing and this one stands in for it. */
  insteadOf?: string;
}

/** Facts about the letter, worded in one language, that packet texts quote. */
export interface LetterFacts {
  title: string;
  /** The letter's addressee as the wording language styles him (campaign recipient.styled), e.g. "김정일 국방위원장". */
  recipient: string;
  /** The letter's date, formatted in the wording language. */
  date: string;
  /** How many organisations and individuals signed. */
  signatories: number;
  /** Of them, how many are organisations and how many individuals (roster `kind`): a letter no person signed
   * says "signed by 52 organisations", not "by 52 organisations and individuals". */
  organisations: number;
  individuals: number;
}

/** Something a packet lacks, stated on the delivery list and in the summary. */
export interface Missing {
  what: 'address' | 'fax' | 'email' | 'letter-language' | 'head-of-mission';
  /** One sentence for the volunteer, in English (the terminal's summary; the delivery list words it in its language). */
  message: string;
  /** letter-language: the language no letter is written in. */
  lang?: string;
  /** head-of-mission: the letter's date, when the record has holders but none in post on it. */
  date?: string;
  /** address: the record's location hint. */
  hint?: string;
}

/** One mission's packet: decided, not yet rendered. */
export interface PacketPlan {
  mission: Mission;
  /** Folder name inside the delivery folder (the mission id, checked safe). */
  folder: string;
  /** Paper of the country the packet is posted in. */
  paper: PaperSize;
  /** Locale codes of the letters enclosed, in the mission's order of languages. */
  letters: string[];
  wording: Wording;
  /** Setting of the mission's first language: for its local name and its address. */
  local: LanguageSetting;
  facts: LetterFacts;
  /** The arguments every delivery text of this packet is given. */
  args: PacketArguments;
  /** The coalition as this packet's cover note, fax and e-mail name it: in the wording language (the envelope uses the plan's). */
  from: Sender;
  salutation: string;
  /** "For the attention of …" line, when a head of mission is known. */
  attention: string | undefined;
  /** Where the wording language puts the attention line: above the address, or after it (ja, zh). */
  addressee: 'first' | 'last';
  /** Where the cover note greets: its own line (`salutation`), or the address block's person line (ja 宛名). */
  coverSalutation: 'line' | 'address';
  /** The host country as the wording language names it: its countries.yaml `names:`, else Intl's. */
  country: string;
  /** Postal address lines, in the local script where the record has them; undefined when the registry has none (then no envelope). */
  address: string[] | undefined;
  envelope: EnvelopeSpec | undefined;
  fax: string | undefined;
  email: string | undefined;
  /** Ways to deliver with the data we have. */
  methods: DeliveryMethod[];
  missing: Missing[];
  doubts: MissionDoubt[];
  /** The diagnostics about this mission that {@link missing} and {@link doubts} state in words. */
  notes: Diagnostic[];
  /** Files in packet order; the manifest comes last. */
  files: PlannedFile[];
}

/** A mission named by the campaign that gets no packet. */
export interface RefusedMission {
  mission: Mission;
  /** Why, in English, for the terminal: "closed on 2023-10-31", or the message of the error that refuses it. */
  reason: string;
  /** The code of the error that refuses it (mission/head-dates), which the delivery list names; undefined: the mission is closed. */
  code: string | undefined;
}

/** The sender: the coalition, as workspace.yaml names it. */
export type Sender = Pick<Workspace, 'name' | 'shortName' | 'returnAddress' | 'contactEmail'>;

/** Everything `openletter deliver` will produce for one campaign, before rendering. */
export interface DeliveryPlan {
  campaignId: string;
  /** ISO date of the letter: every generated file is dated with it. */
  campaignDate: string;
  /** Campaign title in the source language (delivery list heading). */
  title: string;
  /** ISO date the mission records were judged against (verification age). */
  today: string;
  sender: Sender;
  /** Locale codes of every letter to render (each rendered once, shared by the packets). */
  letterLanguages: string[];
  packets: PacketPlan[];
  refused: RefusedMission[];
  /** Ids of the missions planned (packets and refusals), in the campaign's order. */
  missionOrder: string[];
  /** Paper of the delivery checklist (the campaign's). */
  listPaper: PaperSize;
  templates: DeliveryTexts['templates'];
  /** The workspace's templates/partials/<name>.hbs texts by name, for `{{> name}}` in the templates. */
  partials: Record<string, string>;
  /** The delivery list's language: the campaign's source language. */
  listLanguage: string;
  /** Setting used for the delivery list (the workspace's source language). */
  listSetting: LanguageSetting;
  /** Country names of the list's language (its countries.yaml), for the host countries it prints. */
  listCountries: ReadonlyMap<string, { text: string }> | undefined;
  /** The delivery list's wording: the source language's delivery.yaml (undefined: none, the list is in English). */
  listTexts: DeliveryWording | undefined;
  diagnostics: Diagnostic[];
  /**
   * Addresses too long for a window, measured while planning (also in `diagnostics`, their packets
   * refused): what `check` reports of the plan, so it and `deliver` agree.
   */
  addressProblems: Diagnostic[];
}

/** The paper a packet's letters are printed on: US Letter if the campaign or the destination asks for it. */
export function letterPaper(plan: Pick<DeliveryPlan, 'listPaper'>, packet: Pick<PacketPlan, 'paper'>): PaperSize {
  return plan.listPaper === 'Letter' ? 'Letter' : packet.paper;
}
