import { breakUnits, fitUnits, joinUnits, splitAtHyphens, type BreakUnit, type LineBreakMode } from './break-units.js';
import { loadFace, type FaceStyle, type FontFace } from '../../fonts/font-library.js';
import { splitFontRuns } from './font-runs.js';
import { hyphenationPoints, type Hyphenator } from './hyphenation.js';
import { breakParagraph, type BreakOptions, type BreakPiece } from './knuth-plass.js';
import { measureText, UNSHAPED_JOIN } from './measure-text.js';
import { embeddingLevels, lineLevels, shapingDirection, visualOrder, type Direction } from './bidi.js';
import {
  HALF_WIDTH_FEATURES,
  isPunctuationRun,
  PUNCTUATION_EDGE,
  PUNCTUATION_RUN,
  westernEdges,
} from './cjk-spacing.js';
import type { DotPosition } from './emphasis-dots.js';
import { fontsForLanguage } from '../../fonts/fonts-by-language.js';

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
  /** Emphasis dots beside each kanji and kana (Japanese 圏点 above, Chinese 着重号 below). */
  dots?: DotPosition;
  /** Language of the text (BCP 47), when not the letter's: its Han characters take that language's face. */
  lang?: string;
  /** A name (a signatory, an organisation): its words of one script are drawn in one face. */
  name?: boolean;
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
  /** Hyphenation patterns for justified text; none for names, addresses and other text never hyphenated. */
  hyphenate?: Hyphenator | undefined;
  /** Indent of the first line, PDF points (Japanese and Chinese paragraphs). */
  firstLineIndent?: number;
  /** OpenType features to measure and draw with (`chws`: CJK adjacent punctuation set half-width). */
  features?: string[] | undefined;
  /**
   * Space between kanji or kana and a Western letter or digit, in em (JLREQ's quarter em); 0 or
   * undefined for none. Part of the measure, dropped where the line breaks.
   */
  cjkLatinSpace?: number | undefined;
  /**
   * The paragraph's base direction (default ltr). In an rtl paragraph `left` and `right` swap and a
   * justified paragraph's last line sits on the right; either way, text in the other direction is
   * reordered per line by the bidi algorithm.
   */
  direction?: Direction | undefined;
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
  /** Drawn but not part of the text (the hyphen added at a hyphenation break): a PDF artifact. */
  artifact: boolean;
  /** OpenType features it was measured with, and must be drawn with. */
  features: string[] | undefined;
  /** Emphasis dots to draw beside its kanji and kana (an artifact, not text). */
  dots: DotPosition | undefined;
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

/**
 * Bidi marks, embeddings and isolates (LRM, RLM, ALM, LRE…PDF, LRI…PDI): the author's way to keep a
 * phone number left to right in Arabic ("+1-212-972-3154", which UAX #9 alone would set as
 * "3154-972-212-1+"). They steer the embedding levels and are never drawn or measured.
 */
const BIDI_CONTROLS = '\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069';
/**
 * Removed before layout: never drawn, and the CJK fonts have no glyph for most of them. ZWSP stays
 * as a break hint, ZWNJ and ZWJ for shaping (Persian می‌خواهیم: the ZWNJ keeps می from joining), and
 * the bidi controls for the bidi algorithm ({@link BIDI_CONTROLS}).
 */
