import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { countryCode } from '../src/draft/countries.js';
import { readSignOnCsv } from '../src/draft/read-signon-csv.js';
import { idFromName } from '../src/draft/slug.js';
import { YamlEdit } from '../src/draft/yaml-edit.js';
import { MINI, readText, runCli, tempWorkspace } from './helpers/workspace.js';

/** A Google Forms export: BOM, CRLF, Excel quoting, a timestamp, a duplicate, a near-duplicate, a row with no name. */
const FORMS_CSV =
  '\uFEFF"Timestamp","Email Address","Organisation name","Country","Contact person"\r\n' +
  '"2026/03/01 10:02:11 AM GMT+9","office@nkwatch.example","North Korea Watch, Seoul","South Korea","Kim Min-ji"\r\n' +
  '"2026/03/01 11:40:00 AM GMT+9","info@amnesty.example","Amnesty International","","Jo Doe"\r\n' +
  '"2026/03/02 09:00:00 AM GMT+9","","Open north korea","대한민국",""\r\n' +
  '"2026/03/02 09:30:00 AM GMT+9","x@y.example","North Korea Watch, Seoul","KR",""\r\n' +
  '"2026/03/03 08:00:00 AM GMT+9","","","Japan",""\r\n' +
  '"2026/03/03 09:00:00 AM GMT+9","","Citizens for Peace","Narnia",""\r\n' +
  '"2026/03/04 12:00:00 PM GMT+9","","""Free Speech"" Network","Japon",""\r\n';

/** The mini roster with a comment, and the campaign it signs. */
const ROSTER = `# The roster. This comment must survive an import.
${readText(join(MINI, 'signatories.yaml'))}`;

function workspace(): string {
  return tempWorkspace(MINI, { 'signatories.yaml': ROSTER, 'signon.csv': FORMS_CSV });
}

