import type { PageTemplate, RunningLine, SheetDocument, Zone, ZoneLine } from '../../model/sheet-document.js';
import { findUncovered, loadFace, type UncoveredChar } from '../../fonts/font-library.js';
import { languageInfo } from '../language-info.js';
import type { Direction } from './bidi.js';
import { blockTexts } from './block-texts.js';
import { drawPages, FontSelector } from './draw-pages.js';
import { structNode, type PageContent, type PageLine, type StructNode } from './flow.js';
import { layoutBlocks } from './layout-blocks.js';
import { layoutTable, type Rule } from './layout-table.js';
import type { LayoutLine } from './line-layout.js';
import type { PageStyle } from './page-style.js';
import { paginate } from './paginate.js';
import { collectPdf, createTaggedPdf } from './tagged-pdf.js';
import { layoutZoneLine, zoneLineMetrics } from './zone-lines.js';

/** A character of a sheet no font of its stack has, with the text it is in. */
export interface SheetUncovered extends UncoveredChar {
  text: string;
  fonts: string[];
}

/** A zone whose lines do not fit its box even at the smallest size (an address too long for the envelope's window). */
export interface ZoneOverflow {
  lines: string[];
  /** Indices of the lines that wrap at that size. */
  wrapped: number[];
  /** Height the lines need and the height there is, PDF points. */
  needed: number;
  height: number;
}

/** A rendered sheet: its bytes and page count; or, when it cannot be drawn, no bytes and why. */
export interface RenderedSheet {
  bytes: Buffer;
  pages: number;
  /** Characters no font draws: when there are any, nothing was drawn (`bytes` is empty). */
  uncovered: SheetUncovered[];
  /** Zones that overflow their box: when there are any, nothing was drawn. */
  overflow: ZoneOverflow[];
}

/** Space between a zone's label column and its lines, PDF points (4 mm). */
const LABEL_GAP = 4 * (72 / 25.4);

/**
 * Renders a sheet: the body (letter blocks laid out and paginated by the letter's engine, or a table
 * whose rows never split) in the frames of the page templates, the zones of each template set at
 * their places (shrunk to fit where they must), the running line on every page with the pages
 * counted. A sheet in a right-to-left language is mirrored like a letter: frames, zones and table
 * columns swap sides and lines start on the right, except zones that must stay where an envelope's
 * window is. Same document and date, same bytes. A character no font has, or an address field that
 * overflows its box, is reported, and nothing is drawn.
 */
export async function renderSheetPdf(doc: SheetDocument, date: Date): Promise<RenderedSheet> {
  const uncovered = uncoveredIn(doc);
  if (uncovered.length) return { bytes: Buffer.alloc(0), pages: 0, uncovered, overflow: [] };
  const sheet = mirrored(doc);
  const direction = languageInfo(doc.lang).dir;
  const root = structNode('Document', undefined);
  // The first page's zones come first in reading order; the body starts below the stacked ones.
  const firstZones = placeZones(sheet, sheet.first.zones, root, direction);
  if (firstZones.overflow.length)
    return { bytes: Buffer.alloc(0), pages: 0, uncovered: [], overflow: firstZones.overflow };
  const firstTop = Math.max(sheet.first.frame.top, firstZones.bottom + (sheet.first.gapBelowZones ?? 0));
  const laterZones = sheet.later.zones.length ? placeZones(sheet, sheet.later.zones, root, direction) : undefined;
  const body = layoutBody(sheet, firstTop, root, direction);
  const pages: PageContent[] = body.pages.map((lines, i) => [
    ...(i === 0 ? firstZones.lines : (laterZones?.lines ?? [])),
    ...lines,
  ]);
  const rules = (i: number): Rule[] => {
    const zoneRules = i === 0 ? firstZones.rules : (laterZones?.rules ?? []);
    const frame = (i === 0 ? sheet.first : sheet.later).frame;
    return [
      ...zoneRules.map((y) => ({ x1: frame.x, y1: y, x2: frame.x + frame.width, y2: y, ...ZONE_RULE })),
      ...(body.rules[i] ?? []),
    ];
  };
  pages.forEach((lines, i) => {
    const running = (i === 0 ? sheet.first : sheet.later).running;
    if (running) lines.push(...runningLine(sheet, running, i, pages.length, root, direction));
  });

  const { default: PDFDocument } = await import('pdfkit');
  const pdf = createTaggedPdf(PDFDocument, {
    size: [doc.size[0], doc.size[1]],
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    lang: doc.lang,
    title: doc.title,
    author: doc.author,
    subject: doc.subject || undefined,
    date,
  });
  const output = collectPdf(pdf);
  drawPages(pdf, new FontSelector(pdf), pages, root);
  drawRules(pdf, pages.length, rules);
  pdf.end();
  return { bytes: await output, pages: pages.length, uncovered: [], overflow: [] };
}

