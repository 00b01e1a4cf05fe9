/// <reference types="pdfkit" />

/*
 * One laid-out piece of text written into the page's content stream in one call, with the very
 * operators pdfkit 0.20.2 (pinned) writes for `doc.fillColor(c).text(s, x, y, { lineBreak: false,
 * baseline: 0, characterSpacing, features })`: same bytes, a fifth of the work. pdfkit's text() runs
 * its option merging and measures each string twice more (for the cursor and the link box) and
 * turns every operator line into its own byte array; a letter draws thousands of pieces.
 */

/** The private parts of pdfkit's document and embedded font this relies on (pdfkit 0.20.2). */
interface PdfkitInternals {
  _font: {
    id: string;
    ref(): unknown;
    encode(text: string, features?: unknown): [string[], GlyphPosition[]];
  };
  _fontSize: number;
  _fillColor: unknown;
  page: { height: number; fonts: Record<string, unknown>; write(chunk: string): void };
}

interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

type EncodingFont = PdfkitInternals['_font'];

/** A string encoded in an embedded font: glyph ids (hex) and positions, as pdfkit's encode returns them. */
interface GlyphRun {
  encoded: string[];
  positions: GlyphPosition[];
  /** Its TJ operators when no glyph is offset (no marks): they do not depend on where it is drawn. */
  operators: string[] | undefined;
  /** Whether it holds letters of a script whose glyphs do not spell the text in order (see {@link SPELLED_APART}). */
  spelledApart: boolean;
}

/**
 * Scripts whose shaping reorders, splits or stacks glyphs: a vowel drawn before its consonant
 * (Devanagari ि, Khmer េ, Burmese ေ), one letter drawn as two glyphs (Lao ຳ, Thai ำ, Khmer ោ), marks
 * set apart on their own. The glyphs in drawing order do not spell the text, and text extraction
 * (poppler, copy and paste) reads them scrambled or on another line, so such a piece carries its
 * text as /ActualText. Decided by script, whatever the font: the scripts fontkit shapes with its
 * Indic and Universal shapers, and Thai, Lao and Myanmar, which fonts reorder and decompose in GSUB.
 */
const SPELLED_APART = new RegExp(
  `[${(
    'Bengali Devanagari Gujarati Gurmukhi Kannada Malayalam Oriya Sinhala Tamil Telugu ' +
    'Thai Lao Khmer Myanmar Tibetan New_Tai_Lue Tai_Tham Tai_Viet Tai_Le Cham ' +
    'Balinese Javanese Sundanese Batak Buginese Rejang Kayah_Li Lepcha Limbu Chakma Meetei_Mayek ' +
    'Syloti_Nagri Saurashtra Tagalog Hanunoo Buhid Tagbanwa Brahmi Kaithi Kharoshthi Sharada Siddham ' +
    'Takri Tirhuta Grantha Modi Khojki Khudawadi Mahajani Pahawh_Hmong'
  )
    .split(' ')
    .map((script) => `\\p{Script=${script}}`)
    .join('')}]`,
  'u',
);

/**
 * Each string already drawn, per embedded font (so per document): the second "the" of a letter costs
 * a lookup. Encoding adds the glyphs to the document's subset, which a string's first encoding has done.
 */
const glyphRuns = new WeakMap<EncodingFont, Map<string, GlyphRun>>();

function glyphRun(font: EncodingFont, text: string, features: string[] | undefined): GlyphRun {
  let drawn = glyphRuns.get(font);
  if (drawn === undefined) glyphRuns.set(font, (drawn = new Map()));
  const key = features === undefined ? text : `${features.join(',')}\u0000${text}`;
  let run = drawn.get(key);
  if (run === undefined) {
    const [encoded, positions] = font.encode(text, features);
    const placed = positions.some((pos) => pos.xOffset || pos.yOffset);
    run = {
      encoded,
      positions,
      operators: placed ? undefined : glyphOperators(encoded, positions, 0, 0, 0),
      spelledApart: SPELLED_APART.test(text),
    };
    drawn.set(key, run);
  }
  return run;
}

/** How pdfkit writes a number into content: rounded to six decimals (PDFObject.number). */
const num = (n: number): number => Math.round(n * 1e6) / 1e6;

