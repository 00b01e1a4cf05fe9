import type { LetterDocument } from '../../model/letter-document.js';
import type { FlowItem, PageContent, StructNode } from './flow.js';
import { defaultSignatureFit, layoutBlocks, type SignatureFit } from './layout-blocks.js';
import type { PageStyle } from './page-style.js';
import { paginate, type PageFrame } from './paginate.js';

/** A last page with fewer lines than this reads as an accident and wastes a sheet. */
export const MIN_LAST_PAGE_LINES = 6;
/** Below this many lines on the last page, a tighter signature list is tried in case it saves the sheet. */
const TRY_TIGHTER_BELOW = 10;

/**
 * Tighter settings of the signature list, tried in order: first the leading and the space between
 * entries, then the size, never below 9.5 pt nor under 1.2 leading (the names stay as legible as
 * the cc block, which is set at 8.9 pt).
 */
function tighterFits(style: PageStyle): SignatureFit[] {
  const base = defaultSignatureFit(style);
  return [
    { ...base, lineHeight: Math.min(base.lineHeight, 1.25), gap: 0.1 },
    { size: Math.min(base.size, 10), lineHeight: Math.min(base.lineHeight, 1.25), gap: 0.1 },
    { size: Math.min(base.size, 9.5), lineHeight: Math.min(base.lineHeight, 1.2), gap: 0.05 },
  ];
}

/**
 * Lays out and paginates a letter so that its end holds together: when the last page would carry
 * only a few lines, the signature list is set tighter if that saves the page; failing that, when it
 * carries fewer than {@link MIN_LAST_PAGE_LINES}, lines move from the page before onto it.
 */
export function paginateLetter(doc: LetterDocument, style: PageStyle, root: StructNode): PageContent[] {
  const frame: PageFrame = { top: style.marginTop, height: style.pageHeight - style.marginTop - style.marginBottom };
  const pages = paginate(layoutBlocks(doc, style, root), frame);
  const lastLines = lineCount(pages.at(-1));
  if (pages.length < 2 || lastLines >= TRY_TIGHTER_BELOW) return pages;
  if (doc.blocks.some((b) => b.kind === 'signatures')) {
    for (const fit of tighterFits(style)) {
      const tighter = paginate(layoutBlocks(doc, style, root, fit), frame);
      if (tighter.length < pages.length && (tighter.length < 2 || lineCount(tighter.at(-1)) >= MIN_LAST_PAGE_LINES)) {
        return tighter;
      }
    }
  }
  if (lastLines >= MIN_LAST_PAGE_LINES) return pages;
  return fillLastPage(layoutBlocks(doc, style, root), frame, pages, style.fontSize * style.lineHeight);
}

/**
 * Shortens the second-last page one body line (`step`) at a time, at most by half, until the last
 * page carries enough lines, keeping the page count; returns `pages` unchanged when nothing works.
 */
function fillLastPage(items: FlowItem[], frame: PageFrame, pages: PageContent[], step: number): PageContent[] {
  const before = pages.length - 2;
  for (let cut = step; cut <= frame.height / 2; cut += step) {
    const shortened = new Map([[before, frame.height - cut]]);
    const attempt = paginate(items, { ...frame, shortened });
    if (attempt.length !== pages.length) break;
    if (lineCount(attempt.at(-1)) >= MIN_LAST_PAGE_LINES) return attempt;
  }
  return pages;
}

/** Lines of a page, counting a row of two signature columns once (one baseline). */
export function lineCount(page: PageContent | undefined): number {
  return new Set((page ?? []).map((line) => Math.round(line.y * 100))).size;
}