/** The zones' rules (between fax fields): thin and grey. */
const ZONE_RULE = { width: 0.5, color: '#808080' };

/** The body on pages: blocks through the letter's layout and pagination, or a table. */
function layoutBody(
  doc: SheetDocument,
  firstTop: number,
  root: StructNode,
  direction: Direction,
): { pages: PageContent[]; rules: Rule[][] } {
  const later = doc.later.frame;
  if (doc.body.kind === 'table') {
    const frame = { x: later.x, width: later.width, firstTop, top: later.top, bottom: later.bottom };
    return layoutTable(doc, doc.body.table, frame, root, direction);
  }
  const setting = { ...doc, blocks: doc.body.blocks, countryAffix: { before: ', ', after: '' } };
  const pages = paginate(layoutBlocks(setting, bodyStyle(doc), root), {
    top: later.top,
    height: later.bottom - later.top,
    firstTop,
  });
  return { pages, rules: [] };
}

/**
 * The sheet as set in a right-to-left language: each frame and zone moved to the mirror place of
 * the page, left and right alignments swapped (the line layout swaps them for a right-to-left
 * paragraph), zones marked `fixed` left where they are. A left-to-right sheet is returned as is.
 */
function mirrored(doc: SheetDocument): SheetDocument {
  if (languageInfo(doc.lang).dir !== 'rtl') return doc;
  const width = doc.size[0];
  const template = (t: PageTemplate): PageTemplate => ({
    ...t,
    frame: { ...t.frame, x: width - t.frame.x - t.frame.width },
    zones: t.zones.map((z) => (z.fixed ? z : { ...z, x: width - z.x - z.width })),
  });
  return { ...doc, first: template(doc.first), later: template(doc.later) };
}

/** The body's page style: the letter engine's, with the sheet's frame, size and pitch. */
function bodyStyle(doc: SheetDocument): PageStyle {
  const frame = doc.later.frame;
  const primary = loadFace(doc.fonts[0] ?? 'noto-serif', 'regular');
  return {
    pageWidth: doc.size[0],
    pageHeight: doc.size[1],
    marginTop: frame.top,
    marginBottom: doc.size[1] - frame.bottom,
    marginLeft: frame.x,
    marginRight: doc.size[0] - frame.x - frame.width,
    measure: frame.width,
    fontSize: doc.fontSize,
    lineHeight: doc.lineHeight,
    ascent: primary.ascent,
    descent: primary.descent,
    footerBaseline: frame.bottom,
    footerSize: doc.fontSize,
  };
}

interface PlacedZones {
  lines: PageLine[];
  /** Where rules go, PDF points from the top. */
  rules: number[];
  /** Below the last stacked zone (0 when none is stacked). */
  bottom: number;
  /** Zones whose lines overflow their box even at the smallest size allowed. */
  overflow: ZoneOverflow[];
}

/** Sets the zones of a template in order: each at its place, or under the previous one. */
function placeZones(doc: SheetDocument, zones: Zone[], root: StructNode, direction: Direction): PlacedZones {
  const lines: PageLine[] = [];
  const rules: number[] = [];
  const overflow: ZoneOverflow[] = [];
  let previousBottom = 0;
  let bottom = 0;
  for (const zone of zones) {
    const top = zone.y ?? previousBottom + (zone.gap ?? 0);
    const labelWidth = zone.label?.width ?? 0;
    // The label column stands at the start side: the left, or the right in a right-to-left sheet.
    const [labelX, valueX] =
      direction === 'rtl' ? [zone.x + zone.width - labelWidth + LABEL_GAP, zone.x] : [zone.x, zone.x + labelWidth];
    let y = top;
    if (zone.label) {
      // The label first in reading order ("To:", then the mission), set half a point lower to share the baseline.
      const label = zone.label;
      const laid = layoutZoneLine(doc, label, label.width - LABEL_GAP, direction);
      const { pitch, baseline } = zoneLineMetrics(doc, label);
      const tag = structNode('P', root);
      laid.forEach((l, i) => lines.push({ x: labelX, y: top + 0.5 + i * pitch + baseline, pieces: l.pieces, tag }));
      y = top + laid.length * pitch;
    }
    const set = fitted(doc, zone, direction);
    if (set.overflow) overflow.push(set.overflow);
    let valueY = top;
    // One structure element per line: an address's lines must not run together for a screen reader.
    for (const { line, laid } of set.lines) {
      const { pitch, baseline } = zoneLineMetrics(doc, line);
      const tag = structNode(zone.tag, root);
      laid.forEach((l, i) => lines.push({ x: valueX, y: valueY + i * pitch + baseline, pieces: l.pieces, tag }));
      valueY += laid.length * pitch;
    }
    y = Math.max(y, valueY);
    if (zone.ruleAbove !== undefined) rules.push(top - zone.ruleAbove);
    if (zone.ruleBelow !== undefined) rules.push(y + zone.ruleBelow);
    previousBottom = y;
    if (zone.y === undefined || zone === zones[zones.length - 1]) bottom = Math.max(bottom, y);
  }
  return { lines, rules, bottom, overflow };
}