/** pdfkit's `fillColor('#rrggbb')` operators: the DeviceRGB colour space, then the colour. */
const colorOperators = new Map<string, string>();
function fillOperators(color: string): string {
  let ops = colorOperators.get(color);
  if (ops === undefined) {
    const hex = Number.parseInt(color.slice(1), 16);
    const rgb = [hex >> 16, (hex >> 8) & 0xff, hex & 0xff].map((part) => part / 255);
    ops = `/DeviceRGB cs\n${rgb.join(' ')} scn`;
    colorOperators.set(color, ops);
  }
  return ops;
}

/** What to draw: text without line feeds in the document's current font (selected by the caller). */
export interface TextRun {
  text: string;
  fontSize: number;
  characterSpacing: number;
  features: string[] | undefined;
}

/**
 * Fills `run` in `color` (CSS hex, `#rrggbb`) with its left end at `x` and its baseline at `y` (PDF
 * points from the top-left corner), exactly as pdfkit's text() would, in the current font. The glyphs
 * of a run in a script whose glyphs do not spell the text are wrapped in a Span carrying the text as
 * /ActualText, written by pdfkit's markContent (UTF-16BE after a byte-order mark), nested in whatever
 * marked content the caller has open (the structure element's, an Artifact).
 */
export function fillText(pdf: PDFKit.PDFDocument, run: TextRun, color: string, x: number, y: number): void {
  const doc = pdf as unknown as PdfkitInternals;
  const { text } = run;
  doc._fillColor = [color, undefined];
  doc._fontSize = run.fontSize;
  if (text.length === 0) {
    // pdfkit sets the colour, then draws nothing.
    doc.page.write(fillOperators(color));
    return;
  }
  const font = doc._font;
  const { page } = doc;
  page.fonts[font.id] ??= font.ref();
  const top = page.height - y;
  const ops = [
    fillOperators(color),
    'q',
    // pdfkit flips the y axis for each text (its transform(), undone by the Q below).
    `1 0 0 -1 0 ${num(page.height)} cm`,
    'BT',
    `1 0 0 1 ${num(x)} ${num(top)} Tm`,
    `/${font.id} ${num(run.fontSize)} Tf`,
  ];
  if (run.characterSpacing) ops.push(`${num(run.characterSpacing)} Tc`);
  const glyphs = glyphRun(font, text, run.features);
  const shown = glyphs.operators ?? glyphOperators(glyphs.encoded, glyphs.positions, x, top, run.fontSize / 1000);
  if (!glyphs.spelledApart) {
    ops.push(...shown, 'ET', 'Q');
    page.write(ops.join('\n'));
    return;
  }
  // Inside the text object, so that the span's end sees the text's own coordinates: poppler places
  // the actual text where the glyphs were shown, with the graphics state at the EMC.
  page.write(ops.join('\n'));
  pdf.markContent('Span', { actual: text });
  page.write(shown.join('\n'));
  pdf.endMarkedContent();
  page.write('ET\nQ');
}

/**
 * pdfkit's TJ operators for encoded glyphs starting at (`x`, `top`) in text space: segments cut where
 * a glyph's advance differs from its width (kerning), and a Tm around each glyph with an offset (a
 * mark), which only then makes them depend on the position and the `scale` (font size / 1000).
 */
function glyphOperators(
  encoded: string[],
  positions: GlyphPosition[],
  x: number,
  top: number,
  scale: number,
): string[] {
  const ops: string[] = [];
  const commands: string[] = [];
  let last = 0;
  let hadOffset = false;
  let at = x;
  const addSegment = (cur: number): void => {
    if (last < cur) {
      const pos = positions[cur - 1] as GlyphPosition;
      commands.push(`<${encoded.slice(last, cur).join('')}> ${num(-(pos.xAdvance - pos.advanceWidth))}`);
    }
    last = cur;
  };
  const flush = (i: number): void => {
    addSegment(i);
    if (commands.length > 0) {
      ops.push(`[${commands.join(' ')}] TJ`);
      commands.length = 0;
    }
  };
  let i = 0;
  for (; i < positions.length; i++) {
    const pos = positions[i] as GlyphPosition;
    if (pos.xOffset || pos.yOffset) {
      flush(i);
      ops.push(`1 0 0 1 ${num(at + pos.xOffset * scale)} ${num(top + pos.yOffset * scale)} Tm`);
      flush(i + 1);
      hadOffset = true;
    } else {
      if (hadOffset) {
        ops.push(`1 0 0 1 ${num(at)} ${num(top)} Tm`);
        hadOffset = false;
      }
      if (pos.xAdvance - pos.advanceWidth !== 0) addSegment(i + 1);
    }
    at += pos.xAdvance * scale;
  }
  flush(i);
  return ops;
}