const INVISIBLE = new RegExp(
  `(?![\n\u200b\u200c\u200d${BIDI_CONTROLS}])[\\p{Cc}\\p{Default_Ignorable_Code_Point}]`,
  'gu',
);
const UNDRAWN = new RegExp(`[\n\u200b${BIDI_CONTROLS}]`, 'g');
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
  const edges = spaceEdges(text, options);
  // Width of text[start, end) as set: the CJK/Latin spaces inside it count, those at its ends do not.
  // Breaking asks for most ranges two or three times (fitting, total fit, the line's width).
  const widths = new Map<number, number>();
  const measure = (start: number, end: number): number => {
    const key = start * (text.length + 1) + end;
    let width = widths.get(key);
    if (width === undefined) {
      width = measureRange(text, atoms, start, end, options.features) + edges.within(start, end);
      widths.set(key, width);
    }
    return width;
  };
  const noBreak = noBreakRanges(texts, segments);
  let units = joinUnits(breakUnits(text, options.lineBreak), noBreak);
  if (options.hyphenate !== undefined && options.align === 'justify') {
    const points = hyphenationPoints(text, options.hyphenate).filter((p) => !noBreak.some(([a, b]) => p > a && p < b));
    units = splitAtHyphens(units, points);
  }
  const fitted = [...fitUnits(units, text, options.width, measure)];
  const lines =
    options.align === 'justify'
      ? totalFit(text, atoms, fitted, options, measure, edges)
      : firstFit(text, fitted, options, measure, edges);
  const indent = options.firstLineIndent ?? 0;
  const levels = embeddingLevels(text, options.direction ?? 'ltr');
  const gaps = new Set(fitted.filter((u) => u.wordGap === true && u.end === u.contentEnd).map((u) => u.end));
  const set = { text, atoms, segments, levels, gaps, edges, measure };
  return lines.map((l, i) => {
    if (i > 0 || indent === 0) return placeLine(set, l, options);
    const placed = placeLine(set, l, { ...options, width: options.width - indent });
    // The indent is at the start of the line: on the right in a right-to-left paragraph.
    const shift = options.direction === 'rtl' ? 0 : indent;
    for (const piece of placed.pieces) piece.x += shift;
    return { pieces: placed.pieces, width: placed.width + indent };
  });
}

/** Where kanji or kana meet Western text, and the space set there (PDF points). */
interface SpaceEdges {
  width: number;
  has(offset: number): boolean;
  /** Total space at the edges strictly inside [start, end). */
  within(start: number, end: number): number;
}

function spaceEdges(text: string, options: LayoutOptions): SpaceEdges {
  const width = (options.cjkLatinSpace ?? 0) * options.fontSize;
  const at = width > 0 && options.lineBreak === 'cjk' ? westernEdges(text) : new Set<number>();
  const sorted = [...at];
  return {
    width,
    has: (offset) => at.has(offset),
    within: (start, end) => (sorted.length === 0 ? 0 : sorted.filter((e) => e > start && e < end).length * width),
  };
}

interface LineSpan {
  start: number;
  end: number;
  contentEnd: number;
  last: boolean;
  /** The line ends at a hyphenation point and draws a hyphen. */
  hyphen: boolean;
}

/** Greedy fill, for text that is not justified (its ragged edge shows no loose lines). */
function firstFit(
  text: string,
  units: BreakUnit[],
  options: LayoutOptions,
  measure: (start: number, end: number) => number,
  edges: SpaceEdges,
): LineSpan[] {
  const lines: LineSpan[] = [];
  let line: { start: number; end: number; contentEnd: number; width: number } | undefined;
  const finish = (last: boolean): void => {
    if (line !== undefined) lines.push({ ...line, last, hyphen: false });
    line = undefined;
  };
  for (const unit of units) {
    let start = unit.start;
    if (line === undefined) start = skipLeadingWhitespace(text, start, unit.contentEnd);
    const contentWidth = measure(start, unit.contentEnd);
    // The CJK/Latin space before this unit, if the line goes on into it.
    let joint = line !== undefined && edges.has(start) ? edges.width : 0;
    if (line !== undefined && line.width + joint + contentWidth > options.width + 0.01) {
      finish(false);
      start = skipLeadingWhitespace(text, unit.start, unit.contentEnd);
      joint = 0;
    }
    if (line === undefined) {
      line = { start, end: start, contentEnd: start, width: lines.length === 0 ? (options.firstLineIndent ?? 0) : 0 };
    }
    if (unit.contentEnd > start) line.contentEnd = unit.contentEnd;
    line.end = unit.end;
    line.width += joint + measure(start, unit.end);
    if (unit.required) finish(true);
  }
  finish(true);
  return lines;
}

