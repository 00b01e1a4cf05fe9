import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { pdfPageTexts } from './helpers/pdf-text.js';
import { REPO, runCli } from './helpers/workspace.js';

/** What a coalition writing to Belarus adds to a fresh workspace (see its README.md). */
const FIXTURE = join(REPO, 'tests/fixtures/new-state');
const read = (p: string) => readFileSync(p, 'utf8');

describe('a new coalition writing to another state, in English and a language the bundle lacks', () => {
  it('init → new → sign-on import → translations export, fill, import → check → render → deliver', async () => {
    const ws = join(mkdtempSync(join(tmpdir(), 'openletter-new-state-')), 'belarus-letter');
    const cli = (...args: string[]) => runCli(['-w', ws, ...args]);
    expect((await runCli(['init', ws, '--name', 'Coalition for Human Rights in Belarus'])).code).toBe(0);
    rmSync(join(ws, 'campaigns/example-letter.yaml')); // the coordinator starts their own letter instead
    // Belarusian, added the README's way (locale.yaml, letter.yaml), and the mission it goes to.
    cpSync(join(FIXTURE, 'locales'), join(ws, 'locales'), { recursive: true });
    writeFileSync(join(ws, 'missions.yaml'), read(join(FIXTURE, 'missions.yaml')));

    const made = await cli(
      'new',
      '2026-belarus',
      '--recipient',
      'Alexander Lukashenko',
      '--demands',
      'release-political-prisoners',
      '--lang',
      'en,be',
    );
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/still to write .*: recipient\.styled, recipient\.titles, recipient\.address\n/);
    const campaignFile = join(ws, 'campaigns/2026-belarus.yaml');
    const skeleton = read(campaignFile);
    expect(skeleton).not.toMatch(/DPRK|Korea|Kim|Seoul/);
    // The coordinator writes what `new` marked TODO, a section heading, a CC entry and the mission.
    writeFileSync(
      campaignFile,
      `${skeleton
        .replace(`"TODO: the recipient's title"`, 'President of the Republic of Belarus')
        .replace('"TODO: His Excellency …, President of …"', 'His Excellency the President of the Republic of Belarus')
        .replace('"TODO: street, city"', '38 Karl Marx Street, 220016 Minsk')
        .replace('"TODO: country"', 'Belarus')
        .replace('  - demands:', '  - heading: Political prisoners\n    demands:')
        .replace('missions: []', 'missions: [belarus-embassy-test]')}cc:
  - name: United Nations High Commissioner for Human Rights
    lines: [Office of the United Nations High Commissioner for Human Rights, Geneva]
`,
    );

    // init's return address is a TODO: reported, and deliver refuses while it is.
    const refused = await cli('deliver', '2026-belarus', '--today', '2026-11-23');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/return_address still holds the placeholder "TODO: street and number"/);
    expect(existsSync(join(ws, 'out'))).toBe(false);
    const wsFile = join(ws, 'workspace.yaml');
    writeFileSync(
      wsFile,
      read(wsFile)
        .replace('"TODO: street and number"', 'Test Street 1')
        .replace('"TODO: postcode and city"', 'LT-00001 Vilnius')
        .replace('"TODO: country"', 'Lithuania'),
    );

    // The Google Forms export: its questions are recognised, nothing is guessed.
    const dry = await cli('signatories', 'import', join(FIXTURE, 'sign-on.csv'), '--campaign', '2026-belarus');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/"Are you signing as an organisation or as an individual\?" → kind \(guessed\)/);
    expect(dry.stdout).toMatch(/"Your role or title" → ignored/);
    const wrote = await cli(
      'signatories',
      'import',
      join(FIXTURE, 'sign-on.csv'),
      '--campaign',
      '2026-belarus',
      '--write',
    );
    expect(wrote.code).toBe(0);
    const roster = (parse(read(join(ws, 'signatories.yaml'))) as { signatories: Record<string, unknown>[] })
      .signatories;
    expect(roster.slice(1).map((e) => [e.name, e.kind, e.country])).toEqual([
      ['Baltic Human Rights Network', 'organisation', 'LT'],
      ['Ion Popescu', 'individual', 'MD'],
      ['Центр громадянських свобод', 'organisation', 'UA'],
      ['Fundacja Praw Człowieka', 'organisation', 'PL'],
    ]);
    // The form exported again later: the typo'd second submission (same e-mail) is held back.
    const later = await cli('signatories', 'import', join(FIXTURE, 'sign-on-later.csv'), '--campaign', '2026-belarus');
    expect(later.stdout).toMatch(/row 6 +Baltic Human Rigths Network +near-duplicate +baltic-human-rights-network\?/);
    expect(later.stdout).toMatch(/0 new roster entries; 0 signatories added/);
    expect(later.stdout + later.stderr).not.toMatch(/@/);

    // Translations: export what Belarusian lacks, fill it in a spreadsheet, import it.
    const csvFile = join(ws, 'be.csv');
    const exported = await cli(
      'translations',
      'export',
      '--lang',
      'be',
      '--format',
      'csv',
      '--campaign',
      '2026-belarus',
      '--out',
      csvFile,
    );
    expect(exported.code).toBe(0);
    const belarusian = parse(read(join(FIXTURE, 'be-translations.yaml'))) as Record<string, string>;
    const rows = parseCsv(read(csvFile), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((r) => r.key).sort()).toEqual(Object.keys(belarusian).sort());
    for (const r of rows) r.translation = belarusian[r.key!]!;
    writeFileSync(csvFile, stringify(rows, { header: true, columns: Object.keys(rows[0]!) }));
    const tried = await cli('translations', 'import', csvFile, '--lang', 'be', '--dry-run');
    expect(tried.code).toBe(0);
    expect(existsSync(join(ws, 'locales/be/campaigns/2026-belarus.yaml'))).toBe(false);
    const imported = await cli('translations', 'import', csvFile, '--lang', 'be');
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);

    const check = await cli('check');
    expect(check.stdout).toMatch(/^0 error\(s\)/m);
    expect(check.code).toBe(0);

    const rendered = await cli('render', '2026-belarus');
    expect(rendered.code).toBe(0);
    const be = read(join(ws, 'out/2026-belarus/be.md'));
    for (const text of [
      'Аляксандр Лукашэнка',
      'Прэзідэнт Рэспублікі Беларусь',
      'Палітычныя зняволеныя',
      'Прыміце меры, каб вызваліць затрыманых',
      'З павагай,',
      'Центр громадянських свобод',
      'Ion Popescu',
    ])
      expect(be).toContain(text);
    expect(be).not.toMatch(/organisation|individual|TODO|DPRK/i);
    const pdf = (await pdfPageTexts(readFileSync(join(ws, 'out/2026-belarus/be.pdf')))).join('\n');
    expect(pdf).toContain('Палітычныя зняволеныя');
    expect(pdf).toContain('Fundacja Praw Człowieka');

    const delivered = await cli('deliver', '2026-belarus', '--today', '2026-11-23');
    expect(delivered.code).toBe(0);
    const packet = join(ws, 'out/2026-belarus/delivery/belarus-embassy-test');
    expect(readdirSync(packet)).toEqual(expect.arrayContaining(['letter-be.pdf', 'letter-en.pdf', 'envelope-dl.pdf']));
    const envelope = (await pdfPageTexts(readFileSync(join(packet, 'envelope-dl.pdf')))).join('\n');
    expect(envelope).toContain('LT-00001 Vilnius');
    expect(envelope).not.toMatch(/Seoul|Example|TODO/);
  });
});
