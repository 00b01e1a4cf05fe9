#!/usr/bin/env node
// The package as a user gets it: `npm pack` the repository, install the tarball into an empty
// project in a temporary folder (its dependencies from the registry), and run the whole path
// there with no repository around: init → check (the example letter's TODOs) → fill them → check →
// render → deliver, through `npx openletter`.
// Fails when a step fails, when the tarball carries what it should not, or when the install is
// 100 MB or more as `du -sh node_modules` counts it (issue 10's measure: allocated blocks, in MiB). Prints the packed and installed sizes and the install time (BENCHMARKS.md).
// Run by .ci/run; by hand: node scripts/check-packed.mjs [--keep]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, lstatSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** `du -sh` prints mebibytes: its "100M" is 100 × 2^20 bytes. */
const LIMIT_MIB = 100;
const tmp = mkdtempSync(join(tmpdir(), 'openletter-packed-'));
const keep = process.argv.includes('--keep');

/** Run a command; on failure print what it said and stop. */
function run(cmd, args, cwd, { expect = 0 } = {}) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== expect) {
    process.stderr.write(`${r.stdout}\n${r.stderr}\n`);
    fail(`\`${cmd} ${args.join(' ')}\` in ${cwd} exited ${r.status ?? r.signal}, expected ${expect}`);
  }
  return { stdout: r.stdout, stderr: r.stderr, seconds };
}

function fail(message) {
  process.stderr.write(`check-packed: ${message}\n  (files kept in ${tmp})\n`);
  process.exit(1);
}

/** Disk usage like `du -s`: allocated blocks, each hard-linked file once, symlinks not followed. */
function diskUsage(dir, seen = new Set()) {
  let bytes = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = lstatSync(path);
    if (seen.has(st.ino)) continue;
    seen.add(st.ino);
    bytes += st.blocks * 512;
    if (st.isDirectory()) bytes += diskUsage(path, seen);
  }
  return bytes;
}

const mb = (bytes) => (bytes / 1e6).toFixed(1);
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(1)}M`;

// 1. Pack. prepack builds dist/ from a clean slate.
const packed = JSON.parse(
  run('npm', ['pack', '--json', '--pack-destination', tmp], ROOT).stdout.replace(/^[^[]*/s, ''),
)[0];
const paths = packed.files.map((f) => f.path);
for (const needed of [
  'bin/openletter.js',
  'dist/openletter.cjs',
  'dist/font-coverage.json',
  'dist/fonts/NotoSerifKR_700Bold.woff2',
  'dist/fonts/OFL-noto-serif-kr.txt',
  'dist/hyphenation/patterns/en-us.json.br',
  'dist/hyphenation/LICENSE-hyphen.txt',
  'dist/harfbuzz/harfbuzz.wasm',
  'dist/harfbuzz/COPYING-harfbuzz.txt',
  'dist/harfbuzz/LICENSE-harfbuzzjs.txt',
  'LICENSE',
  'README.md',
])
  if (!paths.includes(needed)) fail(`the tarball lacks ${needed}`);
for (const banned of ['src/', 'tests/', 'scripts/', '.ci/', 'node_modules/'])
  if (paths.some((p) => p.startsWith(banned))) fail(`the tarball carries ${banned}`);
// bin/openletter.js runs the one bundled file: the compiled modules it was made of would only take room.
const modules = paths.filter((p) => /^dist\/.*\.js$/.test(p));
if (modules.length) fail(`the tarball carries compiled modules beside the bundle: ${modules.slice(0, 3).join(', ')}`);

// 2. Install it into an empty project, as `npm install openletter` would.
const project = join(tmp, 'project');
cpSync(join(tmp, packed.filename), join(tmp, 'project', packed.filename));
writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'letters', private: true }, null, 2)}\n`);
const install = run('npm', ['install', '--no-audit', '--no-fund', `./${packed.filename}`], project);
rmSync(join(project, packed.filename));
const installed = diskUsage(join(project, 'node_modules'));
if (installed >= LIMIT_MIB * 2 ** 20)
  fail(`the install takes ${mib(installed)} (${mb(installed)} MB), over ${LIMIT_MIB}M`);

// 3. The whole path, from an `init` workspace inside that project.
const ol = (args, cwd, opts) => run('npx', ['--no-install', 'openletter', ...args], cwd, opts);
const version = ol(['--version'], project).stdout.trim();
if (version !== packed.version) fail(`openletter --version says ${version}, the package is ${packed.version}`);
const init = ol(['init', 'our-letter', '--name', 'Coalition for Smoke Tests'], project).stdout;
const ws = join(project, 'our-letter');
if (!init.includes('cd our-letter') || !init.includes('npx openletter check'))
  fail(`init's next steps do not say how to run it from here:\n${init}`);