/** Glue of a word space, as a fraction of its width (TeX-like: a space may grow by half and lose a fifth). */
const SPACE_STRETCH = 0.5;
const SPACE_SHRINK = 0.2;
/** Inter-character glue of CJK text, in em per gap (JLREQ allows letter-spacing a justified line). */
const CJK_STRETCH = 0.1;
/**
 * Glue between two words of Thai, Lao, Khmer or Burmese, in em: no width, stretching about as much as
 * a word space, so a justified line widens its word boundaries and spaces alike and never spaces the
 * letters (their vowel and tone marks stack on the consonants).
 */
const WORD_GAP_STRETCH = 0.12;
/**
 * Letter-spacing of a Korean line, em per glyph: what line breaking counts on (so it still prefers
 * lines set by their word spaces), and the most a line may take as a last resort when keep-all
 * leaves no better break (a long compound such as 조선민주주의인민공화국에 after a short line).
 */
const KOREAN_TRACKING = 0.05;
const KOREAN_MAX_TRACKING = 0.08;
const KOREAN_TIGHTENING = 0.02;
/** Cost of ending a line at a hyphenation point, or after an explicit hyphen (TeX's \hyphenpenalty 50). */
const HYPHEN_PENALTY = 50;

const BREAKING: Omit<BreakOptions, 'lineWidth' | 'emergencyStretch' | 'shortLastLine'> = {
  tolerance: 1.5,
  linePenalty: 10,
  consecutiveHyphenDemerits: 10_000,
  finalHyphenDemerits: 5_000,
  fitnessDemerits: 10_000,
  shortLastLineDemerits: 5_000,
};

const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\u30a0-\u30ff\uff00-\uffef]/u;

/**
 * Total-fit breaking of a justified paragraph: every unit becomes a piece whose trailing space is
 * glue, hyphenation points cost a penalty and add the hyphen's width, CJK text stretches between
 * characters, shrinks by setting its punctuation half-width and has its CJK/Latin space as glue, and
 * Korean may track a little; see {@link breakParagraph}.
 */
