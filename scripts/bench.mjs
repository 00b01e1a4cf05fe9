#!/usr/bin/env node
// Benchmark: whole-process and in-process timings on the bundled workspace, scaling with generated
// signatories, and output sizes. Prints a table and rewrites the results section of BENCHMARKS.md.
// Usage: npm run bench            (RUNS=5 by default; QUICK=1 for a fast smoke run)
import { spawnSync } from 'node:child_process';
import { cpus, totalmem, tmpdir } from 'node:os';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signOnCsv } from './signon-csv.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'openletter.js');
const RUNS = Number(process.env.RUNS ?? (process.env.QUICK ? 1 : 5));
const CAMPAIGN = '2018-kim-jong-un';
const LANGS = ['en', 'ko', 'zh-Hans', 'ja', 'fr', 'es'];
const out = mkdtempSync(join(tmpdir(), 'openletter-bench-'));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Median wall time (s) and peak RSS (MB) of a whole `openletter …` process. */
function proc(args) {
  const times = [];
  let rss = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--expose-gc', join(ROOT, 'scripts', 'bench-child.mjs'), BIN, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
    if (r.status !== 0 && !args.includes('--help'))
      throw new Error(`openletter ${args.join(' ')} failed:\n${r.stderr}`);
    const m = /BENCH_RSS=(\d+)/.exec(r.stderr);
    if (m) rss = Math.max(rss, Number(m[1]) / 1024);
  }
  return { s: median(times), rss };
}

/** Run an in-process measurement in a fresh child (scripts/bench-inproc.mjs) and parse its JSON. */
function inproc(task, arg = '') {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bench-inproc.mjs'), task, String(arg)], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0) throw new Error(`bench-inproc ${task} ${arg} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

const rows = [];
const row = (what, value, target, ok) => {
  rows.push({ what, value, target, ok });
  process.stdout.write(
    `${what.padEnd(58)} ${value.padEnd(22)} ${target.padEnd(14)} ${ok === undefined ? '' : ok ? 'ok' : 'MISS'}\n`,
  );
};

const help = proc(['--help']);
row('`openletter --help` (whole process)', `${help.s.toFixed(2)} s`, '< 0.25 s', help.s < 0.25);
const check = proc(['check']);
row('`openletter check` on the bundled workspace', `${check.s.toFixed(2)} s`, '< 0.6 s', check.s < 0.6);
for (const l of LANGS) {
  const r = proc(['render', CAMPAIGN, '--lang', l, '--format', 'pdf', '--out', out]);
  row(`one letter, ${l}, cold (render ${CAMPAIGN} --lang ${l})`, `${r.s.toFixed(2)} s`, '', undefined);
}
const whole = proc(['render', CAMPAIGN, '--out', out]);
row(
  `whole campaign, 6 languages, PDF + Markdown (${CAMPAIGN})`,
  `${whole.s.toFixed(2)} s, ${whole.rss.toFixed(0)} MB`,
  '< 2.5 s',
  whole.s < 2.5,
);

const warm = inproc('warm', CAMPAIGN);
for (const l of LANGS) {
  const target = l === 'en' || l === 'fr' || l === 'es' ? 40 : 80;
  row(
    `per letter warm, 2018 letter ${l} (${warm[l].pages} pages, median of ${warm.n})`,
    `${warm[l].ms.toFixed(0)} ms`,
    `< ${target} ms`,
    warm[l].ms < target,
  );
}
const warm2011 = inproc('warm', '2011-kim-jong-il');
for (const l of LANGS) {
  const target = l === 'en' || l === 'fr' || l === 'es' ? 40 : 80;
  row(
    `per letter warm, 2011 letter ${l} (${warm2011[l].pages} pages, median of ${warm2011.n})`,
    `${warm2011[l].ms.toFixed(0)} ms`,
    `< ${target} ms`,
    warm2011[l].ms < target,
  );
}
const parts = warm.profile;
if (parts) row('slowest step of a whole-campaign render', `${parts.slowest} (${parts.share}%)`, '', undefined);

const hasDeliver = spawnSync(process.execPath, [BIN, 'deliver', '--help'], { encoding: 'utf8' }).status === 0;
if (hasDeliver) {
  const d = proc(['deliver', '2011-kim-jong-il', '--out', join(out, 'delivery')]);
  row('`deliver 2011-kim-jong-il` (every mission, whole process)', `${d.s.toFixed(2)} s`, '< 4 s', d.s < 4);
}

let prev;
for (const n of process.env.QUICK ? [100, 1000] : [100, 1000, 10000]) {
  const r = inproc('signatories', n);
  const growth = prev ? ` (×${(r.ms / prev.ms).toFixed(1)} for ×${n / prev.n})` : '';
  const target = n === 10000 ? '< 5 s, < 600 MB' : '';
  row(
    `letter with ${n.toLocaleString('en')} signatories (en, ${r.pages} pages)`,
    `${(r.ms / 1000).toFixed(2)} s, ${r.rssMB.toFixed(0)} MB${growth}`,
    target,
    n === 10000 ? r.ms < 5000 && r.rssMB < 600 : undefined,
  );
  prev = { ...r, n };
}
// `signatories import` of a generated sign-on file (scripts/signon-csv.mjs: the same bytes on every
// machine), a dry run: reading the CSV, matching every row against the roster and the earlier rows,
// and the new signatories.yaml. One run each: the 100,000-row import is long.
for (const n of process.env.QUICK ? [2000] : [20000, 100000]) {
  const csv = join(out, `signon-${n}.csv`);
  writeFileSync(csv, signOnCsv(n));
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, 'signatories', 'import', csv, '--campaign', CAMPAIGN], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`signatories import of ${n} rows failed:\n${r.stderr.slice(-2000)}`);
  row(
    `\`signatories import\` of ${n.toLocaleString('en')} sign-on rows (dry run, whole process)`,
    `${s.toFixed(2)} s`,
    n === 100000 ? '< 5 s' : '',
    n === 100000 ? s < 5 : undefined,
  );
}
const many = inproc('many', process.env.QUICK ? 100 : 1000);
row(
  `${many.n} personalised one-page letters from one process`,
  `${(many.ms / 1000).toFixed(2)} s (${(many.ms / many.n).toFixed(1)} ms each), ${many.rssMB.toFixed(0)} MB`,
  '',
  undefined,
);

