import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../src/load/load-workspace.js';
import { composeLetter } from '../src/compose/compose-letter.js';
import { inlineText, type LetterDocument } from '../src/model/letter-document.js';
import type { Project } from '../src/model/project.js';
import { REPO } from './helpers/workspace.js';

/**
 * The English output reproduces each real seed letter, paragraph by paragraph and signatory by
 * signatory, after exactly the fixes the project decided on (listed per seed below).
 */
// Copies of ../shared/seeds/, kept in the repository so the test runs on a clean clone.
const SEEDS = join(REPO, 'tests', 'fixtures', 'seeds');
const project: Project = loadWorkspace(REPO).value;

interface Seed {
  campaign: string;
  file: string;
  salutation: string;
  signOff: string;
  /** How the seed breaks paragraphs: one per line (2011) or blank-line separated. */
  paragraphs: 'lines' | 'blank-lines';
  fixes: [RegExp, string][];
  /** Signatory lines the seed prints twice: the letter names them once, where the second one stands. */
  duplicates?: string[];
}

const SEED_LIST: Seed[] = [
  {
    campaign: '2011-kim-jong-il',
    file: '000_ba544c2e86978853.txt',
    salutation: 'Dear Chairman Kim Jong-il,',
    signOff: 'Yours sincerely,',
    paragraphs: 'lines',
    fixes: [
      [/__EXPRESSION__/g, 'expression'], // unrendered placeholder
    ],
  },
  {
    campaign: '2012-kim-jong-un',
    file: '002_e43b38091e863e18.txt',
    salutation: 'Dear Supreme Commander Kim:',
    signOff: 'Sincerely,',
    paragraphs: 'blank-lines',
    fixes: [[/kwon-li-so/g, 'kwan-li-so']], // one term, two spellings
  },
  {
    campaign: '2018-kim-jong-un',
    file: '004_188a74aacac8a012.txt',
    salutation: 'Dear Chairman Kim Jong Un,',
    signOff: 'Sincerely,',
    paragraphs: 'blank-lines',
    duplicates: ['Now Action & Unity for Human Rights (NAUH), South Korea'],
    fixes: [
      [/\[([^\]]*)\]\(#\)/g, '$1'], // links with "#" targets
      [/\\\$/g, '$'], // Markdown-escaped dollar
    ],
  },
];

/** The seed's body (between salutation and sign-off) as a list of paragraphs / items / headings. */
function seedBody(seed: Seed): string[] {
  let text = readFileSync(join(SEEDS, seed.file), 'utf8').replace(/\r/g, '');
  for (const [re, to] of seed.fixes) text = text.replace(re, to);
  const start = text.indexOf(seed.salutation) + seed.salutation.length;
  const end = text.indexOf(`\n${seed.signOff}`, start);
  const body = text.slice(start, end);
  const chunks =
    seed.paragraphs === 'lines'
      ? body.split('\n')
      : body.split(/\n\s*\n/).flatMap((c) => (/^\s*- /m.test(c) ? c.split(/\n(?=- )/) : [c]));
  const out: string[] = [];
  for (const raw of chunks) {
    const c = raw.replace(/\s+/g, ' ').trim();
    if (!c) continue;
    // A chunk starting in lower case continues the previous paragraph (the seed wrapped mid-sentence).
    if (/^[a-z]/.test(c) && out.length) out[out.length - 1] += ` ${c}`;
    else out.push(c);
  }
  return out.map((c) => normalize(c.replace(/^- /, '')));
}

function letterBody(doc: LetterDocument): string[] {
  const out: string[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'paragraph') out.push(inlineText(b.content));
    else if (b.kind === 'heading') out.push(`${b.number ? `${b.number} ` : ''}${inlineText(b.content)}`);
    else if (b.kind === 'bullets') out.push(...b.items.map(inlineText));
  }
  return out.map(normalize);
}