function totalFit(
  text: string,
  atoms: Atom[],
  units: BreakUnit[],
  options: LayoutOptions,
  measure: (start: number, end: number) => number,
  edges: SpaceEdges,
): LineSpan[] {
  const em = options.fontSize;
  const contextual = options.features !== undefined && options.features.length > 0;
  const pieces = units.map((unit, i): BreakPiece => {
    const alone = measure(unit.start, unit.contentEnd);
    // With contextual features (chws) a unit's width depends on the character after it: measure it
    // in context, and give back the difference when a line ends after it.
    const next = units[i + 1];
    const after =
      next === undefined || unit.end > unit.contentEnd
        ? 0
        : String.fromCodePoint(text.codePointAt(next.start) ?? 32).length;
    // A CJK/Latin space after the unit is glue: it goes where the line breaks.
    const edge = next !== undefined && unit.end === unit.contentEnd && edges.has(unit.end) ? edges.width : 0;
    const width =
      contextual && after > 0
        ? measure(unit.start, next!.start + after) - measure(next!.start, next!.start + after) - edge
        : alone;
    const space = measure(unit.contentEnd, unit.end);
    // Punctuation set half-width (halt) where a line must shrink; a mark chws already narrowed
    // against the next unit gives only the rest, all of it when the line ends after it.
    const halt = options.lineBreak === 'cjk' && contextual ? halfWidthGain(text, atoms, unit, options.features) : 0;
    const haltInLine = Math.max(0, halt - (alone - width));
    const cjk = options.lineBreak === 'cjk' ? countCjk(text, unit.start, unit.contentEnd) : 0;
    const nextIsCjk = options.lineBreak === 'cjk' && CJK_CHAR.test(text[units[i + 1]?.start ?? text.length] ?? '');
    const glyphs = options.lineBreak === 'keep-all' ? [...text.slice(unit.start, unit.contentEnd)].length : 0;
    const lastChar = unit.contentEnd > unit.start ? text.charCodeAt(unit.contentEnd - 1) : 0;
    const explicitHyphen = lastChar === 0x2d || lastChar === 0x2010;
    return {
      width,
      stretch:
        Math.max(0, cjk - 1) * CJK_STRETCH * em +
        (options.lineBreak === 'keep-all' ? glyphs * KOREAN_TRACKING * em : 0),
      shrink: (options.lineBreak === 'keep-all' ? glyphs * KOREAN_TIGHTENING * em : 0) + haltInLine,
      glue: {
        width: space + edge,
        stretch:
          space * SPACE_STRETCH +
          (space === 0 && cjk > 0 && (nextIsCjk || edge > 0) ? CJK_STRETCH * em : 0) +
          (space === 0 && unit.wordGap === true ? WORD_GAP_STRETCH * em : 0),
        shrink: space * SPACE_SHRINK,
      },
      breakWidth: (unit.hyphen === true ? hyphenWidth(atoms, unit.contentEnd) : 0) + alone - width,
      breakShrink: halt - haltInLine,
      penalty: unit.hyphen === true || explicitHyphen ? HYPHEN_PENALTY : 0,
      flagged: unit.hyphen === true || explicitHyphen,
      forced: unit.required,
    };
  });
  const opening = pieces[0];
  if (opening !== undefined) opening.width += options.firstLineIndent ?? 0;
  const breaks = breakParagraph(pieces, {
    ...BREAKING,
    lineWidth: options.width,
    emergencyStretch: 3 * em,
    shortLastLine: options.width * 0.12,
  });
  let first = 0;
  return breaks.map((b) => {
    const from = units[first] as BreakUnit;
    const to = units[b] as BreakUnit;
    first = b + 1;
    const last = to.required || b === units.length - 1;
    return {
      start: skipLeadingWhitespace(text, from.start, to.contentEnd),
      end: to.end,
      contentEnd: to.contentEnd,
      last,
      hyphen: to.hyphen === true && !last,
    };
  });
}

/** Kanji, kana and CJK punctuation in text[start, end). */
function countCjk(text: string, start: number, end: number): number {
  let count = 0;
  for (const char of text.slice(start, end)) if (CJK_CHAR.test(char)) count++;
  return count;
}

/** How much narrower the unit's punctuation runs are set half-width (halt) than as measured, PDF points. */
function halfWidthGain(text: string, atoms: Atom[], unit: BreakUnit, features: string[] | undefined): number {
  let gain = 0;
  for (const m of text.slice(unit.start, unit.contentEnd).matchAll(PUNCTUATION_RUN)) {
    const start = unit.start + m.index;
    const end = start + m[0].length;
    gain +=
      measureRange(text, atoms, start, end, features) - measureRange(text, atoms, start, end, HALF_WIDTH_FEATURES);
  }
  return Math.max(0, gain);
}

/** The atom a hyphen drawn at `offset` (just after the fragment before it) takes its face and size from. */
function atomBefore(atoms: Atom[], offset: number): Atom | undefined {
  return atoms.find((a) => a.start < offset && a.end >= offset);
}

function hyphenWidth(atoms: Atom[], offset: number): number {
  const atom = atomBefore(atoms, offset);
  return atom === undefined ? 0 : measureText(atom.face, HYPHEN).width * atom.size;
}

const HYPHEN = '-';

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
    const lang = segments[segment]?.lang;
    for (const run of splitFontRuns(
      segmentText,
      lang === undefined ? options.fonts : fontsForLanguage(options.fonts, lang),
      { name: segments[segment]?.name === true },
    )) {
      const start = offset + run.start;
      atoms.push({ start, end: start + run.text.length, face: loadFace(run.fontId, style), segment, size });
    }
    offset += segmentText.length;
  });
  return atoms;
}

