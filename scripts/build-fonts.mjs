#!/usr/bin/env node
// Write the faces openletter uses (src/fonts/font-files.ts) from the font packages, which are
// devDependencies holding every weight, into dist/fonts/ as WOFF2, with each family's OFL text.
// The published package ships dist/fonts/ (29 MB instead of 300 MB of packages) and needs
// nothing else at run time. Run by `npm run build`, after tsc. Brotli at its best quality takes
// minutes for the CJK faces, so each result is also kept in node_modules/.cache/openletter-fonts/
// under the hash of its source: a rebuild, and `npm pack` (whose prepack empties dist/), reuse it.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist', 'fonts');
const CACHE = join(ROOT, 'node_modules', '.cache', 'openletter-fonts');
const { FONT_FILES, bundledFontName } = await import(join(ROOT, 'dist/fonts/font-files.js'));
const { sfntToWoff2 } = await import(join(ROOT, 'dist/fonts/woff2.js'));
const require = createRequire(join(ROOT, 'package.json'));
// Part of the cache key: a change to the encoder must not reuse files the old one wrote.
const ENCODER = readFileSync(join(ROOT, 'dist/fonts/woff2.js'));

mkdirSync(OUT, { recursive: true });
mkdirSync(CACHE, { recursive: true });
const wanted = new Set();
const faces = [];
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
    })(),
  );
  // Each family's licence travels with its files: OFL-<package>.txt.
  const pkg = source.split('/').slice(0, 2).join('/');
  const licence = `OFL-${pkg.split('/')[1]}.txt`;
  copyFileSync(require.resolve(`${pkg}/LICENSE_FONT`), join(OUT, licence));
  wanted.add(licence);
}
await Promise.all(faces);
// A face dropped from the table must not linger in the package (dist/fonts/ also holds the
// compiled src/fonts/ modules: only faces and licences are ours to remove).
for (const name of readdirSync(OUT)) if (!wanted.has(name) && /\.(woff2?|txt)$/.test(name)) rmSync(join(OUT, name));
