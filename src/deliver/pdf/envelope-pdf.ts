import type { Sender } from '../delivery-plan.js';
import { MM, type EnvelopeSpec } from '../paper.js';
import { layout, renderSheet, Sheet, type RenderedSheet, type TextStyle } from './sheet.js';

export interface EnvelopeInput {
  spec: EnvelopeSpec;
  sender: Sender;
  /** Postal address lines of the mission. */
  address: string[];
  /** Font stack for the address (the mission's language) and for the return address. */
  addressFonts: string[];
  senderFonts: string[];
  /** BCP 47 tag of the address text. */
  lang: string;
  title: string;
  pdfDate: Date;
}

/** Margin of the return address from the top-left corner. */
const RETURN_MARGIN = 8 * MM;

/**
 * One envelope page, to print straight onto a plain envelope of `spec`'s size: the return address
 * in the top-left corner and the recipient's address inside the rectangle where the window of a
 * window envelope of that size is (so it sits where the post expects it), set as large as fits,
 * from 11 pt down to 7 pt.
 */
export async function renderEnvelope(input: EnvelopeInput): Promise<RenderedSheet> {
  const { spec } = input;
  const sheet = new Sheet();
  const back: TextStyle = { fonts: input.senderFonts, lineBreak: 'normal', size: 7.5, leading: 1.25 };
  let y = RETURN_MARGIN;
  const returnWidth = spec.window.width;
  y += sheet.text(input.sender.name, RETURN_MARGIN, y, returnWidth, { ...back, face: 'bold' });
  for (const line of input.sender.returnAddress) y += sheet.text(line, RETURN_MARGIN, y, returnWidth, back);

  const box = {
    x: spec.window.x + spec.inset,
    y: spec.window.y + spec.inset,
    width: spec.window.width - 2 * spec.inset,
    height: spec.window.height - 2 * spec.inset,
  };
  const style = fitStyle(input.address, box.width, box.height, {
    fonts: input.addressFonts,
    lineBreak: 'normal',
    size: 11,
    leading: 1.2,
  });
  let ay = box.y;
  for (const line of input.address) ay += sheet.text(line, box.x, ay, box.width, style);

  return renderSheet(sheet, {
    size: [spec.width, spec.height],
    lang: input.lang,
    title: input.title,
    author: input.sender.name,
    subject: spec.label,
    date: input.pdfDate,
  });
}

/** The largest size from `style.size` down to 7 pt at which `lines` fit the box. */
function fitStyle(lines: string[], width: number, height: number, style: TextStyle): TextStyle {
  for (let size = style.size; size > 7; size -= 0.5) {
    const s = { ...style, size };
    const used = lines.reduce((sum, l) => sum + layout(l, width, s).length * size * (s.leading ?? 1.3), 0);
    if (used <= height) return s;
  }
  return { ...style, size: 7 };
}
