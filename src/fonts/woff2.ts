import { promisify } from 'node:util';
import { brotliCompress, brotliDecompressSync, constants } from 'node:zlib';

/**
 * WOFF2 (W3C, 2018) with every table null-transformed: an sfnt font's tables, in tag order, as one
 * brotli stream. The package ships its fonts this way to stay small (a CJK face shrinks to about a
 * quarter, a third less than WOFF 1.0 with zlib) and decodes them here with Node's native brotli:
 * fontkit reads WOFF2 with a JavaScript brotli decoder, seconds for a CJK face. Browsers (the
 * preview) read the files as they are. Without the glyf transform, decoding restores every table
 * byte for byte, so the PDFs embed exactly the subsets they embedded from the TTF files.
 */

const WOFF2_SIGNATURE = 0x774f4632; // 'wOF2'
const WOFF2_HEADER = 48;
const SFNT_HEADER = 12;
const SFNT_ENTRY = 16;
/** The table tags a directory entry names by index (WOFF2 §5.1, "Known Table Tags"). */
const KNOWN_TAGS = [
  'cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca', 'prep', 'CFF ',
  'VORG', 'EBDT', 'EBLC', 'gasp', 'hdmx', 'kern', 'LTSH', 'PCLT', 'VDMX', 'vhea', 'vmtx', 'BASE', 'GDEF', 'GPOS',
  'GSUB', 'EBSC', 'JSTF', 'MATH', 'CBDT', 'CBLC', 'COLR', 'CPAL', 'SVG ', 'sbix', 'acnt', 'avar', 'bdat', 'bloc',
  'bsln', 'cvar', 'fdsc', 'feat', 'fmtx', 'fvar', 'gvar', 'hsty', 'just', 'lcar', 'mort', 'morx', 'opbd', 'prop',
  'trak', 'Zapf', 'Silf', 'Glat', 'Gloc', 'Feat', 'Sill',
]; // prettier-ignore
const CUSTOM_TAG = 0x3f;
/** Transform version 3 is the null transform for glyf and loca; 0 is for every other table. */
const nullTransform = (tag: string) => (tag === 'glyf' || tag === 'loca' ? 3 : 0);

interface Table {
  tag: string;
  data: Buffer;
}

const padded = (n: number) => (n + 3) & ~3;

/** Whether `bytes` is a WOFF2 file. */
export function isWoff2(bytes: Uint8Array): boolean {
  return (
    bytes.length >= WOFF2_HEADER && Buffer.from(bytes.buffer, bytes.byteOffset, 4).readUInt32BE(0) === WOFF2_SIGNATURE
  );
}

/**
 * An sfnt font file as a WOFF2 file. Brotli at its best quality is slow (seconds per megabyte of
 * font); it runs on libuv's thread pool, so the build compresses several faces at once.
 */
export async function sfntToWoff2(sfnt: Buffer): Promise<Buffer> {
  const tables = readSfntTables(sfnt);
  const stream = Buffer.concat(tables.map((t) => t.data));
  const compressed = await promisify(brotliCompress)(stream, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_FONT,
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
      [constants.BROTLI_PARAM_SIZE_HINT]: stream.length,
    },
  });
  const directory = Buffer.concat(
    tables.map((t) => {
      const known = KNOWN_TAGS.indexOf(t.tag);
      const flags = (nullTransform(t.tag) << 6) | (known >= 0 ? known : CUSTOM_TAG);
      const tag = known >= 0 ? [] : [Buffer.from(t.tag, 'latin1')];
      return Buffer.concat([Buffer.of(flags), ...tag, base128(t.data.length)]);
    }),
  );
  const length = padded(WOFF2_HEADER + directory.length + compressed.length);
  const header = Buffer.alloc(WOFF2_HEADER);
  header.writeUInt32BE(WOFF2_SIGNATURE, 0);
  header.writeUInt32BE(sfnt.readUInt32BE(0), 4); // flavor
  header.writeUInt32BE(length, 8);
  header.writeUInt16BE(tables.length, 12);
  header.writeUInt32BE(sfntSize(tables), 16);
  header.writeUInt32BE(compressed.length, 20);
  // The WOFF version is the font's own (head.fontRevision, 16.16), as the spec suggests.
  const head = tables.find((t) => t.tag === 'head');
  if (head) header.writeUInt32BE(head.data.readUInt32BE(4), 24);
  const body = Buffer.concat([header, directory, compressed]);
  return Buffer.concat([body, Buffer.alloc(length - body.length)]);
}

/**
 * The sfnt font inside a WOFF2 file whose tables are null-transformed (as {@link sfntToWoff2}
 * writes them). @throws Error when the file is not such a WOFF2, or its data do not add up.
 */
