import { formatLetterDate } from '../compose/format-date.js';
import { diag, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isSafeId } from '../load/schemas.js';
import type { LetterDocument } from '../model/letter-document.js';
import type { Campaign, DeliveryTexts, Mission, Project } from '../model/project.js';
import { missionDoubts } from '../check/rules/mission-rules.js';
import type { MessageArgs } from '../text/message.js';
import type {
  DeliveryMethod,
  DeliveryPlan,
  LetterFacts,
  Missing,
  PacketPlan,
  PlannedFile,
  RefusedMission,
  Sender,
  Wording,
} from './delivery-plan.js';
import { languageName, languageSetting } from '../text/language-setting.js';
import { numberingTag } from '../text/digits.js';
import { countryName } from '../text/country-names.js';
import type { PacketArguments } from '../model/delivery-arguments.js';
import { localisedNames, styledRecipient } from '../model/localised-names.js';
import { envelopeFor, paperFor } from '../model/address-windows.js';
import { formatText } from './render-template.js';
import { addressOverflows, addressTooLong } from './address-fit.js';

/** A project loaded without delivery texts (built by hand in a test): every packet says what it lacks. */
const NO_TEXTS: DeliveryTexts = {
  wordings: new Map(),
  templates: { coverNote: undefined, faxCover: undefined, email: undefined },
};

/** What {@link planDelivery} needs: all data, no clock, no disk. */
export interface PlanInput {
  project: Project;
  campaignId: string;
  /** ISO date (YYYY-MM-DD) mission records are judged against. */
  today: string;
  /** Only these of the campaign's missions (default: all of them). */
  missions?: readonly string[];
  /** The campaign's letters as composed by the check, by locale code: packet texts quote them. */
  letters: ReadonlyMap<string, LetterDocument>;
  /**
   * What the check found about the packets (their scope says which mission): an error about a
   * mission refuses its packet, the rest is stated with it.
   */
  problems: readonly Diagnostic[];
}

/**
 * Decides every packet of a campaign's delivery: which missions get one (closed missions, unsafe
 * ids and missions whose records have errors are refused), which letters each encloses, the wording language, which of envelope, fax sheet
 * and e-mail draft the registry's data allows, and what is missing. Pure; renders nothing.
 * @throws Error if the campaign does not exist (the CLI checks first).
 */
export function planDelivery(input: PlanInput): DeliveryPlan {
  const { project, today } = input;
  const texts = project.delivery ?? NO_TEXTS;
  const campaign = project.campaigns.get(input.campaignId);
  if (!campaign) throw new Error(`no campaign "${input.campaignId}"`);
  const diagnostics: Diagnostic[] = [];
  const ws = project.workspace;
  const sender: Sender = {
    name: ws.name,
    shortName: ws.shortName,
    returnAddress: ws.returnAddress,
    contactEmail: ws.contactEmail,
  };
  const ctx = new Planner(project, campaign, texts, input.letters, diagnostics);

  const wanted = input.missions ? new Set(input.missions) : undefined;
  const packets: PacketPlan[] = [];
  const refused: RefusedMission[] = [];
  const addressProblems: Diagnostic[] = [];
  const missionOrder: string[] = [];
  for (const ref of campaign.missions) {
    if ((wanted && !wanted.has(ref.id)) || missionOrder.includes(ref.id)) continue;
    const mission = project.missions.get(ref.id);
    if (!mission) continue; // ref/unknown-mission, reported by loading
    missionOrder.push(ref.id);
    const about = input.problems.filter((d) => d.scope?.kind === 'packet' && d.scope.mission === ref.id);
    diagnostics.push(...about);
    const refusal = refusalOf(mission, about);
    if (refusal) {
      refused.push({ mission, reason: refusal.reason, code: refusal.code });
      if (refusal.diagnostic) diagnostics.push(refusal.diagnostic);
      continue;
    }
    // A packet that cannot be worded is left out; its problems (check reports them too) block the delivery.
    const planned = ctx.packet(mission, missionDoubts(mission, today), about);
    diagnostics.push(...planned.problems);
    if (!planned.packet) continue;
    // An address that would not show whole through a window: refused before anything is drawn.
    const overflows = addressOverflows(planned.packet);
    if (overflows.length) {
      const tooLong = addressTooLong(overflows, planned.packet);
      refused.push({ mission, reason: tooLong.message, code: tooLong.code });
      diagnostics.push(tooLong);
      addressProblems.push(tooLong);
      continue;
    }
    packets.push(planned.packet);
  }
  if (packets.some((p) => p.email) && !sender.contactEmail)
    diagnostics.push(
      diag(
        'delivery/no-contact-email',
        undefined,
        'workspace.yaml has no contact_email: the e-mail drafts have no sender',
        { hint: 'add contact_email: to workspace.yaml' },
      ),
    );

  const source = campaign.locales.includes(ws.sourceLocale)
    ? ws.sourceLocale
    : (campaign.locales[0] ?? ws.sourceLocale);
  return {
    campaignId: campaign.id,
    campaignDate: campaign.date,
    title: campaign.title.text,
    today,
    sender,
    letterLanguages: campaign.locales.filter((l) => packets.some((p) => p.letters.includes(l))),
    packets,
    refused,
    missionOrder,
    listPaper: campaign.paper,
    templates: texts.templates,
    partials: partialsOf(project),
    listLanguage: source,
    listSetting: languageSetting(project, source),
    listTexts: texts.wordings.get(source),
    listCountries: project.locales.get(source)?.countryNames,
    diagnostics: [...diagnostics, ...ctx.diagnosticsOnce()],
    addressProblems,
  };
}

