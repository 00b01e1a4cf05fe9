import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../src/load/load-workspace.js';
import { checkLetters } from '../src/check/check-project.js';
import { formatText } from '../src/diagnostics/format.js';
import { writeFolderAtomic } from '../src/output/write-folder-atomic.js';
import { renderCampaign } from '../src/pipeline/render-campaign.js';
import { composeLetter } from '../src/compose/compose-letter.js';
import { MINI, readText, runCli, tempWorkspace } from './helpers/workspace.js';

/**
 * Hostile input at every door: whatever a workspace file holds, check and render finish quickly,
 * never throw (no stack trace), report problems with a file and line, and never leave a partial
 * output folder. Bounded: a fixed number of runs and a fixed seed, so CI is repeatable.
 */
const CAMPAIGN = 'campaigns/2020-test-letter.yaml';
const FILES = [
  CAMPAIGN,
  'demands/icrc-visits.yaml',
  'signatories.yaml',
  'missions.yaml',
  'locales/ko/demands.yaml',
  'locales/ko/campaigns/2020-test-letter.yaml',
  'locales/en/letter.yaml',
];
const ORIGINAL = Object.fromEntries(FILES.map((f) => [f, readText(join(MINI, f))]));

const nasty = fc.constantFrom(
  '\uD800', // lone surrogate
  '\u202E', // right-to-left override
  '\u200D', // zero-width joiner
  '😀',
  '\u0000',
  '{{constructor.constructor "return process"}}',
  '{{#each this}}x{{/each}}',
  '__proto__',
  '../../etc/passwd',
  'C:\\Windows\\con',
  '*unclosed',
  '[link](#)',
  '&a [x, *a, *a, *a]',
  'x'.repeat(50_000),
);

