/** tag → table bytes of an sfnt file. */
export function sfntTables(sfnt: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (let i = 0; i < sfnt.readUInt16BE(4); i++) {
    const e = 12 + 16 * i;
    const offset = sfnt.readUInt32BE(e + 8);
    out.set(sfnt.toString('latin1', e, e + 4), sfnt.subarray(offset, offset + sfnt.readUInt32BE(e + 12)));
  }
  return out;
}
