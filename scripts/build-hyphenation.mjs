#!/usr/bin/env node
// Write the `hyphen` package's Liang patterns (a devDependency: 9.7 MB installed, most of it pattern
// files as JavaScript source) into dist/hyphenation/ as brotli-compressed JSON, about 1 MB for all
// of its languages, with its engine and licence: the published package hyphenates every language
// `hyphen` knows without installing it. languages.json maps each tag the package offers (its
// folders: "en" → "en-us", "de" → "de-1996") to a pattern file, so lookups behave as with the
// package itself. Run by `npm run build`; each compressed file is also kept in
// node_modules/.cache/openletter-hyphenation/ under the hash of its JSON, so that `npm pack` (whose
// prepack empties dist/) does not compress them again.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist', 'hyphenation');
const require = createRequire(join(ROOT, 'package.json'));
const PACKAGE = dirname(require.resolve('hyphen/package.json'));
const CACHE = join(ROOT, 'node_modules', '.cache', 'openletter-hyphenation');

/** Each language folder's index.js either re-exports another folder or wraps a pattern file. */
function patternFileOf(folder, seen = new Set()) {
  if (seen.has(folder)) throw new Error(`hyphen/${folder}: the language folders refer to each other in a loop`);
  seen.add(folder);
  const index = readFileSync(join(PACKAGE, folder, 'index.js'), 'utf8');
  const alias = /require\("\.\.\/([^/"]+)\/index\.js"\)/.exec(index);
  if (alias) return patternFileOf(alias[1], seen);
  const patterns = /require\("\.\.\/patterns\/([^/"]+)\.js"\)/.exec(index);
  if (!patterns) throw new Error(`hyphen/${folder}/index.js names no pattern file`);
  return patterns[1];
}

mkdirSync(join(OUT, 'patterns'), { recursive: true });
mkdirSync(CACHE, { recursive: true });
const languages = {};
const wanted = new Set();
const jobs = [];
for (const folder of readdirSync(PACKAGE).sort()) {
  if (!statSync(join(PACKAGE, folder)).isDirectory() || folder === 'patterns') continue;
  const file = patternFileOf(folder);
  const from = join(PACKAGE, 'patterns', `${file}.js`);
  let patterns;
  try {
    patterns = require(from);
  } catch {
    // hyphen 1.14.1's Church Slavonic file is not valid JavaScript: the language is left out, as
    // `require('hyphen/cu')` fails too.
    continue;
  }
  languages[folder] = file;
  const to = join(OUT, 'patterns', `${file}.json.br`);
  if (wanted.has(to)) continue;
  wanted.add(to);
  const json = Buffer.from(JSON.stringify(patterns));
  const cached = join(CACHE, `${createHash('sha256').update(json).digest('hex')}.json.br`);
  jobs.push(
    (async () => {
      let compressed;
      try {
        compressed = readFileSync(cached);
      } catch {
        compressed = await promisify(brotliCompress)(json, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: json.length },
        });
        writeFileSync(cached, compressed);
      }
      writeFileSync(to, compressed);
    })(),
  );
}
await Promise.all(jobs);
for (const name of readdirSync(join(OUT, 'patterns')))
  if (!wanted.has(join(OUT, 'patterns', name))) rmSync(join(OUT, 'patterns', name));
writeFileSync(join(OUT, 'languages.json'), `${JSON.stringify(languages, null, 1)}\n`);
// The engine, unchanged (UMD, loaded as CommonJS), and the package's ISC licence, which covers
// its port of CTAN's patterns.
copyFileSync(join(PACKAGE, 'hyphen.js'), join(OUT, 'hyphen.cjs'));
copyFileSync(join(PACKAGE, 'LICENSE'), join(OUT, 'LICENSE-hyphen.txt'));