interface FittedLines {
  lines: { line: ZoneLine; laid: LayoutLine[] }[];
  overflow?: ZoneOverflow;
}

/** A zone's lines laid out at the largest size its fit allows; with a fit they cannot meet, what overflows. */
function fitted(doc: SheetDocument, zone: Zone, direction: Direction): FittedLines {
  const width = zone.width - (zone.label?.width ?? 0);
  const at = (scale: number) =>
    zone.lines.map((l) => {
      const line = { ...l, size: l.size * scale };
      return { line, laid: layoutZoneLine(doc, line, width, direction) };
    });
  const largest = Math.max(...zone.lines.map((l) => l.size));
  const fit = zone.fit;
  if (fit) {
    const height = (set: FittedLines['lines']) =>
      set.reduce((sum, s) => sum + s.laid.length * zoneLineMetrics(doc, s.line).pitch, 0);
    for (let size = largest; size > fit.minSize; size -= 0.5) {
      const set = at(size / largest);
      if (height(set) <= fit.height) return { lines: set };
    }
    const set = at(fit.minSize / largest);
    const needed = height(set);
    if (needed <= fit.height) return { lines: set };
    const wrapped = set.flatMap((s, i) => (s.laid.length > 1 ? [i] : []));
    return { lines: set, overflow: { lines: zone.lines.map((l) => l.text), wrapped, needed, height: fit.height } };
  }
  const one = zone.oneLine;
  if (one) {
    for (let size = largest; size > one.minSize; size -= 0.25) {
      const set = at(size / largest);
      if (set.every((s) => s.laid.length <= 1)) return { lines: set };
    }
    return { lines: at(one.minSize / largest) };
  }
  return { lines: at(1) };
}

function runningLine(
  doc: SheetDocument,
  running: RunningLine,
  page: number,
  pages: number,
  root: StructNode,
  direction: Direction,
): PageLine[] {
  const text = running.text
    .replaceAll('{page}', String(page + 1))
    .replaceAll('{pages}', String(pages + running.pagesBesides));
  const frame = (page === 0 ? doc.first : doc.later).frame;
  // A name, a number and counts: in the direction of its first letter.
  const line = { text, size: running.size, muted: true, align: running.align, dir: 'auto' as const };
  const [laid] = layoutZoneLine(doc, line, frame.width, direction);
  const y = running.top ? running.y + zoneLineMetrics(doc, line).baseline : running.y;
  // Pagination artifacts, like the letter's footer: outside the structure tree.
  return laid ? [{ x: frame.x, y, pieces: laid.pieces.map((p) => ({ ...p, artifact: true })), tag: root }] : [];
}

/** Each page's rules, as layout artifacts; stroke width and colour set only where they change. */
function drawRules(pdf: PDFKit.PDFDocument, count: number, rules: (page: number) => Rule[]): void {
  for (let page = 0; page < count; page++) {
    const all = rules(page);
    if (!all.length) continue;
    pdf.switchToPage(page);
    pdf.markContent('Artifact', { type: 'Layout' });
    pdf.save();
    let width: number | undefined;
    let color: string | undefined;
    for (const r of all) {
      if (r.width !== width || r.color !== color) pdf.lineWidth(r.width).strokeColor(r.color);
      [width, color] = [r.width, r.color];
      pdf.moveTo(r.x1, r.y1).lineTo(r.x2, r.y2).stroke();
    }
    pdf.restore();
    pdf.endMarkedContent();
  }
}

/** Every character of the sheet no font of its stack has: the body's, the zones', the running lines'. */
function uncoveredIn(doc: SheetDocument): SheetUncovered[] {
  const found: SheetUncovered[] = [];
  const check = (text: string, fonts: string[]) => {
    for (const u of findUncovered(text, fonts)) found.push({ ...u, text, fonts });
  };
  const body = doc.body;
  if (body.kind === 'blocks')
    for (const block of body.blocks) for (const text of blockTexts(block)) check(text, doc.fonts);
  else
    for (const cell of [...body.table.heading, ...body.table.rows.flat()])
      for (const line of cell) check(line.text, line.fonts ?? doc.fonts);
  for (const template of [doc.first, doc.later]) {
    for (const zone of template.zones)
      for (const line of [...(zone.label ? [zone.label] : []), ...zone.lines])
        check(line.text, line.fonts ?? doc.fonts);
    if (template.running) check(template.running.text, doc.fonts);
  }
  return found;
}
