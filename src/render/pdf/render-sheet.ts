import type { Block } from '../../model/letter-document.js';
import type { RunningLine, SheetDocument, Zone, ZoneLine } from '../../model/sheet-document.js';
import { findUncovered, loadFace, type UncoveredChar } from '../../fonts/font-library.js';
import { blockTexts } from './block-texts.js';
import { drawPages, FontSelector } from './draw-pages.js';
import { structNode, type PageContent, type PageLine, type StructNode } from './flow.js';
import { layoutBlocks } from './layout-blocks.js';
import { layoutParagraph, type LayoutLine } from './line-layout.js';
import { lineBox, type PageStyle } from './page-style.js';
import { paginate } from './paginate.js';
import { collectPdf, createTaggedPdf } from './tagged-pdf.js';

/** A character of a sheet no font of its stack has, with the text it is in. */
export interface SheetUncovered extends UncoveredChar {
  text: string;
  fonts: string[];
}

/** A rendered sheet: its bytes and page count; or, when a character cannot be drawn, no bytes and what. */
export interface RenderedSheet {
  bytes: Buffer;
  pages: number;
  /** Characters no font draws: when there are any, nothing was drawn (`bytes` is empty). */
  uncovered: SheetUncovered[];
}

const DEFAULT_LEADING = 1.3;
/** Space between a zone's label column and its lines, PDF points (4 mm). */
const LABEL_GAP = 4 * (72 / 25.4);

/**
 * Renders a sheet: the body blocks laid out and paginated by the letter's engine (layoutBlocks,
 * paginate) in the frames of the page templates, the zones of each template set at their places
 * (shrunk to fit where they must), the running line on every page with the pages counted. Same
 * document and date, same bytes. A character no font has is reported, and nothing is drawn.
 */
