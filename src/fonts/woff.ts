import { inflateSync } from 'node:zlib';

/**
 * WOFF 1.0 (W3C, 2012): an sfnt font (TrueType/OpenType) with each table compressed by zlib. A
 * workspace may bring its fonts this way; they are decoded here with Node's native zlib: fontkit can
 * read WOFF itself, but it inflates a table again on every access, which for a CJK glyf table means
 * once per glyph. Decoding restores every table byte for byte. (The bundled faces are WOFF2:
 * woff2.ts.)
 */

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
const WOFF_HEADER = 44;
const WOFF_ENTRY = 20;
const SFNT_HEADER = 12;
const SFNT_ENTRY = 16;

interface Table {
  tag: number;
  checksum: number;
  data: Buffer;
}

const padded = (n: number) => (n + 3) & ~3;

/** Whether `bytes` is a WOFF 1.0 file. */
export function isWoff(bytes: Uint8Array): boolean {
  return (
    bytes.length >= WOFF_HEADER && Buffer.from(bytes.buffer, bytes.byteOffset, 4).readUInt32BE(0) === WOFF_SIGNATURE
  );
}

/** The sfnt font inside a WOFF 1.0 file. @throws Error when the file is not a well-formed WOFF. */
export function woffToSfnt(woff: Buffer): Buffer {
  if (!isWoff(woff)) throw new Error('not a WOFF 1.0 file');
  const count = woff.readUInt16BE(12);
  const tables: Table[] = [];
  for (let i = 0; i < count; i++) {
    const e = WOFF_HEADER + i * WOFF_ENTRY;
    const offset = woff.readUInt32BE(e + 4);
    const compressed = woff.readUInt32BE(e + 8);
    const length = woff.readUInt32BE(e + 12);
    const raw = woff.subarray(offset, offset + compressed);
    const data = compressed < length ? inflateSync(raw) : Buffer.from(raw);
    if (data.length !== length) throw new Error(`WOFF table ${i} inflates to ${data.length} bytes, not ${length}`);
    tables.push({ tag: woff.readUInt32BE(e), checksum: woff.readUInt32BE(e + 16), data });
  }
  return writeSfnt(woff.readUInt32BE(4), tables);
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
    out.writeUInt32BE(t.tag, e);
    out.writeUInt32BE(t.checksum, e + 4);
    out.writeUInt32BE(offset, e + 8);
    out.writeUInt32BE(t.data.length, e + 12);
    t.data.copy(out, offset);
    offset += padded(t.data.length);
  });
  return out;
}

const sfntSize = (tables: Table[]) =>
  SFNT_HEADER + SFNT_ENTRY * tables.length + tables.reduce((n, t) => n + padded(t.data.length), 0);
