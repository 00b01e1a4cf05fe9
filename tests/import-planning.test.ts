import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { positionIn } from '../src/diagnostics/line-index.js';
import { loadWorkspace } from '../src/load/load-workspace.js';
import { planSignatoryImport, type ImportPlan } from '../src/draft/plan-signatory-import.js';
import { readSignOnCsv } from '../src/draft/read-signon-csv.js';
import { NameIndex } from '../src/text/name-index.js';
import { compareNames, prepareName } from '../src/text/name-match.js';
import { MINI, REPO, tempWorkspace } from './helpers/workspace.js';
import { signOnCsv } from '../scripts/signon-csv.mjs';

const FIXTURE = join(REPO, 'tests', 'fixtures', 'sign-on');
const GOLD = join(REPO, 'tests', 'goldens', 'import-planning');

/**
 * The bundled roster (aliases, acronyms, names in other languages) with contact e-mails, and a
 * sign-on file holding every kind of likeness by hand (mixed.csv: case, accents, typos, word
 * order, acronyms, parenthesised parts, numbers, shared e-mails, repeats) followed by generated
 * rows that hold the same mistakes at scale.
 */
const SIGN_ON = readSignOnCsv(
  `${readFileSync(join(FIXTURE, 'mixed.csv'), 'utf8')}${signOnCsv(1500, 7).split('\n').slice(1).join('\n')}\n`,
  'mixed.csv',
  {},
);

function plan(acceptNear: boolean): ImportPlan {
  const ws = tempWorkspace(MINI, { 'signatories.yaml': readFileSync(join(FIXTURE, 'roster.yaml'), 'utf8') });
  const project = loadWorkspace(ws).value;
  expect(SIGN_ON.diagnostics).toEqual([]);
  return planSignatoryImport(project, SIGN_ON.rows, { campaign: '2020-test-letter', acceptNear });
}

/** One line per verdict and per message, in order: what a change to the matching must not move. */
function verdicts(p: ImportPlan): string {
  const outcome = p.outcomes.map((o) => {
    const what =
      o.action === 'near'
        ? o.candidates.map((c) => `${c.id ?? `row ${c.row}`} (${c.why})`).join('; ')
        : o.action === 'duplicate'
          ? `row ${o.firstRow}`
          : o.action === 'existing'
            ? `${o.id} ${o.how}${o.already ? ' already' : ''}`
            : o.id;
    return `${o.row}\t${o.action}\t${o.name}\t${what}`;
  });
  // Row spans point into the text the reader shows (e-mail addresses and other private cells hidden).
  const files = new Map([['mixed.csv', SIGN_ON.text]]);
  const messages = p.diagnostics.map(
    (d) => `${d.span && positionIn(files, d.span.file, d.span.start)?.line}\t${d.code}\t${d.message}`,
  );
  const aliases = [...p.aliasAdds].map(([id, a]) => `${id}\t+ ${a.join(' | ')}`);
  const fresh = p.newEntries.filter((e) => e.aliases).map((e) => `${e.id}\t= ${e.aliases!.join(' | ')}`);
  return [...outcome, '', ...messages, '', ...aliases, ...fresh, ''].join('\n');
}

describe('import planning: the same verdicts on a mixed sign-on file', () => {
  it('reports near-duplicates for a person to decide', async () => {
    await expect(verdicts(plan(false))).toMatchFileSnapshot(join(GOLD, 'verdicts.tsv'));
  });
  it('takes them with --accept-near', async () => {
    await expect(verdicts(plan(true))).toMatchFileSnapshot(join(GOLD, 'verdicts-accept-near.tsv'));
  });
});

describe('the name index', () => {
  it('finds every pair of names compareNames calls alike (and the planner then decides)', () => {
    const csv = `${readFileSync(join(FIXTURE, 'mixed.csv'), 'utf8')}${signOnCsv(600, 3).split('\n').slice(1).join('\n')}`;
    const roster = readFileSync(join(FIXTURE, 'roster.yaml'), 'utf8');
    const names = [
      ...csv
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[0]!),
      ...[...roster.matchAll(/^ {4}(?:name|aliases): (.+)$/gm)].map((m) => m[1]!.replace(/^\[|\]$|"/g, '')),
    ].map(prepareName);
    const index = new NameIndex();
    names.forEach((n, i) => index.add(n, i));
    let pairs = 0;
    names.forEach((a, i) => {
      const found = new Set(index.candidates(a));
      names.forEach((b, j) => {
        if (!compareNames(a, b)) return;
        pairs++;
        expect(found.has(j), `"${a.trimmed}" ~ "${b.trimmed}"`).toBe(true);
      });
    });
    // Every rule is exercised: typos, acronyms, word order, parenthesised parts, case.
    expect(pairs).toBeGreaterThan(names.length + 40);
  });
});
