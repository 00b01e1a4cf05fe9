import { breakUnits, fitUnits, joinUnits, type LineBreakMode } from './break-units.js';
import { loadFace, type FaceStyle, type FontFace } from './font-library.js';
import { splitFontRuns } from './font-runs.js';
import { measureText } from './measure-text.js';

/** A stretch of paragraph text in one style. */
export interface StyledSegment {
  text: string;
  style: FaceStyle;
  /** Link target; the pieces drawn from this segment get a link annotation. */
  href?: string;
  /** Size relative to the paragraph's font size (default 1). */
  scale?: number;
  /** Drawn in the secondary text colour (a signatory's country, say). */
  muted?: boolean;
  /** Never broken across lines ("United Kingdom" after a signatory's name). */
  noBreak?: boolean;
}

/** How to lay out one paragraph. */
export interface LayoutOptions {
  /** Line measure in PDF points. */
  width: number;
  /** Font size in PDF points (segments may scale it). */
  fontSize: number;
  /** Font stack: bundled font ids, first choice first. */
  fonts: string[];
  lineBreak: LineBreakMode;
  align: 'left' | 'right' | 'center' | 'justify';
}

/** Text drawn in one face at one position on a line. */
export interface LinePiece {
  /** Offset of the piece from the line's left edge, PDF points. */
  x: number;
  /** Advance of the piece including character spacing, PDF points. */
  width: number;
  text: string;
  face: FontFace;
  /** PDF points. */
  fontSize: number;
  /** Extra space after every glyph (PDF Tc), PDF points; non-zero on justified CJK lines. */
  characterSpacing: number;
  muted: boolean;
  href: string | undefined;
  /** Index of the segment the piece came from: pieces of one link share it. */
  segment: number;
}

/** One laid-out line. */
export interface LayoutLine {
  pieces: LinePiece[];
  /** Extent of the visible text from the line's left edge, PDF points (trailing spaces excluded). */
  width: number;
}

interface Atom {
  start: number;
  end: number;
  face: FontFace;
  segment: number;
  size: number;
}

/** Removed before layout: never drawn, and the CJK fonts have no glyph for most of them. ZWSP stays as a break hint. */
const INVISIBLE = /(?![\n\u200b])[\p{Cc}\p{Default_Ignorable_Code_Point}]/gu;
const UNDRAWN = /[\n\u200b]/g;
/** Largest CJK inter-character spacing before a line is left ragged instead, in em. */
const MAX_CJK_SPACING = 0.5;

/**
 * Lays out a paragraph: line breaks from UAX #14 (tailored per {@link LineBreakMode}), greedy fill
 * measured with the fontkit faces, and justification. Justified lines stretch their spaces by one
 * amount across all font runs, or, in `cjk` mode, spread the slack between characters; the last line
 * and lines ended by a line feed are never justified. Text is NFC-normalised first (compatibility
 * ideographs would otherwise share a glyph and extract as the wrong code point). No line starts with
 * whitespace. Pieces hold real spaces, so text extracted from the PDF keeps its word spaces.
 */
export function layoutParagraph(segments: StyledSegment[], options: LayoutOptions): LayoutLine[] {
  const texts = segments.map((s) =>
    s.text
      .normalize('NFC')
      .replace(/\r\n?|[\u2028\u2029]/g, '\n')
      .replace(/\t/g, ' ')
      .replace(INVISIBLE, ''),
  );
  const text = texts.join('');
  if (text.trim() === '') return [];
  const atoms = buildAtoms(texts, segments, options);
  const measure = (start: number, end: number): number => measureRange(text, atoms, start, end);
  const lines: { start: number; end: number; contentEnd: number; last: boolean }[] = [];
  let line: { start: number; end: number; contentEnd: number; width: number } | undefined;
  const finish = (last: boolean): void => {
    if (line !== undefined) lines.push({ ...line, last });
    line = undefined;
  };
  const units = joinUnits(breakUnits(text, options.lineBreak), noBreakRanges(texts, segments));
  for (const unit of fitUnits(units, text, options.width, measure)) {
    let start = unit.start;
    if (line === undefined) start = skipLeadingWhitespace(text, start, unit.contentEnd);
    const contentWidth = measure(start, unit.contentEnd);
    if (line !== undefined && line.width + contentWidth > options.width + 0.01) {
      finish(false);
      start = skipLeadingWhitespace(text, unit.start, unit.contentEnd);
    }
    if (line === undefined) {
      line = { start, end: start, contentEnd: start, width: 0 };
    }
    if (unit.contentEnd > start) line.contentEnd = unit.contentEnd;
    line.end = unit.end;
    line.width += measure(start, unit.end);
    if (unit.required) finish(true);
  }
  finish(true);
  return lines.map((l) => placeLine(text, atoms, l, segments, options));
}

