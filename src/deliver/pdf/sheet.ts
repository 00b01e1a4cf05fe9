import type { LineBreakMode } from '../../render/pdf/break-units.js';
import { drawPages, FontSelector } from '../../render/pdf/draw-pages.js';
import {
  structNode,
  type PageContent,
  type PageLine,
  type StructNode,
  type StructType,
} from '../../render/pdf/flow.js';
import { findUncovered, loadFace, type FaceStyle } from '../../fonts/font-library.js';
import type { RenderedSheet, SheetUncovered } from '../../render/pdf/render-sheet.js';
import { layoutParagraph, type LayoutLine, type StyledSegment } from '../../render/pdf/line-layout.js';
import { collectPdf, createTaggedPdf } from '../../render/pdf/tagged-pdf.js';

export type { RenderedSheet, SheetUncovered };

/**
 * Small fixed-layout PDFs (the envelope, the checklist): text placed at
 * absolute positions, laid out and drawn with the letter renderer's line layout (per-glyph font
 * fallback), font cache and tagged-PDF drawing. All lengths in PDF points from the top-left corner.
 */

/** How to set one block of text. */
export interface TextStyle {
  /** Font stack, first choice first. */
  fonts: string[];
  lineBreak: LineBreakMode;
  /** PDF points. */
  size: number;
  face?: FaceStyle;
  align?: 'left' | 'right' | 'center' | 'justify';
  muted?: boolean;
  /** Line pitch as a multiple of the size (default 1.3). */
  leading?: number;
}

/** The pages of a sheet document being composed, with their structure tree. */
export class Sheet {
  readonly root: StructNode = structNode('Document', undefined);
  readonly pages: PageContent[] = [[]];
  /** Characters no font of their stack has, with the text they are in: nothing draws them. */
  readonly uncovered: SheetUncovered[] = [];
  private target: number | undefined;

  /** Index of the page text is added to: the last one, unless inside {@link onPage}. */
  get page(): number {
    return this.target ?? this.pages.length - 1;
  }

  /** Runs `add` with text going to page `page` (for footers, once the page count is known). */
  onPage<T>(page: number, add: () => T): T {
    this.target = page;
    try {
      return add();
    } finally {
      this.target = undefined;
    }
  }

  addPage(): void {
    this.pages.push([]);
  }

  /**
   * Lays out `text` (a string, or styled segments) in a box `width` wide whose top is at `top`, and
   * adds its lines to the current page under a structure element of `tagType` (P, H1, …). Line feeds
   * in the text break lines. Returns the height used.
   */
  text(
    content: string | StyledSegment[],
    x: number,
    top: number,
    width: number,
    style: TextStyle,
    tagType: StructType = 'P',
    parent?: StructNode,
  ): number {
    const text = typeof content === 'string' ? content : content.map((s) => s.text).join('');
    for (const u of findUncovered(text, style.fonts)) this.uncovered.push({ ...u, text, fonts: style.fonts });
    const lines = layout(content, width, style);
    const tag = structNode(tagType, parent ?? this.root);
    const { pitch, baseline } = metrics(style);
    const page = this.pages[this.page] as PageLine[];
    lines.forEach((line, i) => page.push({ x, y: top + i * pitch + baseline, pieces: line.pieces, tag }));
    return lines.length * pitch;
  }
}

/** Lays out text without placing it (to measure heights first). */
export function layout(content: string | StyledSegment[], width: number, style: TextStyle): LayoutLine[] {
  const segments: StyledSegment[] =
    typeof content === 'string'
      ? [{ text: content, style: style.face ?? 'regular', muted: style.muted === true }]
      : content;
  return layoutParagraph(segments, {
    width,
    fontSize: style.size,
    fonts: style.fonts,
    lineBreak: style.lineBreak,
    align: style.align ?? 'left',
  });
}

/** Height of `content` set in `width`, PDF points. */
export function measureHeight(content: string | StyledSegment[], width: number, style: TextStyle): number {
  return layout(content, width, style).length * metrics(style).pitch;
}

/** Line pitch and the baseline's distance below a line's top, centring the primary font's extent. */
export function metrics(style: TextStyle): { pitch: number; baseline: number } {
  const face = loadFace(style.fonts[0] ?? 'noto-serif', 'regular');
  const pitch = style.size * (style.leading ?? 1.3);
  const baseline = (pitch - (face.ascent + face.descent) * style.size) / 2 + face.ascent * style.size;
  return { pitch, baseline };
}

/** Document-level settings of a sheet PDF. */
export interface SheetOptions {
  /** Page size [width, height], PDF points. */
  size: [number, number];
  /** BCP 47 language tag of the text. */
  lang: string;
  title: string;
  author: string;
  subject?: string;
  /** CreationDate and ModDate (pdfkit derives the file /ID from them: pinned for byte-identical output). */
  date: Date;
  /** Draws rules, frames and fills on page `page` (called inside an Artifact marked-content sequence). */
  decorate?: (pdf: PDFKit.PDFDocument, page: number) => void;
}

/** Renders a composed sheet to PDF bytes: same sheet and options, same bytes. */
export async function renderSheet(sheet: Sheet, options: SheetOptions): Promise<RenderedSheet> {
  const { default: PDFDocument } = await import('pdfkit');
  const pdf = createTaggedPdf(PDFDocument, {
    size: options.size,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    lang: options.lang,
    title: options.title,
    author: options.author,
    subject: options.subject || undefined,
    date: options.date,
  });
  const output = collectPdf(pdf);
  drawPages(pdf, new FontSelector(pdf), sheet.pages, sheet.root);
  if (options.decorate) {
    const { start, count } = pdf.bufferedPageRange();
    for (let page = start; page < start + count; page++) {
      pdf.switchToPage(page);
      pdf.markContent('Artifact', { type: 'Layout' });
      pdf.save();
      options.decorate(pdf, page - start);
      pdf.restore();
      pdf.endMarkedContent();
    }
  }
  pdf.end();
  return { bytes: await output, pages: sheet.pages.length, uncovered: sheet.uncovered };
}