/** Why a mission gets no packet (the check reported a closed mission and errors in its record already). */
function refusalOf(
  mission: Mission,
  problems: readonly Diagnostic[],
): { reason: string; code?: string; diagnostic?: Diagnostic } | undefined {
  if (mission.status === 'closed') return { reason: `closed${mission.closedOn ? ` on ${mission.closedOn}` : ''}` };
  const error = problems.find((d) => d.severity === 'error');
  if (error) return { reason: error.message, code: error.code };
  if (!isSafeId(mission.id)) {
    const diagnostic = diag(
      'file/unsafe-name',
      mission.span,
      `mission id "${mission.id}" is not safe as a folder name`,
      {
        hint: 'use lowercase letters, digits and "-" only',
      },
    );
    return { reason: 'its id is not safe as a folder name', code: diagnostic.code, diagnostic };
  }
  return undefined;
}

/** Per-campaign state while planning packets: composed letter facts and wording, each worked out once. */
class Planner {
  private readonly facts = new Map<string, LetterFacts>();
  private readonly wordings = new Map<string, Wording>();
  private readonly fallbacks = new Map<string, Diagnostic>();

  constructor(
    private readonly project: Project,
    private readonly campaign: Campaign,
    private readonly texts: DeliveryTexts,
    private readonly letters: ReadonlyMap<string, LetterDocument>,
    private readonly diagnostics: Diagnostic[],
  ) {}

