// Warm per-letter time of two builds in one process, interleaved so that the load of a shared machine
// hits both alike: node scripts/bench-warm-ab.mjs OLD_ROOT NEW_ROOT [runs] [langs] [campaign].
// A root is a folder holding a dist/ (e.g. a copy of main's dist/ beside node_modules); the workspace is
// this repository's. Prints, per language, the medians of wall and CPU (user + system) ms per letter.
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const WORKSPACE = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [oldRoot, newRoot, runs = '15', langs = 'en,fr,es,ko,ja,zh-Hans,ar,ru', campaign = '2018-kim-jong-un'] =
  process.argv.slice(2);
if (newRoot === undefined) throw new Error('usage: bench-warm-ab.mjs OLD_ROOT NEW_ROOT [runs] [langs] [campaign]');

const builds = [];
for (const root of [oldRoot, newRoot]) {
  const dist = (p) => import(resolve(root, 'dist', p));
  const { loadWorkspace } = await dist('load/load-workspace.js');
  const { composeLetter } = await dist('compose/compose-letter.js');
  const { renderPdf } = await dist('render/pdf/render-pdf.js');
  const project = loadWorkspace(WORKSPACE).value;
  builds.push((lang) => renderPdf(composeLetter(project, campaign, lang).value.doc));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const before = loadavg()[0];
for (const lang of langs.split(',')) {
  const wall = [[], []];
  const cpu = [[], []];
  for (const letter of builds) await letter(lang); // fonts parsed, code compiled
  for (let i = 0; i < Number(runs); i++) {
    for (const [k, letter] of builds.entries()) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await letter(lang);
      wall[k].push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu[k].push((c.user + c.system) / 1000);
    }
  }
  const [w0, w1] = wall.map(median);
  const [c0, c1] = cpu.map(median);
  console.log(
    `${lang}: wall ${w0.toFixed(0)} → ${w1.toFixed(0)} ms, CPU ${c0.toFixed(0)} → ${c1.toFixed(0)} ms (×${(c1 / c0).toFixed(2)})`,
  );
}
console.log(`load average ${before.toFixed(1)} → ${loadavg()[0].toFixed(1)}`);
