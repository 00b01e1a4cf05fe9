import { assertNever, type Block, type LetterDocument, type SignatureEntry } from '../../model/letter-document.js';
import { structNode, type FlowBox, type FlowItem, type PlacedLine, type StructNode } from './flow.js';
import { hyphenatorFor, type Hyphenator } from './hyphenation.js';
import { CJK_LATIN_SPACE } from './cjk-spacing.js';
import { inlineSegments } from './inline-segments.js';
import { layoutParagraph, type LayoutLine, type LayoutOptions, type StyledSegment } from './line-layout.js';
import { lineBox, type PageStyle } from './page-style.js';
import { languageInfo } from '../language-info.js';
import { printedSignature } from '../../model/printed-signature.js';

const CJK_FEATURES = ['chws'];

/** Signature lists longer than this are set in two columns. */
const TWO_COLUMN_THRESHOLD = 6;
/** Gap between the two signature columns, PDF points. */
const COLUMN_GAP = 18;
/** Scale of a signatory's country and of cc entries against the body size. */
const SECONDARY_SCALE = 0.85;

/** How the signature list is set; copy-fitting the end of a letter tightens it within bounds. */
export interface SignatureFit {
  /** Font size of the names, PDF points. */
  size: number;
  /** Line pitch as a multiple of `size`. */
  lineHeight: number;
  /** Space between entries, as a fraction of the body pitch. */
  gap: number;
}

/** The signature list as the body: body size and leading, a fifth of a line between entries. */
export function defaultSignatureFit(style: PageStyle): SignatureFit {
  return { size: style.fontSize, lineHeight: style.lineHeight, gap: 0.2 };
}

/** What block layout reads of a document: a letter, or a delivery sheet's body. */
export type BlockSetting = Pick<
  LetterDocument,
  'blocks' | 'fonts' | 'lineBreak' | 'lang' | 'typography' | 'countryAffix' | 'countryInsideBrackets'
>;

interface Context {
  doc: BlockSetting;
  fit: SignatureFit;
  style: PageStyle;
  root: StructNode;
  /** Body line pitch, PDF points. */
  pitch: number;
  /** Patterns for the body text: only languages that break lines at spaces are hyphenated. */
  hyphenate: Hyphenator | undefined;
  /** A right-to-left letter is laid out mirrored: lines start on the right, numbers and bullets hang there. */
  rtl: boolean;
}

/**
 * Lays out every block of `doc` into flow items, tagging each line with its structure element under
 * `root`. Spacing between blocks is in fractions of the body line pitch.
 */
export function layoutBlocks(
  doc: BlockSetting,
  style: PageStyle,
  root: StructNode,
  fit: SignatureFit = defaultSignatureFit(style),
): FlowItem[] {
  const ctx: Context = {
    doc,
    fit,
    style,
    root,
    pitch: lineBox(style, style.fontSize).height,
    hyphenate: doc.lineBreak === 'normal' ? hyphenatorFor(doc.lang) : undefined,
    rtl: languageInfo(doc.lang).dir === 'rtl',
  };
  const items: FlowItem[] = [];
  let previous: Block['kind'] | undefined;
  for (const block of doc.blocks) {
    const blockItems = layoutBlock(ctx, block);
    const first = blockItems[0];
    if (first !== undefined) {
      first.spaceBefore = previous === undefined ? 0 : spaceBefore(block.kind, previous) * ctx.pitch;
      previous = block.kind;
    }
    items.push(...blockItems);
  }
  return items;
}

function spaceBefore(kind: Block['kind'], previous: Block['kind']): number {
  switch (kind) {
    case 'paragraph':
    case 'bullets':
      return previous === 'heading' ? 0.3 : 0.6;
    case 'heading':
      return 1;
    case 'date':
    case 'recipient':
    case 'salutation':
    case 'sign-off':
    case 'cc':
      return 1.2;
    case 'signatures':
      return 0.8;
    default:
      return assertNever(kind);
  }
}

