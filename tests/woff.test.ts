import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT_FILES } from '../src/fonts/font-files.js';
import { woffToSfnt } from '../src/fonts/woff.js';
import { sfntTables as tables } from './helpers/sfnt-tables.js';
import { sfntToWoff } from './helpers/woff-fixture.js';
import { REPO } from './helpers/workspace.js';

const require = createRequire(join(REPO, 'package.json'));

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
