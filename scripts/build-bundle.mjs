#!/usr/bin/env node
// Bundles the compiled CLI (dist/**/*.js, from tsc) and its pure-JavaScript dependencies into one
// CommonJS file, dist/openletter.cjs, which bin/openletter.js runs. One file instead of ~400 modules:
// start-up resolves, reads and compiles one script, and that one script can be compiled once per
// user and kept as V8 code cache (bin/openletter.js), which an ES module cannot on Node 20.
// Run by `npm run build` after tsc.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');

/**
 * Left to Node's own loader: pdfkit and fontkit read data files beside their own code, and must be
 * the one copy that src/render/pdf/pdfkit-font-patches.ts patches; nodemailer and docx are large and
 * only `deliver` and `render --format docx` load them.
 */
const EXTERNAL = ['pdfkit', 'fontkit', 'nodemailer', 'nodemailer/*', 'docx'];

/**
 * Our modules find files next to themselves (`new URL('../../dist/fonts/', import.meta.url)`,
 * `createRequire(import.meta.url)`): give each its own original URL, computed from the bundle's place
 * (dist/), so every such path means what it meant before bundling.
 */
const ownUrl = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, async ({ path }) => {
      const rel = relative(DIST, path).split('\\').join('/');
      const source = readFileSync(path, 'utf8')
        // A package loaded on first use (handlebars) is bundled like the others; its first use stays lazy.
        .replace(/createRequire\(import\.meta\.url\)\(('[^'./][^']*')\)/g, 'require($1)')
        .replaceAll('import.meta.url', `__ownUrl(${JSON.stringify(rel)})`);
      return { contents: source, loader: 'js' };
    });
  },
};

/**
 * Every compiled module, the locked dependency versions and the scripts that derive the build's data
 * files from them (the coverage table `check` reads, hyphenation patterns, fonts): what the bundle is
 * made of and reads. The data files themselves are written after the bundle.
 */
const DATA_SCRIPTS = ['build-fonts.mjs', 'build-hyphenation.mjs', 'gen-font-coverage.mjs'];

function buildId() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith('.js')) hash.update(`${relative(DIST, path)}\0`).update(readFileSync(path));
    }
  };
  walk(DIST);
  for (const name of DATA_SCRIPTS) hash.update(`${name}\0`).update(readFileSync(join(ROOT, 'scripts', name)));
  return hash.update(readFileSync(join(ROOT, 'package-lock.json'))).digest('hex');
}

await build({
  stdin: {
    contents: [
      "import { exitQuietlyOnClosedPipe, exitQuietlyOnInterrupt, run } from './cli/main.js';",
      "import { nodeIo } from './io/node-io.js';",
      'export async function main() {',
      '  exitQuietlyOnInterrupt();',
      '  exitQuietlyOnClosedPipe();',
      '  process.exitCode = await run(process.argv.slice(2), nodeIo());',
      '}',
    ].join('\n'),
    resolveDir: DIST,
    sourcefile: 'openletter-entry.js',
    loader: 'js',
  },
  bundle: true,
  platform: 'node',
  target: 'node20',
  // import('pdfkit') as require('pdfkit'): the CommonJS pdfkit then shares the one CommonJS fontkit
  // our font code loads, and the script needs no ES module loader.
  supported: { 'dynamic-import': false },
  format: 'cjs',
  outfile: join(DIST, 'openletter.cjs'),
  external: EXTERNAL,
  // Caches of what the code derives from a workspace are valid for this build only (src/cli/build-id.ts).
  define: { OPENLETTER_BUILD: JSON.stringify(buildId()) },
  plugins: [ownUrl],
  // A module may name its own `require` (createRequire): the helper must not see it.
  banner: {
    js: "const __ownUrl = (rel) => require('node:url').pathToFileURL(require('node:path').join(__dirname, rel)).href;",
  },
  legalComments: 'eof',
  charset: 'ascii',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
