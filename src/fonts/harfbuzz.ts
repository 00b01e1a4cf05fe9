import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/*
 * HarfBuzz, the shaping engine of browsers and Typst, as the WebAssembly build the HarfBuzz project
 * publishes (harfbuzzjs, pinned). Only its harfbuzz.wasm is used (the build copies it into
 * dist/harfbuzz/, seen two folders up from src/fonts/ or dist/fonts/), instantiated synchronously here:
 * the package's JavaScript glue loads it asynchronously, and measuring text is synchronous. The
 * module needs five imports (an abort, an exit, a timer no shaping call sets, a keep-alive flag, and
 * heap growth) and its C API is called directly with pointers into its memory.
 */

/** The C functions of harfbuzz.wasm used here (pointers and enums are numbers). */
interface HarfBuzzExports {
  memory: WebAssembly.Memory;
  __wasm_call_ctors(): void;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_font_create(face: number): number;
  hb_font_destroy(font: number): void;
  hb_font_get_glyph_h_advance(font: number, glyph: number): number;
  hb_buffer_create(): number;
  hb_buffer_clear_contents(buffer: number): void;
  hb_buffer_add_utf16(buffer: number, text: number, length: number, offset: number, itemLength: number): void;
  hb_buffer_set_direction(buffer: number, direction: number): void;
  hb_buffer_set_cluster_level(buffer: number, level: number): void;
  hb_buffer_guess_segment_properties(buffer: number): void;
  hb_buffer_get_length(buffer: number): number;
  hb_buffer_get_glyph_infos(buffer: number, length: number): number;
  hb_buffer_get_glyph_positions(buffer: number, length: number): number;
  hb_shape(font: number, buffer: number, features: number, count: number): void;
}

/** HB_DIRECTION_RTL (hb_direction_t) */
export const RTL = 5;

/**
 * HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS: a mark keeps its own cluster (its own characters),
 * as fontkit gave each glyph its own code points; ligatures and decompositions still merge.
 */
const MONOTONE_CHARACTERS = 1;
/** HB_MEMORY_MODE_READONLY: HarfBuzz reads the font bytes where they are, without a copy. */
const READONLY = 1;

let wasm: HarfBuzzExports | undefined;

/** The HarfBuzz module, compiled and started on first use. */
export function harfbuzz(): HarfBuzzExports {
  if (wasm !== undefined) return wasm;
  const file = fileURLToPath(new URL('../../dist/harfbuzz/harfbuzz.wasm', import.meta.url));
  let memory: WebAssembly.Memory | undefined;
  const fail = (what: string) => () => {
    throw new Error(`HarfBuzz: ${what}`);
  };
  const imports = {
    env: {
      _abort_js: fail('abort'),
      _emscripten_runtime_keepalive_clear: () => {},
      // Only HarfBuzz's optional timeouts set timers; shaping never does.
      _setitimer_js: () => 0,
      // malloc asks for more memory: grow to the size asked, with room as Emscripten's own glue gives.
      emscripten_resize_heap: (requested: number) => {
        const have = memory!.buffer.byteLength;
        const want = Math.max(requested >>> 0, Math.ceil(have * 1.2));
        try {
          memory!.grow(Math.ceil((want - have) / 65536));
          return 1;
        } catch {
          return 0;
        }
      },
    },
    wasi_snapshot_preview1: { proc_exit: fail('exit') },
  };
  const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(file)), imports);
  const exports = instance.exports as unknown as HarfBuzzExports;
  memory = exports.memory;
  exports.__wasm_call_ctors();
  wasm = exports;
  return wasm;
}

/** A font opened in HarfBuzz, with the memory that holds its bytes. */
export interface HarfBuzzFont {
  font: number;
  bytes: number;
}

/**
 * Outlines, which shaping never reads when the font positions marks itself (GPOS): HarfBuzz reads
 * glyph extents only for its fallback mark positioning, in fonts without GPOS. The outlines are
 * most of a face's bytes (8 of 10 MB in a CJK face), and fontkit holds them already for subsetting.
 */
const OUTLINES = new Set(['glyf', 'loca', 'CFF ', 'CFF2']);

/**
 * Opens the sfnt font `bytes` (a single font, not a collection) in HarfBuzz: the tables it shapes
 * with are copied into HarfBuzz's memory as one sfnt file, their directory entries as they were.
 */
