import type { FontFace } from '../../fonts/font-library.js';

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
const caches = new WeakMap<FontFace, Map<string, TextMetrics>>();

/**
 * Measures `text` as pdfkit will draw it: pdfkit shapes text in chunks that end after each space or
 * tab (so there is no kerning across a space), and we chunk the same way so that measured and drawn
 * widths agree exactly; with OpenType `features` pdfkit shapes the whole string at once, and so do
 * we. Chunks are cached per face for the whole process: letters repeat words.
 */
export function measureText(face: FontFace, text: string, features?: string[]): TextMetrics {
  let cache = caches.get(face);
  if (cache === undefined) {
    cache = new Map();
    caches.set(face, cache);
  }
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

function measureChunk(
  face: FontFace,
  cache: Map<string, TextMetrics>,
  chunk: string,
  features: string[] = [],
): TextMetrics {
  const key = features.length > 0 ? `${features.join(',')}\u0000${chunk}` : chunk;
  let metrics = cache.get(key);
  if (metrics === undefined) {
    const run = features.length > 0 ? face.font.layout(chunk, features) : face.font.layout(chunk);
    metrics = { width: run.advanceWidth / face.unitsPerEm, glyphs: run.glyphs.length };
    if (cache.size >= MAX_CACHED_CHUNKS) cache.clear();
    cache.set(key, metrics);
  }
  return metrics;
}