  packet(
    mission: Mission,
    doubts: PacketPlan['doubts'],
    found: readonly Diagnostic[],
  ): { packet?: PacketPlan; problems: Diagnostic[] } {
    const from = this.diagnostics.length;
    const problems: Diagnostic[] = [];
    const c = this.campaign;
    const missing: Missing[] = [];
    let letters = mission.languages.filter((l) => c.locales.includes(l));
    for (const l of mission.languages.filter((code) => !c.locales.includes(code))) {
      missing.push({
        what: 'letter-language',
        lang: l,
        message: `no letter in ${languageName(l, 'en')} (${l}): ${c.id} is not written in it`,
      });
      this.diagnostics.push(
        diag(
          'mission/no-letter-language',
          mission.span,
          `mission "${mission.id}" should receive ${languageName(l, 'en')} (${l}), which ${c.id} is not written in`,
          {
            hint: `translate the letter into ${l} and add it to locales: in the campaign, or remove ${l} from the mission's languages`,
          },
        ),
      );
    }
    if (!letters.length)
      letters = [
        c.locales.includes(this.project.workspace.sourceLocale)
          ? this.project.workspace.sourceLocale
          : (c.locales[0] ?? 'en'),
      ];

    const wording = this.wording(mission.languages[0] ?? 'en', problems);
    if (!wording) return { problems };
    const facts = this.factsIn(wording);
    // Names in the wording language (check reports what it lacks as delivery/unlocalised).
    const { names } = localisedNames(this.project, c, mission, wording.code);
    const headName = names.head?.name || undefined;
    const head = names.head && headName ? headLine(wording, names.head, problems) : undefined;
    const args: PacketArguments = {
      sender: names.sender,
      senderShort: this.project.workspace.shortName,
      email: this.project.workspace.contactEmail ?? '',
      ...facts,
      head: head ?? '',
      mission: names.mission,
      city: names.city,
      faxNumber: mission.fax ?? '',
      lang: wording.code,
      addressed: !head ? 'generic' : mission.kind === 'other' ? 'named' : 'excellency',
      gender: (head && names.head?.gender) || 'unknown',
    };
    const say = (key: string, values: MessageArgs = {}) =>
      formatText(wording.texts, key, { ...args, ...values }, numberingTag(wording.tag, wording.digits), problems);
    const salutation = say(`cover_note.salutation_${args.addressed}`, {
      name: headName ?? '',
      title: names.head?.title ?? '',
    });
    const attention = head ? say('cover_note.attention') : undefined;
    if (!head)
      missing.push({
        what: 'head-of-mission',
        ...(mission.heads.length ? { date: c.date } : {}),
        message: mission.heads.length
          ? `no head of mission known on ${c.date}, the letter's date: the cover note is addressed to the mission`
          : 'head of mission unknown: the cover note is addressed to the mission',
      });

    const paper = paperFor(mission.country);
    const envelope = names.address ? envelopeFor(paper) : undefined;
    if (!mission.address) {
      const hint = mission.locationHint ? ` (location hint, not an address: ${mission.locationHint})` : '';
      missing.push({
        what: 'address',
        ...(mission.locationHint ? { hint: mission.locationHint } : {}),
        message: `no postal address: no envelope; find the address or deliver by hand${hint}`,
      });
      this.diagnostics.push(
        diag(
          'mission/no-address',
          mission.span,
          `mission "${mission.id}" has no postal address: no envelope made${hint}`,
          { hint: 'find the street address in an official source and add it as address: in missions.yaml' },
        ),
      );
    }
    if (!mission.fax) {
      missing.push({ what: 'fax', message: 'no fax number: no fax cover sheet' });
      this.diagnostics.push(
        diag('mission/no-fax', mission.span, `mission "${mission.id}" has no fax number: no fax cover sheet made`),
      );
    }
    if (!mission.email) {
      missing.push({ what: 'email', message: 'no e-mail address: no e-mail draft' });
      this.diagnostics.push(
        diag('mission/no-email', mission.span, `mission "${mission.id}" has no e-mail address: no e-mail draft made`),
      );
    }

    const methods: DeliveryMethod[] = [];
    if (mission.address) methods.push('post', 'hand');
    else if (mission.locationHint) methods.push('hand-hint');
    if (mission.fax) methods.push('fax');
    if (mission.email) methods.push('email');

    const files: PlannedFile[] = [{ name: `cover-note-${wording.code}.pdf`, kind: 'cover-note', lang: wording.code }];
    for (const l of letters)
      files.push(
        { name: `letter-${l}.pdf`, kind: 'letter', lang: l },
        { name: `letter-${l}.md`, kind: 'letter-text', lang: l },
      );
    if (envelope) files.push({ name: `envelope-${envelope.id}.pdf`, kind: 'envelope' });
    if (mission.fax) files.push({ name: `fax-cover-${wording.code}.pdf`, kind: 'fax-cover', lang: wording.code });
    if (mission.email) files.push({ name: 'email-draft.eml', kind: 'email', lang: wording.code });
    files.push({ name: 'manifest.json', kind: 'manifest' });

    if (hasErrors(problems)) return { problems };
    const packet: PacketPlan = {
      notes: [...found, ...this.diagnostics.slice(from)],
      mission,
      folder: mission.id,
      paper,
      letters,
      wording,
      local: languageSetting(this.project, mission.languages[0] ?? this.project.workspace.sourceLocale),
      facts,
      args,
      from: {
        name: names.sender,
        shortName: this.project.workspace.shortName,
        returnAddress: names.returnAddress,
        contactEmail: this.project.workspace.contactEmail,
      },
      salutation,
      attention,
      addressee: this.project.locales.get(wording.code)?.addressee ?? 'first',
      coverSalutation: this.project.locales.get(wording.code)?.salutation ?? 'line',
      // One name per state per language across the packet: the letters' (countries.yaml), else CLDR's.
      country: countryName(mission.country, wording.tag, this.project.locales.get(wording.code)?.countryNames),
      address: names.address,
      envelope,
      fax: mission.fax,
      email: mission.email,
      methods,
      missing,
      doubts,
      files,
    };
    return { packet, problems: [] };
  }