export function openFont(bytes: Uint8Array): HarfBuzzFont {
  const hb = harfbuzz();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (entry: number) => String.fromCharCode(...bytes.subarray(entry, entry + 4));
  const entries = Array.from({ length: view.getUint16(4) }, (_, i) => 12 + i * 16);
  const positioned = entries.some((e) => tag(e) === 'GPOS');
  const kept = entries.filter((e) => !positioned || !OUTLINES.has(tag(e)));
  const padded = (n: number) => (n + 3) & ~3;
  let size = 12 + kept.length * 16;
  for (const e of kept) size += padded(view.getUint32(e + 12));
  const ptr = hb.malloc(size);
  const out = new Uint8Array(hb.memory.buffer, ptr, size).fill(0);
  const outView = new DataView(hb.memory.buffer, ptr, size);
  // The offset table: flavour, then the table count and its binary-search fields.
  const power = 2 ** Math.floor(Math.log2(kept.length));
  out.set(bytes.subarray(0, 4));
  outView.setUint16(4, kept.length);
  outView.setUint16(6, power * 16);
  outView.setUint16(8, Math.log2(power));
  outView.setUint16(10, kept.length * 16 - power * 16);
  let offset = 12 + kept.length * 16;
  kept.forEach((e, i) => {
    const from = view.getUint32(e + 8);
    const length = view.getUint32(e + 12);
    out.set(bytes.subarray(e, e + 8), 12 + i * 16); // tag and checksum
    outView.setUint32(12 + i * 16 + 8, offset);
    outView.setUint32(12 + i * 16 + 12, length);
    out.set(bytes.subarray(from, from + length), offset);
    offset += padded(length);
  });
  const blob = hb.hb_blob_create(ptr, size, READONLY, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  // The font (its scale is the font's units per em) holds the face, the face the blob.
  const font = hb.hb_font_create(face);
  hb.hb_face_destroy(face);
  hb.hb_blob_destroy(blob);
  return { font, bytes: ptr };
}

/** Frees what {@link openFont} took: the font must not be used after. */
export function closeFont(font: HarfBuzzFont): void {
  const hb = harfbuzz();
  hb.hb_font_destroy(font.font);
  hb.free(font.bytes);
}

/** One glyph of a shaped buffer: id and cluster (UTF-16 offset), positions in font units. */
export interface HarfBuzzGlyph {
  id: number;
  cluster: number;
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

let buffer = 0;

/**
 * Shapes `text` in `font` with OpenType `features` (tags, switched on for the whole text) in
 * `direction` (undefined: the direction of the text's script, as fontkit chose it), script from
 * the text, the font's default language system. Glyphs come in visual order, as HarfBuzz gives them.
 */
export function shapeText(
  font: HarfBuzzFont,
  text: string,
  features: readonly string[],
  direction: number | undefined,
): HarfBuzzGlyph[] {
  const hb = harfbuzz();
  if (buffer === 0) buffer = hb.hb_buffer_create();
  hb.hb_buffer_clear_contents(buffer);
  hb.hb_buffer_set_cluster_level(buffer, MONOTONE_CHARACTERS);
  // One allocation for the UTF-16 text and the hb_feature_t records (16 bytes each, 4-aligned).
  const textBytes = (text.length * 2 + 3) & ~3;
  const ptr = hb.malloc(textBytes + features.length * 16);
  const units = new Uint16Array(hb.memory.buffer, ptr, text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  const records = new Uint32Array(hb.memory.buffer, ptr + textBytes, features.length * 4);
  features.forEach((tag, i) => {
    records[i * 4] = tagNumber(tag);
    records[i * 4 + 1] = 1;
    records[i * 4 + 2] = 0;
    records[i * 4 + 3] = 0xffffffff; // HB_FEATURE_GLOBAL_END
  });
  hb.hb_buffer_add_utf16(buffer, ptr, text.length, 0, text.length);
  if (direction !== undefined) hb.hb_buffer_set_direction(buffer, direction);
  hb.hb_buffer_guess_segment_properties(buffer);
  hb.hb_shape(font.font, buffer, ptr + textBytes, features.length);
  hb.free(ptr);
  const count = hb.hb_buffer_get_length(buffer);
  const infos = new Uint32Array(hb.memory.buffer, hb.hb_buffer_get_glyph_infos(buffer, 0), count * 5);
  const positions = new Int32Array(hb.memory.buffer, hb.hb_buffer_get_glyph_positions(buffer, 0), count * 5);
  const glyphs: HarfBuzzGlyph[] = new Array(count);
  for (let i = 0; i < count; i++) {
    glyphs[i] = {
      id: infos[i * 5]!,
      cluster: infos[i * 5 + 2]!,
      xAdvance: positions[i * 5]!,
      yAdvance: positions[i * 5 + 1]!,
      xOffset: positions[i * 5 + 2]!,
      yOffset: positions[i * 5 + 3]!,
    };
  }
  return glyphs;
}

/** The advance of glyph `id` in font units (hmtx), unkerned. */
export function glyphAdvance(font: HarfBuzzFont, id: number): number {
  return harfbuzz().hb_font_get_glyph_h_advance(font.font, id);
}

const tagNumber = (tag: string): number =>
  ((tag.charCodeAt(0) << 24) | (tag.charCodeAt(1) << 16) | (tag.charCodeAt(2) << 8) | tag.charCodeAt(3)) >>> 0;
