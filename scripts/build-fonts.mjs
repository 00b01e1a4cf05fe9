#!/usr/bin/env node
// Write the faces openletter uses (src/fonts/font-files.ts) from the font packages, which are
// devDependencies holding every weight, into dist/fonts/ as WOFF, with each family's OFL text.
// The published package ships dist/fonts/ (about 32 MB instead of 300 MB of packages) and needs
// nothing else at run time. Run by `npm run build`, after tsc; a face already built from an
// unchanged file is kept, so a rebuild costs nothing.
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist', 'fonts');
const { FONT_FILES, bundledFontName } = await import(join(ROOT, 'dist/fonts/font-files.js'));
const { sfntToWoff } = await import(join(ROOT, 'dist/fonts/woff.js'));
const require = createRequire(join(ROOT, 'package.json'));

mkdirSync(OUT, { recursive: true });
const wanted = new Set();
for (const source of new Set(Object.values(FONT_FILES).flatMap((styles) => Object.values(styles)))) {
  const from = require.resolve(source);
  const to = join(OUT, bundledFontName(source));
  wanted.add(bundledFontName(source));
  if (!isNewer(to, from)) writeFileSync(to, sfntToWoff(readFileSync(from)));
  // Each family's licence travels with its files: OFL-<package>.txt.
  const pkg = source.split('/').slice(0, 2).join('/');
  const licence = `OFL-${pkg.split('/')[1]}.txt`;
  copyFileSync(require.resolve(`${pkg}/LICENSE_FONT`), join(OUT, licence));
  wanted.add(licence);
}
// A face dropped from the table must not linger in the package (dist/fonts/ also holds the
// compiled src/fonts/ modules: only faces and licences are ours to remove).
for (const name of readdirSync(OUT)) if (!wanted.has(name) && /\.(woff|txt)$/.test(name)) rmSync(join(OUT, name));

function isNewer(a, b) {
  try {
    return statSync(a).mtimeMs >= statSync(b).mtimeMs;
  } catch {
    return false;
  }
}
