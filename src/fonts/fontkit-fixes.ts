import type { Font, Glyph } from 'fontkit';

/** What of fontkit's internals the mends reach: fontkit exports none of these classes. */
interface FontInternals {
  GPOS?: unknown;
  _layoutEngine?: { engine?: { GPOSProcessor?: object | null } };
  getGlyph(id: number, codePoints?: number[]): Glyph | null;
}

type ApplyAnchor = (markRecord: { markAnchor?: unknown } | undefined, baseAnchor: unknown, base: number) => void;

const mended = new WeakSet<object>();

/**
 * Mends two bugs of fontkit 2.0.4 on the classes of `font` (once per class, for every font after it):
 *
 * - A GPOS mark, ligature or mark-to-mark anchor may be NULL: "no anchor for this class", as the
 *   OpenType spec allows. fontkit dereferences it and throws (foliojs/fontkit#367), so Noto Sans
 *   Khmer and Noto Nastaliq Urdu cannot shape common words. The attachment is skipped, as HarfBuzz
 *   skips it (and as fontkit's open pull request #374 does).
 * - Glyph readings, see {@link mendGlyphReadings}.
 *
 * It builds the font's layout engine (parsing GSUB and GPOS): call it before the first layout.
 */
export function mendFontkit(font: Font): void {
  mendGlyphReadings(font);
  const internals = font as unknown as FontInternals;
  // The layout engine is made on first use; with a GPOS table it holds the positioning processor.
  const gpos = internals.GPOS ? internals._layoutEngine?.engine?.GPOSProcessor : undefined;
  const processor = gpos ? ownerOf(gpos, 'applyAnchor') : undefined;
  if (processor && !mended.has(processor)) {
    mended.add(processor);
    const applyAnchor = processor['applyAnchor'] as ApplyAnchor;
    processor['applyAnchor'] = function (this: unknown, markRecord, baseAnchor, base) {
      if (!baseAnchor || !markRecord?.markAnchor) return;
      applyAnchor.call(this, markRecord, baseAnchor, base);
    } satisfies ApplyAnchor;
  }
}

/**
 * `getGlyph(id, codePoints)` keeps one Glyph per id with the code points of its first use, so a
 * glyph drawn for two readings reports the first one everywhere: in an Arabic font, which draws the
 * bodies of ب ت ث ن ي with one glyph, every later use claimed the first letter (نكيب for نكتب); after a
 * plain Lao າ, the second half of ຳ (ໍ + the same າ glyph, which GSUB adds with no character of its
 * own) read າ too, and text extraction read ກຳາ. Each use gets the glyph with its own code points,
 * none included (the cached glyph's outline, metrics and caches shared). Cheap: called on every face
 * as it is opened, so no glyph is ever shaped unmended.
 */
export function mendGlyphReadings(font: Font): void {
  const owner = ownerOf(font, 'getGlyph');
  if (!owner || mended.has(owner)) return;
  mended.add(owner);
  const getGlyph = owner['getGlyph'] as FontInternals['getGlyph'];
  owner['getGlyph'] = function (this: FontInternals, id: number, ...rest: [number[]?]): Glyph | null {
    const glyph = getGlyph.call(this, id, ...rest);
    const [codePoints] = rest;
    if (!glyph || codePoints === undefined || sameCodePoints(glyph.codePoints, codePoints)) return glyph;
    return Object.create(glyph, { codePoints: { value: codePoints } }) as Glyph;
  };
}

/** The object on `value`'s prototype chain that defines `method`. */
function ownerOf(value: object, method: string): Record<string, unknown> | undefined {
  for (let p: object | null = Object.getPrototypeOf(value); p; p = Object.getPrototypeOf(p))
    if (Object.prototype.hasOwnProperty.call(p, method)) return p as Record<string, unknown>;
  return undefined;
}

function sameCodePoints(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}