/** Width in PDF points of text[start, end) as drawn, with line feeds and ZWSP removed. */
function measureRange(text: string, atoms: Atom[], start: number, end: number, features?: string[]): number {
  let width = 0;
  for (const atom of atoms) {
    if (atom.end <= start || atom.start >= end) continue;
    const slice = text.slice(Math.max(start, atom.start), Math.min(end, atom.end)).replace(UNDRAWN, '');
    if (slice !== '') width += measureText(atom.face, slice, features).width * atom.size;
  }
  return width;
}

function skipLeadingWhitespace(text: string, start: number, limit: number): number {
  let i = start;
  while (i < limit && /[\s\u200b]/u.test(text[i] ?? '')) i++;
  return i;
}

/**
 * A Korean line takes letter-spacing once its word spaces have grown (or shrunk) past this much of
 * their width: Hangul lines have few spaces, and past 1.3× they read as holes sooner than a little
 * tracking does.
 */
const KOREAN_SPACE_LIMIT = 0.3;

interface PieceMetrics {
  width: number;
  glyphs: number;
  contentWidth: number;
  contentGlyphs: number;
  /** Justification glue follows the piece: a word space, or (CJK) the gap after a Latin run. */
  spaceAfter: boolean;
  /** Natural width of the word space that ends the piece. */
  spaceWidth: number;
  /** Justification glue follows the piece: it ends between two Thai (Lao, Khmer, Burmese) words. */
  wordGap: boolean;
  /** The piece is CJK text, letter-spaced on a justified line. */
  cjk: boolean;
}

/**
 * Places a line's pieces. Justified Latin and Korean lines widen their word spaces by one amount
 * (Korean, past {@link KOREAN_SPACE_LIMIT}, letter-spaces a little too); justified CJK lines spread
 * the slack between CJK characters and around Latin runs, never inside a Latin word or a number.
 * Thai (Lao, Khmer, Burmese) lines widen their spaces and the word boundaries in `gaps`.
 */