  /** Fallback warnings, one per language however many missions use it. */
  diagnosticsOnce(): Diagnostic[] {
    return [...this.fallbacks.values()];
  }

  /** The wording for a mission whose first language is `code`: its own delivery.yaml, else the source language's. */
  private wording(code: string, problems: Diagnostic[]): Wording | undefined {
    let w = this.wordings.get(code);
    if (w) return w;
    const own = this.texts.wordings.get(code);
    if (own) {
      w = { ...languageSetting(this.project, code), texts: own };
    } else {
      const src = this.project.workspace.sourceLocale;
      const fallbackCode = this.texts.wordings.has(src) ? src : 'en';
      const fallback = this.texts.wordings.get(fallbackCode);
      if (!fallback) {
        problems.push(
          diag(
            'delivery/template',
            undefined,
            `no delivery texts for "${code}" nor for the fallback "${fallbackCode}" (locales/${fallbackCode}/delivery.yaml)`,
            { hint: `write locales/${fallbackCode}/delivery.yaml (copy the one openletter ships)` },
          ),
        );
        return undefined;
      }
      w = { ...languageSetting(this.project, fallbackCode), texts: fallback, insteadOf: code };
      this.fallbacks.set(
        code,
        diag(
          'delivery/fallback-language',
          undefined,
          `no locales/${code}/delivery.yaml: cover notes and fax sheets for ${languageName(code, 'en')}-speaking missions are in ${languageName(fallbackCode, 'en')}`,
          {
            hint: `translate locales/${fallbackCode}/delivery.yaml into locales/${code}/delivery.yaml`,
          },
        ),
      );
    }
    this.wordings.set(code, w);
    return w;
  }

  /** Title, addressee, date and signatory count as the letter in the wording language has them. */
  private factsIn(w: Wording): LetterFacts {
    let f = this.facts.get(w.code);
    if (f) return f;
    const c = this.campaign;
    const composedIn = c.locales.includes(w.code)
      ? w.code
      : c.locales.includes(this.project.workspace.sourceLocale)
        ? this.project.workspace.sourceLocale
        : c.locales[0];
    const doc = composedIn === undefined ? undefined : this.letters.get(composedIn);
    const signatures = doc?.blocks.find((b) => b.kind === 'signatures');
    const ids =
      signatures?.kind === 'signatures'
        ? signatures.entries.map((e) => e.id)
        : [...new Set(c.signatories.map((s) => s.id))];
    const individuals = ids.filter((id) => this.project.signatories.get(id)?.kind === 'individual').length;
    f = {
      title: doc?.title ?? c.title.text,
      // Styled, never bare: recipient.styled in the wording language (delivery/unlocalised when missing).
      recipient: styledRecipient(this.project, c, w.code),
      date: formatLetterDate(c.date, w.tag, w.dateFormat, w.monthNames, w.dayNames),
      signatories: ids.length,
      organisations: ids.length - individuals,
      individuals,
    };
    this.facts.set(w.code, f);
    return f;
  }
}

/** templates/partials/<name>.hbs of the workspace by name: what `check` resolves `{{> name}}` against. */
function partialsOf(project: Project): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, text] of project.templates ?? []) {
    const name = /^templates\/partials\/(.+)\.hbs$/.exec(path)?.[1];
    if (name !== undefined) out[name] = text;
  }
  return out;
}

/** The head of mission as the wording language names him: its `cover_note.head` ("{name} {title}": 자성남 대사). */
function headLine(wording: Wording, head: { name: string; title: string }, problems: Diagnostic[]): string {
  if (!head.title) return head.name;
  if (!wording.texts.texts.has('cover_note.head')) return `${head.name} (${head.title})`;
  return formatText(wording.texts, 'cover_note.head', head, wording.tag, problems);
}