// The example letter is addressed to nobody yet: check reports its TODOs (exit 1) until they are
// written. Written here as a coordinator would, for a made-up state, and then it checks clean.
const todos = ol(['check'], ws, { expect: 1 }).stdout;
if (!/^campaigns\/example-letter\.yaml:\d+:\d+: error: unrendered placeholder "TODO"/m.test(todos))
  fail(`check of a new workspace does not report the example letter's TODOs:\n${todos}`);
const campaign = join(ws, 'campaigns/example-letter.yaml');
writeFileSync(
  campaign,
  readFileSync(campaign, 'utf8')
    .replace(`"TODO: the state's name (Belarus)"`, 'Exampleland')
    .replace(`"TODO: the state after 'in' (in Belarus)"`, 'in Exampleland')
    .replace(`"TODO: the recipient's name"`, 'Alex Example')
    .replace('"TODO: His Excellency …, President of …"', 'His Excellency Alex Example, President of Exampleland')
    .replace(`"TODO: the recipient's title"`, 'President of Exampleland')
    .replace('"TODO: street, city"', '1 Palace Square, Example City')
    .replace('"TODO: country"', 'Exampleland')
    .replace('"TODO: Dear …,"', 'Dear President Example,'),
);
if (readFileSync(campaign, 'utf8').includes('"TODO:'))
  fail('the example letter from init has TODO lines this script does not fill');
ol(['check'], ws);
ol(['render', 'example-letter'], ws);
for (const f of ['en.pdf', 'en.md'])
  if (!existsSync(join(ws, 'out/example-letter', f))) fail(`render did not write out/example-letter/${f}`);
if (readFileSync(join(ws, 'out/example-letter/en.pdf')).subarray(0, 5).toString() !== '%PDF-')
  fail('out/example-letter/en.pdf is not a PDF');
// Delivery needs a return address (init leaves TODO lines, which deliver refuses) and a mission:
// write the one, take the other from the package's researched list, as init's comments say. The
// mission is one whose first language is the letter's (English): a Korean packet would also need
// the coalition's Korean name, which only the coalition can give (check reports it).
const settings = join(ws, 'workspace.yaml');
writeFileSync(
  settings,
  readFileSync(settings, 'utf8')
    .replace('"TODO: street and number"', '"1 Example Street"')
    .replace('"TODO: postcode and city"', '"1000 Example City"')
    .replace('"TODO: country"', '"Exampleland"'),
);
if (readFileSync(settings, 'utf8').includes('"TODO:'))
  fail('workspace.yaml from init has TODO lines this script does not fill');
cpSync(join(project, 'node_modules/openletter/missions.yaml'), join(ws, 'missions.yaml'));
writeFileSync(
  campaign,
  readFileSync(campaign, 'utf8').replace(/^missions: \[\].*$/m, 'missions: [dprk-un-mission-geneva]'),
);
ol(['deliver', 'example-letter', '--today', '2026-12-01'], ws);
const packet = join(ws, 'out/example-letter/delivery/dprk-un-mission-geneva');
for (const f of ['cover-note-en.pdf', 'letter-en.pdf', 'manifest.json'])
  if (!existsSync(join(packet, f))) fail(`deliver did not write ${f}`);

// A Korean letter of the package's own workspace: Hangul shaped by the shipped HarfBuzz, and read back.
ol(
  ['render', '2018-kim-jong-un', '--lang', 'ko', '--format', 'pdf', '--out', join(tmp, 'ko')],
  join(project, 'node_modules/openletter'),
);
const korean = spawnSync('pdftotext', [join(tmp, 'ko/2018-kim-jong-un/ko.pdf'), '-'], { encoding: 'utf8' });
if (korean.status !== 0 || !korean.stdout.includes('김정은'))
  fail('the packed Korean letter does not read back 김정은');

process.stdout.write(
  `packed: ${packed.filename} ${(packed.size / 1e3).toFixed(0)} kB, ${paths.length} files; ` +
    `installed: ${mib(installed)} as du -sh counts (${mb(installed)} MB) in ${install.seconds.toFixed(1)} s; init → check → render → deliver ok\n`,
);
if (!keep) rmSync(tmp, { recursive: true, force: true });
