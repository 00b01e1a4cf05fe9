// In-process measurements for scripts/bench.mjs (one task per child process, so memory is per task).
// Prints one JSON line.
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => import(resolve(ROOT, 'dist', p));
const { loadWorkspace } = await dist('load/load-workspace.js');
const { composeLetter } = await dist('compose/compose-letter.js');
const { checkLetters } = await dist('check/check-project.js');
const { renderPdf: renderLetter } = await dist('render/pdf/render-pdf.js');
const renderPdf = async (doc) => (await renderLetter(doc)).bytes;
const { renderMarkdown } = await dist('render/markdown/render-markdown.js');

const [task, arg] = process.argv.slice(2);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pages = (buf) =>
  (
    Buffer.from(buf)
      .toString('latin1')
      .match(/\/Type \/Page\b/g) ?? []
  ).length;
const rssMB = () => process.resourceUsage().maxRSS / 1024;
const time = async (f) => {
  const t0 = performance.now();
  const r = await f();
  return [performance.now() - t0, r];
};

const project = loadWorkspace(ROOT).value;
// The check rules date-check missions against today; a fixed day keeps the work measured the same.
const today = process.env.OPENLETTER_TODAY ?? '2026-01-15';

if (task === 'warm') {
  const LANGS = ['en', 'ko', 'zh-Hans', 'ja', 'fr', 'es'];
  const n = 7;
  const result = { n };
  // Whole-campaign profile, cold: where does the time go?
  const steps = {};
  let t0 = performance.now();
  loadWorkspace(ROOT);
  steps.load = performance.now() - t0;
  t0 = performance.now();
  const checked = await checkLetters(project, { campaigns: [arg], today });
  steps['check + compose'] = performance.now() - t0;
  steps['render PDF'] = 0;
  steps['render Markdown'] = 0;
  for (const l of LANGS) {
    const doc = checked.letters.get(`${arg}/${l}`).doc;
    let [ms] = await time(() => renderPdf(doc));
    steps['render PDF'] += ms;
    [ms] = await time(() => renderMarkdown(doc));
    steps['render Markdown'] += ms;
  }
  const total = Object.values(steps).reduce((a, b) => a + b, 0);
  const [slowest, ms] = Object.entries(steps).sort((a, b) => b[1] - a[1])[0];
  result.profile = { steps, slowest, share: Math.round((ms / total) * 100) };
  // Warm: fonts parsed and code JIT-compiled; compose + render per letter.
  for (const l of LANGS) {
    const times = [];
    let p = 0;
    for (let i = 0; i < n; i++) {
      const [ms, pdf] = await time(async () => renderPdf(composeLetter(project, arg, l).value.doc));
      if (i > 0) times.push(ms);
      p = pages(pdf);
    }
    result[l] = { ms: median(times), pages: p };
  }
  console.log(JSON.stringify(result));
} else if (task === 'signatories') {
  const n = Number(arg);
  const c = project.campaigns.get('2018-kim-jong-un');
  const base = [...project.signatories.values()][0];
  for (let i = 0; i < n; i++) {
    const id = `generated-${i}`;
    project.signatories.set(id, {
      ...base,
      id,
      name: { ...base.name, text: `Generated Organisation for Human Rights No. ${i}` },
      country: ['KR', 'JP', 'US', 'FR', 'BR'][i % 5],
    });
  }
  const sigs = [...project.signatories.keys()].map((id) => ({ id, span: c.span }));
  project.campaigns.set(c.id, { ...c, signatories: sigs });
  const [ms, pdf] = await time(async () => renderPdf(composeLetter(project, c.id, 'en').value.doc));
  console.log(JSON.stringify({ ms, pages: pages(pdf), rssMB: rssMB() }));
} else if (task === 'many') {
  const n = Number(arg);
  const base = composeLetter(project, '2011-kim-jong-il', 'en').value.doc;
  const sigs = base.blocks.find((b) => b.kind === 'signatures').entries;
  await renderPdf(base); // load fonts once
  const [ms] = await time(async () => {
    for (let i = 0; i < n; i++) {
      const s = sigs[i % sigs.length];
      const doc = {
        ...base,
        title: `Thank you, ${s.name}`,
        blocks: [
          base.blocks[0],
          { kind: 'recipient', lines: [s.name, s.country ?? ''].filter(Boolean) },
          { kind: 'salutation', content: [{ kind: 'text', text: `Dear friends at ${s.name},` }] },
          {
            kind: 'paragraph',
            content: [
              {
                kind: 'text',
                text: `Thank you for signing the coalition's letter (reference ${i + 1}). The signed letter is enclosed; it will be delivered to the embassies on the day of action.`,
              },
            ],
          },
          { kind: 'sign-off', text: 'Sincerely,' },
        ],
      };
      await renderPdf(doc);
    }
  });
  console.log(JSON.stringify({ n, ms, rssMB: rssMB() }));
} else if (task === 'twopage') {
  const out = {};
  for (const l of ['en', 'ko', 'zh-Hans', 'ja']) {
    const pdf = await renderPdf(composeLetter(project, '2011-kim-jong-il', l).value.doc);
    out[l] = { bytes: pdf.byteLength, pages: pages(pdf) };
  }
  console.log(JSON.stringify(out));
} else {
  throw new Error(`unknown task ${task}`);
}
