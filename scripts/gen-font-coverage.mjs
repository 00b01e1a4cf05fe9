#!/usr/bin/env node
// Precompute, for each bundled font's regular face, which code points it covers (as sorted ranges) into
// dist/font-coverage.json and their advance widths into dist/font-widths.json, so `openletter check`
// can refuse uncovered characters and measure mission addresses against the envelope windows without
// reading 40 MB of CJK fonts. Run by `npm run build` (and so by `npm ci`); without the files the
// renderer and the address check ask the fonts themselves.
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { knownFontIds, loadFace } = await import(resolve(ROOT, 'dist/fonts/font-library.js'));
const { useFontCache } = await import(resolve(ROOT, 'dist/fonts/font-cache.js'));
const { userCacheDir } = await import(resolve(ROOT, 'dist/util/user-cache-dir.js'));
// The faces as the CLI reads them, through the per-user cache of decoded faces: a rebuild does not
// brotli-decode every CJK face again.
useFontCache(userCacheDir(process.env, process.platform, 'fonts'));
const coverage = {};
const widths = {};
for (const id of knownFontIds()) {
  const face = loadFace(id, 'regular');
  const cps = [...new Set(face.font.characterSet)].sort((a, b) => a - b);
  const ranges = [];
  for (const cp of cps) {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === cp - 1) last[1] = cp;
    else ranges.push([cp, cp]);
  }
  coverage[id] = ranges.flat();
  // Runs of consecutive code points with one advance, as flat [first, count, advance, …] triples in
  // font units: the fixed-width Hangul and Han blocks of a CJK face are a handful of runs.
  const runs = [];
  for (const cp of cps) {
    const advance = face.font.glyphForCodePoint(cp).advanceWidth;
    const n = runs.length;
    if (n && runs[n - 3] + runs[n - 2] === cp && runs[n - 1] === advance) runs[n - 2]++;
    else runs.push(cp, 1, advance);
  }
  widths[id] = { unitsPerEm: face.unitsPerEm, runs };
}
writeFileSync(resolve(ROOT, 'dist/font-coverage.json'), JSON.stringify(coverage));
writeFileSync(resolve(ROOT, 'dist/font-widths.json'), JSON.stringify(widths));
