import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { watchRender, type WatchRound } from '../src/cli/render-watch.js';
import { planInit } from '../src/draft/init-workspace.js';
import { MINI, REPO, readText, runCli, spawnCli, tempWorkspace } from './helpers/workspace.js';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'openletter-draft-')), 'letters');

/** init's example letter with its TODOs written, as a coordinator would: a letter to a made-up state. */
const fillExample = (text: string) =>
  text
    .replace(`"TODO: the state's name (Belarus)"`, 'Exampleland')
    .replace(`"TODO: the state after 'in' (in Belarus)"`, 'in Exampleland')
    .replace(`"TODO: the recipient's name"`, 'Alex Example')
    .replace('"TODO: His Excellency …, President of …"', 'His Excellency Alex Example, President of Exampleland')
    .replace(`"TODO: the recipient's title"`, 'President of Exampleland')
    .replace('"TODO: street, city"', '1 Palace Square, Example City')
    .replace('"TODO: country"', 'Exampleland')
    .replace('"TODO: Dear …,"', 'Dear President Example,');

describe('openletter init', () => {
  it("creates a workspace from the bundled library whose check lists the example letter's TODOs", async () => {
    const dir = fresh();
    const r = await runCli(['init', dir, '--name', 'Coalition for Rights in Korea']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/created .*letters\/ with \d+ demand blocks/);
    expect(readdirSync(join(dir, 'demands')).sort()).toEqual(readdirSync(join(REPO, 'demands')).sort());
    expect(existsSync(join(dir, 'locales/ko/locale.yaml'))).toBe(true);
    expect(existsSync(join(dir, 'locales/ko/campaigns'))).toBe(false); // the bundled letters' translations stay behind
    expect(parse(readFileSync(join(dir, 'missions.yaml'), 'utf8'))).toEqual({ missions: [] });
    expect(parse(readFileSync(join(dir, 'signatories.yaml'), 'utf8')).signatories).toEqual([
      { id: 'crk', name: 'Coalition for Rights in Korea', kind: 'organisation' },
    ]);
    expect(parse(readFileSync(join(dir, 'workspace.yaml'), 'utf8'))).toMatchObject({
      name: 'Coalition for Rights in Korea',
      short_name: 'CRK',
    });
    for (const f of ['workspace.yaml', 'signatories.yaml', 'missions.yaml', 'campaigns/example-letter.yaml']) {
      const first = readFileSync(join(dir, f), 'utf8').split('\n')[0]!;
      const schema = /^# yaml-language-server: \$schema=(\S+)$/.exec(first)?.[1];
      expect(schema, f).toBeDefined();
      expect(existsSync(join(dir, f, '..', schema!)), `${f} → ${schema}`).toBe(true);
    }
    const c = await runCli(['-w', dir, 'check']);
    // The example letter is addressed to nobody yet: each TODO is an error at its line.
    expect(c.code).toBe(1);
    expect(c.stdout.match(/^campaigns\/example-letter\.yaml:\d+:\d+: error: .*\[text\/placeholder\]$/gm)).toEqual(
      [13, 14, 17, 19, 21, 23, 24, 25].map((line) =>
        expect.stringMatching(new RegExp(`^campaigns/example-letter\\.yaml:${line}:`)),
      ),
    );
    // The return address is init's TODO until written: a warning while nothing is delivered.
    expect(c.stdout.match(/^workspace\.yaml:\d+:\d+: warning: .*\[workspace\/placeholder\]$/gm)).toEqual([
      'workspace.yaml:8:5: warning: return_address still holds the placeholder "TODO: street and number" [workspace/placeholder]',
      'workspace.yaml:9:5: warning: return_address still holds the placeholder "TODO: postcode and city" [workspace/placeholder]',
      'workspace.yaml:10:5: warning: return_address still holds the placeholder "TODO: country" [workspace/placeholder]',
    ]);
    expect(c.stdout).toMatch(/8 error\(s\), 3 warning\(s\), 1 note\(s\)/); // the library's unused blocks, as one note
    expect(c.stdout).toMatch(/demand blocks are used by no campaign/);
    // Written, the letter checks clean and renders: the only remaining problems are the return address's.
    const example = join(dir, 'campaigns/example-letter.yaml');
    writeFileSync(example, fillExample(readFileSync(example, 'utf8')));
    const filled = await runCli(['-w', dir, 'check']);
    expect(filled.stdout).toMatch(/0 error\(s\), 3 warning\(s\), 1 note\(s\)/);
    expect(filled.code).toBe(0);
    expect((await runCli(['-w', dir, 'render', 'example-letter', '--format', 'md'])).code).toBe(0);
    const letter = readFileSync(join(dir, 'out/example-letter/en.md'), 'utf8');
    expect(letter).toContain('# Open letter on human rights in Exampleland');
    expect(letter).toContain('the human rights situation in Exampleland.');
  });
  it('writes nothing of the bundled letters to the DPRK into a new workspace', async () => {
    const dir = fresh();
    expect((await runCli(['init', dir, '--name', 'Coalition for Human Rights in Belarus'])).code).toBe(0);
    const files = (rel: string): string[] =>
      readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(rel, e.name)) : [join(rel, e.name)],
      );
    const written = files('.');
    expect(written.length).toBeGreaterThan(50);
    // The state, its leader, the coalition and the camps, also as the bundled languages write them
    // (Korean as the DPRK's missions name it too: 朝鮮語, 朝鲜文, 조선어).
    const bundled =
      /DPRK|\bKim\b|ICNK|Pyongyang|North Korea|kwan-li-so|金正恩|김정은|북한|北朝鮮|朝鮮|朝鲜|조선|КНДР|Пхеньян/;
    const leaks = written.flatMap((rel) =>
      readFileSync(join(dir, rel), 'utf8')
        .split('\n')
        .flatMap((line, i) => (bundled.test(line) ? [`${rel}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(leaks).toEqual([]);
  });
  it("refuses to deliver while the coalition's return address is init's placeholder", async () => {
    const ws = tempWorkspace(MINI, {
      'workspace.yaml':
        'name: Test Coalition\nshort_name: TC\nreturn_address:\n  - Test Coalition\n  - "TODO: street and number"\ncontact_email: office@example.org\nsource_locale: en\n',
    });
    const c = await runCli(['-w', ws, 'check']);
    expect(c.code).toBe(1);
    expect(c.stdout).toMatch(
      /^workspace\.yaml:5:5: error: return_address still holds the placeholder "TODO: street and number": nothing is delivered until it is replaced \[workspace\/placeholder\]$/m,
    );
    const r = await runCli(['-w', ws, 'deliver', '2020-test-letter', '--today', '2026-11-23']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\[workspace\/placeholder\]/);
    expect(existsSync(join(ws, 'out'))).toBe(false);
    // The letter itself does not print the return address: render goes on.
    expect((await runCli(['-w', ws, 'render', '2020-test-letter', '--lang', 'en', '--format', 'md'])).code).toBe(0);
  });
  it('refuses a folder that is not empty', async () => {
    const dir = fresh();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const r = await runCli(['init', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not empty \(it holds notes\.txt\)/);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });
  it("copies the translation fingerprints and their English, so changing a demand's English shows what changed", async () => {
    const dir = fresh();
    expect((await runCli(['init', dir])).code).toBe(0);
    const lock = JSON.parse(readFileSync(join(dir, 'locales/ko/sources.lock.json'), 'utf8')) as Record<string, string>;
    expect(Object.keys(lock).length).toBeGreaterThan(10);
    expect(Object.keys(lock).every((k) => k.startsWith('demands:'))).toBe(true); // not the bundled letters' keys
    // The English of exactly the fingerprints the copied lock points at (none of the bundled letters').
    const store = JSON.parse(readFileSync(join(dir, 'locales/ko/source-texts.json'), 'utf8')) as Record<string, string>;
    expect(Object.keys(store).sort()).toEqual([...new Set(Object.values(lock))].sort());
    const campaign = join(dir, 'campaigns/example-letter.yaml');
    writeFileSync(campaign, readFileSync(campaign, 'utf8').replace('locales: [en]', 'locales: [en, ko]'));
    const before = await runCli(['-w', dir, '--format', 'json', 'check']);
    expect(before.stdout).not.toMatch(/i18n\/stale/);
    const demand = join(dir, 'demands/icrc-prison-visits.yaml');
    const text = readFileSync(demand, 'utf8');
    expect(text).toMatch(/Permit/);
    writeFileSync(demand, text.replace('Permit', 'Allow'));
    const after = (
      JSON.parse((await runCli(['-w', dir, '--format', 'json', 'check'])).stdout) as {
        diagnostics: { code: string; message: string; change?: { parts: { kind: string; text: string }[] } }[];
      }
    ).diagnostics;
    const stale = after.filter((d) => d.code === 'i18n/stale');
    expect(stale.map((d) => d.message)).toEqual([expect.stringMatching(/^ko translation of "icrc-prison-visits\./)]);
    expect(stale[0]!.change!.parts.filter((p) => p.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'Permit' },
      { kind: 'added', text: 'Allow' },
    ]);
  });
  it('prints next steps that can be typed from where the user is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'openletter-draft-'));
    // (The test runner's own `npm_command`, set by npx or npm test, must not leak into the runs.)
    // Through a bin named openletter on the PATH (a global install): cd, then the bare command.
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    symlinkSync(join(REPO, 'bin/openletter.js'), join(bin, 'openletter'));
    const global = spawnSync(join(bin, 'openletter'), ['init', 'ours'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, npm_command: '', PATH: `${bin}${delimiter}${process.env.PATH}` },
    });
    expect(global.stdout).toMatch(/^next:\n  cd ours\n  openletter check +lists what the example letter still needs/m);
    // As `node path/to/openletter.js`: that path only works from here, so the steps use -w.
    const r = spawnCli(['init', 'theirs'], { cwd: dir, env: { npm_command: '' } });
    expect(r.stdout).not.toMatch(/\bcd theirs/);
    expect(r.stdout).toContain(`node ${join(REPO, 'bin/openletter.js')} -w theirs check`);
    const check = r.stdout.match(/^  (node .* -w theirs check)/m)![1]!.split(' ');
    // The command reaches the new workspace: it reports the example letter's TODOs there.
    const checked = spawnSync(check[0]!, check.slice(1), { cwd: dir, encoding: 'utf8' });
    expect(checked.stdout).toMatch(/^campaigns\/example-letter\.yaml:\d+:\d+: error: unrendered placeholder "TODO"/m);
    expect(checked.status).toBe(1);
  });
  it('finds the bundled workspace from the package, not the current folder', async () => {
    const files = planInit(REPO, { today: '2026-11-23' });
    const dir = fresh();
    mkdirSync(dir, { recursive: true });
    const r = await runCli(['init', 'here'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'here', 'demands')).length).toBe(
      [...files.keys()].filter((f) => f.startsWith('demands/')).length,
    );
  });
});

describe('openletter new', () => {
  it("writes every parameter the blocks need as a TODO (never another letter's value), which check reports", async () => {
    const dir = tempWorkspace(MINI);
    const r = await runCli([
      '-w',
      dir,
      'new',
      '2026-new-letter',
      '--recipient',
      'Kim Jong Un',
      '--demands',
      'icrc-visits',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /still to write .*: params\.country_short, recipient\.styled, recipient\.titles, recipient\.address\n/,
    );
    const text = readFileSync(join(dir, 'campaigns/2026-new-letter.yaml'), 'utf8');
    // The mini workspace's other letter says DPRK: nothing of it is copied.
    expect(text).not.toMatch(/DPRK/);
    expect(parse(text)).toMatchObject({ params: { country_short: 'TODO: country_short' } });
    const c = await runCli(['-w', dir, '--format', 'json', 'check']);
    expect(c.code).toBe(1);
    const errors = (
      JSON.parse(c.stdout) as {
        diagnostics: { code: string; severity: string; location: { file: string; line: number } }[];
      }
    ).diagnostics.filter((d) => d.severity === 'error');
    const lines = text.split('\n');
    const lineOf = (s: string) => lines.findIndex((l) => l.includes(s)) + 1;
    expect(errors.map((d) => `${d.location.file}:${d.location.line} ${d.code}`)).toEqual(
      expect.arrayContaining([
        `campaigns/2026-new-letter.yaml:${lineOf('TODO: country_short')} text/placeholder`,
        `campaigns/2026-new-letter.yaml:${lineOf('TODO: His Excellency')} text/placeholder`,
        `campaigns/2026-new-letter.yaml:${lineOf("TODO: the recipient's title")} text/placeholder`,
        `campaigns/2026-new-letter.yaml:${lineOf('TODO: street, city')} text/placeholder`,
        `campaigns/2026-new-letter.yaml:${lineOf('TODO: country"')} text/placeholder`,
      ]),
    );
    expect(errors.every((d) => d.location.file === 'campaigns/2026-new-letter.yaml')).toBe(true);
  });
  it('writes a campaign that passes check and renders once its TODOs are written; --param gives values', async () => {
    const dir = tempWorkspace(MINI);
    const args = [
      '-w',
      dir,
      'new',
      '2026-new-letter',
      '--recipient',
      'Kim Jong Un',
      '--demands',
      'icrc-visits,join-ilo',
    ];
    const r = await runCli([...args, '--param', 'country_short=DPRK']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/wrote campaigns\/2026-new-letter\.yaml/);
    const file = join(dir, 'campaigns/2026-new-letter.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/campaign.schema.json');
    expect(existsSync(join(dir, 'schemas/campaign.schema.json'))).toBe(true);
    expect(parse(text)).toMatchObject({
      id: '2026-new-letter',
      date: '2026-11-23',
      params: { country_short: 'DPRK' },
      recipient: { name: 'Kim Jong Un' },
      sections: [{ demands: ['icrc-visits', 'join-ilo'] }],
      signatories: [],
    });
    writeFileSync(
      file,
      text
        .replace("TODO: the recipient's title", 'Chairman of the State Affairs Commission')
        .replace(
          'TODO: His Excellency …, President of …',
          'His Excellency Kim Jong Un, Chairman of the State Affairs Commission',
        )
        .replace('TODO: street, city', 'Pyongyang')
        .replace('TODO: country', "Democratic People's Republic of Korea"),
    );
    const c = await runCli(['-w', dir, 'check']);
    expect(c.code).toBe(0);
    expect(c.stdout).toMatch(
      /campaigns\/2026-new-letter\.yaml:\d+:1: warning: campaign 2026-new-letter has no signatories \[signatory\/none\]/,
    );
    const m = await runCli(['-w', dir, 'render', '2026-new-letter', '--format', 'md']);
    expect(m.code).toBe(0);
    const md = readFileSync(join(dir, 'out/2026-new-letter/en.md'), 'utf8');
    expect(md).toMatch(/Dear Kim Jong Un,/);
    expect(md).toMatch(
      /International Committee of the Red Cross \(ICRC\) to visit all places of detention in the DPRK\./,
    );
    // A parameter no chosen block uses is a usage error, with a suggestion.
    const typo = await runCli([...args.slice(0, 3), 'other', '--demands', 'icrc-visits', '--param', 'country_shrt=X']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(
      /no chosen demand block uses the parameter "country_shrt"[\s\S]*did you mean "country_short"/,
    );
  });
  it('without a recipient, check fails exactly at the fields to fill in, and says so', async () => {
    const dir = tempWorkspace(MINI);
    const r = await runCli(['-w', dir, 'new', 'draft']);
    expect(r.stdout).toMatch(
      /still to write .*: title, recipient\.name, recipient\.styled, recipient\.titles, recipient\.address, salutation\n/,
    );
    const c = await runCli(['-w', dir, '--format', 'json', 'check']);
    const errors = (
      JSON.parse(c.stdout) as {
        diagnostics: { code: string; severity: string; location: { file: string; line: number } }[];
      }
    ).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.location.file}:${d.location.line} ${d.code}`)).toEqual([
      'campaigns/draft.yaml:8 text/placeholder',
      'campaigns/draft.yaml:11 text/placeholder',
      'campaigns/draft.yaml:13 text/placeholder', // recipient.styled: what delivery needs is asked for now
      'campaigns/draft.yaml:15 text/placeholder',
      'campaigns/draft.yaml:17 text/placeholder',
      'campaigns/draft.yaml:18 text/placeholder',
      'campaigns/draft.yaml:19 text/placeholder',
    ]);
    expect(parse(readFileSync(join(dir, 'campaigns/draft.yaml'), 'utf8')).recipient.kind).toBe('head-of-state');
  });
  it('--from copies a campaign and its translations, with a new id and date and no signatories', async () => {
    const dir = tempWorkspace(MINI);
    const r = await runCli(['-w', dir, 'new', '2026-again', '--from', '2020-test-letter']);
    expect(r.code).toBe(0);
    const copy = parse(readFileSync(join(dir, 'campaigns/2026-again.yaml'), 'utf8'));
    const original = parse(readText(join(MINI, 'campaigns/2020-test-letter.yaml')));
    expect(copy).toEqual({ ...original, id: '2026-again', date: '2026-11-23', signatories: [] });
    expect(readFileSync(join(dir, 'locales/ko/campaigns/2026-again.yaml'), 'utf8')).toBe(
      readText(join(MINI, 'locales/ko/campaigns/2020-test-letter.yaml')),
    );
    const c = await runCli(['-w', dir, 'check']);
    expect(c.code).toBe(0);
  });
  it('--from keeps the comments, key order and layout of the files it copies; only the values it replaces change', async () => {
    const original = readText(join(MINI, 'campaigns/2020-test-letter.yaml'));
    const commented = `# Our 2020 letter: keep this comment.\n${original.replace('date: 2020-03-01\n', 'date: 2020-03-01 # sent in March\n')}`;
    const koFile = 'locales/ko/campaigns/2020-test-letter.yaml';
    const ko = `# Reviewed by the Seoul office.\n${readText(join(MINI, koFile)).replace('salutation:', '# as the office writes it\nsalutation:')}`;
    const dir = tempWorkspace(MINI, { 'campaigns/2020-test-letter.yaml': commented, [koFile]: ko });
    const r = await runCli([
      '-w',
      dir,
      'new',
      '2026-again',
      '--from',
      '2020-test-letter',
      '--recipient',
      'Ri Son Gwon',
    ]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'campaigns/2026-again.yaml'), 'utf8')).toBe(
      '# yaml-language-server: $schema=../schemas/campaign.schema.json\n' +
        commented
          .replace('id: 2020-test-letter', 'id: 2026-again')
          .replace('date: 2020-03-01 # sent in March', 'date: 2026-11-23 # sent in March')
          .replace('  name: Kim Jong Un', '  name: Ri Son Gwon')
          .replace(/^  styled: .*$/m, '  styled: "TODO: His Excellency …, President of …"')
          .replace('salutation: Dear Chairman Kim,', 'salutation: Dear Ri Son Gwon,')
          .replace(/^signatories: .*$/m, 'signatories: []'),
    );
    // The translation loses the two texts replaced (check asks for them again), nothing else.
    expect(readFileSync(join(dir, 'locales/ko/campaigns/2026-again.yaml'), 'utf8')).toBe(
      ko
        .replace('  name: 김정은\n', '')
        .replace(/^  styled: .*\n/m, '')
        .replace('salutation: 김정은 위원장님께\n', ''),
    );
  });
  it("--from with --recipient asks again how the new recipient is styled, not the copied letter's", async () => {
    const dir = tempWorkspace(MINI);
    const r = await runCli(['-w', dir, 'new', '2026-other', '--from', '2020-test-letter', '--recipient', 'A. Person']);
    expect(r.stdout).toMatch(/still to write .*: recipient\.styled\n/);
    const text = readFileSync(join(dir, 'campaigns/2026-other.yaml'), 'utf8');
    expect(parse(text).recipient).toMatchObject({
      name: 'A. Person',
      styled: 'TODO: His Excellency …, President of …',
    });
    expect(text).not.toMatch(/His Excellency Kim/);
    // The translations lose it too: each language names the new recipient again.
    expect(readFileSync(join(dir, 'locales/ko/campaigns/2026-other.yaml'), 'utf8')).not.toMatch(/styled/);
    const c = await runCli(['-w', dir, 'check']);
    expect(c.stdout).toMatch(/^campaigns\/2026-other\.yaml:\d+:\d+: error: unrendered placeholder "TODO"/m);
  });
  it('refuses an existing id, an unsafe id and an unknown demand block', async () => {
    const dir = tempWorkspace(MINI);
    expect((await runCli(['-w', dir, 'new', '2020-test-letter'])).stderr).toMatch(/already exists/);
    expect((await runCli(['-w', dir, 'new', 'My Letter'])).stderr).toMatch(/not a safe campaign id.*\n.*"my-letter"/);
    const r = await runCli(['-w', dir, 'new', 'x', '--demands', 'icrc-visit']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/did you mean "icrc-visits"/);
  });
});