function layoutBlock(ctx: Context, block: Block): FlowItem[] {
  const { style } = ctx;
  const left = style.marginLeft;
  switch (block.kind) {
    case 'date': {
      // At the end of the line in a left-to-right letter; a right-to-left one sets it on the right, at
      // its start, like its letterhead and recipient (a right-to-left line swaps left and right).
      const lines = setText(ctx, [{ text: block.text, style: 'regular' }], { align: ctx.rtl ? 'left' : 'right' });
      return [box(ctx, lines, left, structNode('P', ctx.root), false)];
    }
    case 'recipient':
      // One P per address line: their text must not run together for a screen reader. Each line
      // names one thing (the recipient, a title, a place): set like a signatory's name.
      return [
        stackedBox(
          ctx,
          block.lines.map((line) => ({
            lines: setText(ctx, [{ text: line, style: 'regular', name: true }], { align: 'left' }),
            tag: structNode('P', ctx.root),
          })),
          left,
          false,
        ),
      ];
    case 'salutation':
      return [
        box(
          ctx,
          setText(ctx, inlineSegments(block.content, false, ctx.doc.typography), { align: 'left' }),
          left,
          structNode('P', ctx.root),
          true,
        ),
      ];
    case 'sign-off':
      return [box(ctx, signOffLines(ctx, block.text), left, structNode('P', ctx.root), true)];
    case 'heading':
      return [heading(ctx, block.number, inlineSegments(block.content, true, ctx.doc.typography))];
    case 'paragraph':
      return lineBoxes(
        ctx,
        setText(ctx, inlineSegments(block.content, false, ctx.doc.typography), {
          align: 'justify',
          hyphenate: ctx.hyphenate,
          firstLineIndent: ctx.doc.typography.paragraphIndent * ctx.style.fontSize,
        }),
        left,
        structNode('P', ctx.root),
      );
    case 'bullets':
      return bullets(
        ctx,
        block.items.map((item) => inlineSegments(item, false, ctx.doc.typography)),
      );
    case 'signatures':
      return signatures(ctx, block.entries);
    case 'cc':
      return cc(ctx, block.label, block.entries);
    default:
      return assertNever(block);
  }
}

function setText(ctx: Context, segments: StyledSegment[], options: Partial<LayoutOptions>): LayoutLine[] {
  const { doc, style } = ctx;
  return layoutParagraph(segments, {
    width: style.measure,
    fontSize: style.fontSize,
    fonts: doc.fonts,
    lineBreak: doc.lineBreak,
    align: 'left',
    // Chinese and Japanese set adjacent punctuation (」）, 。「) half-width, as JLREQ and CLREQ ask.
    features: doc.lineBreak === 'cjk' ? CJK_FEATURES : undefined,
    cjkLatinSpace: CJK_LATIN_SPACE[doc.typography.cjkLatinSpace ?? 'none'],
    direction: ctx.rtl ? 'rtl' : 'ltr',
    ...options,
  });
}

/**
 * A sign-off, line by line: a line's leading ideographic spaces are its indent, which line layout
 * would otherwise drop as space at the start of a line (Chinese 此致 stands two characters in,
 * 敬礼！ at the margin below it).
 */
function signOffLines(ctx: Context, text: string): LayoutLine[] {
  return text.split('\n').flatMap((line) => {
    const indent = /^\u3000*/u.exec(line)![0].length;
    return setText(ctx, [{ text: line.slice(indent), style: 'regular' }], {
      align: ctx.doc.typography.signOffAlign,
      firstLineIndent: indent * ctx.style.fontSize,
    });
  });
}

/** Places `lines` one under another: the first at `x`, later ones at `x + indent`. */
function placeLines(
  ctx: Context,
  lines: LayoutLine[],
  x: number,
  tag: StructNode,
  size: number,
  indent = 0,
  lineHeight = ctx.style.lineHeight,
): PlacedLine[] {
  const { height, baseline } = lineBox(ctx.style, size, lineHeight);
  // Later lines are indented from the start of the line: from the right in a right-to-left letter.
  const [first, later] = ctx.rtl ? [x + indent, x] : [x, x + indent];
  return lines.map((line, i) => ({
    x: i === 0 ? first : later,
    baseline: baseline + i * height,
    pieces: line.pieces,
    tag,
  }));
}

function box(
  ctx: Context,
  lines: LayoutLine[],
  x: number,
  tag: StructNode,
  keepWithNext: boolean,
  size = ctx.style.fontSize,
): FlowBox {
  return stackedBox(ctx, [{ lines, tag }], x, keepWithNext, size);
}

