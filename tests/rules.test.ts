import { describe, expect, it } from 'vitest';
import { checkLetters } from '../src/check/check-project.js';
import { doubledPunctuation, doubledWords, unbalanced } from '../src/check/rules/text-hygiene.js';
import { compareNames } from '../src/text/name-match.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { positionIn } from '../src/diagnostics/line-index.js';
import { loadWorkspace } from '../src/load/load-workspace.js';
import { MINI, REPO, readText, tempWorkspace } from './helpers/workspace.js';

/** Load a copy of the mini workspace with some files replaced, run the whole check, return every problem. */
async function check(
  overrides: Record<string, string | null> = {},
  from = MINI,
): Promise<{ ds: Diagnostic[]; files: ReadonlyMap<string, string> }> {
  const dir = tempWorkspace(from, overrides);
  const { value: project, diagnostics } = loadWorkspace(dir);
  const letters = await checkLetters(project, { today: '2026-11-23' });
  return { ds: [...diagnostics, ...letters.diagnostics], files: project.files };
}

const codes = (ds: Diagnostic[], code: string) => ds.filter((d) => d.code === code);
const where = (d: Diagnostic, files: ReadonlyMap<string, string>) => {
  const { line, col } = positionIn(files, d.span!.file, d.span!.start)!;
  return `${d.span!.file}:${line}:${col}`;
};
const quoted = (d: Diagnostic, files: ReadonlyMap<string, string>) =>
  files.get(d.span!.file)!.slice(d.span!.start, d.span!.end);

const campaign = readText(`${MINI}/campaigns/2020-test-letter.yaml`);
const roster = readText(`${MINI}/signatories.yaml`);
/** The mini campaign with its English opening paragraph replaced (ko stays translated). */
const withOpening = (text: string) => ({
  'campaigns/2020-test-letter.yaml': campaign.replace(
    '  - We write to you about detention.',
    `  - ${JSON.stringify(text)}`,
  ),
});

describe('the mini workspace and the bundled one are clean', () => {
  const mine = [
    'signatory/near-duplicate',
    'signatory/none',
    'text/placeholder',
    'template/',
    'glossary/',
    'text/',
    'campaign/future-date',
    'demand/unused',
  ];
  it('mini: no problem from the preflight rules', async () => {
    const { ds } = await check();
    expect(ds.filter((d) => mine.some((m) => d.code.startsWith(m)))).toEqual([]);
  });
  it('bundled ICNK workspace: no warning or note from the preflight rules', async () => {
    const { value: project } = loadWorkspace(REPO);
    const { diagnostics } = await checkLetters(project, { today: '2026-11-23' });
    const found = diagnostics.filter((d) => mine.some((m) => d.code.startsWith(m)) && d.code !== 'text/uncovered-char');
    expect(found.map((d) => `${d.code} ${d.span?.file}: ${d.message}`)).toEqual([]);
  });
});

