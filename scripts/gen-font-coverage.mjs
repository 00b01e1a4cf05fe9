#!/usr/bin/env node
// Precompute which code points each bundled font covers (as sorted ranges) into dist/font-coverage.json,
// so `openletter check` can refuse uncovered characters without reading 40 MB of CJK fonts.
// Run by `npm run build` (and so by `npm ci`); the renderer falls back to the fonts if the file is missing.
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { knownFontIds, loadFace } = await import(resolve(ROOT, 'dist/fonts/font-library.js'));
const { fontCacheDir, useFontCache } = await import(resolve(ROOT, 'dist/fonts/font-cache.js'));
// The faces as the CLI reads them, through the per-user cache of decoded faces: a rebuild does not
// brotli-decode every CJK face again.
useFontCache(fontCacheDir(process.env, process.platform));
const out = {};
for (const id of knownFontIds()) {
  const cps = [...new Set(loadFace(id, 'regular').font.characterSet)].sort((a, b) => a - b);
  const ranges = [];
  for (const cp of cps) {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === cp - 1) last[1] = cp;
    else ranges.push([cp, cp]);
  }
  out[id] = ranges.flat();
}
writeFileSync(resolve(ROOT, 'dist/font-coverage.json'), JSON.stringify(out));