/** One mutation of a file's text: what a tired volunteer, a bad merge or an attacker might leave. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    text: fc.oneof(nasty, fc.string({ unit: 'binary', maxLength: 40 })),
  }),
  fc.record({
    kind: fc.constant('retype' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    value: fc.constantFrom('[]', '{}', '42', 'null', 'true', '"x"', '- a\n- b'),
  }),
  fc.record({ kind: fc.constant('deep' as const), depth: fc.integer({ min: 50, max: 3000 }) }),
  fc.record({ kind: fc.constant('aliases' as const) }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const pick = (at: number) => Math.min(lines.length - 1, Math.floor(at * lines.length));
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, Math.floor(m.at * text.length));
    case 'delete-line':
      lines.splice(pick(m.at), 1);
      return lines.join('\n');
    case 'insert': {
      const i = Math.floor(m.at * text.length);
      return text.slice(0, i) + m.text + text.slice(i);
    }
    case 'retype': {
      const i = pick(m.at);
      lines[i] = lines[i]!.replace(/:\s.*$/, `: ${m.value}`);
      return lines.join('\n');
    }
    case 'deep':
      return `${text}\nextra: ${'['.repeat(m.depth)}${']'.repeat(m.depth)}\n`;
    case 'aliases':
      // "billion laughs": each level doubles the expansion.
      return `a: &a [x, x]\nb: &b [*a, *a, *a, *a]\nc: &c [*b, *b, *b, *b]\nd: &d [*c, *c, *c, *c]\ne: &e [*d, *d, *d, *d]\nf: [*e, *e, *e, *e]\n${text}`;
  }
  return text;
}

async function checkAndRender(
  ws: string,
): Promise<{ ms: number; errors: number; renderErrors: number; spanless: string[]; text: string }> {
  const t0 = performance.now();
  const loaded = loadWorkspace(ws);
  const project = loaded.value;
  const checked = await checkLetters(project, { today: '2026-11-23' });
  const all = [...loaded.diagnostics, ...checked.diagnostics];
  const errors = all.filter((d) => d.severity === 'error');
  const text = formatText(all, project.files);
  let renderErrors = 0;
  if (project.campaigns.has('2020-test-letter')) {
    const r = await renderCampaign(project, loaded.diagnostics, {
      campaign: '2020-test-letter',
      locales: ['en'],
      formats: ['md'],
      today: '2026-11-23',
    });
    renderErrors = r.diagnostics.filter((d) => d.severity === 'error').length;
    if (r.files.length)
      writeFolderAtomic(join(ws, 'out', '2020-test-letter'), new Map(r.files.map((f) => [f.name, f.data])));
  }
  return {
    ms: performance.now() - t0,
    errors: errors.length,
    renderErrors,
    spanless: errors.filter((d) => !d.span).map((d) => d.message),
    text,
  };
}

describe('property: any mutation of any workspace file', () => {
  it('is checked in bounded time, without throwing, with every error located, and no partial output', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...FILES),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        async (file, ms) => {
          const ws = tempWorkspace();
          writeFileSync(
            join(ws, file),
            ms.reduce((t: string, m) => apply(t, m), ORIGINAL[file]!),
          );
          const r = await checkAndRender(ws);
          expect(r.ms).toBeLessThan(10_000);
          expect(r.spanless).toEqual([]);
          expect(r.text).not.toMatch(/\n\s+at .+:\d+:\d+\)?$/m);
          const out = join(ws, 'out');
          if (existsSync(out)) {
            expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
            const files = readdirSync(join(out, '2020-test-letter'));
            expect(files).toEqual(['en.md']);
            expect(r.renderErrors).toBe(0); // rendered only when the English letter had no error
          }
        },
      ),
      { numRuns: 60, seed: 20261123, endOnFailure: true },
    );
  });

  it('the CLI never prints a stack trace and exits 0 or 1 on mutated input', async () => {
    const samples = fc.sample(fc.tuple(fc.constantFrom(...FILES), mutation), { numRuns: 6, seed: 7 });
    for (const [file, m] of samples) {
      const ws = tempWorkspace(undefined, { [file]: apply(ORIGINAL[file]!, m) });
      const r = await runCli(['--workspace', ws, 'render', '2020-test-letter', '--format', 'md']);
      expect([0, 1, 2]).toContain(r.code);
      expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      expect(r.stderr).not.toMatch(/internal error/);
    }
  });
});

describe('hostile values', () => {
  it('refuses template code in a text instead of running it', async () => {
    const ws = tempWorkspace(undefined, {
      [CAMPAIGN]: ORIGINAL[CAMPAIGN]!.replace(
        'We write to you about detention.',
        '"{{constructor.constructor \\"return process\\"}} {{lookup this \'__proto__\'}}"',
      ),
    });
    const r = await checkAndRender(ws);
    expect(r.errors).toBeGreaterThan(0);
    expect(r.text).toMatch(/only parameters \(\{\{name\}\}, \{\{name.form\}\}, \{\{을\/를\}\}\) are allowed/);
    expect(existsSync(join(ws, 'out'))).toBe(false);
  });

  it('keeps __proto__ keys as data, never on Object.prototype', async () => {
    const ws = tempWorkspace(undefined, {
      [CAMPAIGN]: ORIGINAL[CAMPAIGN]!.replace(
        'params: { country_short: DPRK }',
        'params: { country_short: DPRK, __proto__: { polluted: yes } }',
      ),
    });
    await checkAndRender(ws);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('prints a signatory name holding {{…}} literally', () => {
    const ws = tempWorkspace(undefined, {
      'signatories.yaml': ORIGINAL['signatories.yaml']!.replace('name: Han Voice', 'name: "Han {{Voice}} __X__"'),
    });
    const doc = composeLetter(loadWorkspace(ws).value, '2020-test-letter', 'en').value!.doc;
    const sigs = doc.blocks.find((b) => b.kind === 'signatures');
    expect(sigs && sigs.kind === 'signatures' && sigs.entries.map((e) => e.name)).toContain('Han {{Voice}} __X__');
  });

  it.each([['../evil'], ['/etc/passwd'], ['con'], ['lpt1'], ['a'.repeat(65)], ['Évian'], ['has space']])(
    'refuses the id %s as a file name',
    async (id) => {
      const ws = tempWorkspace(undefined, {
        'missions.yaml': ORIGINAL['missions.yaml']!.replace('id: embassy-london', `id: ${JSON.stringify(id)}`),
      });
      const r = await runCli(['--workspace', ws, 'check']);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(
        /missions\.yaml:\d+:\d+: error: id ".*" is not safe as a file or folder name \[file\/unsafe-name\]/,
      );
    },
  );

  it('refuses a campaign file whose name is unsafe', async () => {
    const ws = tempWorkspace(undefined, {
      'campaigns/CON.yaml': ORIGINAL[CAMPAIGN]!.replace('id: 2020-test-letter', 'id: con'),
    });
    const r = await runCli(['--workspace', ws, 'check']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /campaigns\/CON\.yaml:1:1: error: file name "CON\.yaml" is not a safe id \[file\/unsafe-name\]/,
    );
  });

  it('neutralises formula injection in the delivery CSV', async () => {
    const ws = tempWorkspace(undefined, {
      'missions.yaml': ORIGINAL['missions.yaml']!.replace(
        'name: Embassy of Exampleland in London',
        'name: "=HYPERLINK(\\"http://evil.example\\",\\"click\\")"',
      ),
    });
    const r = await runCli(['--workspace', ws, 'deliver', '2020-test-letter', '--today', '2026-11-23']);
    expect(r.code, r.stderr).toBe(0);
    const csv = readFileSync(join(ws, 'out', '2020-test-letter', 'delivery', 'delivery-list.csv'), 'utf8');
    expect(csv).toContain("'=HYPERLINK(");
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });
});

describe('faults', () => {
  it('an output folder that cannot be created is a one-line error, not a crash, and nothing is left behind', async () => {
    const ws = tempWorkspace();
    writeFileSync(join(ws, 'blocker'), 'a file where a folder should be');
    const r = await runCli([
      '--workspace',
      ws,
      'render',
      '2020-test-letter',
      '--format',
      'md',
      '--out',
      join(ws, 'blocker', 'out'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/openletter: error: .*(ENOTDIR|EEXIST|not a directory)/i);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('a write that fails half-way (disk full, say) leaves the previous output untouched', () => {
    const ws = tempWorkspace();
    const dest = join(ws, 'out', 'letter');
    writeFolderAtomic(
      dest,
      new Map([
        ['en.md', 'old english'],
        ['ko.md', 'old korean'],
      ]),
    );
    // The second file's name is longer than any file system allows: the write fails after the first.
    const failing = new Map<string, string>([
      ['en.md', 'new english'],
      [`${'x'.repeat(300)}.md`, 'boom'],
    ]);
    expect(() => writeFolderAtomic(dest, failing)).toThrow();
    expect(readFileSync(join(dest, 'en.md'), 'utf8')).toBe('old english');
    expect(readdirSync(join(ws, 'out'))).toEqual(['letter']);
  });

  it('a missing workspace is one clear error', async () => {
    const r = await runCli(['--workspace', join(MINI, 'no-such-folder'), 'check']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/workspace\.yaml does not exist/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});