describe('render --watch', () => {
  it('re-renders on save, survives a half-written file, and reports each round', async () => {
    const dir = tempWorkspace(MINI);
    const rounds: WatchRound[] = [];
    const logs: string[] = [];
    const controller = new AbortController();
    const next = (n: number) =>
      new Promise<void>((resolve, reject) => {
        const t0 = Date.now();
        const poll = () =>
          rounds.length >= n
            ? resolve()
            : Date.now() - t0 > 15_000
              ? reject(new Error(`no round ${n}: ${logs.join(' | ')}`))
              : setTimeout(poll, 20);
        poll();
      });
    const done = watchRender({
      root: dir,
      campaignId: '2020-test-letter',
      locale: 'en',
      formats: ['md'],
      today: '2026-11-23',
      out: join(dir, 'out'),
      debounceMs: 50,
      signal: controller.signal,
      report: () => {},
      log: (l) => logs.push(l),
      onRound: (r) => rounds.push(r),
    });
    await next(1);
    expect(rounds[0]!.rendered).toEqual(['en.md']);
    const file = join(dir, 'campaigns/2020-test-letter.yaml');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.slice(0, good.indexOf('sections:') + 20)); // a half-written save
    await next(2);
    expect(rounds[1]!.rendered).toEqual([]);
    expect(rounds[1]!.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    writeFileSync(file, good.replace('We write to you about detention.', 'We write to you again.'));
    await next(3);
    expect(rounds[2]!.rendered).toEqual(['en.md']);
    expect(readFileSync(join(dir, 'out/2020-test-letter/en.md'), 'utf8')).toMatch(/We write to you again\./);
    expect(logs.some((l) => /^rendered en\.md in \d+ ms$/.test(l))).toBe(true);
    controller.abort();
    await done;
  });
});

describe('JSON Schemas', () => {
  it('schemas/*.schema.json are generated from the current zod schemas', async () => {
    const { generate } = (await import(join(REPO, 'scripts/gen-schemas.mjs'))) as {
      generate: () => Map<string, string>;
    };
    const generated = generate();
    expect([...generated.keys()].sort()).toEqual(readdirSync(join(REPO, 'schemas')).sort());
    for (const [name, text] of generated)
      expect(
        readFileSync(join(REPO, 'schemas', name), 'utf8'),
        `${name}: run npm run build && node scripts/gen-schemas.mjs`,
      ).toBe(text);
    const campaign = JSON.parse(generated.get('campaign.schema.json')!);
    expect(campaign.required).toContain('recipient');
    expect(campaign.additionalProperties).toBe(false);
    expect(campaign.properties.id.pattern).toBe('^[a-z0-9][a-z0-9-]{0,63}$');
  });
});