function placeLine(set: ParagraphSet, line: LineSpan, options: LayoutOptions): LayoutLine {
  const { text, atoms, segments, levels, gaps, edges, measure } = set;
  // Line breaking may set a paragraph's last line shrunk too (rather than add a line): it is then
  // justified like the others, or it would stand out of the measure.
  const overfull = options.align === 'justify' && measure(line.start, line.contentEnd) > options.width + 0.01;
  const justify = options.align === 'justify' && (!line.last || overfull);
  const cjkMode = options.lineBreak === 'cjk';
  // A CJK line longer than its measure sets punctuation half-width: its runs are cut out.
  const shrinking = overfull && cjkMode && options.features !== undefined;
  const base = options.direction ?? 'ltr';
  const lineLevel = levels && lineLevels(text, levels, line.start, line.end, base);
  /** The pieces in logical order; x, width and character spacing are set once the line is justified. */
  const raw: LinePiece[] = [];
  const natural: PieceMetrics[] = [];
  /** Bidi level of each piece, in logical order (all 0 without right-to-left text). */
  const pieceLevels: number[] = [];
  /** Offset in the text where each piece starts. */
  const starts: number[] = [];
  for (const atom of atoms) {
    const from = Math.max(line.start, atom.start);
    const to = Math.min(line.end, atom.end);
    if (from >= to) continue;
    // Justification needs a position after every space, or at every CJK/Latin boundary (where the
    // CJK/Latin space goes too): cut the atom there.
    const slice = text.slice(from, to);
    let parts =
      cjkMode && (justify || edges.width > 0)
        ? slice.split(CJK_BOUNDARY)
        : !justify
          ? [slice]
          : splitAtGaps(splitAfterSpaces(slice), from, gaps);
    if (shrinking) parts = parts.flatMap((part) => part.split(PUNCTUATION_EDGE));
    if (options.features !== undefined) parts = parts.flatMap((part) => part.split(UNSHAPED_JOIN));
    const bidi = lineLevel && bidiParts(parts, from, line.start, lineLevel);
    const count = bidi?.length ?? parts.length;
    let partStart = from;
    for (let k = 0; k < count; k++) {
      const part = bidi === undefined ? (parts[k] as string) : (bidi[k] as [string, number])[0];
      const level = bidi === undefined ? 0 : (bidi[k] as [string, number])[1];
      const partEnd = partStart + part.length;
      const drawn = part.replace(UNDRAWN, '');
      if (drawn !== '') {
        const segment = segments[atom.segment];
        // Right-to-left pieces are drawn with the font's mirrored brackets (rtlm), shaped whole.
        const features = level % 2 === 1 ? [...(options.features ?? []), 'rtlm'] : options.features;
        pieceLevels.push(level);
        starts.push(partStart);
        raw.push({
          x: 0,
          width: 0,
          characterSpacing: 0,
          text: drawn,
          face: atom.face,
          fontSize: atom.size,
          muted: segment?.muted === true,
          href: segment?.href,
          segment: atom.segment,
          artifact: false,
          features,
          dots: segment?.dots,
        });
        const full = measureText(atom.face, drawn, features);
        // Only the part the line's content ends in is measured again without its trailing space.
        const content =
          partEnd <= line.contentEnd
            ? full
            : partStart < line.contentEnd
              ? measureText(atom.face, text.slice(partStart, line.contentEnd).replace(UNDRAWN, ''), features)
              : NOTHING;
        const cjk = cjkMode && CJK_CHAR.test(drawn);
        natural.push({
          width: full.width * atom.size,
          glyphs: full.glyphs,
          contentWidth: content.width * atom.size,
          contentGlyphs: content.glyphs,
          spaceAfter: partEnd < line.contentEnd && (cjkMode ? !cjk : drawn.endsWith(' ')),
          spaceWidth: drawn.endsWith(' ') ? measureText(atom.face, ' ').width * atom.size : 0,
          wordGap: justify && partEnd < line.contentEnd && gaps.has(partEnd),
          cjk,
        });
      }
      partStart = partEnd;
    }
  }
  const hyphenAtom = line.hyphen ? atomBefore(atoms, line.contentEnd) : undefined;
  if (hyphenAtom !== undefined) {
    const segment = segments[hyphenAtom.segment];
    pieceLevels.push(pieceLevels.at(-1) ?? 0);
    starts.push(line.contentEnd);
    raw.push({
      x: 0,
      width: 0,
      characterSpacing: 0,
      text: HYPHEN,
      face: hyphenAtom.face,
      fontSize: hyphenAtom.size,
      muted: segment?.muted === true,
      href: segment?.href,
      segment: hyphenAtom.segment,
      artifact: true,
      features: undefined,
      dots: undefined,
    });
    const width = measureText(hyphenAtom.face, HYPHEN).width * hyphenAtom.size;
    natural.push({
      width,
      glyphs: 1,
      contentWidth: width,
      contentGlyphs: 1,
      spaceAfter: false,
      spaceWidth: 0,
      wordGap: false,
      cjk: false,
    });
  }
  // The CJK/Latin space before each piece that starts at an edge inside the line (never at its ends).
  const spaceBefore = starts.map((at) => (at > line.start && at < line.contentEnd && edges.has(at) ? edges.width : 0));
  let contentWidth = natural.reduce((sum, n) => sum + n.contentWidth, 0) + spaceBefore.reduce((a, b) => a + b, 0);
  if (shrinking && contentWidth > options.width)
    contentWidth -= setHalfWidth(raw, natural, starts, line, contentWidth - options.width);
  const slack = options.width - contentWidth;
  const { perSpace, perGap, spacing } = justify ? justification(natural, slack, options) : UNJUSTIFIED;
  const justified = perSpace !== 0 || perGap !== 0 || spacing !== 0;
  const rtl = base === 'rtl';
  // In a right-to-left paragraph the line starts on the right: left and right alignment swap.
  const align =
    rtl && options.align !== 'center' && options.align !== 'justify' ? MIRRORED[options.align] : options.align;
  const atStart = rtl ? 'right' : 'left';
  const offset =
    justified || align === 'left' || (align === 'justify' && atStart === 'left')
      ? 0
      : align === 'right' || align === 'justify'
        ? slack
        : slack / 2;
  // What follows the content logically (trailing spaces) lies left of it on a right-to-left line.
  const trailing = rtl ? natural.reduce((sum, n) => sum + n.width - n.contentWidth, 0) : 0;
  let x = offset - trailing;
  const pieces: LinePiece[] = [];
  for (const i of lineLevel ? visualOrder(pieceLevels) : raw.keys()) {
    const n = natural[i] as PieceMetrics;
    const glue = n.spaceAfter ? perSpace : n.wordGap ? perGap : 0;
    // A right-to-left piece's logical end, where its word space is, is its left side.
    const odd = (pieceLevels[i] ?? 0) % 2 === 1;
    if (odd) x += glue;
    x += spaceBefore[i] ?? 0;
    const characterSpacing = cjkMode && !n.cjk ? 0 : spacing;
    const width = n.width + characterSpacing * n.glyphs;
    const piece = raw[i] as LinePiece;
    piece.x = x;
    piece.width = width;
    piece.characterSpacing = characterSpacing;
    pieces.push(piece);
    x += width + (odd ? 0 : glue);
  }
  return { pieces, width: justified ? options.width : contentWidth + offset };
}

