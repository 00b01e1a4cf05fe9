import type { PaperSize } from '../../model/project.js';
import type { StyledSegment } from '../../render/pdf/line-layout.js';
import { structNode, type StructNode } from '../../render/pdf/flow.js';
import { packetStatus, type DeliveryRow } from '../delivery-rows.js';
import type { LanguageSetting } from '../../text/language-setting.js';
import { MM, SHEET } from '../paper.js';
import { measureHeight, renderSheet, Sheet, type RenderedSheet, type TextStyle } from './sheet.js';

export interface ChecklistInput {
  paper: PaperSize;
  setting: LanguageSetting;
  title: string;
  /** Line under the title: campaign, date, counts, the day records were judged. */
  subtitle: string;
  author: string;
  rows: DeliveryRow[];
  pdfDate: Date;
}

/** A cell's content: paragraphs, each a string or styled segments, with an optional font stack. */
interface CellLine {
  content: string | StyledSegment[];
  fonts?: string[];
}

/** Columns: heading and share of the table width. The last three are left empty to be filled by hand. */
const COLUMNS: [string, number][] = [
  ['Mission', 0.15],
  ['Address', 0.13],
  ['Method(s)', 0.06],
  ['Contact', 0.13],
  ['Languages', 0.06],
  ['Files', 0.11],
  ['Missing / check', 0.15],
  ['Delivered on', 0.07],
  ['By', 0.07],
  ['Received by', 0.07],
];
const MARGIN = 12 * MM;
const PAD = 3;
/** Rows are at least this tall, PDF points, so there is room to write by hand. */
const MIN_ROW = 30;

/**
 * The printable delivery checklist: landscape, one row per mission with its address, methods,
 * contact, languages, files and what is missing, and empty columns for "delivered on", "by" and
 * "received by". The heading row repeats on every page; rows never split across pages.
 */
export async function renderChecklist(input: ChecklistInput): Promise<RenderedSheet> {
  // Landscape: the portrait sheet turned.
  const [pageHeight, pageWidth] = SHEET[input.paper];
  const tableWidth = pageWidth - 2 * MARGIN;
  const xs: number[] = [];
  let acc = MARGIN;
  for (const [, share] of COLUMNS) {
    xs.push(acc);
    acc += share * tableWidth;
  }
  xs.push(MARGIN + tableWidth);
  const base = { fonts: input.setting.fonts, lineBreak: input.setting.lineBreak };
  const cell: TextStyle = { ...base, size: 7, leading: 1.25 };
  const head: TextStyle = { ...cell, face: 'bold' };
  const sheet = new Sheet();
  const table = structNode('Table', sheet.root);
  const frames: { top: number; headerBottom: number; rowLines: number[] }[] = [];

  let y = MARGIN;
  y += sheet.text(input.title, MARGIN, y, tableWidth, { ...base, size: 12, face: 'bold' }, 'H1');
  y += sheet.text(input.subtitle, MARGIN, y + 1, tableWidth, { ...base, size: 8, muted: true });
  y += 4 * MM;

  const header = (top: number): number => {
    const tr = structNode('TR', table);
    let height = 0;
    COLUMNS.forEach(([name], i) => {
      const width = (xs[i + 1] as number) - (xs[i] as number) - 2 * PAD;
      height = Math.max(height, sheet.text(name, (xs[i] as number) + PAD, top + PAD, width, head, 'TH', tr));
    });
    const bottom = top + height + 2 * PAD;
    frames.push({ top, headerBottom: bottom, rowLines: [] });
    return bottom;
  };
  y = header(y);
  for (const row of input.rows) {
    const cells = cellsOf(row);
    const height =
      Math.max(
        MIN_ROW,
        ...cells.map((lines, i) => cellHeight(lines, (xs[i + 1] as number) - (xs[i] as number) - 2 * PAD, cell)),
      ) +
      2 * PAD;
    if (y + height > pageHeight - MARGIN - 8) {
      sheet.addPage();
      y = header(MARGIN);
    }
    const tr = structNode('TR', table);
    cells.forEach((lines, i) =>
      placeCell(
        sheet,
        lines,
        (xs[i] as number) + PAD,
        y + PAD,
        (xs[i + 1] as number) - (xs[i] as number) - 2 * PAD,
        cell,
        structNode('TD', tr),
      ),
    );
    y += height;
    frames[frames.length - 1]?.rowLines.push(y);
  }
  const pages = sheet.pages.length;
  for (let p = 0; p < pages; p++)
    sheet.onPage(p, () =>
      sheet.text(`${p + 1} / ${pages}`, MARGIN, pageHeight - MARGIN, tableWidth, {
        ...base,
        size: 6.5,
        muted: true,
        align: 'right',
      }),
    );

  return renderSheet(sheet, {
    size: [pageWidth, pageHeight],
    lang: input.setting.tag,
    title: input.title,
    author: input.author,
    date: input.pdfDate,
    decorate: (pdf, page) => {
      const f = frames[page];
      if (!f) return;
      const bottom = f.rowLines[f.rowLines.length - 1] ?? f.headerBottom;
      // Drawn after the text, so rules only: a fill would hide the headings.
      pdf.lineWidth(0.4).strokeColor('#707070');
      for (const ry of [f.top, ...f.rowLines])
        pdf
          .moveTo(MARGIN, ry)
          .lineTo(MARGIN + tableWidth, ry)
          .stroke();
      pdf
        .lineWidth(1.2)
        .strokeColor('#000000')
        .moveTo(MARGIN, f.headerBottom)
        .lineTo(MARGIN + tableWidth, f.headerBottom)
        .stroke();
      pdf.lineWidth(0.4).strokeColor('#707070');
      for (const x of xs) pdf.moveTo(x, f.top).lineTo(x, bottom).stroke();
    },
  });
}