describe('signatories', () => {
  const katacombs = `${roster}  - id: hh-katacombs
    name: HH Katacombs
    kind: organisation
    country: KR
  - id: hh-katakomb
    name: HH Katakomb
    kind: organisation
    country: KR
  - id: helping-hands-korea
    name: Helping Hands Korea_Catacombs
    kind: organisation
    country: KR
`;
  it('seed defect: HH Katacombs / HH Katakomb / Helping Hands Korea_Catacombs as three roster entries', async () => {
    const { ds, files } = await check({ 'signatories.yaml': katacombs });
    const near = codes(ds, 'signatory/near-duplicate');
    expect(near.map((d) => where(d, files))).toEqual([
      'signatories.yaml:23:11',
      'signatories.yaml:27:11',
      'signatories.yaml:27:11',
    ]);
    expect(near.map((d) => d.message).join('\n')).toMatch(/"hh-katacombs" and "hh-katakomb"/);
    expect(near.map((d) => d.message).join('\n')).toMatch(/"hh-katacombs" and "helping-hands-korea"/);
    expect(near.map((d) => d.message).join('\n')).toMatch(/"hh-katakomb" and "helping-hands-korea"/);
  });
  it('a letter listing two entries that look like one body', async () => {
    const { ds, files } = await check({
      'signatories.yaml': katacombs,
      'campaigns/2020-test-letter.yaml': campaign.replace('han-voice]', 'han-voice, hh-katacombs, hh-katakomb]'),
    });
    const inLetter = codes(ds, 'signatory/near-duplicate').filter((d) => d.span?.file.startsWith('campaigns/'));
    expect(inLetter).toHaveLength(1);
    expect(quoted(inLetter[0]!, files)).toBe('hh-katakomb');
    expect(inLetter[0]!.related?.[0]?.message).toMatch(/hh-katacombs/);
  });
  it('different bodies with similar names are not near-duplicates', async () => {
    for (const [a, b] of [
      ['Human Rights in Asia', 'Human Rights in China'],
      ['Amnesty International', 'Amnesty International Japan'],
      ['Open North Korea', 'One Free Korea'],
      ['Korea Region 1', 'Korea Region 2'],
    ])
      expect(compareNames(a!, b!), `${a} / ${b}`).toBeUndefined();
    for (const [a, b] of [
      ['The Committee for Human Rights in North Korea', 'Committee for Human Rights in North Korea'],
      ['Asociación Pro Derechos Humanos', 'ASOCIACION PRO DERECHOS HUMANOS'],
      ['Asia Justice and Rights (AJAR)', 'Asia Justice and Rights'],
      ['Human Rights Watch', 'Watch, Human Rights'],
    ])
      expect(compareNames(a!, b!)?.kind, `${a} / ${b}`).toBe('near');
    const { ds } = await check({
      'signatories.yaml': `${roster}  - id: human-rights-in-asia\n    name: Human Rights in Asia\n    kind: organisation\n  - id: human-rights-in-china\n    name: Human Rights in China\n    kind: organisation\n`,
    });
    expect(codes(ds, 'signatory/near-duplicate')).toEqual([]);
  });
  it('a typo is edits inside words, words joined or split, or a short word left out; not two of these at once', () => {
    for (const [a, b] of [
      ['Anna Kim Lee', 'Ann Akim Lee'],
      ['Citizens for Human Rights Seoul', 'Citizens for Human Rihgts Seol'],
      ['Human Rights Watch', 'HumanRights Watch'],
      ['Network of Human Rights Seoul', 'Network Human Rights Seoul'],
    ])
      expect(compareNames(a!, b!), `${a} / ${b}`).toEqual({ kind: 'near', why: 'a small spelling difference' });
    for (const [a, b] of [
      // Three edits across a space: another given name, not a typo (the old matcher called these alike).
      ['Anna Watanabe Taylor', 'Li Na Watanabe Taylor'],
      // Words joined and a letter changed: two kinds of edit at once.
      ['Human Rights Watch', 'HumanRight Watch'],
      // A word of three letters left out is more than a typo.
      ['Network for Human Rights Seoul', 'Network Human Rights Seoul'],
    ])
      expect(compareNames(a!, b!), `${a} / ${b}`).toBeUndefined();
  });
  it('two roster entries with one contact e-mail address are near-duplicates, whatever their names', async () => {
    const { ds } = await check({
      'signatories.yaml': `${roster}  - id: baltic-network\n    name: Baltic Human Rights Network\n    kind: organisation\n    contact: { email: office@baltic.example }\n  - id: vilnius-centre\n    name: Human Rigths Centre Vilnius\n    kind: organisation\n    contact: { email: Office@Baltic.example }\n`,
    });
    const near = codes(ds, 'signatory/near-duplicate');
    expect(near.map((d) => d.message)).toEqual([
      'roster entries "baltic-network" and "vilnius-centre" look like the same body: "Baltic Human Rights Network" / "Human Rigths Centre Vilnius" (the same contact e-mail address)',
    ]);
    // The address itself is contact data: never in a message.
    expect(JSON.stringify(near)).not.toMatch(/@/);
  });
  it('seed defect: NAUH listed twice in one letter', async () => {
    const { ds, files } = await check({
      'signatories.yaml': `${roster}  - id: nauh\n    name: NAUH\n    kind: organisation\n    country: KR\n`,
      'campaigns/2020-test-letter.yaml': campaign.replace('han-voice]', 'han-voice, nauh, nauh]'),
    });
    const dup = codes(ds, 'signatory/duplicate');
    expect(dup).toHaveLength(1);
    expect(where(dup[0]!, files)).toBe('campaigns/2020-test-letter.yaml:21:83');
  });
  it('signatory/none: a campaign nobody signs', async () => {
    const { ds, files } = await check({
      'campaigns/2020-test-letter.yaml': campaign.replace(/^signatories: .*$/m, 'signatories: []'),
    });
    const none = codes(ds, 'signatory/none');
    expect(none).toHaveLength(1);
    expect(where(none[0]!, files)).toBe('campaigns/2020-test-letter.yaml:21:1');
    expect(none[0]!.severity).toBe('warning');
  });
});