const MIRRORED = { left: 'right', right: 'left' } as const;

/** A paragraph being set: its text, atoms and what every line of it shares. */
interface ParagraphSet {
  text: string;
  atoms: Atom[];
  segments: StyledSegment[];
  levels: Uint8Array | undefined;
  gaps: ReadonlySet<number>;
  edges: SpaceEdges;
  measure: (start: number, end: number) => number;
}

/**
 * Sets punctuation runs of a line half-width (halt) until it is `excess` narrower, JLREQ's order:
 * the closing mark at the line end, the opening bracket at its start, then the others from the end.
 * Returns how much narrower the line became.
 */
function setHalfWidth(
  raw: { text: string; face: FontFace; fontSize: number; features: string[] | undefined }[],
  natural: PieceMetrics[],
  starts: number[],
  line: LineSpan,
  excess: number,
): number {
  const runs = [...raw.keys()].filter((i) => starts[i]! < line.contentEnd && isPunctuationRun(raw[i]!.text));
  const last = runs.at(-1);
  const atEnd = last !== undefined && starts[last]! + raw[last]!.text.length >= line.contentEnd ? [last] : [];
  const atStart = runs[0] !== undefined && starts[runs[0]] === line.start ? [runs[0]] : [];
  const order = [...new Set([...atEnd, ...atStart, ...runs.reverse()])];
  let gained = 0;
  for (const i of order) {
    if (gained >= excess) break;
    const piece = raw[i]!;
    const n = natural[i]!;
    const half = measureText(piece.face, piece.text, HALF_WIDTH_FEATURES).width * piece.fontSize;
    if (half >= n.width - 0.001) continue;
    gained += n.width - half;
    piece.features = HALF_WIDTH_FEATURES;
    n.width = half;
    n.contentWidth = half;
  }
  return gained;
}

const NOTHING = { width: 0, glyphs: 0 };

/** `text` cut after each space: "a b  c" → "a ", "b ", " ", "c". */
function splitAfterSpaces(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = text.indexOf(' '); i !== -1; i = text.indexOf(' ', i + 1)) {
    parts.push(text.slice(start, i + 1));
    start = i + 1;
  }
  if (start < text.length) parts.push(text.slice(start));
  return parts;
}

/** Cuts parts (consecutive, from `from`) at the word boundaries in `gaps`, where justification adds glue. */
function splitAtGaps(parts: string[], from: number, gaps: ReadonlySet<number>): string[] {
  if (gaps.size === 0) return parts;
  const out: string[] = [];
  let offset = from;
  for (const part of parts) {
    let start = 0;
    for (let i = 1; i < part.length; i++) {
      if (!gaps.has(offset + i)) continue;
      out.push(part.slice(start, i));
      start = i;
    }
    out.push(part.slice(start));
    offset += part.length;
  }
  return out;
}