function cellsOf(row: DeliveryRow): CellLine[][] {
  const bold = (text: string): StyledSegment[] => [{ text, style: 'bold' }];
  const muted = (text: string): StyledSegment[] => [{ text, style: 'regular', muted: true }];
  const mission: CellLine[] = [{ content: bold(row.name) }];
  if (row.nameLocal) mission.push({ content: row.nameLocal, ...(row.localFonts ? { fonts: row.localFonts } : {}) });
  mission.push({ content: `${row.city}, ${row.country}` }, { content: muted(row.id) });
  if (row.refusal !== undefined) mission.push({ content: bold(packetStatus(row)) });
  const address: CellLine[] = row.address.length
    ? row.address.map((l) => ({ content: l, ...(row.localFonts ? { fonts: row.localFonts } : {}) }))
    : [{ content: muted('none on record') }];
  const contact: CellLine[] = [];
  if (row.phone) contact.push({ content: `Tel. ${row.phone}` });
  if (row.fax) contact.push({ content: `Fax ${row.fax}` });
  if (row.email) contact.push({ content: row.email });
  if (row.head) contact.push({ content: muted(`Head: ${row.head}`) });
  const languages: CellLine[] =
    row.refusal !== undefined
      ? []
      : [{ content: `Letters: ${row.letters.join(', ')}` }, { content: `Note: ${row.wording}` }];
  const notes: CellLine[] = [
    ...row.missing.map((m) => ({ content: `– ${m}` })),
    ...row.check.map((c) => ({ content: bold(`Check: ${c}`) })),
  ];
  return [
    mission,
    address,
    row.methods.map((m) => ({ content: m })),
    contact,
    languages,
    row.files.map((f) => ({ content: f })),
    notes,
    [],
    [],
    [],
  ];
}

function cellHeight(lines: CellLine[], width: number, style: TextStyle): number {
  return lines.reduce(
    (sum, l) => sum + measureHeight(l.content, width, { ...style, ...(l.fonts ? { fonts: l.fonts } : {}) }),
    0,
  );
}

function placeCell(
  sheet: Sheet,
  lines: CellLine[],
  x: number,
  top: number,
  width: number,
  style: TextStyle,
  tag: StructNode,
): void {
  let y = top;
  for (const l of lines)
    y += sheet.text(l.content, x, y, width, { ...style, ...(l.fonts ? { fonts: l.fonts } : {}) }, 'P', tag);
}