describe('placeholders', () => {
  it('seed defect: __EXPRESSION__ in a letter text', async () => {
    const { ds, files } = await check(
      withOpening('freedom of conscience and religion, __EXPRESSION__, association and assembly'),
    );
    const p = codes(ds, 'text/placeholder');
    expect(p).toHaveLength(1);
    expect(quoted(p[0]!, files)).toBe('__EXPRESSION__');
  });
  it('in a demand variant no campaign uses yet (but not a {{parameter}})', async () => {
    const block = `id: spare\ntitle: Spare\ntext:\n  - item: Ask the {{country_short}} to TODO.\n`;
    const { ds, files } = await check({ 'demands/spare.yaml': block });
    const p = codes(ds, 'text/placeholder');
    expect(p.map((d) => `${where(d, files)} ${quoted(d, files)}`)).toEqual(['demands/spare.yaml:4:40 TODO']);
  });
  it('in templates: inside {{#if}}, in partials, and a missing partial', async () => {
    const { ds, files } = await check({
      'templates/cover-note.hbs':
        '{{salutation}}\n\n{{#if contactEmail}}\nWrite to __CONTACT__.\n{{else}}\nNo e-mail.\n{{/if}}\n{{> footer}}\n{{> signature}}\n',
      'templates/partials/footer.hbs': 'Sent by {{sender}}. TODO: add the phone number.\n',
    });
    const p = codes(ds, 'text/placeholder');
    expect(p.map((d) => `${where(d, files)} ${quoted(d, files)}`)).toEqual([
      'templates/cover-note.hbs:4:10 __CONTACT__',
      'templates/partials/footer.hbs:1:21 TODO',
    ]);
    const partial = codes(ds, 'template/unknown-partial');
    expect(partial.map((d) => `${where(d, files)} ${d.message}`)).toEqual([
      'templates/cover-note.hbs:9:1 templates/cover-note.hbs includes the partial "signature", which is not in templates/',
    ]);
  });
  it('a clean template passes; a broken one is a syntax error', async () => {
    const clean = await check({
      'templates/cover-note.hbs': '{{salutation}}\n{{#each enclosures}}- {{this}}\n{{/each}}\n',
    });
    expect(
      clean.ds.filter(
        (d) =>
          d.code.startsWith('template/') || (d.code === 'text/placeholder' && d.span?.file.startsWith('templates/')),
      ),
    ).toEqual([]);
    const broken = await check({ 'templates/cover-note.hbs': '{{#if contactEmail}}\nno end\n' });
    expect(codes(broken.ds, 'template/syntax')).toHaveLength(1);
  });
  it('a variable delivery does not provide (model/template-variables.ts lists those it does)', async () => {
    const { ds } = await check({
      'templates/cover-note.hbs': '{{salutation}} {{#if faxNumbr}}x{{/if}} {{recipientt}}\n',
    });
    expect(codes(ds, 'template/unknown-variable').map((d) => d.message)).toHaveLength(2);
  });
});

describe('glossary', () => {
  const glossary =
    'terms:\n  - preferred: kwan-li-so\n    variants: [kwon-li-so, kwanliso]\n  - preferred: 관리소\n    variants: [관리쏘]\n    languages: [ko]\n';
  it('seed defect: kwon-li-so → kwan-li-so', async () => {
    const { ds, files } = await check({
      'glossary.yaml': glossary,
      ...withOpening('the family members imprisoned in the *kwon-li-so*; Kwanliso camps'),
    });
    const g = codes(ds, 'glossary/variant');
    expect(g.map((d) => `${quoted(d, files)} → ${d.hint}`)).toEqual([
      'kwon-li-so → write "kwan-li-so"',
      'Kwanliso → write "Kwan-li-so"',
    ]);
    expect(g[0]!.related?.[0]?.span.file).toBe('glossary.yaml');
  });
  it('the preferred term, other words, and terms for another language pass', async () => {
    const { ds } = await check({
      'glossary.yaml': glossary,
      ...withOpening('the kwan-li-so; the kwon-li-song; 관리쏘 in an English text'),
    });
    expect(codes(ds, 'glossary/variant')).toEqual([]);
  });
  it('the bundled glossary loads and is valid', async () => {
    const { value: project, diagnostics } = loadWorkspace(REPO);
    expect(diagnostics.filter((d) => d.span?.file === 'glossary.yaml')).toEqual([]);
    expect(project.glossary?.find((t) => t.preferred === 'kwan-li-so')?.variants).toContain('kwon-li-so');
  });
});

