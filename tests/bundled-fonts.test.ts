import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledFontName, FONT_FILES, readFontFile } from '../src/fonts/font-files.js';
import { isWoff, sfntToWoff, woffToSfnt } from '../src/fonts/woff.js';
import { REPO } from './helpers/workspace.js';

const require = createRequire(join(REPO, 'package.json'));
const sources = [...new Set(Object.values(FONT_FILES).flatMap((styles) => Object.values(styles)))];

/** tag → table bytes of an sfnt file. */
function tables(sfnt: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (let i = 0; i < sfnt.readUInt16BE(4); i++) {
    const e = 12 + 16 * i;
    const offset = sfnt.readUInt32BE(e + 8);
    out.set(sfnt.toString('latin1', e, e + 4), sfnt.subarray(offset, offset + sfnt.readUInt32BE(e + 12)));
  }
  return out;
}

describe('the fonts the package ships (dist/fonts/, WOFF)', () => {
  it('are the twelve faces the tool uses: Latin regular, bold, italic, bold italic; CJK and Arabic regular and bold', () => {
    expect(sources.length).toBe(12);
    expect(sources.map(bundledFontName).sort()).toEqual([
      'NotoNaskhArabic_400Regular.woff',
      'NotoNaskhArabic_700Bold.woff',
      'NotoSerifJP_400Regular.woff',
      'NotoSerifJP_700Bold.woff',
      'NotoSerifKR_400Regular.woff',
      'NotoSerifKR_700Bold.woff',
      'NotoSerifSC_400Regular.woff',
      'NotoSerifSC_700Bold.woff',
      'NotoSerif_400Regular.woff',
      'NotoSerif_400Regular_Italic.woff',
      'NotoSerif_700Bold.woff',
      'NotoSerif_700Bold_Italic.woff',
    ]);
  });
  it.each(sources)('%s decodes to the font package file, table for table', (source) => {
    const original = tables(readFileSync(require.resolve(source)));
    const shipped = readFileSync(join(REPO, 'dist/fonts', bundledFontName(source)));
    expect(isWoff(shipped)).toBe(true);
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

describe('WOFF 1.0 codec', () => {
  const latin = readFileSync(require.resolve(FONT_FILES['noto-serif'].regular));
  it('round-trips an sfnt: same tables, checksums and a valid table directory', () => {
    const woff = sfntToWoff(latin);
    expect(woff.length).toBeLessThan(latin.length * 0.6);
    const back = woffToSfnt(woff);
    expect(back.readUInt32BE(0)).toBe(latin.readUInt32BE(0));
    expect(back.readUInt16BE(6)).toBe(latin.readUInt16BE(6)); // searchRange
    expect(back.readUInt16BE(8)).toBe(latin.readUInt16BE(8)); // entrySelector
    expect(back.readUInt16BE(10)).toBe(latin.readUInt16BE(10)); // rangeShift
    const a = tables(latin);
    const b = tables(back);
    for (const [tag, data] of a) expect(b.get(tag)!.equals(data), tag).toBe(true);
    expect(woffToSfnt(sfntToWoff(back)).equals(back)).toBe(true);
  });
  it('refuses what is not a WOFF, and a table that does not inflate to its stated length', () => {
    expect(() => woffToSfnt(latin)).toThrow(/not a WOFF 1\.0 file/);
    const woff = sfntToWoff(latin);
    woff.writeUInt32BE(woff.readUInt32BE(44 + 12) + 1, 44 + 12); // first table's origLength
    expect(() => woffToSfnt(woff)).toThrow(/inflates to \d+ bytes, not \d+/);
  });
});
