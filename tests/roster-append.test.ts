import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyImport } from '../src/draft/apply-import.js';
import type { ImportPlan, NewEntry } from '../src/draft/plan-signatory-import.js';
import { YamlEdit } from '../src/draft/yaml-edit.js';
import { REPO } from './helpers/workspace.js';

/**
 * apply-import.ts appends new roster entries as text, beside the CST editor, because it is ×13–16
 * faster at 20,000 entries (BENCHMARKS.md, "Roster append"); it promises the very text YamlEdit would
 * write. Names that need quoting, keywords, Hangul, flow lists and nested maps are where they could part.
 * (A sign-on cell arrives with its whitespace collapsed to single spaces: no name holds a line feed.)
 */
const NAMES = [
  'Citizens’ Alliance for North Korean Human Rights',
  '열린북한',
  'null',
  'Yes',
  'A: B',
  '#hash first',
  '- dash first',
  'Kim "the elder"',
  'Ends with colon:',
  '  leading spaces',
  'O’Brien & Partners (London)',
  '100 Friends',
  'Trailing space ',
];

function entries(n: number): NewEntry[] {
  return Array.from({ length: n }, (_, i): NewEntry => {
    const name = `${NAMES[i % NAMES.length]!}${i >= NAMES.length ? ` ${i}` : ''}`;
    return {
      id: `new-entry-${i}`,
      name,
      kind: i % 3 ? 'organisation' : 'individual',
      ...(i % 2 ? { country: 'KR' } : {}),
      ...(i % 4 === 0 ? { aliases: [NAMES[(i + 1) % NAMES.length]!, `Alias ${i}`] } : {}),
      ...(i % 5 === 0 ? { contact: { person: NAMES[(i + 3) % NAMES.length]!, email: `c${i}@example.org` } } : {}),
      signed: ['2018-kim-jong-un'],
    };
  });
}

const plan = (newEntries: NewEntry[]): ImportPlan => ({
  campaign: '2018-kim-jong-un',
  outcomes: [],
  newEntries,
  campaignAdds: newEntries.map((e) => e.id),
  aliasAdds: new Map(),
  contactAdds: new Map(),
  signedAdds: [],
  diagnostics: [],
});

const viaEditor = (text: string, key: string, values: unknown[]) => {
  const edit = new YamlEdit(text);
  edit.append([key], values);
  return edit.toString();
};

describe('new roster entries appended as text', () => {
  const roster = readFileSync(join(REPO, 'signatories.yaml'), 'utf8');
  const campaign = readFileSync(join(REPO, 'campaigns', '2018-kim-jong-un.yaml'), 'utf8');

  it.each([
    ['the bundled roster', roster],
    ['a roster ending in a comment and blank lines', `${roster}\n# added by hand\n\n`],
    ['a roster indented by four', roster.replace(/^ {2}/gm, '    ')],
  ])('are the text the CST editor writes (%s)', (_, text) => {
    const added = entries(3 * NAMES.length);
    const { roster: appended } = applyImport(plan(added), text, campaign);
    // The editor gets the entries with their keys in the roster's order, as applyImport writes them.
    expect(appended).toBe(viaEditor(text, 'signatories', added));
  });

  it("and the campaign's new ids too", () => {
    const added = entries(5);
    const { campaign: appended } = applyImport(plan(added), roster, campaign);
    expect(appended).toBe(
      viaEditor(
        campaign,
        'signatories',
        added.map((e) => e.id),
      ),
    );
  });
});