export async function renderSheetPdf(doc: SheetDocument, date: Date): Promise<RenderedSheet> {
  const uncovered = uncoveredIn(doc);
  if (uncovered.length) return { bytes: Buffer.alloc(0), pages: 0, uncovered };
  const root = structNode('Document', undefined);
  // The first page's zones come first in reading order; the body starts below the stacked ones.
  const firstZones = placeZones(doc, doc.first.zones, root);
  const style = bodyStyle(doc);
  const firstTop = Math.max(doc.first.frame.top, firstZones.bottom + (doc.first.gapBelowZones ?? 0));
  const later = doc.later.frame;
  const body = paginate(layoutBlocks({ ...doc, countryAffix: { before: ', ', after: '' } }, style, root), {
    top: later.top,
    height: later.bottom - later.top,
    firstTop,
  });
  const laterZones = doc.later.zones.length ? placeZones(doc, doc.later.zones, root) : undefined;
  const pages: PageContent[] = body.map((lines, i) => [
    ...(i === 0 ? firstZones.lines : (laterZones?.lines ?? [])),
    ...lines,
  ]);
  const rules = (i: number) => (i === 0 ? firstZones.rules : (laterZones?.rules ?? []));
  pages.forEach((lines, i) => {
    const running = (i === 0 ? doc.first : doc.later).running;
    if (running) lines.push(...runningLine(doc, running, i, pages.length, root));
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
  drawRules(pdf, pages.length, doc, rules);
  pdf.end();
  return { bytes: await output, pages: pages.length, uncovered: [] };
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
}

/** Sets the zones of a template in order: each at its place, or under the previous one. */
function placeZones(doc: SheetDocument, zones: Zone[], root: StructNode): PlacedZones {
  const lines: PageLine[] = [];
  const rules: number[] = [];
  let previousBottom = 0;
  let bottom = 0;
  for (const zone of zones) {
    const top = zone.y ?? previousBottom + (zone.gap ?? 0);
    let y = top;
    if (zone.label) {
      // The label first in reading order ("To:", then the mission), set half a point lower to share the baseline.
      const label = zone.label;
      const laid = layoutLine(doc, label, label.width - LABEL_GAP);
      const { pitch, baseline } = metrics(doc, label);
      const tag = structNode('P', root);
      laid.forEach((l, i) => lines.push({ x: zone.x, y: top + 0.5 + i * pitch + baseline, pieces: l.pieces, tag }));
      y = top + laid.length * pitch;
    }
    let valueY = top;
    // One structure element per line: an address's lines must not run together for a screen reader.
    for (const { line, laid } of fitted(doc, zone)) {
      const { pitch, baseline } = metrics(doc, line);
      const tag = structNode(zone.tag, root);
      const x = zone.x + (zone.label?.width ?? 0);
      laid.forEach((l, i) => lines.push({ x, y: valueY + i * pitch + baseline, pieces: l.pieces, tag }));
      valueY += laid.length * pitch;
    }
    y = Math.max(y, valueY);
    if (zone.ruleAbove !== undefined) rules.push(top - zone.ruleAbove);
    if (zone.ruleBelow !== undefined) rules.push(y + zone.ruleBelow);
    previousBottom = y;
    if (zone.y === undefined || zone === zones[zones.length - 1]) bottom = Math.max(bottom, y);
  }
  return { lines, rules, bottom };
}

/** A zone's lines laid out at the largest size its fit allows. */
function fitted(doc: SheetDocument, zone: Zone): { line: ZoneLine; laid: LayoutLine[] }[] {
  const width = zone.width - (zone.label?.width ?? 0);
  const at = (scale: number) =>
    zone.lines.map((l) => {
      const line = { ...l, size: l.size * scale };
      return { line, laid: layoutLine(doc, line, width) };
    });
  const fit = zone.fit;
  if (fit) {
    const largest = Math.max(...zone.lines.map((l) => l.size));
    for (let size = largest; size > fit.minSize; size -= 0.5) {
      const set = at(size / largest);
      const used = set.reduce((sum, s) => sum + s.laid.length * metrics(doc, s.line).pitch, 0);
      if (used <= fit.height) return set;
    }
    return at(fit.minSize / largest);
  }
  const one = zone.oneLine;
  if (one) {
    const largest = Math.max(...zone.lines.map((l) => l.size));
    for (let size = largest; size > one.minSize; size -= 0.25) {
      const set = at(size / largest);
      if (set.every((s) => s.laid.length <= 1)) return set;
    }
    return at(one.minSize / largest);
  }
  return at(1);
}

function layoutLine(doc: SheetDocument, line: ZoneLine, width: number): LayoutLine[] {
  return layoutParagraph([{ text: line.text, style: line.bold ? 'bold' : 'regular', muted: line.muted === true }], {
    width,
    fontSize: line.size,
    fonts: line.fonts ?? doc.fonts,
    lineBreak: line.fonts ? 'normal' : doc.lineBreak,
    align: line.align ?? 'left',
  });
}

/** Line pitch and the baseline below a line's top, centring the primary font's extent in the pitch. */
function metrics(doc: SheetDocument, line: ZoneLine): { pitch: number; baseline: number } {
  const face = loadFace((line.fonts ?? doc.fonts)[0] ?? 'noto-serif', 'regular');
  const leading = line.leading ?? DEFAULT_LEADING;
  const { height, baseline } = lineBox({ ascent: face.ascent, descent: face.descent, lineHeight: leading }, line.size);
  return { pitch: height, baseline };
}

function runningLine(
  doc: SheetDocument,
  running: RunningLine,
  page: number,
  pages: number,
  root: StructNode,
): PageLine[] {
  const text = running.text
    .replaceAll('{page}', String(page + 1))
    .replaceAll('{pages}', String(pages + running.pagesBesides));
  const frame = (page === 0 ? doc.first : doc.later).frame;
  const [line] = layoutLine(doc, { text, size: running.size, muted: true, align: running.align }, frame.width);
  // Pagination artifacts, like the letter's footer: outside the structure tree.
  return line
    ? [{ x: frame.x, y: running.y, pieces: line.pieces.map((p) => ({ ...p, artifact: true })), tag: root }]
    : [];
}

/** Rules of each page's zones, thin and grey, as layout artifacts. */
function drawRules(
  pdf: PDFKit.PDFDocument,
  count: number,
  doc: SheetDocument,
  rules: (page: number) => number[],
): void {
  for (let page = 0; page < count; page++) {
    const ys = rules(page);
    if (!ys.length) continue;
    const frame = (page === 0 ? doc.first : doc.later).frame;
    pdf.switchToPage(page);
    pdf.markContent('Artifact', { type: 'Layout' });
    pdf.save();
    pdf.lineWidth(0.5).strokeColor('#808080');
    for (const y of ys)
      pdf
        .moveTo(frame.x, y)
        .lineTo(frame.x + frame.width, y)
        .stroke();
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
  for (const block of doc.blocks as Block[]) for (const text of blockTexts(block)) check(text, doc.fonts);
  for (const template of [doc.first, doc.later]) {
    for (const zone of template.zones)
      for (const line of [...(zone.label ? [zone.label] : []), ...zone.lines])
        check(line.text, line.fonts ?? doc.fonts);
    if (template.running) check(template.running.text, doc.fonts);
  }
  return found;
}
