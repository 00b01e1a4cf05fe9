import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { mergeDeliveryLog, parseDeliveryLog, type ParsedLog } from '../src/deliver/delivery-log.js';
import { MINI, runCli, tempWorkspace } from './helpers/workspace.js';

/**
 * The delivery record (issue 13, item 5): what volunteers fill in lives in delivery-log.csv, which
 * every `deliver` merges into and never replaces; files deliver did not write stay; an output
 * folder that is or holds the workspace's own files is refused.
 */

const CAMPAIGN = '2020-test-letter';
const TODAY = ['--today', '2026-11-23'];

const rowsOf = (text: string) =>
  parseCsv(text, { bom: true, columns: true, delimiter: text.includes('";"') ? ';' : ',' }) as Record<string, string>[];

describe('mergeDeliveryLog', () => {
  const log = (text: string) => parseDeliveryLog(text) as ParsedLog;
  const entry = (mission: string, planned = 'yes') => ({ mission, name: `Embassy ${mission}`, city: 'X', planned });

  it('keeps every volunteer cell and added column, appends new missions, marks dropped ones', () => {
    const before = log(
      'Mission,Name,City,Planned,Delivered on,Method,Delivered by,Received by,Notes,Parcel\r\n' +
        'a,Old name,X,yes,2026-11-02,hand,Kim,guard,"rang twice, ""no""",RR1\r\n' +
        'b,Embassy b,X,yes,,,,,,\r\n',
    );
    const rows = rowsOf(
      mergeDeliveryLog(before, [entry('a'), entry('c', 'refused: closed')], new Set(['a', 'c']), '2026-12-01'),
    );
    expect(rows.map((r) => [r.Mission, r.Planned])).toEqual([
      ['a', 'yes'],
      ['b', 'no longer: removed from the campaign by 2026-12-01'],
      ['c', 'refused: closed'],
    ]);
    expect(rows[0]).toMatchObject({
      Name: 'Embassy a',
      'Delivered on': '2026-11-02',
      Notes: 'rang twice, "no"',
      Parcel: 'RR1',
    });
    expect(rows[2]!['Delivered on']).toBe('');
  });

  it('leaves the rows of missions a partial run did not touch as they were', () => {
    const before = log('Mission,Planned,Delivered on\r\na,yes,2026-11-02\r\nb,yes,\r\n');
    const rows = rowsOf(mergeDeliveryLog(before, [entry('b')], new Set(['a', 'b']), '2026-12-01'));
    expect(rows.map((r) => [r.Mission, r.Planned, r['Delivered on']])).toEqual([
      ['a', 'yes', '2026-11-02'],
      ['b', 'yes', ''],
    ]);
  });

  it('keeps the delimiter a spreadsheet saved it with, and refuses a table without a Mission column', () => {
    const merged = mergeDeliveryLog(log('Mission;Delivered on\r\na;2026-11-02\r\n'), [entry('a')], new Set(['a']), 'x');
    expect(merged.split('\r\n')[1]).toBe('"a";"Embassy a";"X";"yes";"2026-11-02";;;;');
    expect(parseDeliveryLog('Name,City\r\nx,y\r\n')).toEqual({
      problem: 'row 1: no "Mission" column (the column openletter finds each mission by)',
    });
    expect('problem' in parseDeliveryLog('Mission,Notes\r\na,"never closed\r\n')).toBe(true);
  });
});

describe('deliver keeps the delivery record', () => {
  it('merges the log across runs, keeps receipts, removes only its own stale files', async () => {
    const ws = tempWorkspace(MINI);
    const campaign = join(ws, 'campaigns', `${CAMPAIGN}.yaml`);
    const setMissions = (list: string) =>
      writeFileSync(campaign, readFileSync(campaign, 'utf8').replace(/^missions: .*$/m, `missions: [${list}]`));
    setMissions('embassy-london, mission-bare');
    expect((await runCli(['--workspace', ws, 'deliver', CAMPAIGN, ...TODAY])).code).toBe(0);
    const dir = join(ws, 'out', CAMPAIGN, 'delivery');

    // A volunteer fills in London in Excel (saved as Windows-1252 with ";", an added column) and keeps a scan.
    const filled = rowsOf(readFileSync(join(dir, 'delivery-log.csv'), 'utf8'));
    expect(filled.map((r) => r.Mission)).toEqual(['embassy-london', 'mission-bare']);
    const excel =
      'Mission;Name;City;Planned;Delivered on;Method;Delivered by;Received by;Notes;Reçu\r\n' +
      'embassy-london;x;London;yes;2026-11-24;post;Zoé;;recommandé;oui\r\n' +
      'mission-bare;x;Washington;yes;;;;;;\r\n';
    writeFileSync(join(dir, 'delivery-log.csv'), iconv.encode(excel, 'windows-1252'));
    mkdirSync(join(dir, 'embassy-london', 'receipts'));
    writeFileSync(join(dir, 'embassy-london', 'receipts', 'scan.pdf'), 'scan');

    setMissions('embassy-london, delegation-geneve');
    const r = await runCli(['--workspace', ws, 'deliver', CAMPAIGN, ...TODAY]);
    expect(r.code, r.stderr).toBe(0);
    const rows = rowsOf(readFileSync(join(dir, 'delivery-log.csv'), 'utf8'));
    expect(rows.map((x) => [x.Mission, x.Planned, x['Delivered on'], x['Delivered by'], x.Notes, x['Reçu']])).toEqual([
      ['embassy-london', 'yes', '2026-11-24', 'Zoé', 'recommandé', 'oui'],
      ['mission-bare', 'no longer: removed from the campaign by 2026-11-23', '', '', '', ''],
      ['delegation-geneve', 'yes', '', '', '', ''],
    ]);
    expect(rows[0]!.Name).toBe('Embassy of Exampleland in London');
    expect(readFileSync(join(dir, 'embassy-london', 'receipts', 'scan.pdf'), 'utf8')).toBe('scan');
    expect(existsSync(join(dir, 'mission-bare'))).toBe(false); // its packet went; its row stayed
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual(['.openletter-files.json']);
  });

  it('refuses to replace a file it wrote that someone changed since, and writes nothing', async () => {
    const ws = tempWorkspace(MINI);
    expect((await runCli(['--workspace', ws, 'deliver', CAMPAIGN, ...TODAY])).code).toBe(0);
    const dir = join(ws, 'out', CAMPAIGN, 'delivery');
    writeFileSync(join(dir, 'delivery-list.csv'), 'my notes');
    const log = readFileSync(join(dir, 'delivery-log.csv'));
    const r = await runCli(['--workspace', ws, 'deliver', CAMPAIGN, '--today', '2026-11-24']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /delivery-list\.csv changed since openletter wrote it; nothing written\n  hint: .*delivery-log\.csv/,
    );
    expect(readFileSync(join(dir, 'delivery-list.csv'), 'utf8')).toBe('my notes');
    expect(readFileSync(join(dir, 'delivery-log.csv')).equals(log)).toBe(true);
  });

  it('starts the log from the filled-in columns of a delivery list an older openletter wrote', async () => {
    const ws = tempWorkspace(MINI);
    const dir = join(ws, 'out', CAMPAIGN, 'delivery');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'delivery-list.csv'),
      '\uFEFF"Mission","Name","Delivered on","By","Received by"\r\n"embassy-london","x","2026-10-01","Kim","the guard"\r\n',
    );
    expect((await runCli(['--workspace', ws, 'deliver', CAMPAIGN, ...TODAY])).code).toBe(0);
    const [london] = rowsOf(readFileSync(join(dir, 'delivery-log.csv'), 'utf8'));
    expect(london).toMatchObject({
      Mission: 'embassy-london',
      'Delivered on': '2026-10-01',
      'Delivered by': 'Kim',
      'Received by': 'the guard',
    });
  });
});