for (const l of LANGS) {
  const f = join(out, CAMPAIGN, `${l}.pdf`);
  const kb = existsSync(f) ? statSync(f).size / 1024 : NaN;
  row(
    `PDF size, ${CAMPAIGN} ${l} (${warm[l].pages} pages)`,
    `${kb.toFixed(1)} KB (${(kb / warm[l].pages).toFixed(1)} KB/page)`,
    l === 'en' || l === 'fr' || l === 'es' ? '2 pages < 40 KB' : '2 pages < 150 KB',
    undefined,
  );
}
const two = inproc('twopage');
for (const [l, r] of Object.entries(two))
  row(
    `PDF size, the 2011 letter (about two pages), ${l}`,
    `${(r.bytes / 1024).toFixed(1)} KB (${r.pages} pages)`,
    ['en', 'fr', 'es'].includes(l) ? '< 40 KB' : '< 150 KB',
    r.bytes / 1024 < (['en', 'fr', 'es'].includes(l) ? 40 : 150),
  );

rmSync(out, { recursive: true, force: true });

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
const table = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}; whole-process times are medians of ${RUNS} runs.`,
  '',
  '| measurement | result | target | |',
  '|---|---|---|---|',
  ...rows.map(
    (r) => `| ${r.what} | ${r.value} | ${r.target} | ${r.ok === undefined ? '' : r.ok ? 'ok' : '**miss**'} |`,
  ),
].join('\n');
const md = join(ROOT, 'BENCHMARKS.md');
const prevMd = existsSync(md) ? readFileSync(md, 'utf8') : '# Benchmarks\n\n<!-- results -->\n<!-- /results -->\n';
const next = prevMd.replace(
  /<!-- results -->[\s\S]*<!-- \/results -->/,
  `<!-- results -->\n${table}\n<!-- /results -->`,
);
if (!process.env.QUICK) writeFileSync(md, next);
process.stdout.write(`\n${process.env.QUICK ? '(QUICK run: BENCHMARKS.md not updated)' : 'BENCHMARKS.md updated'}\n`);