describe('reading a sign-on CSV', () => {
  it('maps the columns it recognises and says it guessed them', () => {
    const csv = readSignOnCsv(FORMS_CSV, 'signon.csv');
    expect(csv.columns.map((c) => `${c.header}=${c.field}/${c.how}`)).toEqual([
      'Timestamp=ignore/guessed',
      'Email Address=email/guessed',
      'Organisation name=name/guessed',
      'Country=country/guessed',
      'Contact person=person/guessed',
    ]);
    expect(csv.rows.map((r) => [r.row, r.name, r.country])).toEqual([
      [2, 'North Korea Watch, Seoul', 'KR'],
      [3, 'Amnesty International', undefined],
      [4, 'Open north korea', 'KR'],
      [5, 'North Korea Watch, Seoul', 'KR'],
      [8, '"Free Speech" Network', 'JP'],
    ]);
    expect(csv.rejected.map((r) => `${r.row}: ${r.reason}`)).toEqual(['6: no name', '7: unknown country "Narnia"']);
    // A row's diagnostic points at line 7 of the text diagnostics quote; that text holds the name,
    // country and kind cells only (other cells shown as "…").
    const row7 = csv.diagnostics.find((d) => d.message.startsWith('row 7'))!;
    expect(csv.text.slice(row7.span!.start, row7.span!.end)).toBe('…,,Citizens for Peace,Narnia,');
    expect(csv.text.split('\n')[1]).toBe('…,…,"North Korea Watch, Seoul",South Korea,…');
    expect(csv.text).not.toMatch(/@|Kim Min-ji|Jo Doe/);
  });
  it('column names in other languages, ";" separators, and --map', () => {
    const ko = readSignOnCsv('타임스탬프;단체명;국가;이메일\n2026-03-01;참여연대;한국;a@b.example\n', 'ko.csv');
    expect(ko.columns.map((c) => c.field)).toEqual(['ignore', 'name', 'country', 'email']);
    expect(ko.rows[0]).toMatchObject({ name: '참여연대', country: 'KR', email: 'a@b.example' });
    const mapped = readSignOnCsv("Nom de l'organisation,Pays,Remarques\nLigue des droits,France,merci\n", 'fr.csv', {
      map: "Nom de l'organisation=name,Remarques=ignore",
    });
    expect(mapped.columns.map((c) => `${c.field}/${c.how}`)).toEqual(['name/given', 'country/guessed', 'ignore/given']);
    expect(mapped.rows[0]).toMatchObject({ name: 'Ligue des droits', country: 'FR' });
    const bad = readSignOnCsv('A,B\nx,y\n', 'bad.csv', { map: 'Organisation=name' });
    expect(bad.diagnostics.map((d) => d.code)).toEqual(['import/column', 'import/column']);
  });
  it('individuals: first and last name columns (Action Network), a "Your name" form, a kind column', () => {
    const an = readSignOnCsv(
      'first_name,last_name,email,zip_code,country\nJane,Roe,jane@example.org,10001,US\n',
      'an.csv',
    );
    expect(an.rows[0]).toMatchObject({
      name: 'Jane Roe',
      kind: 'individual',
      country: 'US',
      email: 'jane@example.org',
    });
    const form = readSignOnCsv(
      'Timestamp,Your name,Email,Country,Type\n1,Jane Roe,j@r.example,Canada,\n2,Ko Un,,대한민국,단체\n',
      'form.csv',
    );
    expect(form.rows.map((r) => `${r.name}/${r.kind}/${r.country}`)).toEqual([
      'Jane Roe/individual/CA',
      'Ko Un/organisation/KR',
    ]);
  });
  it('recognises the questions sign-on forms ask, in English and Russian', () => {
    const en = readSignOnCsv(
      'Timestamp,Email Address,Are you signing as an organisation or as an individual?,' +
        'Name of your organisation (leave blank if you are signing as an individual),Your name,Your role or title,' +
        'Country,Any comments?\n' +
        '1,o@b.example,An organisation,Baltic Human Rights Network,Jonas Petraitis,Director,Lithuania,Good luck\n' +
        '2,ion@p.example,An individual,,Ion Popescu,,Republic of Moldova,\n' +
        '3,,An organisation,,Olena Kovalenko,Coordinator,Україна,\n',
      'form.csv',
    );
    expect(en.columns.map((c) => c.field)).toEqual([
      'ignore',
      'email',
      'kind',
      'name',
      'person',
      'ignore',
      'country',
      'ignore',
    ]);
    expect(en.rows.map((r) => [r.name, r.kind, r.country, r.person])).toEqual([
      ['Baltic Human Rights Network', 'organisation', 'LT', 'Jonas Petraitis'],
      // Left blank by an individual: the person's own name, not a contact person besides it.
      ['Ion Popescu', 'individual', 'MD', undefined],
    ]);
    // An organisation with no name is rejected, never named after its contact person.
    expect(en.rejected.map((r) => `${r.row} ${r.name || '-'}: ${r.reason}`)).toEqual([
      '4 -: no organisation name (only a contact person)',
    ]);
    expect(en.diagnostics.map((d) => d.message).join('\n')).not.toMatch(/Olena|@/);
    const ru = readSignOnCsv(
      'Отметка времени,Адрес электронной почты,Вы подписываете как организация или как частное лицо?,' +
        '"Название организации (оставьте пустым, если подписываете лично)",Ваше имя,Должность,Страна,Комментарии\n' +
        '1,a@b.example,Организация,Вясна,Алесь Б.,,Беларусь,\n' +
        '2,,Частное лицо,,Анна К.,,Польшча,\n',
      'ru.csv',
    );
    expect(ru.columns.map((c) => c.field)).toEqual([
      'ignore',
      'email',
      'kind',
      'name',
      'person',
      'ignore',
      'country',
      'ignore',
    ]);
    expect(ru.rows.map((r) => [r.name, r.kind, r.country])).toEqual([
      ['Вясна', 'organisation', 'BY'],
      ['Анна К.', 'individual', 'PL'],
    ]);
  });

  it('refuses to guess a column it cannot tell, and prints the --map to write', () => {
    // "Organisation / individual" reads like the name and the kind, and no other column is the name.
    const two = readSignOnCsv('Email,Organisation / individual,Country\nx@y.example,Individual,US\n', 'two.csv');
    expect(two.rows).toEqual([]);
    expect(two.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      'import/column cannot tell what column 2 ("Organisation / individual") holds: it could be the kind or the name; nothing imported',
    ]);
    expect(two.diagnostics[0]!.hint).toMatch(/--map "Email=email,Organisation \/ individual=kind,Country=country"/);
    // A "name" column whose answers are kinds: the form asked something else.
    const kinds = readSignOnCsv('Signatory,Organisation name\nAn organisation,Rights Now\nAn individual,\n', 'k.csv');
    expect(kinds.rows).toEqual([]);
    expect(kinds.diagnostics[0]!.message).toMatch(/column 1 \("Signatory"\).*answers say organisation or individual/);
    // The --map it prints works, commas in headers included.
    const mapped = readSignOnCsv('"Role, title",Signatory,Organisation name\nx,An organisation,Rights Now\n', 'm.csv', {
      map: 'Role, title=ignore,Signatory=kind,Organisation name=name',
    });
    expect(mapped.diagnostics).toEqual([]);
    expect(mapped.rows.map((r) => [r.name, r.kind])).toEqual([['Rights Now', 'organisation']]);
  });

  it('country names in English, Korean and other languages, and ISO codes', () => {
    const cases: [string, string][] = [
      ['South Korea', 'KR'],
      ['Republic of Korea', 'KR'],
      ['Korea, Republic of', 'KR'],
      ['대한민국', 'KR'],
      ['한국', 'KR'],
      ['kr', 'KR'],
      ['North Korea', 'KP'],
      ['DPRK', 'KP'],
      ['북한', 'KP'],
      ['日本', 'JP'],
      ['Japon', 'JP'],
      ['Deutschland', 'DE'],
      ['The Netherlands', 'NL'],
      ['United States', 'US'],
      ['USA', 'US'],
      ['UK', 'GB'],
      ['Côte d’Ivoire', 'CI'],
      ['Perú', 'PE'],
      ['中国', 'CN'],
      // Names a sign-on form really received: the UN's name, and names in Ukrainian and Belarusian.
      ['Republic of Moldova', 'MD'],
      ['Україна', 'UA'],
      ['Польшча', 'PL'],
      ['Moldova, Republic of', 'MD'],
      ['Kosovo', 'XK'],
    ];
    for (const [name, code] of cases) expect(countryCode(name).code, name).toBe(code);
    expect(countryCode('Narnia').code).toBeUndefined();
    expect(countryCode('Japn').suggestion).toBe('Japan (JP)');
  });
  it('ids for new entries: slugs, names in any script romanised, never taken', () => {
    expect(idFromName('Helping Hands Korea_Catacombs', new Set())).toBe('helping-hands-korea-catacombs');
    expect(idFromName('참여연대', new Set())).toBe('chamyeoyeondae');
    expect(idFromName('Asociación Pro Derechos Humanos', new Set(['asociacion-pro-derechos-humanos']))).toBe(
      'asociacion-pro-derechos-humanos-2',
    );
    expect(idFromName('Правозащитный центр «Мемориал»', new Set())).toBe('pravozashchitnyy-tsentr-memorial');
    expect(idFromName('ヒューマンライツ・ナウ', new Set())).toBe('hiyumanraitsu-nau');
    expect(idFromName('北朝鮮人権', new Set())).toBe('beichaoxianrenquan');
    expect(idFromName('★ ☆', new Set())).toMatch(/^signatory-[0-9a-f]{8}$/);
  });
});

