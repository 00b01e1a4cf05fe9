import type { PaperSize } from '../../model/project.js';
import type { Sender } from '../delivery-plan.js';
import type { LanguageSetting } from '../../text/language-setting.js';
import { MM, SHEET } from '../paper.js';
import { measureHeight, renderSheet, Sheet, type RenderedSheet, type TextStyle } from './sheet.js';
import { flowBlocks, textBlocks } from './text-blocks.js';

export interface FaxCoverInput {
  paper: PaperSize;
  setting: LanguageSetting;
  /** Font stack for the mission's name (its own language). */
  recipientFonts: string[];
  sender: Sender;
  /** Heading and field labels, worded in the sheet's language. */
  labels: {
    heading: string;
    to: string;
    faxNumber: string;
    from: string;
    replyTo: string;
    date: string;
    pages: string;
    subject: string;
  };
  to: string[];
  faxNumber: string;
  date: string;
  /** Pages sent, this sheet included. */
  pages: number;
  subject: string;
  /** Rendered fax-cover template. */
  message: string;
  title: string;
  pdfDate: Date;
}

const MARGIN = 20 * MM;

/** A fax cover sheet: a large heading, the To / Fax / From / Date / Pages / Subject fields, the message. */
export async function renderFaxCover(input: FaxCoverInput): Promise<RenderedSheet> {
  const [pageWidth, pageHeight] = SHEET[input.paper];
  const measure = pageWidth - 2 * MARGIN;
  const base = { fonts: input.setting.fonts, lineBreak: input.setting.lineBreak };
  const label: TextStyle = { ...base, size: 10, face: 'bold', leading: 1.35 };
  const value: TextStyle = { ...base, size: 11, leading: 1.35 };
  const labelWidth = 48 * MM;
  const sheet = new Sheet();
  const rules: number[] = [];

  let y = MARGIN;
  y += sheet.text(input.labels.heading, MARGIN, y, measure, { ...base, size: 28, face: 'bold', leading: 1.2 }, 'H1');
  y += 6 * MM;
  rules.push(y - 3 * MM);
  const { labels: l, sender } = input;
  const fields: [string, string[], string[]][] = [
    [l.to, input.to, input.recipientFonts],
    [l.faxNumber, [input.faxNumber], base.fonts],
    [l.from, [sender.name, ...sender.returnAddress], base.fonts],
    ...(sender.contactEmail ? [[l.replyTo, [sender.contactEmail], base.fonts] as [string, string[], string[]]] : []),
    [l.date, [input.date], base.fonts],
    [l.pages, [String(input.pages)], base.fonts],
    [l.subject, [input.subject], base.fonts],
  ];
  for (const [name, lines, fonts] of fields) {
    const style = { ...value, fonts };
    const valueWidth = measure - labelWidth;
    const height = Math.max(
      measureHeight(name, labelWidth - 4 * MM, label),
      lines.reduce((sum, line) => sum + measureHeight(line, valueWidth, style), 0),
    );
    sheet.text(name, MARGIN, y + 0.5, labelWidth - 4 * MM, label);
    let vy = y;
    for (const line of lines) vy += sheet.text(line, MARGIN + labelWidth, vy, valueWidth, style);
    y += height + 3 * MM;
    rules.push(y - 1.5 * MM);
  }
  y += 6 * MM;
  flowBlocks(
    sheet,
    textBlocks(input.message),
    { x: MARGIN, width: measure, top: MARGIN, bottom: pageHeight - MARGIN },
    y,
    value,
  );

  return renderSheet(sheet, {
    size: [pageWidth, pageHeight],
    lang: input.setting.tag,
    title: input.title,
    author: sender.name,
    subject: input.subject,
    date: input.pdfDate,
    decorate: (pdf, page) => {
      if (page !== 0) return;
      pdf.lineWidth(0.5).strokeColor('#808080');
      for (const ry of rules)
        pdf
          .moveTo(MARGIN, ry)
          .lineTo(pageWidth - MARGIN, ry)
          .stroke();
    },
  });
}
