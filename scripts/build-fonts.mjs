#!/usr/bin/env node
// Write the faces openletter uses (src/fonts/font-files.ts) from the font packages, which are
// devDependencies holding every weight, into dist/fonts/ as WOFF2, with each family's OFL text.
// The published package ships dist/fonts/ (29 MB instead of 300 MB of packages) and needs
// nothing else at run time. Run by `npm run build`, after tsc. Brotli at its best quality takes
// minutes for the CJK faces, so each result is also kept in node_modules/.cache/openletter-fonts/
// under the hash of its source: a rebuild, and `npm pack` (whose prepack empties dist/), reuse it.
// It also writes dist/fonts/decoded-sha256.json, the hash of each face's decoded bytes, by which
// the per-user cache of decoded faces (src/fonts/font-cache.ts) names and checks its files.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist', 'fonts');
const CACHE = join(ROOT, 'node_modules', '.cache', 'openletter-fonts');
const { FONT_FILES, bundledFontName, DECODED_HASHES } = await import(join(ROOT, 'dist/fonts/font-files.js'));
const { sfntToWoff2, woff2ToSfnt } = await import(join(ROOT, 'dist/fonts/woff2.js'));
const require = createRequire(join(ROOT, 'package.json'));
// Part of the cache key: a change to the encoder must not reuse files the old one wrote.
const ENCODER = readFileSync(join(ROOT, 'dist/fonts/woff2.js'));

mkdirSync(OUT, { recursive: true });
mkdirSync(CACHE, { recursive: true });
const wanted = new Set();
const faces = [];
const decodedHashes = {};
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
for (const source of new Set(Object.values(FONT_FILES).flatMap((styles) => Object.values(styles)))) {
  const sfnt = readFileSync(require.resolve(source));
  const cached = join(CACHE, `${createHash('sha256').update(ENCODER).update(sfnt).digest('hex')}.woff2`);
  const to = join(OUT, bundledFontName(source));
  wanted.add(bundledFontName(source));
  faces.push(
    (async () => {
      let woff2;
      try {
        woff2 = readFileSync(cached);
      } catch {
        woff2 = await sfntToWoff2(sfnt);
        writeFileSync(cached, woff2);
      }
      writeFileSync(to, woff2);
      // Decoding a CJK face takes a second: its hash is kept beside the cached WOFF2.
      let hash;
      try {
        hash = readFileSync(`${cached}.sha256`, 'utf8');
      } catch {
        hash = sha256(woff2ToSfnt(woff2));
        writeFileSync(`${cached}.sha256`, hash);
      }
      decodedHashes[bundledFontName(source)] = hash;
    })(),
  );
  // Each family's licence travels with its files: OFL-<package>.txt.
  const pkg = source.split('/').slice(0, 2).join('/');
  const licence = `OFL-${pkg.split('/')[1]}.txt`;
  copyFileSync(require.resolve(`${pkg}/LICENSE_FONT`), join(OUT, licence));
  wanted.add(licence);
}
await Promise.all(faces);
const names = Object.keys(decodedHashes).sort();
writeFileSync(
  join(OUT, DECODED_HASHES),
  `${JSON.stringify(Object.fromEntries(names.map((n) => [n, decodedHashes[n]])), null, 2)}\n`,
);
// A face dropped from the table must not linger in the package (dist/fonts/ also holds the
// compiled src/fonts/ modules: only faces and licences are ours to remove).
for (const name of readdirSync(OUT)) if (!wanted.has(name) && /\.(woff2?|txt)$/.test(name)) rmSync(join(OUT, name));
