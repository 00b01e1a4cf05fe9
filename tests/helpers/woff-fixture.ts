import { deflateSync } from 'node:zlib';

/**
 * A WOFF 1.0 file made from an sfnt font (tables in tag order, each zlib-compressed when that is
 * smaller, checksums copied from the font): the tool only reads WOFF (a workspace may bring its
 * fonts so), so the tests make their WOFF inputs here.
 */
export function sfntToWoff(sfnt: Buffer): Buffer {
  const count = sfnt.readUInt16BE(4);
  const tables = Array.from({ length: count }, (_, i) => {
    const e = 12 + 16 * i;
    const offset = sfnt.readUInt32BE(e + 8);
    const data = sfnt.subarray(offset, offset + sfnt.readUInt32BE(e + 12));
    return { tag: sfnt.readUInt32BE(e), checksum: sfnt.readUInt32BE(e + 4), data };
  }).sort((a, b) => a.tag - b.tag);
  const padded = (n: number) => (n + 3) & ~3;
  const chunks = tables.map((t) => {
    const z = deflateSync(t.data, { level: 9 });
    return z.length < t.data.length ? z : t.data;
  });
  const directory = Buffer.alloc(20 * count);
  let offset = 44 + directory.length;
  tables.forEach((t, i) => {
    directory.writeUInt32BE(t.tag, i * 20);
    directory.writeUInt32BE(offset, i * 20 + 4);
    directory.writeUInt32BE(chunks[i]!.length, i * 20 + 8);
    directory.writeUInt32BE(t.data.length, i * 20 + 12);
    directory.writeUInt32BE(t.checksum, i * 20 + 16);
    offset += padded(chunks[i]!.length);
  });
  const header = Buffer.alloc(44);
  header.writeUInt32BE(0x774f4646, 0); // 'wOFF'
  header.writeUInt32BE(sfnt.readUInt32BE(0), 4);
  header.writeUInt32BE(offset, 8);
  header.writeUInt16BE(count, 12);
  header.writeUInt32BE(12 + 16 * count + tables.reduce((n, t) => n + padded(t.data.length), 0), 16);
  const body = chunks.map((c) => Buffer.concat([c, Buffer.alloc(padded(c.length) - c.length)]));
  return Buffer.concat([header, directory, ...body]);
}