/** An unbreakable box of consecutive parts, each with its own structure element. */
function stackedBox(
  ctx: Context,
  parts: { lines: LayoutLine[]; tag: StructNode }[],
  x: number,
  keepWithNext: boolean,
  size = ctx.style.fontSize,
): FlowBox {
  const { height } = lineBox(ctx.style, size);
  const lines: PlacedLine[] = [];
  for (const part of parts) {
    const top = lines.length * height;
    lines.push(...placeLines(ctx, part.lines, x, part.tag, size).map((l) => ({ ...l, baseline: l.baseline + top })));
  }
  return { kind: 'box', height: lines.length * height, spaceBefore: 0, keepWithNext, lines };
}

/**
 * One box per line, so a paragraph can break across pages, but never leaving its first line alone
 * at the foot of a page or its last line alone at the head of the next.
 */
function lineBoxes(ctx: Context, lines: LayoutLine[], x: number, tag: StructNode, marker?: PlacedLine): FlowBox[] {
  return lines.map((line, i) => {
    const [placed] = placeLines(ctx, [line], x, tag, ctx.style.fontSize);
    const orphan = i === 0 && lines.length > 1;
    const widow = i === lines.length - 2;
    return {
      kind: 'box',
      height: ctx.pitch,
      spaceBefore: 0,
      keepWithNext: orphan || widow,
      lines: i === 0 && marker !== undefined ? [marker, ...(placed ? [placed] : [])] : placed ? [placed] : [],
    };
  });
}

/** A heading, with its number hanging in the margin of its text; kept with what follows. */
function heading(ctx: Context, number: string | undefined, segments: StyledSegment[]): FlowBox {
  const { style } = ctx;
  const tag = structNode('H1', ctx.root);
  if (number === undefined) {
    return box(ctx, setText(ctx, segments, { align: 'left' }), style.marginLeft, tag, true);
  }
  // "1" becomes "1."; a number that already carries its punctuation ("1.", "一、", "(a)") is kept.
  const label = /^\d+$/.test(number) ? `${number}.` : number;
  const [labelLine] = setText(ctx, [{ text: `${label} `, style: 'bold' }], { align: 'left' });
  // The label's own width: a right-to-left line's width counts from the left edge, past its slack.
  const labelWidth = labelLine === undefined ? 0 : labelLine.width - (ctx.rtl ? (labelLine.pieces[0]?.x ?? 0) : 0);
  const indent = Math.max(labelWidth, style.fontSize * 0.8) + style.fontSize * 0.5;
  const body = setText(ctx, segments, { align: 'left', width: style.measure - indent });
  // The number hangs at the start of the line: the body beside it, left of it in a right-to-left letter.
  const placed = placeLines(ctx, body, style.marginLeft + (ctx.rtl ? 0 : indent), tag, style.fontSize);
  const { baseline } = lineBox(style, style.fontSize);
  const labelPlaced: PlacedLine[] = labelLine ? [{ x: style.marginLeft, baseline, pieces: labelLine.pieces, tag }] : [];
  return {
    kind: 'box',
    height: Math.max(1, body.length) * ctx.pitch,
    spaceBefore: 0,
    keepWithNext: true,
    lines: [...labelPlaced, ...placed],
  };
}

function bullets(ctx: Context, items: StyledSegment[][]): FlowBox[] {
  const { style } = ctx;
  const list = structNode('L', ctx.root);
  const indent = style.fontSize * 1.4;
  const { baseline } = lineBox(style, style.fontSize);
  return items.flatMap((segments, index) => {
    const item = structNode('LI', list);
    // The CJK fonts draw U+2022 as a small middle dot; Noto Serif's bullet reads as one in every locale.
    const [markerLine] = setText(ctx, [{ text: '• ', style: 'regular' }], {
      align: 'left',
      fonts: ['noto-serif', ...ctx.doc.fonts],
    });
    // The marker is set at the line's start within the full measure: inset from the left or the right edge.
    const marker: PlacedLine | undefined = markerLine && {
      x: style.marginLeft + style.fontSize * 0.4 * (ctx.rtl ? -1 : 1),
      baseline,
      pieces: markerLine.pieces,
      tag: structNode('Lbl', item),
    };
    const lines = setText(ctx, segments, {
      align: 'justify',
      width: style.measure - indent,
      hyphenate: ctx.hyphenate,
    });
    const boxes = lineBoxes(ctx, lines, style.marginLeft + (ctx.rtl ? 0 : indent), structNode('LBody', item), marker);
    const first = boxes[0];
    if (first !== undefined && index > 0) first.spaceBefore = 0.25 * ctx.pitch;
    return boxes;
  });
}

