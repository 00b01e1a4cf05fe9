import type { PageContent, PageLine, StructNode } from './flow.js';
import type { FontFace } from '../../fonts/font-library.js';
import type { LinePiece } from './line-layout.js';
import { DOT_RADIUS, emphasisDots } from './emphasis-dots.js';
import { shapedRuns } from './measure-text.js';
import { patchEncoding, shareLayoutCache } from './pdfkit-font-patches.js';
import { fillText } from './pdfkit-text.js';

/** Colours of body text and of secondary text (countries, the footer), as CSS hex. */
export const TEXT_COLOR = '#000000';
export const MUTED_COLOR = '#595959';

/**
 * Draws laid-out pages into `pdf` (whose first page exists) and builds the structure tree under
 * `root`: each line's text is marked content of its structure element, and each linked stretch of a
 * line gets its own Link element holding the text and its annotation.
 */
export function drawPages(pdf: PDFKit.PDFDocument, fonts: FontSelector, pages: PageContent[], root: StructNode): void {
  const elements = new Map<StructNode, PDFKit.PDFStructureElement>();
  const rootElement = pdf.struct(root.type);
  pdf.addStructure(rootElement);
  elements.set(root, rootElement);
  const elementFor = (node: StructNode): PDFKit.PDFStructureElement => {
    let element = elements.get(node);
    if (element === undefined) {
      element = pdf.struct(node.type);
      // Parents are created on first use, so children are added in reading order.
      elementFor(node.parent ?? root).add(element);
      elements.set(node, element);
    }
    return element;
  };
  pages.forEach((lines, index) => {
    if (index > 0) pdf.addPage();
    const marking = new MarkedContent(pdf);
    for (const line of lines) {
      for (const group of linkGroups(line.pieces)) {
        const first = group[0] as LinePiece;
        const href = first.href;
        if (href === undefined) {
          for (const piece of group) {
            if (piece.artifact) marking.artifact();
            else marking.open(elementFor(line.tag), line.tag.type);
            drawPiece(pdf, fonts, line, piece);
            drawDots(pdf, marking, line, piece);
          }
          continue;
        }
        const link = pdf.struct('Link');
        elementFor(line.tag).add(link);
        for (const piece of group) {
          if (piece.artifact) marking.artifact();
          else marking.open(link, 'Link');
          drawPiece(pdf, fonts, line, piece);
          drawDots(pdf, marking, line, piece);
        }
        marking.close();
        const last = group[group.length - 1] as LinePiece;
        const top = line.y - first.face.ascent * first.fontSize;
        const height = (first.face.ascent + first.face.descent) * first.fontSize;
        pdf.link(line.x + first.x, top, last.x + last.width - first.x, height, href, { structParent: link });
        // Ending it now, on its page, makes pdfkit record the annotation's page correctly.
        link.end();
      }
    }
    marking.close();
  });
}

/** Splits a line's pieces into runs that share one link target (or none). */
function linkGroups(pieces: LinePiece[]): LinePiece[][] {
  const groups: LinePiece[][] = [];
  for (const piece of pieces) {
    const current = groups[groups.length - 1];
    const previous = current?.[current.length - 1];
    if (
      current !== undefined &&
      previous !== undefined &&
      previous.href === piece.href &&
      previous.segment === piece.segment
    ) {
      current.push(piece);
    } else {
      groups.push([piece]);
    }
  }
  return groups;
}

function drawPiece(pdf: PDFKit.PDFDocument, fonts: FontSelector, line: PageLine, piece: LinePiece): void {
  fonts.select(piece.face);
  // y is the baseline itself, the same for every font on the line.
  fillText(pdf, piece, piece.muted ? MUTED_COLOR : TEXT_COLOR, line.x + piece.x, line.y);
}

/** Emphasis dots of a piece: filled circles, an Artifact (not part of the text). */
function drawDots(pdf: PDFKit.PDFDocument, marking: MarkedContent, line: PageLine, piece: LinePiece): void {
  if (piece.dots === undefined) return;
  const dots = emphasisDots(piece, piece.dots);
  if (dots.length === 0) return;
  marking.artifact();
  for (const dot of dots) pdf.circle(line.x + dot.x, line.y + dot.y, DOT_RADIUS * piece.fontSize);
  pdf.fill(piece.muted ? MUTED_COLOR : TEXT_COLOR);
}

/** Registers each face with the document on first use and selects it. */
export class FontSelector {
  private readonly registered = new Set<string>();
  constructor(private readonly pdf: PDFKit.PDFDocument) {}

  select(face: FontFace): void {
    if (!this.registered.has(face.key)) {
      this.pdf.registerFont(face.key, face.font);
      this.pdf.font(face.key);
      shareLayoutCache(this.pdf, shapedRuns(face));
      patchEncoding(this.pdf);
      this.registered.add(face.key);
      return;
    }
    this.pdf.font(face.key);
  }
}

/**
 * The open marked-content sequence of a page: at most one, as tagged PDF requires. A hyphen added at
 * a line break is an Artifact, so extraction that follows the tags reads the word whole.
 */
class MarkedContent {
  private current: PDFKit.PDFStructureElement | 'artifact' | undefined;
  constructor(private readonly pdf: PDFKit.PDFDocument) {}

  open(element: PDFKit.PDFStructureElement, tag: string): void {
    if (this.current === element) return;
    this.close();
    element.add(this.pdf.markStructureContent(tag));
    this.current = element;
  }

  artifact(): void {
    if (this.current === 'artifact') return;
    this.close();
    this.pdf.markContent('Artifact');
    this.current = 'artifact';
  }

  close(): void {
    if (this.current === undefined) return;
    this.pdf.endMarkedContent();
    this.current = undefined;
  }
}
