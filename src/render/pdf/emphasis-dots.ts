import type { LinePiece } from './line-layout.js';
import { measureText } from './measure-text.js';

/** Where emphasis dots go: above the characters (Japanese 圏点) or below them (Chinese 着重号). */
export type DotPosition = 'above' | 'below';

/** Characters that carry a dot: kanji and kana (JLREQ and CLREQ put none on punctuation or Latin). */
const DOTTED = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]$/u;

/**
 * The ideographic em box of the CJK faces, in em from the baseline (Noto CJK: 880 up, 120 down):
 * the dots sit just outside it, in the space line spacing leaves between CJK lines.
 */
const EM_BOX_TOP = 0.88;
const EM_BOX_BOTTOM = 0.12;
const DOT_GAP = 0.1;
/** Dot radius in em: a dot a sixth of the character wide reads as emphasis without crowding the line. */
export const DOT_RADIUS = 0.08;

/**
 * Centres of the emphasis dots of a piece, relative to the line's left edge and baseline (PDF
 * points, y downward): one at the middle of each kanji or kana, measured as the piece is drawn
 * (same features, character spacing after every glyph).
 */
export function emphasisDots(piece: LinePiece, position: DotPosition): { x: number; y: number }[] {
  const em = piece.fontSize;
  const y =
    position === 'above' ? -(EM_BOX_TOP + DOT_GAP + DOT_RADIUS) * em : (EM_BOX_BOTTOM + DOT_GAP + DOT_RADIUS) * em;
  const dots: { x: number; y: number }[] = [];
  let offset = 0;
  for (const char of piece.text) {
    const before = advance(piece, piece.text.slice(0, offset));
    offset += char.length;
    if (!DOTTED.test(char)) continue;
    // The glyph's own advance, without the character spacing that follows it.
    const after = advance(piece, piece.text.slice(0, offset)) - piece.characterSpacing;
    dots.push({ x: piece.x + (before + after) / 2, y });
  }
  return dots;
}

function advance(piece: LinePiece, text: string): number {
  if (text === '') return 0;
  const { width, glyphs } = measureText(piece.face, text, piece.features);
  return width * piece.fontSize + glyphs * piece.characterSpacing;
}
