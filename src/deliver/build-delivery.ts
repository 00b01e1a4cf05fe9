import type { TemplateVariable } from './render-template.js';
import { diag, InternalError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { assertNever } from '../model/letter-document.js';
import type { PaperSize } from '../model/project.js';
import type { RenderedPdf } from '../render/pdf/render-pdf.js';
import { letterPaper, type DeliveryPlan, type PacketPlan, type RefusedMission } from './delivery-plan.js';
import { deliveryListCsv } from './delivery-list-csv.js';
import { deliveryRows } from './delivery-rows.js';
import { buildEmailDraft } from './email-draft.js';
import { languageName } from '../text/language-setting.js';
import { numberingTag } from '../text/digits.js';
import { byteLength, manifestJson, type ManifestEntry } from './manifest.js';
import { sha256 } from '../util/sha256.js';
import { checklistSheet } from './pdf/checklist-sheet.js';
import { ListWords } from './delivery-list-words.js';
import { CHECKLIST_COLUMNS } from '../model/delivery-arguments.js';
import { coverNoteSheet } from './pdf/cover-note-sheet.js';
import { envelopeSheet } from './pdf/envelope-sheet.js';
import { faxCoverSheet } from './pdf/fax-cover-sheet.js';
import {
  renderSheetPdf,
  type RenderedSheet,
  type SheetUncovered,
  type ZoneOverflow,
} from '../render/pdf/render-sheet.js';
import { addressFields } from '../model/printed-field.js';
import { addressTooLong, noteRecipient, type AddressOverflow } from './address-fit.js';
import type { MessageArgs } from '../text/message.js';
import { formatText, renderTemplate, type TextValues } from './render-template.js';
import { formatLetterDate } from '../compose/format-date.js';

/** File names of the whole-delivery files, next to the packet folders. */
export const DELIVERY_LIST_CSV = 'delivery-list.csv';
export const DELIVERY_LIST_PDF = 'delivery-list.pdf';

/** A packet as built: its folder and the files its manifest lists. */
export interface BuiltPacket {
  missionId: string;
  folder: string;
  files: ManifestEntry[];
}

/** Every file of a delivery, in memory, by path relative to the delivery folder. */
export interface BuiltDelivery {
  files: Map<string, Uint8Array | string>;
  packets: BuiltPacket[];
  diagnostics: Diagnostic[];
  /** The plan as made: a packet that could not be drawn is among the refused, as the delivery list says. */
  plan: DeliveryPlan;
}

/** A letter the packets enclose, rendered once: its text as Markdown, and its PDF per paper size. */
export interface EnclosedLetter {
  markdown: string;
  pdf: ReadonlyMap<PaperSize, RenderedPdf>;
}

export interface BuildOptions {
  /** Date of every generated file (PDF CreationDate, e-mail Date). Default: the campaign date, 00:00 UTC. */
  date?: Date;
  onProgress?: (message: string) => void;
}

/**
 * Renders a delivery plan into files: per packet the cover note, the letters (`letters` holds each
 * language's, rendered once and shared by every packet), envelope, fax cover sheet (its page total
 * from the page counts of the sheets and letters it goes with), e-mail draft and manifest; then the
 * delivery list as CSV and PDF. Writes nothing. A template or wording problem, or a character no
 * font draws, is an error diagnostic and that packet is left out.
 */
export async function buildDelivery(
  plan: DeliveryPlan,
  letters: ReadonlyMap<string, EnclosedLetter>,
  options: BuildOptions = {},
): Promise<BuiltDelivery> {
  const date = options.date ?? new Date(`${plan.campaignDate}T00:00:00Z`);
  const files = new Map<string, Uint8Array | string>();
  const packets: BuiltPacket[] = [];
  const diagnostics: Diagnostic[] = [];
  const undrawn: RefusedMission[] = [];
  for (const packet of plan.packets) {
    const problems: Diagnostic[] = [];
    const built = await buildPacket(plan, packet, letters, date, problems);
    diagnostics.push(...problems);
    const error = problems.find((d) => d.severity === 'error');
    if (error) {
      undrawn.push({ mission: packet.mission, reason: error.message, code: error.code }); // that packet is left out
      continue;
    }
    for (const [name, data] of built.files) files.set(`${packet.folder}/${name}`, data);
    packets.push({ missionId: packet.mission.id, folder: packet.folder, files: built.entries });
    options.onProgress?.(`packet ${packet.folder}: ${built.entries.length + 1} files`);
  }
  const made: DeliveryPlan = undrawn.length
    ? {
        ...plan,
        packets: plan.packets.filter((p) => !undrawn.some((r) => r.mission === p.mission)),
        refused: [...plan.refused, ...undrawn],
      }
    : plan;
  const words = new ListWords(made, diagnostics);
  const rows = deliveryRows(made, words);
  files.set(DELIVERY_LIST_CSV, deliveryListCsv(rows, words));
  const checklist = await renderSheetPdf(
    checklistSheet({
      paper: plan.listPaper,
      setting: plan.listSetting,
      words,
      title: words.say('title', { title: made.title }),
      subtitle: words.say('subtitle', {
        campaign: made.campaignId,
        date: words.date(made.campaignDate),
        packets: made.packets.length,
        refused: made.refused.length,
        today: words.date(made.today),
        sender: made.sender.name,
      }),
      author: plan.sender.name,
      rows,
    }),
    date,
  );
  if (checklist.uncovered.length)
    diagnostics.push(
      uncoveredDiagnostic(
        checklist.uncovered.map((u) => ({ ...u, file: DELIVERY_LIST_PDF })),
        undefined,
        {
          hint: 'the CSV delivery list is complete; fix the text named above for the printable one',
        },
      ),
    );
  else files.set(DELIVERY_LIST_PDF, checklist.bytes);
  return { files, packets, diagnostics, plan: made };
}

/**
 * Characters sheets could not draw, as one diagnostic: those sheets are not written. `check`
 * reports the ones in mission records first, so what reaches this is in a text check cannot foresee.
 */
function uncoveredDiagnostic(
  uncovered: (SheetUncovered & { file: string })[],
  packet: PacketPlan | undefined,
  options: { hint: string },
): Diagnostic {
  const byChar = new Map<string, { u: SheetUncovered; files: Set<string> }>();
  for (const u of uncovered) {
    const seen = byChar.get(u.char) ?? { u, files: new Set<string>() };
    seen.files.add(u.file);
    byChar.set(u.char, seen);
  }
  const shown = [...byChar.values()]
    .map(
      ({ u, files }) =>
        `"${u.char}" (U+${u.codePoint.toString(16).toUpperCase().padStart(4, '0')}) in "${u.text}" (${[...files].join(', ')}; fonts ${u.fonts.join(', ')})`,
    )
    .join('; ');
  return diag(
    'text/uncovered-char',
    packet?.mission.span,
    `${packet ? `no packet for "${packet.mission.id}": ` : ''}no font draws ${shown}`,
    { ...options, ...(packet ? { scope: { kind: 'packet', mission: packet.mission.id } } : {}) },
  );
}

async function buildPacket(
  plan: DeliveryPlan,
  p: PacketPlan,
  letters: ReadonlyMap<string, EnclosedLetter>,
  date: Date,
  problems: Diagnostic[],
): Promise<{ files: Map<string, Uint8Array | string>; entries: ManifestEntry[] }> {
  const { wording: w, mission: m, facts } = p;
  // The sheets name the coalition in the wording language; the envelope, for the post, as workspace.yaml does.
  const sender = p.from;
  const out = new Map<string, Uint8Array | string>();
  const pages = new Map<string, number>();
  const letterFiles = p.files.filter((f) => f.kind === 'letter');
  for (const f of letterFiles) {
    const pdf = letters.get(f.lang ?? '')?.pdf.get(letterPaper(plan, p));
    if (!pdf) throw new InternalError(`the ${f.lang} letter was not rendered on ${letterPaper(plan, p)}`);
    out.set(f.name, pdf.bytes);
    pages.set(f.name, pdf.pages);
  }
  const uncovered: (SheetUncovered & { file: string })[] = [];
  const overflows: AddressOverflow[] = [];
  /** `fields`: the printed mission field of each line of the sheet's address zone, if it has one. */
  const addSheet = (name: string, sheet: RenderedSheet, fields: (string | undefined)[] = []): void => {
    uncovered.push(...sheet.uncovered.map((u) => ({ ...u, file: name })));
    overflows.push(...sheet.overflow.map((o) => ({ ...o, file: name, fields })));
    out.set(name, sheet.bytes);
    pages.set(name, sheet.pages);
  };
  const say = (key: string, values: MessageArgs = {}) =>
    formatText(w.texts, key, { ...p.args, ...values }, numberingTag(w.tag, w.digits), problems);
  const enclosures = letterFiles.map((f) => {
    const count = pages.get(f.name) ?? 0;
    return say('cover_note.enclosure_letter', {
      language: w.texts.languageNames.get(f.lang ?? '') ?? languageName(f.lang ?? '', w.tag),
      pages: say('cover_note.pages', { count }),
      count,
    });
  });
  const context = {
    lang: w.code,
    salutation: p.salutation,
    // Names in the wording language, as the plan resolved them (model/localised-names.ts).
    sender: String(p.args.sender),
    senderShort: sender.shortName,
    returnAddress: sender.returnAddress,
    contactEmail: sender.contactEmail ?? '',
    title: facts.title,
    recipient: facts.recipient,
    date: facts.date,
    signatories: facts.signatories,
    head: String(p.args.head),
    mission: { id: m.id, name: String(p.args.mission), city: String(p.args.city), country: m.country },
    enclosures,
    faxNumber: m.fax ?? '',
    pages: 0,
  } satisfies Record<TemplateVariable, unknown>;
  const template = (name: keyof DeliveryPlan['templates'], values: TextValues) => {
    const source = plan.templates[name];
    if (!source) return ''; // delivery/template, reported by loading
    const args = { ...p.args, salutation: p.salutation, pages: Number(values['pages'] ?? 0) };
    return renderTemplate(
      source,
      { context: values, args },
      w.texts,
      numberingTag(w.tag, w.digits),
      plan.partials,
      problems,
    );
  };
  const subject = say('cover_note.subject');
  // A sheet's title in the PDF's metadata (what a viewer's title bar shows), worded in the packet's
  // language: "Lettre de transmission : Mission permanente …"; without the text, the mission's name in it.
  const sheetTitle = (key: string) => (w.texts.texts.has(key) ? say(key) : String(p.args.mission));

  for (const f of p.files) {
    switch (f.kind) {
      case 'cover-note': {
        const recipient = noteRecipient(p);
        // A salutation the address block holds (Japanese) is not repeated above the body.
        const inAddress = p.coverSalutation === 'address';
        const note = coverNoteSheet({
          paper: p.paper,
          setting: w,
          addressFonts: p.local.fonts,
          sender,
          postal: plan.sender,
          recipient: recipient.lines,
          date: facts.date,
          subject,
          body: template('coverNote', inAddress ? { ...context, salutation: '' } : context),
          title: sheetTitle('cover_note.document_title'),
        });
        addSheet(f.name, await renderSheetPdf(note, date), recipient.fields);
        break;
      }
      case 'letter':
        break;
      case 'letter-text': {
        const letter = letters.get(f.lang ?? '');
        if (!letter) throw new InternalError(`the ${f.lang} letter was not rendered`);
        out.set(f.name, letter.markdown);
        break;
      }
      case 'envelope': {
        if (!p.envelope || !p.address) break;
        const envelope = envelopeSheet({
          spec: p.envelope,
          sender: plan.sender,
          address: p.address,
          setting: p.local,
          senderFonts: plan.listSetting.fonts,
          title: sheetTitle('envelope.document_title'),
        });
        addSheet(f.name, await renderSheetPdf(envelope, date), addressFields(m, p.address));
        break;
      }
      case 'fax-cover': {
        if (!p.fax) break;
        const pagesAfter = [...pages]
          .filter(([name]) => name.startsWith('cover-note') || name.startsWith('letter-'))
          .reduce((sum, [, n]) => sum + n, 0);
        const fax = (ownPages: number) =>
          faxCoverSheet({
            paper: p.paper,
            setting: w,
            recipientFonts: p.local.fonts,
            sender,
            labels: {
              heading: say('fax.heading'),
              to: say('fax.to'),
              faxNumber: say('fax.fax_number'),
              from: say('fax.from'),
              replyTo: say('fax.reply_to'),
              date: say('fax.date'),
              pages: say('fax.pages'),
              subject: say('fax.subject'),
            },
            to: [String(p.args.mission), ...(p.attention ? [p.attention] : [])],
            faxNumber: p.fax ?? '',
            date: facts.date,
            pagesAfter,
            ownPages,
            subject,
            message: template('faxCover', { ...context, pages: pagesAfter + ownPages }),
            title: sheetTitle('fax.document_title'),
          });
        let sheet = await renderSheetPdf(fax(1), date);
        // A message that runs over one page: the totals it states count its own pages too.
        if (sheet.pages > 1) sheet = await renderSheetPdf(fax(sheet.pages), date);
        addSheet(f.name, sheet);
        break;
      }
      case 'email': {
        if (!p.email) break;
        const eml = await buildEmailDraft({
          from: sender.contactEmail ? { name: sender.name, address: sender.contactEmail } : undefined,
          to: { name: String(p.args.mission), address: p.email },
          subject: say('email.subject'),
          text: template('email', context),
          date,
          attachments: letterFiles.map((l) => ({ filename: l.name, content: out.get(l.name) as Uint8Array })),
        });
        out.set(f.name, eml);
        break;
      }
      case 'manifest':
        break;
      default:
        assertNever(f.kind);
    }
  }
  if (overflows.length) problems.push(addressTooLong(overflows, p));
  if (uncovered.length)
    problems.push(
      uncoveredDiagnostic(uncovered, p, {
        hint: 'correct the text, or give its language a font that has the character',
      }),
    );
  const entries: ManifestEntry[] = p.files
    .filter((f) => f.kind !== 'manifest' && out.has(f.name))
    .map((f) => {
      const data = out.get(f.name) as Uint8Array | string;
      return {
        file: f.name,
        kind: f.kind,
        ...(f.lang ? { lang: f.lang } : {}),
        bytes: byteLength(data),
        sha256: sha256(data),
        pages: pages.get(f.name) ?? null,
      };
    });
  out.set('manifest.json', manifestJson({ campaign: plan.campaignId, mission: m.id, files: entries }));
  return { files: out, entries };
}