export function woff2ToSfnt(woff2: Buffer): Buffer {
  if (!isWoff2(woff2)) throw new Error('not a WOFF2 file');
  const count = woff2.readUInt16BE(12);
  const entries: { tag: string; length: number }[] = [];
  let at = WOFF2_HEADER;
  for (let i = 0; i < count; i++) {
    const flags = woff2.readUInt8(at++);
    let tag = KNOWN_TAGS[flags & CUSTOM_TAG];
    if ((flags & CUSTOM_TAG) === CUSTOM_TAG) {
      tag = woff2.toString('latin1', at, at + 4);
      at += 4;
    }
    if (tag === undefined) throw new Error(`WOFF2 table ${i} has an unknown tag index`);
    if (flags >> 6 !== nullTransform(tag))
      throw new Error(`WOFF2 table ${tag} is transformed; only null transforms are read here`);
    const [length, next] = readBase128(woff2, at);
    entries.push({ tag, length });
    at = next;
  }
  const stream = brotliDecompressSync(woff2.subarray(at, at + woff2.readUInt32BE(20)));
  const total = entries.reduce((n, e) => n + e.length, 0);
  if (stream.length !== total)
    throw new Error(`WOFF2 data decompress to ${stream.length} bytes, the tables need ${total}`);
  let offset = 0;
  const tables = entries.map(({ tag, length }) => ({
    tag,
    data: stream.subarray((offset += length) - length, offset),
  }));
  return writeSfnt(woff2.readUInt32BE(4), tables);
}

/** UIntBase128 (WOFF2 §4.1): big-endian groups of seven bits, the high bit set on all but the last. */
function base128(n: number): Buffer {
  const bytes = [n & 0x7f];
  for (let rest = n >>> 7; rest > 0; rest >>>= 7) bytes.unshift((rest & 0x7f) | 0x80);
  return Buffer.from(bytes);
}

function readBase128(bytes: Buffer, at: number): [value: number, next: number] {
  let value = 0;
  for (let i = 0; i < 5; i++) {
    const byte = bytes.readUInt8(at + i);
    if (i === 0 && byte === 0x80) throw new Error('WOFF2 number with a leading zero');
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) return [value, at + i + 1];
  }
  throw new Error('WOFF2 number longer than five bytes');
}

function readSfntTables(sfnt: Buffer): Table[] {
  const count = sfnt.readUInt16BE(4);
  const tables: Table[] = [];
  for (let i = 0; i < count; i++) {
    const e = SFNT_HEADER + i * SFNT_ENTRY;
    const offset = sfnt.readUInt32BE(e + 8);
    const length = sfnt.readUInt32BE(e + 12);
    tables.push({ tag: sfnt.toString('latin1', e, e + 4), data: sfnt.subarray(offset, offset + length) });
  }
  return tables.sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
}

function writeSfnt(flavor: number, tables: Table[]): Buffer {
  const out = Buffer.alloc(sfntSize(tables));
  // The binary-search fields of the offset table (OpenType spec, "Table Directory").
  const power = 2 ** Math.floor(Math.log2(tables.length));
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(tables.length, 4);
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(Math.log2(power), 8);
  out.writeUInt16BE(tables.length * 16 - power * 16, 10);
  let offset = SFNT_HEADER + SFNT_ENTRY * tables.length;
  tables.forEach((t, i) => {
    const e = SFNT_HEADER + i * SFNT_ENTRY;
    out.write(t.tag, e, 'latin1');
    out.writeUInt32BE(checksum(t), e + 4);
    out.writeUInt32BE(offset, e + 8);
    out.writeUInt32BE(t.data.length, e + 12);
    t.data.copy(out, offset);
    offset += padded(t.data.length);
  });
  return out;
}

/**
 * A table's checksum (OpenType spec): the sum of its big-endian 32-bit words, zero-padded; head's
 * is taken with checkSumAdjustment (bytes 8–11) counted as zero.
 */
function checksum({ tag, data }: Table): number {
  let sum = 0;
  const words = data.length >>> 2;
  for (let i = 0; i < words; i++) if (!(tag === 'head' && i === 2)) sum = (sum + data.readUInt32BE(i * 4)) >>> 0;
  if (data.length % 4) {
    const tail = Buffer.alloc(4);
    data.copy(tail, 0, words * 4);
    sum = (sum + tail.readUInt32BE(0)) >>> 0;
  }
  return sum;
}

const sfntSize = (tables: Table[]) =>
  SFNT_HEADER + SFNT_ENTRY * tables.length + tables.reduce((n, t) => n + padded(t.data.length), 0);
