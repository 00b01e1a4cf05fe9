import type { Font } from 'fontkit';
import { glyphAdvance, openFont, RTL, shapeText, type HarfBuzzFont } from './harfbuzz.js';

/** A glyph as pdfkit embeds it: its id, the characters it stands for (ToUnicode), its unkerned advance. */
export interface ShapedGlyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
}

/** Where a glyph is placed, in font units (pdfkit's GlyphPosition before its scaling). */
export interface GlyphPlacement {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** Shaped text in the form of a fontkit GlyphRun, as far as pdfkit and measuring read one. */
export interface ShapedRun {
  glyphs: ShapedGlyph[];
  positions: GlyphPlacement[];
  /** The sum of the glyphs' xAdvance, in font units. */
  advanceWidth: number;
}

/**
 * The feature line-layout.ts marks right-to-left pieces with: such a piece is shaped right to left
 * even when it holds only neutrals (digits, brackets), and HarfBuzz mirrors its brackets (UAX #9 L4:
 * the mirrored character's glyph where the font has it, else the font's `rtlm`), so the tag itself
 * is not requested: on a bracket HarfBuzz already mirrored it would mirror it back.
 */
export const RIGHT_TO_LEFT = 'rtlm';

/** HarfBuzz's copy of each fontkit face in use (the same bytes, opened once). */
const harfbuzzFonts = new WeakMap<Font, HarfBuzzFont>();

function harfbuzzFont(font: Font): HarfBuzzFont {
  let opened = harfbuzzFonts.get(font);
  if (opened === undefined) {
    // fontkit keeps the bytes it parsed: the face's sfnt file.
    const bytes = (font as unknown as { stream: { buffer: Uint8Array } }).stream.buffer;
    harfbuzzFonts.set(font, (opened = openFont(bytes)));
  }
  return opened;
}

/**
 * Shapes `text` in `font` with HarfBuzz, with the default features of its script and `features`
 * switched on (a piece marked {@link RIGHT_TO_LEFT} is set right to left), glyphs in visual order.
 * fontkit stays the face's reader (metrics, subsetting); it no longer shapes, so it never decodes
 * the layout tables (GSUB, GPOS), the largest part of its cold time.
 *
 * Each glyph reads as the characters of its cluster, the first glyph in logical order of a cluster
 * taking them all (a ligature reads as its letters, a decomposed vowel once), as fontkit gave them.
 */
export function shapeRun(font: Font, text: string, features: readonly string[] = []): ShapedRun {
  if (text.length === 0) return { glyphs: [], positions: [], advanceWidth: 0 };
  const rtl = features.includes(RIGHT_TO_LEFT);
  const hb = harfbuzzFont(font);
  const shaped = shapeText(
    hb,
    text,
    rtl ? features.filter((f) => f !== RIGHT_TO_LEFT) : features,
    rtl ? RTL : undefined,
  );
  const count = shaped.length;
  // Clusters ascend in a left-to-right run and descend in a right-to-left one.
  const backward = count > 1 && shaped[0]!.cluster > shaped[count - 1]!.cluster;
  const glyphs: ShapedGlyph[] = new Array(count);
  const positions: GlyphPlacement[] = new Array(count);
  let advanceWidth = 0;
  for (let k = 0; k < count; k++) {
    // Walk in logical order: the first glyph met of a cluster takes its characters.
    const i = backward ? count - 1 - k : k;
    const g = shaped[i]!;
    const previous = k > 0 ? shaped[backward ? i + 1 : i - 1]!.cluster : -1;
    let codePoints: number[] = [];
    if (g.cluster !== previous) {
      let end = text.length;
      for (let n = k + 1; n < count; n++) {
        const next = shaped[backward ? count - 1 - n : n]!.cluster;
        if (next !== g.cluster) {
          end = next;
          break;
        }
      }
      codePoints = codePointsOf(text, g.cluster, end);
    }
    glyphs[i] = { id: g.id, codePoints, advanceWidth: glyphAdvance(hb, g.id) };
    positions[i] = { xAdvance: g.xAdvance, yAdvance: g.yAdvance, xOffset: g.xOffset, yOffset: g.yOffset };
  }
  for (let i = 0; i < count; i++) advanceWidth += positions[i]!.xAdvance;
  return { glyphs, positions, advanceWidth };
}

function codePointsOf(text: string, start: number, end: number): number[] {
  const codePoints: number[] = [];
  for (let i = start; i < end;) {
    const c = text.codePointAt(i)!;
    codePoints.push(c);
    i += c > 0xffff ? 2 : 1;
  }
  return codePoints;
}
