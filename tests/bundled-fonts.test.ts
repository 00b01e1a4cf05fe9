import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledFontName, FONT_FILES, readFontFile } from '../src/fonts/font-files.js';
import * as fontkit from 'fontkit';
import { isWoff2, sfntToWoff2, woff2ToSfnt } from '../src/fonts/woff2.js';
import { sfntTables as tables } from './helpers/sfnt-tables.js';
import { REPO } from './helpers/workspace.js';

const require = createRequire(join(REPO, 'package.json'));
const sources = [...new Set(Object.values(FONT_FILES).flatMap((styles) => Object.values(styles)))];

describe('the fonts the package ships (dist/fonts/, WOFF2)', () => {
  it('are the twelve faces the tool uses: Latin regular, bold, italic, bold italic; CJK and Arabic regular and bold', () => {
    expect(sources.length).toBe(12);
    expect(sources.map(bundledFontName).sort()).toEqual([
      'NotoNaskhArabic_400Regular.woff2',
      'NotoNaskhArabic_700Bold.woff2',
      'NotoSerifJP_400Regular.woff2',
      'NotoSerifJP_700Bold.woff2',
      'NotoSerifKR_400Regular.woff2',
      'NotoSerifKR_700Bold.woff2',
      'NotoSerifSC_400Regular.woff2',
      'NotoSerifSC_700Bold.woff2',
      'NotoSerif_400Regular.woff2',
      'NotoSerif_400Regular_Italic.woff2',
      'NotoSerif_700Bold.woff2',
      'NotoSerif_700Bold_Italic.woff2',
    ]);
  });
  it.each(sources)('%s decodes to the font package file, table for table', (source) => {
    const original = tables(readFileSync(require.resolve(source)));
    const shipped = readFileSync(join(REPO, 'dist/fonts', bundledFontName(source)));
    expect(isWoff2(shipped)).toBe(true);
    const decoded = tables(readFontFile(source));
    expect([...decoded.keys()].sort()).toEqual([...original.keys()].sort());
    for (const [tag, data] of original) expect(decoded.get(tag)!.equals(data), tag).toBe(true);
  });
  it('carry each family’s OFL text', () => {
    for (const pkg of new Set(sources.map((s) => s.split('/')[1])))
      expect(readFileSync(join(REPO, 'dist/fonts', `OFL-${pkg}.txt`), 'utf8')).toMatch(
        /SIL Open Font License,?\s+Version 1\.1/,
      );
  });
});

/** Where each WOFF2 directory entry's flags byte and the last byte of its length are. */
function directoryEntries(woff2: Buffer): { tag: string; flags: number; lastLengthByte: number }[] {
  const known = ['cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca'];
  const out = [];
  let at = 48;
  for (let i = 0; i < woff2.readUInt16BE(12); i++) {
    const flags = at++;
    let tag = known[woff2[flags]! & 0x3f] ?? `#${woff2[flags]! & 0x3f}`;
    if ((woff2[flags]! & 0x3f) === 0x3f) tag = woff2.toString('latin1', at, (at += 4));
    while (woff2[at]! & 0x80) at++;
    out.push({ tag, flags, lastLengthByte: at++ });
  }
  return out;
}

describe('WOFF2 codec (null transforms)', () => {
  const latin = readFileSync(require.resolve(FONT_FILES['noto-serif'].regular));
  it('round-trips an sfnt: same tables, checksums and a valid table directory', async () => {
    const woff2 = await sfntToWoff2(latin);
    expect(woff2.length).toBeLessThan(latin.length * 0.5);
    expect(woff2.length % 4).toBe(0);
    expect(woff2.readUInt32BE(8)).toBe(woff2.length);
    const back = woff2ToSfnt(woff2);
    for (const at of [0, 2, 4, 6, 8, 10])
      expect(back.readUInt16BE(at), `offset table byte ${at}`).toBe(latin.readUInt16BE(at));
    const a = tables(latin);
    const b = tables(back);
    for (const [tag, data] of a) expect(b.get(tag)!.equals(data), tag).toBe(true);
    // The checksums are recomputed; the font's own are right, so they must come out the same.
    const sums = (sfnt: Buffer) =>
      Array.from({ length: sfnt.readUInt16BE(4) }, (_, i) => sfnt.readUInt32BE(12 + 16 * i + 4)).sort();
    expect(sums(back)).toEqual(sums(latin));
    expect(woff2ToSfnt(await sfntToWoff2(back)).equals(back)).toBe(true);
  });
  it('writes files another decoder reads: fontkit opens them with the same glyphs', async () => {
    const theirs = fontkit.create(await sfntToWoff2(latin)) as fontkit.Font;
    const original = fontkit.create(latin) as fontkit.Font;
    expect(theirs.type).toBe('WOFF2');
    expect(theirs.numGlyphs).toBe(original.numGlyphs);
    expect(theirs.postscriptName).toBe(original.postscriptName);
    for (const cp of [0x41, 0xe9, 0x416, 0x3a9])
      expect(theirs.glyphForCodePoint(cp).path.toSVG()).toBe(original.glyphForCodePoint(cp).path.toSVG());
  });
  it('refuses what is not a WOFF2, a transformed glyf table, and data that do not add up', async () => {
    expect(() => woff2ToSfnt(latin)).toThrow(/not a WOFF2 file/);
    const woff2 = await sfntToWoff2(latin);
    const entries = directoryEntries(woff2);
    const transformed = Buffer.from(woff2);
    transformed[entries.find((e) => e.tag === 'glyf')!.flags] = 10; // glyf with transform version 0
    expect(() => woff2ToSfnt(transformed)).toThrow(/glyf is transformed/);
    const short = Buffer.from(woff2);
    short[entries[0]!.lastLengthByte]! += 1; // the first table one byte longer than the data hold
    expect(() => woff2ToSfnt(short)).toThrow(/decompress to \d+ bytes, the tables need \d+/);
  });
});