/** Signature rows kept with the sign-off at the foot of a page (a lone row reads as an accident). */
const MIN_ROWS_WITH_SIGN_OFF = 2;

/**
 * Signatories: name, then separator and country smaller and lighter; two balanced columns for long
 * lists. Set at the size and leading of {@link Context.fit}.
 */
function signatures(ctx: Context, entries: SignatureEntry[]): FlowItem[] {
  const { style, fit } = ctx;
  const list = structNode('L', ctx.root);
  const twoColumns = entries.length > TWO_COLUMN_THRESHOLD;
  const columnWidth = twoColumns ? (style.measure - COLUMN_GAP) / 2 : style.measure;
  const indent = fit.size;
  const pitch = fit.size * fit.lineHeight;
  const gap = fit.gap * ctx.pitch;
  const boxes = entries.map((signed, index): FlowBox => {
    const entry = printedSignature(signed, ctx.doc);
    // In a right-to-left letter each name is isolated (FSI…PDI), so a Latin name keeps its own order:
    // "1969 KAL Abductees' Families Association", not "KAL Abductees' Families Association 1969".
    const name = ctx.rtl ? `\u2068${entry.name}\u2069` : entry.name;
    const segments: StyledSegment[] = [{ text: name, style: 'regular', name: true }];
    if (entry.country !== undefined) {
      // The country never breaks; when it does not fit after the name it moves to the next line,
      // leaving the separator at the end of the name as UAX #14 wants for ", " and "、", and
      // taking its parentheses along.
      const secondary = { style: 'regular', muted: true, scale: SECONDARY_SCALE } as const;
      const { before, after } = entry;
      const opening = before.replace(/^.*\s/su, '');
      const separator = before.slice(0, before.length - opening.length);
      if (separator) segments.push({ text: separator, ...secondary });
      segments.push({ text: opening + entry.country + after, ...secondary, noBreak: true });
    }
    const lines = setText(ctx, segments, { align: 'left', width: columnWidth - indent, fontSize: fit.size });
    const tag = structNode('LBody', structNode('LI', list));
    // The first column is the one a line starts in: the right one in a right-to-left letter.
    const columnX = style.marginLeft + (twoColumns && ctx.rtl ? columnWidth + COLUMN_GAP : 0);
    return {
      kind: 'box',
      height: lines.length * pitch,
      spaceBefore: index > 0 && !twoColumns ? gap : 0,
      keepWithNext: !twoColumns && index < MIN_ROWS_WITH_SIGN_OFF - 1,
      lines: placeLines(ctx, lines, columnX, tag, fit.size, indent, fit.lineHeight),
    };
  });
  if (!twoColumns) return boxes;
  return [
    {
      kind: 'columns',
      spaceBefore: 0,
      columnOffset: (columnWidth + COLUMN_GAP) * (ctx.rtl ? -1 : 1),
      gap,
      minRows: MIN_ROWS_WITH_SIGN_OFF,
      entries: boxes,
    },
  ];
}

/** "cc" label, then each addressee with its address lines, smaller and indented: one unbreakable box. */
function cc(ctx: Context, label: string, entries: { name: string; lines: string[] }[]): FlowItem[] {
  const { style } = ctx;
  const size = style.fontSize * SECONDARY_SCALE;
  const { height } = lineBox(style, size);
  const labelTag = structNode('P', ctx.root);
  const lines = placeLines(
    ctx,
    setText(ctx, [{ text: label, style: 'bold' }], { align: 'left', fontSize: size }),
    style.marginLeft,
    labelTag,
    size,
  );
  let top = lines.length * height;
  const list = structNode('L', ctx.root);
  const indent = style.fontSize * 1.4;
  const width = style.measure - indent;
  entries.forEach((entry, index) => {
    const body = structNode('LBody', structNode('LI', list));
    if (index > 0) top += 0.3 * ctx.pitch;
    for (const text of [entry.name, ...entry.lines]) {
      // An addressee and its address lines are names, each set in one face per script.
      const part = setText(ctx, [{ text, style: 'regular', name: true }], { align: 'left', width, fontSize: size });
      const placed = placeLines(ctx, part, style.marginLeft + (ctx.rtl ? 0 : indent), structNode('P', body), size);
      lines.push(...placed.map((l) => ({ ...l, baseline: l.baseline + top })));
      top += part.length * height;
    }
  });
  return [{ kind: 'box', height: top, spaceBefore: 0, keepWithNext: false, lines }];
}