/** Markup and spacing are not wording: compare the words. Doubled full stops were a seed defect. */
function normalize(s: string): string {
  return (
    s
      .replace(/\*+/g, '')
      // Compose prints every quote and apostrophe curled (the seeds mix both): compare the words.
      .replace(/[‘’]/g, "'")
      .replace(/[“”]/g, '"')
      .replace(/\.\.(?!\.)/g, '.')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Seed signatory lines, with the bullet and a trailing ", Country" / "(Country)" left on for alias matching. */
function seedSignatories(seed: Seed): string[] {
  const text = readFileSync(join(SEEDS, seed.file), 'utf8').replace(/\r/g, '');
  const from = text.indexOf(`\n${seed.signOff}`) + seed.signOff.length + 1;
  const to = text.indexOf('\nCC:', from);
  return text
    .slice(from, to < 0 ? undefined : to)
    .split('\n')
    .map((l) => l.replace(/^\s*-\s*/, '').trim())
    .filter(Boolean);
}

const key = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Resolve a seed line to a roster id by name or alias, with or without its country suffix. */
function resolveSignatory(line: string): string | undefined {
  const candidates = new Set(
    [
      line,
      line.replace(/,\s*[^,]+$/, ''),
      line.replace(/\s*\([^()]*\)\s*$/, ''),
      line.replace(/\s*-\s*[^-]+$/, ''),
    ].map(key),
  );
  const hits = [...project.signatories.values()].filter((s) =>
    [s.name.text, ...s.aliases].some((n) => candidates.has(key(n))),
  );
  return hits.length === 1 ? hits[0]!.id : undefined;
}

describe.each(SEED_LIST)('the English $campaign letter reproduces its seed', (seed) => {
  const r = composeLetter(project, seed.campaign, 'en');
  const doc = r.value!.doc;

  it('composes without errors', () => {
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('has the seed salutation and recipient', () => {
    const sal = doc.blocks.find((b) => b.kind === 'salutation');
    expect(sal && sal.kind === 'salutation' && inlineText(sal.content)).toBe(seed.salutation);
    const rec = doc.blocks.find((b) => b.kind === 'recipient');
    const seedText = readFileSync(join(SEEDS, seed.file), 'utf8').replace(/\s+/g, ' ');
    for (const line of rec && rec.kind === 'recipient' ? rec.lines : [])
      expect(seedText.replace(/’/g, "'")).toContain(line.replace(/’/g, "'"));
  });

  it('has every paragraph and bullet item of the seed, in order', () => {
    expect(letterBody(doc)).toEqual(seedBody(seed));
  });

  it('is signed by exactly the seed signatories, each once', () => {
    const lines = seedSignatories(seed);
    const ids = lines.map(resolveSignatory);
    expect(
      ids.filter((x) => x === undefined),
      `unresolved: ${lines.filter((_, i) => !ids[i]).join(' | ')}`,
    ).toEqual([]);
    const sigs = doc.blocks.find((b) => b.kind === 'signatures');
    const printed = sigs && sigs.kind === 'signatures' ? sigs.entries.map((e) => e.id) : [];
    expect(new Set(printed).size).toBe(printed.length);
    expect([...printed].sort()).toEqual([...new Set(ids as string[])].sort());
  });

  it('prints every signatory as it signed this letter, in the seed order', () => {
    const sigs = doc.blocks.find((b) => b.kind === 'signatures');
    const { before, after } = doc.countryAffix;
    const printed =
      sigs && sigs.kind === 'signatures'
        ? sigs.entries.map((e) => (e.country ? `${e.name}${before}${e.country}${after}` : e.name))
        : [];
    // The seeds mix straight and curled apostrophes; the letter prints them curled (normalize).
    expect(printed.map(normalize)).toEqual(
      seedSignatories(seed)
        .filter((l, i, all) => !seed.duplicates?.includes(l) || all.lastIndexOf(l) === i)
        .map(normalize),
    );
  });

  it('has the seed sign-off', () => {
    const so = doc.blocks.find((b) => b.kind === 'sign-off');
    expect(so && so.kind === 'sign-off' && so.text).toBe(seed.signOff);
  });
});

describe('the 2018 letter', () => {
  it('names NAUH once although the seed lists it twice', () => {
    const lines = seedSignatories(SEED_LIST[2]!).filter((l) => l.includes('NAUH'));
    expect(lines).toHaveLength(2);
    const doc = composeLetter(project, '2018-kim-jong-un', 'en').value!.doc;
    const sigs = doc.blocks.find((b) => b.kind === 'signatures');
    expect(
      sigs &&
        sigs.kind === 'signatures' &&
        sigs.entries.filter((e) => e.name.includes('NAUH') || e.name.includes('Now Action')),
    ).toHaveLength(1);
  });

  it('has two CC entries', () => {
    const doc = composeLetter(project, '2018-kim-jong-un', 'en').value!.doc;
    const cc = doc.blocks.find((b) => b.kind === 'cc');
    expect(cc && cc.kind === 'cc' && cc.entries.map((e) => e.name)).toEqual(['Ja Song Nam', 'Tae Song Han']);
  });
});
