import type { PaperSize } from '../../model/project.js';
import type { SheetDocument, Zone } from '../../model/sheet-document.js';
import { PAPER } from '../../render/pdf/page-style.js';
import type { LanguageSetting } from '../../text/language-setting.js';
import type { Sender } from '../delivery-plan.js';
import { ADDRESS_MIN_SIZE, INCH, MM, type Rect } from '../paper.js';
import { packetSheetSetting } from './sheet-setting.js';
import { templateBlocks } from './template-blocks.js';

/** Page geometry of a cover note, PDF points from the top-left corner. */
interface NoteGeometry {
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** The address field: what shows through the window of a window envelope. */
  field: Rect;
  /** Left indent of the address text inside the field. */
  indent: number;
  /** Height reserved at the top of the field for the one-line return address. */
  returnZone: number;
  /** Where the body starts on the first page, below the field. */
  bodyTop: number;
}

/**
 * A4: DIN 5008 form B. The address field is 85 × 45 mm, 20 mm from the left and 45 mm from the top
 * edge (text indented 5 mm); folded in thirds into a DIN 680 DL window envelope it shows through the
 * window. Letter: the field 1.9 in from the top and ⅞ in from the left, where the window of a US No. 10
 * window envelope falls on a sheet folded in thirds; it ends 3.1 in from the top, so the address
 * stays in the window (which shows 2 1/24 to 3 1/6 in of the sheet when the folded sheet rests at the
 * bottom of the envelope).
 */
export const NOTE_GEOMETRY: Record<PaperSize, NoteGeometry> = {
  A4: {
    left: 25 * MM,
    right: 20 * MM,
    top: 15 * MM,
    bottom: 20 * MM,
    field: { x: 20 * MM, y: 45 * MM, width: 85 * MM, height: 45 * MM },
    indent: 5 * MM,
    returnZone: 8 * MM,
    bodyTop: 96 * MM,
  },
  Letter: {
    left: 1 * INCH,
    right: 1 * INCH,
    top: 0.6 * INCH,
    bottom: 0.75 * INCH,
    field: { x: 0.875 * INCH, y: 1.9 * INCH, width: 3.75 * INCH, height: 1.2 * INCH },
    indent: 0.125 * INCH,
    returnZone: 0.3 * INCH,
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
  const textX = g.field.x + g.indent;
  const textWidth = g.field.width - g.indent;
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
      x: textX,
      y: g.field.y + 1 * MM,
      width: textWidth,
      oneLine: { minSize: 5 },
      fixed: true,
      tag: 'P',
      lines: [{ text: returnLine, size: 6.5, muted: true, leading: 1.2, dir: 'auto' }],
    },
    {
      x: textX,
      y: g.field.y + g.returnZone,
      width: textWidth,
      fit: { height: g.field.height - g.returnZone, minSize: ADDRESS_MIN_SIZE },
      fixed: true,
      tag: 'P',
      lines: input.recipient.map((text) => ({
        text,
        size: 10.5,
        leading: 1.25,
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