/**
 * Splits parts (consecutive, from `from`) where the bidi level changes, and a run fontkit would shape
 * in the wrong direction into single characters: neutrals alone at a right-to-left level (", ", "-")
 * and Arabic-Indic digits at a left-to-right one, which fontkit would otherwise reverse.
 */
function bidiParts(parts: string[], from: number, lineStart: number, levels: number[]): [string, number][] {
  const out: [string, number][] = [];
  let offset = from;
  for (const part of parts) {
    let runStart = 0;
    for (let i = 1; i <= part.length; i++) {
      const level = levels[offset + runStart - lineStart] ?? 0;
      if (i < part.length && levels[offset + i - lineStart] === level) continue;
      const run = part.slice(runStart, i);
      const wanted = level % 2 === 1 ? 'rtl' : 'ltr';
      if (shapingDirection(run) === wanted || run.length === 1) out.push([run, level]);
      else for (const char of run) out.push([char, level]);
      runStart = i;
    }
    offset += part.length;
  }
  return out;
}

/** Splits a CJK line between CJK and other characters (both lookarounds, so nothing is lost). */
const CJK_BOUNDARY =
  /(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\u30a0-\u30ff\uff00-\uffef])(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\u30a0-\u30ff\uff00-\uffef])|(?<![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\u30a0-\u30ff\uff00-\uffef])(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\u30a0-\u30ff\uff00-\uffef])/u;

interface Justification {
  /** Extra width after each word space. */
  perSpace: number;
  /** Extra width at each boundary between two Thai (Lao, Khmer, Burmese) words. */
  perGap: number;
  /** Character spacing (PDF Tc). */
  spacing: number;
}

const UNJUSTIFIED: Justification = { perSpace: 0, perGap: 0, spacing: 0 };

/**
 * How a justified line takes up `slack`: extra width per word space and character spacing (PDF Tc).
 * CJK lines letter-space their CJK pieces and give each Latin run one gap after it, or are left
 * ragged past {@link MAX_CJK_SPACING}. Thai word boundaries widen like spaces but never narrow: a
 * line set tight shrinks its spaces only.
 */
function justification(natural: PieceMetrics[], slack: number, options: LayoutOptions): Justification {
  if (options.lineBreak === 'cjk') {
    const slots = natural.reduce((sum, n) => sum + (n.cjk ? n.contentGlyphs : n.spaceAfter ? 1 : 0), 0) - 1;
    const spacing = slots > 0 ? slack / slots : 0;
    return spacing <= MAX_CJK_SPACING * options.fontSize ? { perSpace: spacing, perGap: 0, spacing } : UNJUSTIFIED;
  }
  const spaces = natural.filter((n) => n.spaceAfter);
  const gaps = slack > 0 && options.lineBreak !== 'keep-all' ? natural.filter((n) => n.wordGap).length : 0;
  if (spaces.length + gaps === 0) return UNJUSTIFIED;
  const perSpace = slack / (spaces.length + gaps);
  if (options.lineBreak !== 'keep-all') return { perSpace, perGap: gaps > 0 ? perSpace : 0, spacing: 0 };
  const space = spaces.reduce((sum, n) => sum + n.spaceWidth, 0) / spaces.length;
  const glyphGaps = natural.reduce((sum, n) => sum + n.contentGlyphs, 0) - 1;
  const limit = perSpace > 0 ? KOREAN_SPACE_LIMIT * space : -SPACE_SHRINK * space;
  if (Math.abs(perSpace) <= Math.abs(limit) || glyphGaps <= 0) return { perSpace, perGap: 0, spacing: 0 };
  const wanted = (slack - limit * spaces.length) / glyphGaps;
  const spacing =
    perSpace > 0
      ? Math.min(KOREAN_MAX_TRACKING * options.fontSize, wanted)
      : Math.max(-KOREAN_TIGHTENING * options.fontSize, wanted);
  return { perSpace: (slack - spacing * glyphGaps) / spaces.length, perGap: 0, spacing };
}