describe('--out that is or holds the workspace', () => {
  it.each([
    ['render', '..', "holds the workspace's own files"],
    ['render', 'campaigns', "is inside the workspace's campaigns/ folder"],
    ['deliver', 'locales/ko', "is inside the workspace's locales/ folder"],
  ])('%s --out %s is refused before anything is made', async (command, out, said) => {
    // The workspace folder is named like the campaign: `render <campaign> --out ..` would be the workspace itself.
    const ws = workspaceNamedLikeCampaign();
    const parent = dirname(ws);
    const r = await runCli([
      '--workspace',
      ws,
      command,
      CAMPAIGN,
      '--out',
      join(ws, out),
      ...(command === 'deliver' ? TODAY : []),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(said);
    expect(readdirSync(ws).sort()).toEqual(
      readdirSync(parent)
        .filter((n) => n !== CAMPAIGN)
        .sort(),
    );
  });
  it.each([
    ['render', '', [], "holds the workspace's own files"],
    ['render', CAMPAIGN + '/campaigns', [], "is inside the workspace's campaigns/ folder"],
    ['deliver', CAMPAIGN + '/locales/ko', ['not-yet'], "is inside the workspace's locales/ folder"],
  ])(
    '%s --out through a symbolic link to "%s" is refused as the place it leads to',
    async (command, target, below, said) => {
      const ws = workspaceNamedLikeCampaign();
      const parent = dirname(ws);
      const before = readFileSync(join(ws, 'campaigns', `${CAMPAIGN}.yaml`), 'utf8');
      // A link outside the workspace pointing into it (or at the folder holding it); the output
      // folder below it may not exist yet.
      const elsewhere = mkdtempSync(join(tmpdir(), 'openletter-link-'));
      symlinkSync(join(parent, target), join(elsewhere, 'link'));
      const out = join(elsewhere, 'link', ...below);
      const r = await runCli([
        '--workspace',
        ws,
        command,
        CAMPAIGN,
        '--out',
        out,
        ...(command === 'deliver' ? TODAY : []),
      ]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(said);
      expect(readFileSync(join(ws, 'campaigns', `${CAMPAIGN}.yaml`), 'utf8')).toBe(before);
      expect(existsSync(join(ws, 'locales', 'ko', 'not-yet'))).toBe(false);
    },
  );
  it('--out through a symbolic link to a folder outside the workspace is written there', async () => {
    const ws = tempWorkspace(MINI);
    const elsewhere = mkdtempSync(join(tmpdir(), 'openletter-link-'));
    mkdirSync(join(elsewhere, 'real'));
    symlinkSync(join(elsewhere, 'real'), join(elsewhere, 'link'));
    const r = await runCli([
      '--workspace',
      ws,
      'render',
      CAMPAIGN,
      '--lang',
      'en',
      '--format',
      'md',
      '--out',
      join(elsewhere, 'link'),
    ]);
    expect(r.code).toBe(0);
    expect(readdirSync(join(elsewhere, 'real', CAMPAIGN))).toEqual(['en.md']);
  });
});

/** A copy of the mini workspace in a folder named like its campaign (`render <campaign> --out ..` is the workspace). */
function workspaceNamedLikeCampaign(): string {
  const parent = tempWorkspace(MINI);
  const ws = join(parent, CAMPAIGN);
  mkdirSync(ws);
  for (const n of readdirSync(parent)) if (n !== CAMPAIGN) cpSync(join(parent, n), join(ws, n), { recursive: true });
  return ws;
}