function noBreakRanges(texts: string[], segments: StyledSegment[]): [number, number][] {
  const ranges: [number, number][] = [];
  let offset = 0;
  texts.forEach((t, i) => {
    if (segments[i]?.noBreak === true) ranges.push([offset, offset + t.length]);
    offset += t.length;
  });
  return ranges;
}

function buildAtoms(texts: string[], segments: StyledSegment[], options: LayoutOptions): Atom[] {
  const atoms: Atom[] = [];
  let offset = 0;
  texts.forEach((segmentText, segment) => {
    const style = segments[segment]?.style ?? 'regular';
    const size = options.fontSize * (segments[segment]?.scale ?? 1);
    for (const run of splitFontRuns(segmentText, options.fonts)) {
      const start = offset + run.start;
      atoms.push({ start, end: start + run.text.length, face: loadFace(run.fontId, style), segment, size });
    }
    offset += segmentText.length;
  });
  return atoms;
}

/** Width in PDF points of text[start, end) as drawn, with line feeds and ZWSP removed. */
function measureRange(text: string, atoms: Atom[], start: number, end: number): number {
  let width = 0;
  for (const atom of atoms) {
    if (atom.end <= start || atom.start >= end) continue;
    const slice = text.slice(Math.max(start, atom.start), Math.min(end, atom.end)).replace(UNDRAWN, '');
    if (slice !== '') width += measureText(atom.face, slice).width * atom.size;
  }
  return width;
}

function skipLeadingWhitespace(text: string, start: number, limit: number): number {
  let i = start;
  while (i < limit && /[\s\u200b]/u.test(text[i] ?? '')) i++;
  return i;
}

function placeLine(
  text: string,
  atoms: Atom[],
  line: { start: number; end: number; contentEnd: number; last: boolean },
  segments: StyledSegment[],
  options: LayoutOptions,
): LayoutLine {
  const justify = options.align === 'justify' && !line.last;
  const bySpaces = justify && options.lineBreak !== 'cjk';
  const raw: Omit<LinePiece, 'x' | 'width' | 'characterSpacing'>[] = [];
  const natural: { width: number; glyphs: number; contentWidth: number; contentGlyphs: number; spaceAfter: boolean }[] =
    [];
  for (const atom of atoms) {
    const from = Math.max(line.start, atom.start);
    const to = Math.min(line.end, atom.end);
    if (from >= to) continue;
    // Justifying by spaces needs a position after every space: cut the atom there.
    const parts = bySpaces ? text.slice(from, to).split(/(?<= )/) : [text.slice(from, to)];
    let partStart = from;
    for (const part of parts) {
      const partEnd = partStart + part.length;
      const drawn = part.replace(UNDRAWN, '');
      if (drawn !== '') {
        const segment = segments[atom.segment];
        raw.push({
          text: drawn,
          face: atom.face,
          fontSize: atom.size,
          muted: segment?.muted === true,
          href: segment?.href,
          segment: atom.segment,
        });
        const full = measureText(atom.face, drawn);
        const contentText = text.slice(partStart, Math.min(partEnd, line.contentEnd)).replace(UNDRAWN, '');
        const content = partStart < line.contentEnd ? measureText(atom.face, contentText) : { width: 0, glyphs: 0 };
        natural.push({
          width: full.width * atom.size,
          glyphs: full.glyphs,
          contentWidth: content.width * atom.size,
          contentGlyphs: content.glyphs,
          spaceAfter: bySpaces && drawn.endsWith(' ') && partEnd < line.contentEnd,
        });
      }
      partStart = partEnd;
    }
  }
  const contentWidth = natural.reduce((sum, n) => sum + n.contentWidth, 0);
  const slack = options.width - contentWidth;
  let perSpace = 0;
  let spacing = 0;
  if (justify && bySpaces) {
    const spaces = natural.filter((n) => n.spaceAfter).length;
    if (spaces > 0) perSpace = slack / spaces;
  } else if (justify) {
    const gaps = natural.reduce((sum, n) => sum + n.contentGlyphs, 0) - 1;
    const candidate = gaps > 0 ? slack / gaps : 0;
    if (candidate <= MAX_CJK_SPACING * options.fontSize) spacing = candidate;
  }
  const justified = perSpace !== 0 || spacing !== 0;
  let x =
    justified || options.align === 'left' || options.align === 'justify'
      ? 0
      : options.align === 'right'
        ? slack
        : slack / 2;
  const pieces: LinePiece[] = raw.map((piece, i) => {
    const n = natural[i] ?? { width: 0, glyphs: 0, spaceAfter: false };
    const width = n.width + spacing * n.glyphs;
    const placed: LinePiece = { ...piece, x, width, characterSpacing: spacing };
    x += width + (n.spaceAfter ? perSpace : 0);
    return placed;
  });
  return { pieces, width: justified ? options.width : contentWidth + (pieces[0]?.x ?? 0) };
}
