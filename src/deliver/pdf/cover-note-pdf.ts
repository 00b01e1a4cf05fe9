import type { PaperSize } from '../../model/project.js';
import type { LanguageSetting } from '../../text/language-setting.js';
import type { Sender } from '../delivery-plan.js';
import { INCH, MM, SHEET, type Rect } from '../paper.js';
import { layout, renderSheet, Sheet, type RenderedSheet, type TextStyle } from './sheet.js';
import { flowBlocks, textBlocks } from './text-blocks.js';

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
}

/**
 * A4: DIN 5008 form B. The address field is 85 × 45 mm, 20 mm from the left and 45 mm from the top
 * edge (text indented 5 mm); folded in thirds into a DIN 680 DL window envelope it shows through the
 * window. Letter: the field 1.9 in from the top and ⅞ in from the left, where the window of a US No. 10
 * window envelope falls on a sheet folded in thirds.
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
  },
  Letter: {
    left: 1 * INCH,
    right: 1 * INCH,
    top: 0.6 * INCH,
    bottom: 0.75 * INCH,
    field: { x: 0.875 * INCH, y: 1.9 * INCH, width: 3.75 * INCH, height: 1.35 * INCH },
    indent: 0.125 * INCH,
    returnZone: 0.3 * INCH,
  },
};

export interface CoverNoteInput {
  paper: PaperSize;
  /** Language of the note's text. */
  setting: LanguageSetting;
  /** Font stack for the recipient's address (the mission's language). */
  addressFonts: string[];
  sender: Sender;
  /** Recipient block: "for the attention of" line first, then the postal address or the mission's name. */
  recipient: string[];
  /** The letter's date, formatted. */
  date: string;
  subject: string;
  /** Rendered cover-note template (blank-line separated blocks). */
  body: string;
  /** Document title (PDF metadata). */
  title: string;
  pdfDate: Date;
}

/** Renders a one- or two-page cover note from the coalition to a mission. */
export async function renderCoverNote(input: CoverNoteInput): Promise<RenderedSheet> {
  const g = NOTE_GEOMETRY[input.paper];
  const [pageWidth, pageHeight] = SHEET[input.paper];
  const measure = pageWidth - g.left - g.right;
  const base = { fonts: input.setting.fonts, lineBreak: input.setting.lineBreak };
  const body: TextStyle = { ...base, size: 10.5, leading: 1.4 };
  const small: TextStyle = { ...base, size: 8, muted: true, leading: 1.3 };
  const sheet = new Sheet();

  // Letterhead.
  let y = g.top;
  y += sheet.text(input.sender.name, g.left, y, measure, { ...base, size: 11, face: 'bold' }, 'H1');
  const contact = [
    ...input.sender.returnAddress,
    ...(input.sender.contactEmail ? [input.sender.contactEmail] : []),
  ].join(' · ');
  sheet.text(contact, g.left, y + 2, measure, small);

  // Address field: a one-line return address, then the recipient, shrunk if it would overflow the field.
  const textX = g.field.x + g.indent;
  const textWidth = g.field.width - g.indent;
  const returnLine = [input.sender.shortName || input.sender.name, ...input.sender.returnAddress].join(' · ');
  sheet.text(
    returnLine,
    textX,
    g.field.y + 1 * MM,
    textWidth,
    oneLine(returnLine, textWidth, { ...small, size: 6.5, leading: 1.2 }),
  );
  const addressHeight = g.field.height - g.returnZone;
  const addressStyle = fitStyle(input.recipient, textWidth, addressHeight, {
    fonts: input.addressFonts,
    lineBreak: 'normal',
    size: 10.5,
    leading: 1.25,
  });
  let ay = g.field.y + g.returnZone;
  for (const line of input.recipient) ay += sheet.text(line, textX, ay, textWidth, addressStyle);

  // Date, subject, body.
  y = g.field.y + g.field.height + 6 * MM;
  y += sheet.text(input.date, g.left, y, measure, { ...body, align: 'right' });
  y += 4 * MM;
  y += sheet.text(input.subject, g.left, y, measure, { ...body, face: 'bold' }, 'H2');
  y += 4 * MM;
  flowBlocks(
    sheet,
    textBlocks(input.body),
    { x: g.left, width: measure, top: g.top, bottom: pageHeight - g.bottom },
    y,
    body,
  );

  return renderSheet(sheet, {
    size: [pageWidth, pageHeight],
    lang: input.setting.tag,
    title: input.title,
    author: input.sender.name,
    subject: input.subject,
    date: input.pdfDate,
  });
}

/** The largest size from `style.size` down to 7 pt at which `lines` fit the box. */
export function fitStyle(lines: string[], width: number, height: number, style: TextStyle): TextStyle {
  for (let size = style.size; size > 7; size -= 0.5) {
    const s = { ...style, size };
    const used = lines.reduce((sum, l) => sum + layout(l, width, s).length * size * (s.leading ?? 1.3), 0);
    if (used <= height) return s;
  }
  return { ...style, size: 7 };
}

/** `style` shrunk (to 5 pt at least) until `text` fits on one line of `width`. */
function oneLine(text: string, width: number, style: TextStyle): TextStyle {
  for (let size = style.size; size > 5; size -= 0.25)
    if (layout(text, width, { ...style, size }).length <= 1) return { ...style, size };
  return { ...style, size: 5 };
}