describe('text hygiene', () => {
  it('seed defect: doubled full stop "(ICRC).."', async () => {
    const { ds, files } = await check(withOpening('the International Committee of the Red Cross (ICRC).. We also ask'));
    const d = codes(ds, 'text/doubled-punctuation');
    expect(d).toHaveLength(1);
    expect(quoted(d[0]!, files)).toBe('..');
  });
  it('seed defect: "[you pledged](#)"', async () => {
    const { ds, files } = await check(
      withOpening('on April 27, 2018, [you pledged](#) to improve relations and [said](https://example.org/said) so'),
    );
    const d = codes(ds, 'text/empty-link');
    expect(d.map((x) => quoted(x, files))).toEqual(['[you pledged](#)']);
  });
  it('doubled words and unbalanced brackets: found and located', async () => {
    const { ds, files } = await check(
      withOpening('We urge the the government (No. 29 to act, citing “development” and "needs".'),
    );
    expect(codes(ds, 'text/doubled-word').map((d) => quoted(d, files))).toEqual(['the the']);
    expect(codes(ds, 'text/unbalanced').map((d) => quoted(d, files))).toEqual(['(']);
  });
  it('each source span once, however many letters print it', async () => {
    const { ds } = await check({
      'demands/join-ilo.yaml': 'id: join-ilo\ntitle: Join\ntext:\n  - item: Apply for for membership.\n',
    });
    expect(codes(ds, 'text/doubled-word')).toHaveLength(1);
  });
  it('no false alarms on ellipses, abbreviations, ranges, enumerations, CJK and French text', () => {
    const fine = [
      'We note... and "No. 87" of the U.S. in 1950-1953 (No. 29).',
      'a) first; b) second; (ii) third; 2) fourth',
      'The people’s rights and the peoples’ voice; rock ’n’ roll; the ’90s.',
      "The people's 'guilt by association' and the parents' rights.",
      'Nous nous engageons « pleinement » ; il a dit ‹ oui ›.',
      '「北朝鮮」の『人権』について（第29号）。',
      '하하 웃으며, 북한의 “인권” 문제를 논의했습니다.',
      'Er sagte: „Menschenrechte“.',
      'that that is so; he had had enough',
      '“Quoted ‘inner’ text.”',
    ];
    for (const t of fine) expect([...doubledPunctuation(t), ...doubledWords(t), ...unbalanced(t)], t).toEqual([]);
    const bad = [
      'the the',
      'a,, b',
      'end.. Next',
      'open (paren',
      'close) paren here',
      '“unclosed',
      'a "straight',
      '「開く',
      'mismatch (here]',
      'Es muy muy grave',
      '검토 검토',
    ];
    for (const t of bad)
      expect([...doubledPunctuation(t), ...doubledWords(t), ...unbalanced(t)].length, t).toBeGreaterThan(0);
  });
});

describe('campaign and library notes', () => {
  it('campaign/future-date, against the injected today', async () => {
    const { ds, files } = await check({
      'campaigns/2020-test-letter.yaml': campaign.replace('date: 2020-03-01', 'date: 2027-03-01'),
    });
    const f = codes(ds, 'campaign/future-date');
    expect(f.map((d) => `${where(d, files)} ${d.severity}`)).toEqual(['campaigns/2020-test-letter.yaml:2:7 info']);
  });
  it('demand/unused: a block no campaign uses (one note each when few)', async () => {
    const { ds, files } = await check({
      'demands/spare.yaml': 'id: spare\ntitle: Spare\ntext:\n  - A spare demand.\n',
    });
    const u = codes(ds, 'demand/unused');
    expect(u.map((d) => `${where(d, files)} ${d.message}`)).toEqual([
      'demands/spare.yaml:1:1 demand block "spare" is used by no campaign',
    ]);
  });
  it('demand/unused: many unused blocks make one note', async () => {
    const spare = (id: string) => [`demands/${id}.yaml`, `id: ${id}\ntitle: Spare\ntext:\n  - A spare demand.\n`];
    const { ds } = await check(Object.fromEntries(['a1', 'a2', 'a3', 'a4'].map(spare)));
    expect(codes(ds, 'demand/unused').map((d) => d.message)).toEqual([
      '4 demand blocks are used by no campaign: a1, a2, a3, a4',
    ]);
  });
});
