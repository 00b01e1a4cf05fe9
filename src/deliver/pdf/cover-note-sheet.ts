import type { PaperSize } from '../../model/project.js';
import type { SheetDocument, Zone } from '../../model/sheet-document.js';
import { PAPER } from '../../render/pdf/page-style.js';
import type { LanguageSetting } from '../../text/language-setting.js';
import type { Sender } from '../delivery-plan.js';
import {
  ADDRESS_MIN_SIZE,
  COVER_NOTE_ADDRESS,
  INCH,
  MM,
  NOTE_FIELD,
  noteAddressBox,
  type NoteField,
} from '../../model/address-windows.js';
import { packetSheetSetting } from './sheet-setting.js';
import { templateBlocks } from './template-blocks.js';

/** Page geometry of a cover note, PDF points from the top-left corner; the address field's is the model's. */
interface NoteGeometry extends NoteField {
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Where the body starts on the first page, below the field. */
  bodyTop: number;
}

export const NOTE_GEOMETRY: Record<PaperSize, NoteGeometry> = {
  A4: { left: 25 * MM, right: 20 * MM, top: 15 * MM, bottom: 20 * MM, ...NOTE_FIELD.A4, bodyTop: 96 * MM },
  Letter: {
    left: 1 * INCH,
    right: 1 * INCH,
    top: 0.6 * INCH,
    bottom: 0.75 * INCH,
    ...NOTE_FIELD.Letter,
    bodyTop: 3.25 * INCH + 6 * MM,
  },
};

export interface CoverNoteInput {
  paper: PaperSize;
  /** Language of the note's text. */
  setting: LanguageSetting;
  /** Font stack for the recipient's address (the mission's language). */
  addressFonts: string[];
  /** The coalition as the note names it: the letterhead, in the wording language. */
  sender: Sender;
  /** The coalition as the post reads it (workspace.yaml's return address, as on the envelope): the window's return line. */
  postal: Sender;
  /** Recipient block: "for the attention of" line first, then the postal address or the mission's name. */
  recipient: string[];
  /** The letter's date, formatted. */
  date: string;
  subject: string;
  /** Rendered cover-note template (blank-line separated blocks). */
  body: string;
  /** Document title (PDF metadata). */
  title: string;
}

/**
 * A cover note from the coalition to a mission, as a sheet document: the first page's template holds
 * the letterhead and the address field at its window-envelope place (a one-line return address, then
 * the recipient, shrunk to fit the field); the date, the subject and the template's text flow below
 * it, onto further pages if they must.
 */
export function coverNoteSheet(input: CoverNoteInput): SheetDocument {
  const g = NOTE_GEOMETRY[input.paper];
  const [pageWidth, pageHeight] = PAPER[input.paper];
  const measure = pageWidth - g.left - g.right;
  const { sender } = input;
  const contact = [...sender.returnAddress, ...(sender.contactEmail ? [sender.contactEmail] : [])].join(' · ');
  // Mail returned from abroad must be readable by the foreign post: the window keeps the postal lines.
  const returnLine = [input.postal.shortName || input.postal.name, ...input.postal.returnAddress].join(' · ');
  const box = noteAddressBox(input.paper);
  const zones: Zone[] = [
    {
      x: g.left,
      y: g.top,
      width: measure,
      tag: 'H1',
      lines: [{ text: sender.name, size: 11, bold: true, dir: 'auto' }],
    },
    {
      x: g.left,
      y: undefined,
      gap: 2,
      width: measure,
      tag: 'P',
      lines: [{ text: contact, size: 8, muted: true, dir: 'auto' }],
    },
    {
      x: box.x,
      y: g.field.y + 1 * MM,
      width: box.width,
      oneLine: { minSize: 5 },
      fixed: true,
      tag: 'P',
      lines: [{ text: returnLine, size: 6.5, muted: true, leading: 1.2, dir: 'auto' }],
    },
    {
      x: box.x,
      y: box.y,
      width: box.width,
      fit: { height: box.height, minSize: ADDRESS_MIN_SIZE },
      fixed: true,
      tag: 'P',
      lines: input.recipient.map((text) => ({
        text,
        ...COVER_NOTE_ADDRESS,
        fonts: input.addressFonts,
        dir: 'auto',
      })),
    },
  ];
  const frame = { x: g.left, width: measure, bottom: pageHeight - g.bottom };
  return {
    ...packetSheetSetting(input),
    fontSize: 10.5,
    lineHeight: 1.4,
    first: { frame: { ...frame, top: g.bodyTop }, zones },
    later: { frame: { ...frame, top: g.top }, zones: [] },
    body: {
      kind: 'blocks',
      blocks: [
        { kind: 'date', text: input.date },
        { kind: 'heading', number: undefined, content: [{ kind: 'text', text: input.subject }] },
        ...templateBlocks(input.body),
      ],
    },
  };
}