describe('openletter signatories import', () => {
  it('shows what it would change and writes nothing without --write', async () => {
    const dir = workspace();
    const r = await runCli([
      '-w',
      dir,
      'signatories',
      'import',
      join(dir, 'signon.csv'),
      '--campaign',
      '2020-test-letter',
    ]);
    expect(r.code).toBe(1); // two rejected rows
    expect(r.stdout).toMatch(/"Organisation name" → name \(guessed\)/);
    expect(r.stdout).toMatch(/"Timestamp" → ignored/);
    expect(r.stdout).toMatch(/row 2\s+North Korea Watch, Seoul\s+new\s+north-korea-watch-seoul/);
    expect(r.stdout).toMatch(/row 3\s+Amnesty International\s+already signing/);
    expect(r.stdout).toMatch(/row 4\s+Open north korea\s+near-duplicate\s+open-north-korea\? not imported/);
    expect(r.stdout).toMatch(/row 5\s+North Korea Watch, Seoul\s+duplicate\s+of row 2, skipped/);
    expect(r.stdout).toMatch(/dry run: nothing written/);
    expect(r.stderr).toMatch(/signon\.csv:6:1: error: row 6: no name \[import\/rejected-row\]/);
    expect(r.stderr).toMatch(/signon\.csv:7:1: error: row 7 \("Citizens for Peace"\): unknown country "Narnia"/);
    expect(r.stderr).toMatch(
      /signon\.csv:4:1: warning: row 4: "Open north korea" looks like "Open North Korea" \(open-north-korea: differs only in case/,
    );
    // Contact details are never echoed.
    expect(r.stdout + r.stderr).not.toMatch(/office@nkwatch|Kim Min-ji/);
    expect(readFileSync(join(dir, 'signatories.yaml'), 'utf8')).toBe(ROSTER);
  });

  it('--write adds entries and signatures, keeps comments and order, and check passes', async () => {
    const dir = workspace();
    const r = await runCli([
      '-w',
      dir,
      'signatories',
      'import',
      join(dir, 'signon.csv'),
      '--campaign',
      '2020-test-letter',
      '--write',
    ]);
    expect(r.stdout).toMatch(/wrote signatories\.yaml, campaigns\/2020-test-letter\.yaml/);
    const roster = readFileSync(join(dir, 'signatories.yaml'), 'utf8');
    // Everything as it was, plus the additions: the comment, order and layout are kept.
    const amnesty = '    name: Amnesty International\n    kind: organisation\n';
    expect(roster).toBe(
      ROSTER.replace(amnesty, `${amnesty}    contact:\n      person: Jo Doe\n      email: info@amnesty.example\n`) +
        '  - id: north-korea-watch-seoul\n    name: North Korea Watch, Seoul\n    kind: organisation\n    country: KR\n    contact:\n      person: Kim Min-ji\n      email: office@nkwatch.example\n    signed: [2020-test-letter]\n' +
        '  - id: free-speech-network\n    name: \'"Free Speech" Network\'\n    kind: organisation\n    country: JP\n    signed: [2020-test-letter]\n',
    );
    const entries = parse(roster).signatories as { id: string; name: string }[];
    expect(entries.map((e) => e.id)).toEqual([
      'amnesty-international',
      'open-north-korea',
      'han-voice',
      'jane-doe',
      'north-korea-watch-seoul',
      'free-speech-network',
    ]);
    expect(entries[5]!.name).toBe('"Free Speech" Network');
    const campaign = readFileSync(join(dir, 'campaigns/2020-test-letter.yaml'), 'utf8');
    expect(campaign).toMatch(
      /^signatories: \[open-north-korea, amnesty-international, jane-doe, han-voice, north-korea-watch-seoul, free-speech-network\]$/m,
    );
    expect(campaign.replace(/^signatories: .*$/m, '')).toBe(
      readText(join(MINI, 'campaigns/2020-test-letter.yaml')).replace(/^signatories: .*$/m, ''),
    );
    const c = await runCli(['-w', dir, 'check']);
    expect(c.stdout).not.toMatch(/error/);
    // Contact details stay in the roster: the letter never prints them.
    const md = await runCli(['-w', dir, 'render', '2020-test-letter', '--format', 'md', '--lang', 'en']);
    expect(md.code).toBe(0);
    const letter = readFileSync(join(dir, 'out/2020-test-letter/en.md'), 'utf8');
    expect(letter).toMatch(/North Korea Watch, Seoul/);
    expect(letter).not.toMatch(/office@nkwatch|Kim Min-ji|info@amnesty/);
  });

  it('--accept-near takes a near-duplicate as the roster entry and keeps the spelling as an alias', async () => {
    const dir = tempWorkspace(MINI, {
      'signon.csv':
        'Organisation,Country\nHan-Voice,Canada\nOpen North Korea,KR\nRights Now Lithuania,LT\nRights Now Lithuana,LT\n',
    });
    writeFileSync(
      join(dir, 'campaigns/2020-test-letter.yaml'),
      readText(join(dir, 'campaigns/2020-test-letter.yaml')).replace(
        /^signatories: .*$/m,
        'signatories:\n  - jane-doe # signed by e-mail',
      ),
    );
    const r = await runCli([
      '-w',
      dir,
      'signatories',
      'import',
      join(dir, 'signon.csv'),
      '-c',
      '2020-test-letter',
      '--accept-near',
      '--write',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/row 2\s+Han-Voice\s+signs \(near \(accepted\)\)\s+han-voice/);
    const roster = parse(readFileSync(join(dir, 'signatories.yaml'), 'utf8')).signatories as {
      id: string;
      aliases?: string[];
    }[];
    expect(roster.find((e) => e.id === 'han-voice')?.aliases).toEqual(['Han-Voice']);
    // A row like an earlier row of the file joins that row's new entry, its spelling an alias.
    expect(roster.filter((e) => e.id.startsWith('rights-now'))).toEqual([
      {
        id: 'rights-now-lithuania',
        name: 'Rights Now Lithuania',
        kind: 'organisation',
        country: 'LT',
        aliases: ['Rights Now Lithuana'],
        signed: ['2020-test-letter'],
      },
    ]);
    expect(readFileSync(join(dir, 'campaigns/2020-test-letter.yaml'), 'utf8')).toMatch(
      /signatories:\n {2}- jane-doe # signed by e-mail\n {2}- han-voice\n {2}- open-north-korea\n {2}- rights-now-lithuania\n/,
    );
  });

  it('usage mistakes: no campaign, unknown campaign', async () => {
    const dir = workspace();
    expect((await runCli(['-w', dir, 'signatories', 'import', join(dir, 'signon.csv')])).code).toBe(2);
    const r = await runCli([
      '-w',
      dir,
      'signatories',
      'import',
      join(dir, 'signon.csv'),
      '--campaign',
      '2020-test-leter',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/did you mean "2020-test-letter"/);
  });
});

describe('YamlEdit keeps the file as written', () => {
  it('appends to block and flow lists and adds keys without touching anything else', () => {
    const text =
      '# top\nid: x # the id\nlist:\n  - a   # first\n  - b\nflow: [c, d]\nlong: >-\n  a folded paragraph that the yaml package would re-fold at another width if it\n  serialised the whole document again\nmap:\n  k: v\n';
    const e = new YamlEdit(text);
    e.append(['list'], ['c, d']);
    e.append(['flow'], ['e', 'f, g']);
    e.addKey(['map'], 'added', ['x']);
    e.append(['missing'], ['m']);
    e.setValue(['id'], 'y');
    expect(e.toString()).toBe(
      '# top\nid: y # the id\nlist:\n  - a   # first\n  - b\n  - c, d\nflow: [c, d, e, "f, g"]\nlong: >-\n  a folded paragraph that the yaml package would re-fold at another width if it\n  serialised the whole document again\nmap:\n  k: v\n  added: [x]\nmissing:\n  - m\n',
    );
  });
});
