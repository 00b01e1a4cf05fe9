import type { FontFace } from '../../fonts/font-library.js';
import { shapeRun, type GlyphPlacement, type ShapedGlyph, type ShapedRun } from '../../fonts/shape-run.js';

/** Advance of a piece of text in one face, unscaled. */
export interface TextMetrics {
  /** Advance width in em (multiply by the font size for PDF points). */
  width: number;
  /** Number of glyphs drawn; PDF character spacing (Tc) is added after each one. */
  glyphs: number;
}

/**
 * Where text shaped with features is cut (and drawn in separate pieces, see line-layout): between two
 * opening brackets, which `chws` would overlap so that text extraction (poppler) misreads the line.
 */
export const UNSHAPED_JOIN = /(?<=\p{Ps})(?=\p{Ps})/u;

/** Past this many cached chunks per face the cache starts over, so a long batch cannot grow it without bound. */
const MAX_CACHED_CHUNKS = 50_000;

/** A shaped run as pdfkit's embedded font keeps it: positions in its 1000-unit space (see {@link shapedRuns}). */
export interface PdfRun {
  glyphs: ShapedGlyph[];
  positions: PdfGlyphPosition[];
  advanceWidth: number;
}

/** A glyph's place in pdfkit's 1000-unit space, and its unkerned advance (which pdfkit's TJ needs). */
export interface PdfGlyphPosition extends GlyphPlacement {
  advanceWidth: number;
}

/**
 * What a face's text was shaped into, for measuring and for drawing: each chunk is shaped once per
 * process. `plain` is in the format of pdfkit's private `layoutCache` (text → run), which
 * pdfkit-font-patches.ts hands every document; `featured` holds runs shaped with OpenType features
 * (pdfkit itself never caches those), by features and text.
 */
export interface ShapedRuns {
  plain: Record<string, PdfRun>;
  featured: Map<string, PdfRun>;
}

interface FaceCache {
  metrics: Map<string, TextMetrics>;
  runs: ShapedRuns;
}

const caches = new WeakMap<FontFace, FaceCache>();

function faceCache(face: FontFace): FaceCache {
  let cache = caches.get(face);
  if (cache === undefined) {
    cache = { metrics: new Map(), runs: { plain: Object.create(null) as Record<string, PdfRun>, featured: new Map() } };
    caches.set(face, cache);
  }
  return cache;
}

/** The shaped runs of `face` that documents drawing it should use (see {@link ShapedRuns}). */
export function shapedRuns(face: FontFace): ShapedRuns {
  return faceCache(face).runs;
}

/** The key of a run shaped with `features` in {@link ShapedRuns.featured}. */
export const featuredKey = (features: readonly string[], text: string): string => `${features.join(',')}\u0000${text}`;

/**
 * Measures `text` as pdfkit will draw it: pdfkit shapes text in chunks that end after each space or
 * tab (so there is no kerning across a space), and we chunk the same way so that measured and drawn
 * widths agree exactly; with OpenType `features` pdfkit shapes the whole string at once, and so do
 * we. Chunks are cached per face for the whole process: letters repeat words.
 */
export function measureText(face: FontFace, text: string, features?: string[]): TextMetrics {
  const cache = faceCache(face);
  let width = 0;
  let glyphs = 0;
  if (features !== undefined && features.length > 0) {
    for (const part of text.split(UNSHAPED_JOIN)) {
      const chunk = measureChunk(face, cache, part, features);
      width += chunk.width;
      glyphs += chunk.glyphs;
    }
    return { width, glyphs };
  }
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text[i] !== ' ' && text[i] !== '\t') continue;
    const end = Math.min(i + 1, text.length);
    if (end > start) {
      const chunk = measureChunk(face, cache, text.slice(start, end));
      width += chunk.width;
      glyphs += chunk.glyphs;
    }
    start = end;
  }
  return { width, glyphs };
}

function measureChunk(face: FontFace, cache: FaceCache, chunk: string, features: string[] = []): TextMetrics {
  const key = features.length > 0 ? featuredKey(features, chunk) : chunk;
  let metrics = cache.metrics.get(key);
  if (metrics === undefined) {
    const run = shapeRun(face.font, chunk, features);
    // The width in em from the font's own units, before the run is scaled for pdfkit below.
    metrics = { width: run.advanceWidth / face.unitsPerEm, glyphs: run.glyphs.length };
    if (cache.metrics.size >= MAX_CACHED_CHUNKS) {
      cache.metrics.clear();
      // Documents already open keep the runs they were given; later ones start afresh.
      cache.runs = { plain: Object.create(null) as Record<string, PdfRun>, featured: new Map() };
    }
    cache.metrics.set(key, metrics);
    const pdfRun = asPdfRun(run, 1000 / face.unitsPerEm);
    if (features.length > 0) cache.runs.featured.set(key, pdfRun);
    else cache.runs.plain[chunk] ??= pdfRun;
  }
  return metrics;
}

/** A run scaled to pdfkit's 1000-unit space, exactly as pdfkit 0.20.2's `layoutRun` scales fontkit's. */
export function asPdfRun(run: ShapedRun, scale: number): PdfRun {
  let advanceWidth = 0;
  const positions = run.positions.map((p, i) => {
    const xAdvance = p.xAdvance * scale;
    // Summed in the order GlyphRun's advanceWidth getter sums, so pdfkit gets the same number.
    advanceWidth += xAdvance;
    return {
      xAdvance,
      yAdvance: p.yAdvance * scale,
      xOffset: p.xOffset * scale,
      yOffset: p.yOffset * scale,
      advanceWidth: run.glyphs[i]!.advanceWidth * scale,
    };
  });
  return { glyphs: run.glyphs, positions, advanceWidth };
}
