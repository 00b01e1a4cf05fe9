#!/usr/bin/env node
// Copy HarfBuzz's WebAssembly build (harfbuzzjs, a devDependency: src/fonts/harfbuzz.ts instantiates
// it, none of the package's JavaScript is used) into dist/harfbuzz/ with its licences: harfbuzzjs's
// MIT licence and HarfBuzz's own "Old MIT" COPYING (licenses/, as the package does not carry it).
// The published package ships dist/harfbuzz/ (444 kB) instead of installing harfbuzzjs (1.3 MB).
// Run by `npm run build`.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist', 'harfbuzz');
// The package exports its wasm files only: its folder is two up from one of them.
const PACKAGE = dirname(dirname(createRequire(join(ROOT, 'package.json')).resolve('harfbuzzjs/dist/harfbuzz.wasm')));

mkdirSync(OUT, { recursive: true });
copyFileSync(join(PACKAGE, 'dist', 'harfbuzz.wasm'), join(OUT, 'harfbuzz.wasm'));
copyFileSync(join(PACKAGE, 'LICENSE'), join(OUT, 'LICENSE-harfbuzzjs.txt'));
copyFileSync(join(ROOT, 'licenses', 'harfbuzz-COPYING.txt'), join(OUT, 'COPYING-harfbuzz.txt'));
