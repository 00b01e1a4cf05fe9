import type { PaperSize } from '../../model/project.js';
import type { SheetDocument, Zone, ZoneLine } from '../../model/sheet-document.js';
import { PAPER } from '../../render/pdf/page-style.js';
import type { LanguageSetting } from '../../text/language-setting.js';
import { formatDigits } from '../../text/digits.js';
import type { Sender } from '../delivery-plan.js';
import { MM } from '../../model/address-windows.js';
import { packetSheetSetting } from './sheet-setting.js';
import { templateBlocks } from './template-blocks.js';

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
  /** Pages sent after this sheet (the cover note and the letters). */
  pagesAfter: number;
  /** Pages of this sheet itself (1 unless its message runs over). */
  ownPages: number;
  subject: string;
  /** Rendered fax-cover template. */
  message: string;
  title: string;
}

const MARGIN = 20 * MM;
/** Width of the field names' column, the gap after it included. */
const LABEL_WIDTH = 48 * MM;

/**
 * A fax cover sheet as a sheet document: the first page's template holds a large heading and the
 * To / Fax / From / Date / Pages / Subject fields between rules; the message flows below them. Every
 * page carries a header with its number in the whole transmission ("ICNK → +41 22 … · 1 / 9").
 */
export function faxCoverSheet(input: FaxCoverInput): SheetDocument {
  const [pageWidth, pageHeight] = PAPER[input.paper];
  const measure = pageWidth - 2 * MARGIN;
  const { labels: l, sender } = input;
  const total = input.ownPages + input.pagesAfter;
  // Names and addresses (data, not wording) run in their own direction; the mission's name in its language's fonts.
  const fields: [string, string[], Pick<ZoneLine, 'fonts' | 'dir'> | undefined][] = [
    [l.to, input.to, { fonts: input.recipientFonts, dir: 'auto' }],
    [l.faxNumber, [input.faxNumber], { dir: 'auto' }],
    [l.from, [sender.name, ...sender.returnAddress], { dir: 'auto' }],
    ...(sender.contactEmail
      ? [[l.replyTo, [sender.contactEmail], { dir: 'auto' }] as [string, string[], { dir: 'auto' }]]
      : []),
    [l.date, [input.date], undefined],
    [l.pages, [formatDigits(total, input.setting.digits)], undefined],
    [l.subject, [input.subject], undefined],
  ];
  const zones: Zone[] = [
    {
      x: MARGIN,
      y: MARGIN,
      width: measure,
      tag: 'H1',
      lines: [{ text: l.heading, size: 28, bold: true, leading: 1.2 }],
    },
    ...fields.map(([name, values, own], i): Zone => ({
      x: MARGIN,
      y: undefined,
      gap: i === 0 ? 6 * MM : 3 * MM,
      width: measure,
      label: { text: name, size: 10, bold: true, leading: 1.35, width: LABEL_WIDTH },
      lines: values.map((text) => ({ text, size: 11, leading: 1.35, ...own })),
      tag: 'P',
      ...(i === 0 ? { ruleAbove: 3 * MM } : {}),
      ruleBelow: 1.5 * MM,
    })),
  ];
  const frame = { x: MARGIN, width: measure, bottom: pageHeight - MARGIN };
  const running = {
    text: `${sender.shortName || sender.name} → ${input.faxNumber} · {page} / {pages}`,
    y: 12 * MM,
    size: 8,
    align: 'right' as const,
    pagesBesides: input.pagesAfter,
  };
  return {
    ...packetSheetSetting(input),
    fontSize: 11,
    lineHeight: 1.35,
    first: { frame: { ...frame, top: MARGIN }, zones, gapBelowZones: 9 * MM, running },
    later: { frame: { ...frame, top: MARGIN }, zones: [], running },
    body: { kind: 'blocks', blocks: templateBlocks(input.message) },
  };
}
