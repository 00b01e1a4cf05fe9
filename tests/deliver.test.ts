import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { simpleParser, type AddressObject } from 'mailparser';
import { getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkMissions, oneYearBefore } from '../src/check/rules/mission-rules.js';
import { checkMissionGlyphs } from '../src/check/mission-glyphs.js';
import { buildDelivery, type BuiltDelivery, type EnclosedLetter } from '../src/deliver/build-delivery.js';
import {
  deliverCampaign,
  planCampaignDelivery,
  renderEnclosed,
  type PlannedDelivery,
} from '../src/pipeline/deliver-campaign.js';
import { checkWorkspace } from '../src/pipeline/check-workspace.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import type { DeliveryPlan } from '../src/deliver/delivery-plan.js';
import { neutralizeCell } from '../src/deliver/delivery-list-csv.js';
import { DL_ENVELOPE, NO10_ENVELOPE, type EnvelopeSpec } from '../src/model/address-windows.js';
import { planDelivery } from '../src/deliver/plan-delivery.js';
import { loadWorkspace } from '../src/load/load-workspace.js';
import { MINI, REPO, runCli, tempWorkspace, type CliResult } from './helpers/workspace.js';

/**
 * `openletter deliver`: the plan (who gets what, what is missing, who is refused), the files as a
 * person and a program would read them back (CSV with csv-parse, .eml with mailparser, PDFs with
 * pdf.js), and the guarantees: byte-identical re-runs, stale packets removed, nothing written on error.
 */

const TODAY = '2026-11-23';
const CAMPAIGN = '2020-test-letter';
const ALL_MISSIONS = 'missions: [embassy-london, delegation-geneve, mission-bare, mission-closed]';

/** The mini workspace with its campaign delivered to every fixture mission. */
function miniWorkspace(): string {
  const ws = tempWorkspace(MINI);
  const file = join(ws, 'campaigns', `${CAMPAIGN}.yaml`);
  const text = readFileSync(file, 'utf8');
  expect(text).toContain('missions: [embassy-london]');
  writeFileSync(file, text.replace('missions: [embassy-london]', ALL_MISSIONS));
  return ws;
}

/** The campaign's delivery as `deliver` plans it: loaded, checked (delivery rules included), planned. */
async function planned(root: string, missions?: string[]): Promise<PlannedDelivery> {
  const { value: project, diagnostics } = loadWorkspace(root);
  return planCampaignDelivery(project, diagnostics, {
    campaign: CAMPAIGN,
    today: TODAY,
    ...(missions ? { missions } : {}),
  });
}

/** Every file under `dir`, as sorted relative paths. */
function tree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const abs = join(d, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else out.push(relative(dir, abs).split('\\').join('/'));
    }
  };
  walk(dir);
  return out;
}

const sha = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

async function pdfInfo(data: Uint8Array) {
  const pdf = await getDocumentProxy(new Uint8Array(data));
  const page = await pdf.getPage(1);
  const { width, height } = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const items = content.items.flatMap((i) =>
    'str' in i && i.str.trim() !== '' ? [{ str: i.str, x: i.transform[4] as number, y: i.transform[5] as number }] : [],
  );
  return { pages: pdf.numPages, width, height, items };
}

/** The address lines of an envelope must sit inside its window (PDF y runs upwards from the bottom). */
async function expectAddressInWindow(pdf: Uint8Array, spec: EnvelopeSpec, address: string[]): Promise<void> {
  const info = await pdfInfo(pdf);
  expect(info.width).toBeCloseTo(spec.width, 1);
  expect(info.height).toBeCloseTo(spec.height, 1);
  const windowTop = spec.height - spec.window.y;
  const windowBottom = windowTop - spec.window.height;
  const lines = info.items.filter((i) => i.x > spec.window.x - 1).sort((a, b) => b.y - a.y);
  expect(lines.map((l) => l.str).join('\n')).toBe(address.join('\n'));
  for (const l of lines) {
    expect(l.x).toBeCloseTo(spec.window.x + spec.inset, 1);
    expect(l.y).toBeLessThan(windowTop - spec.inset);
    expect(l.y).toBeGreaterThan(windowBottom);
  }
}

describe('mission checks', () => {
  it('warns about unknown status, missing sources and old verification, for named missions only', () => {
    const ws = miniWorkspace();
    const { value: project } = loadWorkspace(ws);
    const ds = checkMissions(project, TODAY);
    expect(ds.map((d) => [d.code, d.severity, d.message])).toEqual([
      [
        'mission/unverified',
        'warning',
        'mission "mission-bare": status unknown: confirm the mission still operates at this address; no source for this record; never verified',
      ],
    ]);
    expect(ds[0]?.related?.[0]?.span.file).toBe(`campaigns/${CAMPAIGN}.yaml`);
    // A year and a day later, London's record (verified 2026-01-10) is stale too.
    expect(checkMissions(project, '2027-01-11').map((d) => d.message)).toContain(
      'mission "embassy-london": last verified 2026-01-10, over a year ago',
    );
    expect(
      checkMissions(project, '2027-01-10')
        .map((d) => d.message)
        .some((m) => m.includes('embassy-london')),
    ).toBe(false);
    expect(oneYearBefore('2028-02-29')).toBe('2027-02-28');
  });
});

describe('planDelivery', () => {
  const ws = miniWorkspace();
  const { value: project } = loadWorkspace(ws);
  let p: DeliveryPlan;
  let letters: PlannedDelivery['letters'];
  beforeAll(async () => {
    ({ plan: p, letters } = await planned(ws));
  });
  const packet = (id: string) => p.packets.find((x) => x.mission.id === id);

  it('refuses a closed mission, naming the date it closed', () => {
    expect(p.refused.map((r) => [r.mission.id, r.reason])).toEqual([['mission-closed', 'closed on 2021-06-30']]);
    expect(packet('mission-closed')).toBeUndefined();
    const closed = p.diagnostics.find((d) => d.code === 'mission/closed');
    expect(closed?.severity).toBe('error');
    expect(closed?.message).toContain('2021-06-30');
  });

  it('makes no envelope, fax sheet or e-mail without the data, and says so', () => {
    const bare = packet('mission-bare');
    expect(bare?.files.map((f) => f.name)).toEqual([
      'cover-note-en.pdf',
      'letter-en.pdf',
      'letter-en.md',
      'manifest.json',
    ]);
    expect(bare?.missing.map((m) => m.what)).toEqual(['head-of-mission', 'address', 'fax', 'email']);
    expect(bare?.doubts.map((d) => d.kind)).toEqual(['status-unknown', 'no-source', 'never-verified']);
    const codes = p.diagnostics.filter((d) => d.message.includes('"mission-bare"')).map((d) => d.code);
    expect(codes).toEqual(
      expect.arrayContaining(['mission/no-address', 'mission/no-fax', 'mission/no-email', 'mission/unverified']),
    );
    expect(bare?.paper).toBe('Letter');
  });

  it('encloses the letters in the mission languages the campaign has, worded in its first language', () => {
    const geneve = packet('delegation-geneve');
    expect(geneve?.letters).toEqual(['ko', 'en']);
    expect(geneve?.wording.code).toBe('ko');
    expect(geneve?.salutation).toBe('존경하는 대사님께');
    expect(geneve?.files.map((f) => f.name)).toEqual([
      'cover-note-ko.pdf',
      'letter-ko.pdf',
      'letter-ko.md',
      'letter-en.pdf',
      'letter-en.md',
      'envelope-dl.pdf',
      'email-draft.eml',
      'manifest.json',
    ]);
    expect(packet('embassy-london')?.files.map((f) => f.kind)).toEqual([
      'cover-note',
      'letter',
      'letter-text',
      'letter',
      'letter-text',
      'envelope',
      'fax-cover',
      'email',
      'manifest',
    ]);
    expect(p.letterLanguages).toEqual(['en', 'ko']);
  });

  it('restricts to --missions, keeping the campaign order', async () => {
    const some = (await planned(ws, ['mission-bare', 'embassy-london'])).plan;
    expect(some.missionOrder).toEqual(['embassy-london', 'mission-bare']);
    expect(some.refused).toEqual([]);
  });

  it('falls back to English wording, with a warning, for a language without delivery.yaml', () => {
    const wordings = new Map(project.delivery!.wordings);
    wordings.delete('ko');
    const delivery = { ...project.delivery!, wordings };
    const q = planDelivery({
      project: { ...project, delivery },
      campaignId: CAMPAIGN,
      today: TODAY,
      letters,
      problems: [],
    });
    const geneve = q.packets.find((x) => x.mission.id === 'delegation-geneve');
    expect(geneve?.wording.code).toBe('en');
    expect(geneve?.wording.insteadOf).toBe('ko');
    expect(q.diagnostics.filter((d) => d.code === 'delivery/fallback-language')).toHaveLength(1);
  });

  it("names the host country of a packet without an address as the wording language's countries.yaml does (C-1)", async () => {
    const own = miniWorkspace();
    writeFileSync(join(own, 'locales', 'en', 'countries.yaml'), 'names:\n  US: United States of America\n');
    const { plan: q, letters: enclosed } = await planned(own, ['mission-bare']);
    expect(q.packets.map((x) => x.country)).toEqual(['United States of America']);
    const built = await buildDelivery(q, await renderEnclosed(q, enclosed));
    const note = built.files.get('mission-bare/cover-note-en.pdf');
    if (!(note instanceof Uint8Array)) throw new Error('no cover note');
    const pdf = await getDocumentProxy(new Uint8Array(note));
    const { items } = await (await pdf.getPage(1)).getTextContent();
    const lines = items.flatMap((i) => ('str' in i ? [i.str] : []));
    // The address block's last line: the city and the country, in the workspace's form, not CLDR's.
    expect(lines).toContain('Washington, United States of America');
    expect(lines).not.toContain('Washington, United States');
    rmSync(own, { recursive: true, force: true });
  });

  it('refuses a mission id that is not a safe folder name', () => {
    const missions = new Map(project.missions);
    const london = missions.get('embassy-london');
    if (!london) throw new Error('fixture changed');
    missions.set('embassy-london', { ...london, id: 'CON' });
    const q = planDelivery({
      project: { ...project, missions },
      campaignId: CAMPAIGN,
      today: TODAY,
      letters,
      problems: [],
    });
    expect(q.refused.map((r) => r.reason)).toContain('its id is not safe as a folder name');
    expect(q.diagnostics.some((d) => d.code === 'file/unsafe-name')).toBe(true);
  });

  it('leaves out a packet whose sheet holds a character no font draws, with a located diagnostic, not a throw', async () => {
    // The sender's name is printed on every sheet (the envelope's from the plan, the others from the
    // packet, in its language); check cannot foresee a text changed after planning.
    const q = {
      ...p,
      sender: { ...p.sender, name: `${p.sender.name} \u{13000}` },
      packets: p.packets.map((x) => ({ ...x, from: { ...x.from, name: `${x.from.name} \u{13000}` } })),
    };
    const built = await buildDelivery(q, await renderEnclosed(q, letters));
    expect(built.packets).toEqual([]);
    const found = built.diagnostics.filter((d) => d.code === 'text/uncovered-char');
    expect(found.map((d) => [d.severity, d.span?.file, d.scope])).toEqual([
      ...q.packets.map((x) => ['error', 'missions.yaml', { kind: 'packet', mission: x.mission.id }]),
      ['error', undefined, undefined],
    ]);
    expect(found[0]?.message).toMatch(
      /^no packet for "embassy-london": no font draws "\u{13000}" \(U\+13000\) in "Test Coalition for Human Rights \u{13000}[^"]*" \(cover-note-en\.pdf, envelope-dl\.pdf, fax-cover-en\.pdf; fonts noto-serif/u,
    );
    expect(found.at(-1)?.message).toMatch(/^no font draws .*\(delivery-list\.pdf; fonts /u);
    expect([...built.files.keys()]).toEqual(['delivery-list.csv']);
  });
});

describe('openletter deliver (mini workspace, end to end)', () => {
  let ws: string;
  let out: string;
  let first: CliResult;
  beforeAll(async () => {
    ws = miniWorkspace();
    out = join(ws, 'out', CAMPAIGN, 'delivery');
    first = await runCli(['--workspace', ws, 'deliver', CAMPAIGN]);
  });

  it('builds the packets it can, refuses the closed mission by name and date, and exits 1', () => {
    expect(first.code, first.stderr).toBe(1);
    expect(first.stdout).toMatch(/mission-closed\s+REFUSED: closed on 2021-06-30; nothing built/);
    expect(first.stdout).toContain('3 packet(s) built, 1 refused');
    expect(first.stderr).toMatch(/error: mission "mission-closed" closed on 2021-06-30/);
    expect(first.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)/);
    expect(tree(out)).toEqual([
      '.openletter-files.json',
      'delegation-geneve/cover-note-ko.pdf',
      'delegation-geneve/email-draft.eml',
      'delegation-geneve/envelope-dl.pdf',
      'delegation-geneve/letter-en.md',
      'delegation-geneve/letter-en.pdf',
      'delegation-geneve/letter-ko.md',
      'delegation-geneve/letter-ko.pdf',
      'delegation-geneve/manifest.json',
      'delivery-list.csv',
      'delivery-list.pdf',
      'delivery-log.csv',
      'embassy-london/cover-note-en.pdf',
      'embassy-london/email-draft.eml',
      'embassy-london/envelope-dl.pdf',
      'embassy-london/fax-cover-en.pdf',
      'embassy-london/letter-en.md',
      'embassy-london/letter-en.pdf',
      'embassy-london/letter-ko.md',
      'embassy-london/letter-ko.pdf',
      'embassy-london/manifest.json',
      'mission-bare/cover-note-en.pdf',
      'mission-bare/letter-en.md',
      'mission-bare/letter-en.pdf',
      'mission-bare/manifest.json',
    ]);
  });

  it('states every absence in the summary', () => {
    const bare = first.stdout.slice(first.stdout.indexOf('mission-bare'), first.stdout.indexOf('mission-closed'));
    for (const m of [
      'no postal address',
      'no fax number',
      'no e-mail address',
      'status unknown',
      'no source',
      'never verified',
    ])
      expect(bare).toContain(m);
  });

  it('writes a delivery list CSV that parses back, UTF-8 with BOM, names intact, formulas neutralised', () => {
    const raw = readFileSync(join(out, 'delivery-list.csv'));
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(raw, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r['Mission'])).toEqual([
      'embassy-london',
      'delegation-geneve',
      'mission-bare',
      'mission-closed',
    ]);
    const geneve = rows[1] as Record<string, string>;
    expect(geneve['Local name']).toBe('예시국 제네바 대표부');
    expect(geneve['Head of mission']).toBe('김철 (대사)');
    expect(geneve['Phone']).toBe("'+41 22 000 00 00");
    expect(geneve['Letters']).toBe('ko, en');
    const bare = rows[2] as Record<string, string>;
    expect(bare['Missing']).toMatch(/no postal address.*no fax number.*no e-mail address/);
    expect(bare['Check']).toContain('status unknown');
    expect(rows[3]?.['Packet']).toBe('WITHHELD: closed on June 30, 2021; do not deliver');
    // What volunteers fill in is in delivery-log.csv, which deliver merges into (tests/delivery-record.test.ts).
    expect(Object.keys(rows[0]!)).not.toContain('Delivered on');
    expect(raw.toString('utf8')).toContain('\r\n');
    expect(['=SUM(A1)', '+1', '-x', '@x', '\tx', '\rx', 'ok'].map(neutralizeCell)).toEqual([
      "'=SUM(A1)",
      "'+1",
      "'-x",
      "'@x",
      "'\tx",
      "'\rx",
      'ok',
    ]);
  });

  it('writes an RFC 5322 e-mail draft that a real parser reads back: encoded headers, intact attachments', async () => {
    const raw = readFileSync(join(out, 'delegation-geneve', 'email-draft.eml'));
    const head = raw.toString('latin1').split('\r\n\r\n')[0] ?? '';
    expect(head).toMatch(/^[\x20-\x7e\r\n\t]*$/); // header block is 7-bit: non-ASCII is RFC 2047 encoded
    expect(raw.toString('latin1').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // CRLF line ends only
    const mail = await simpleParser(raw);
    expect((mail.to as AddressObject).value).toEqual([
      // The mission as the packet's language (Korean, its first) names it: names.ko in missions.yaml.
      { address: 'mission@example.org', name: '예시국 제네바 대표부' },
    ]);
    // The coalition too, as the packet's language names it (names.ko in workspace.yaml).
    expect(mail.from?.value).toEqual([{ address: 'office@example.org', name: '인권을 위한 시험 연대' }]);
    expect(mail.subject).toBe('구금에 관한 공개서한');
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.text).toContain('존경하는 대사님께');
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['letter-ko.pdf', 'application/pdf'],
      ['letter-en.pdf', 'application/pdf'],
    ]);
    for (const a of mail.attachments)
      expect(sha(a.content)).toBe(sha(readFileSync(join(out, 'delegation-geneve', a.filename ?? ''))));
  });

  it('lists every file in the manifest with its SHA-256 and real page count', async () => {
    for (const folder of ['embassy-london', 'delegation-geneve', 'mission-bare']) {
      const manifest = JSON.parse(readFileSync(join(out, folder, 'manifest.json'), 'utf8')) as {
        mission: string;
        files: { file: string; sha256: string; bytes: number; pages: number | null }[];
      };
      expect(manifest.mission).toBe(folder);
      expect(manifest.files.map((f) => f.file).sort()).toEqual(
        readdirSync(join(out, folder))
          .filter((f) => f !== 'manifest.json')
          .sort(),
      );
      for (const f of manifest.files) {
        const data = readFileSync(join(out, folder, f.file));
        expect(f.sha256).toBe(sha(data));
        expect(f.bytes).toBe(data.byteLength);
        if (f.file.endsWith('.pdf')) expect(f.pages).toBe((await pdfInfo(data)).pages);
        else expect(f.pages).toBeNull();
      }
    }
  });

  it('places the envelope address in the DL window position', async () => {
    await expectAddressInWindow(readFileSync(join(out, 'embassy-london', 'envelope-dl.pdf')), DL_ENVELOPE, [
      'Embassy of Exampleland',
      '1 Test Avenue',
      'London W1 1AA',
      'United Kingdom',
    ]);
  });

  it('counts fax pages from the PDFs sent', async () => {
    const info = await pdfInfo(readFileSync(join(out, 'embassy-london', 'fax-cover-en.pdf')));
    let sent = info.pages;
    for (const f of ['cover-note-en.pdf', 'letter-en.pdf', 'letter-ko.pdf'])
      sent += (await pdfInfo(readFileSync(join(out, 'embassy-london', f)))).pages;
    const label = info.items.findIndex((i) => i.str.startsWith('Pages'));
    const value = info.items.find((i, k) => k > label && /^\d+$/.test(i.str));
    expect(Number(value?.str)).toBe(sent);
  });

  it('re-runs byte-identically, keeping files it did not write; an error leaves the previous output untouched', async () => {
    mkdirSync(join(out, 'receipts'), { recursive: true });
    writeFileSync(join(out, 'receipts', 'london.pdf'), 'a scan');
    const before = new Map(tree(out).map((f) => [f, sha(readFileSync(join(out, f)))]));
    const again = await runCli(['--workspace', ws, 'deliver', CAMPAIGN]);
    expect(again.code).toBe(1);
    expect(new Map(tree(out).map((f) => [f, sha(readFileSync(join(out, f)))]))).toEqual(before);

    const campaign = join(ws, 'campaigns', `${CAMPAIGN}.yaml`);
    writeFileSync(
      campaign,
      readFileSync(campaign, 'utf8').replace('We write to you about detention.', 'We write to you about __TOPIC__.'),
    );
    const broken = await runCli(['--workspace', ws, 'deliver', CAMPAIGN]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('nothing written');
    expect(new Map(tree(out).map((f) => [f, sha(readFileSync(join(out, f)))]))).toEqual(before);
  });

  it('refuses a mission the campaign does not name; writes into a folder holding other files without touching them', async () => {
    const r = await runCli(['--workspace', ws, 'deliver', CAMPAIGN, '--missions', 'embassy-londn']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean "embassy-london"?');
    const foreign = join(ws, 'foreign');
    mkdirSync(join(foreign, CAMPAIGN, 'delivery'), { recursive: true });
    writeFileSync(join(foreign, CAMPAIGN, 'delivery', 'thesis.docx'), 'precious');
    const campaign = join(ws, 'campaigns', `${CAMPAIGN}.yaml`); // the test above left a placeholder in it
    writeFileSync(campaign, readFileSync(campaign, 'utf8').replace('__TOPIC__', 'detention'));
    const f = await runCli(['--workspace', ws, 'deliver', CAMPAIGN, '--out', foreign]);
    expect(f.code).toBe(1); // mission-closed is refused; the other packets are written
    expect(readFileSync(join(foreign, CAMPAIGN, 'delivery', 'thesis.docx'), 'utf8')).toBe('precious');
    expect(existsSync(join(foreign, CAMPAIGN, 'delivery', 'embassy-london', 'manifest.json'))).toBe(true);
    rmSync(foreign, { recursive: true, force: true });
  });
});

describe('bundled 2011 campaign', () => {
  const CAMPAIGN_2011 = '2011-kim-jong-il';
  let p: DeliveryPlan;
  let built: BuiltDelivery;
  let letters: Map<string, EnclosedLetter>;
  beforeAll(async () => {
    const loaded = loadWorkspace(REPO);
    const prepared = await planCampaignDelivery(loaded.value, loaded.diagnostics, {
      campaign: CAMPAIGN_2011,
      today: TODAY,
    });
    p = prepared.plan;
    letters = await renderEnclosed(p, prepared.letters);
    built = await buildDelivery(p, letters);
  }, 180_000);

  it('builds a packet for every mission the campaign names', () => {
    expect(p.refused).toEqual([]);
    expect(built.diagnostics).toEqual([]);
    expect(built.packets.map((b) => b.missionId)).toEqual([
      'dprk-embassy-london',
      'dprk-general-delegation-paris',
      'dprk-un-mission-geneva',
      'dprk-un-mission-new-york',
      'dprk-embassy-bangkok',
      'chongryon-central-hq-tokyo',
    ]);
  });

  it('matches the golden packet tree (paths and page counts), with manifests matching the files', async () => {
    const lines: string[] = [];
    for (const path of [...built.files.keys()].sort()) {
      const data = built.files.get(path) as Uint8Array | string;
      lines.push(path.endsWith('.pdf') ? `${path} (${(await pdfInfo(data as Uint8Array)).pages} p.)` : path);
    }
    expect(lines.join('\n')).toMatchInlineSnapshot(`
      "chongryon-central-hq-tokyo/cover-note-ja.pdf (1 p.)
      chongryon-central-hq-tokyo/envelope-dl.pdf (1 p.)
      chongryon-central-hq-tokyo/letter-ja.md
      chongryon-central-hq-tokyo/letter-ja.pdf (2 p.)
      chongryon-central-hq-tokyo/letter-ko.md
      chongryon-central-hq-tokyo/letter-ko.pdf (2 p.)
      chongryon-central-hq-tokyo/manifest.json
      delivery-list.csv
      delivery-list.pdf (2 p.)
      dprk-embassy-bangkok/cover-note-en.pdf (1 p.)
      dprk-embassy-bangkok/letter-en.md
      dprk-embassy-bangkok/letter-en.pdf (2 p.)
      dprk-embassy-bangkok/letter-ko.md
      dprk-embassy-bangkok/letter-ko.pdf (2 p.)
      dprk-embassy-bangkok/manifest.json
      dprk-embassy-london/cover-note-en.pdf (1 p.)
      dprk-embassy-london/envelope-dl.pdf (1 p.)
      dprk-embassy-london/letter-en.md
      dprk-embassy-london/letter-en.pdf (2 p.)
      dprk-embassy-london/letter-ko.md
      dprk-embassy-london/letter-ko.pdf (2 p.)
      dprk-embassy-london/manifest.json
      dprk-general-delegation-paris/cover-note-fr.pdf (1 p.)
      dprk-general-delegation-paris/envelope-dl.pdf (1 p.)
      dprk-general-delegation-paris/letter-fr.md
      dprk-general-delegation-paris/letter-fr.pdf (3 p.)
      dprk-general-delegation-paris/letter-ko.md
      dprk-general-delegation-paris/letter-ko.pdf (2 p.)
      dprk-general-delegation-paris/manifest.json
      dprk-un-mission-geneva/cover-note-en.pdf (1 p.)
      dprk-un-mission-geneva/email-draft.eml
      dprk-un-mission-geneva/fax-cover-en.pdf (1 p.)
      dprk-un-mission-geneva/letter-en.md
      dprk-un-mission-geneva/letter-en.pdf (2 p.)
      dprk-un-mission-geneva/letter-fr.md
      dprk-un-mission-geneva/letter-fr.pdf (3 p.)
      dprk-un-mission-geneva/letter-ko.md
      dprk-un-mission-geneva/letter-ko.pdf (2 p.)
      dprk-un-mission-geneva/manifest.json
      dprk-un-mission-new-york/cover-note-ko.pdf (1 p.)
      dprk-un-mission-new-york/email-draft.eml
      dprk-un-mission-new-york/envelope-no10.pdf (1 p.)
      dprk-un-mission-new-york/fax-cover-ko.pdf (1 p.)
      dprk-un-mission-new-york/letter-en.md
      dprk-un-mission-new-york/letter-en.pdf (2 p.)
      dprk-un-mission-new-york/letter-ko.md
      dprk-un-mission-new-york/letter-ko.pdf (2 p.)
      dprk-un-mission-new-york/manifest.json"
    `);
    for (const b of built.packets) {
      const manifest = JSON.parse(built.files.get(`${b.folder}/manifest.json`) as string) as {
        files: { file: string; sha256: string }[];
      };
      for (const f of manifest.files)
        expect(f.sha256).toBe(sha(built.files.get(`${b.folder}/${f.file}`) as Uint8Array));
    }
  });

  it("titles each sheet in its packet's language in the PDF's metadata, with the mission's name in it", async () => {
    const title = async (path: string) => {
      const pdf = await getDocumentProxy(new Uint8Array(built.files.get(path) as Uint8Array));
      return ((await pdf.getMetadata()).info as { Title?: string }).Title;
    };
    const mission = (id: string) => String(p.packets.find((k) => k.mission.id === id)?.args.mission);
    expect(await title('dprk-un-mission-geneva/cover-note-en.pdf')).toBe(
      `Cover note: ${mission('dprk-un-mission-geneva')}`,
    );
    expect(await title('dprk-general-delegation-paris/cover-note-fr.pdf')).toBe(
      `Lettre de transmission : ${mission('dprk-general-delegation-paris')}`,
    );
    expect(mission('dprk-general-delegation-paris')).toMatch(/^Délégation générale /);
    expect(await title('chongryon-central-hq-tokyo/cover-note-ja.pdf')).toBe(
      `送付状：${mission('chongryon-central-hq-tokyo')}`,
    );
    expect(await title('dprk-un-mission-geneva/fax-cover-en.pdf')).toBe(
      `Fax cover sheet: ${mission('dprk-un-mission-geneva')}`,
    );
    const envelope = (id: string) => [...built.files.keys()].find((f) => f.startsWith(`${id}/envelope-`))!;
    expect(await title(envelope('chongryon-central-hq-tokyo'))).toBe(`封筒：${mission('chongryon-central-hq-tokyo')}`);
    expect(await title(envelope('dprk-general-delegation-paris'))).toBe(
      `Enveloppe : ${mission('dprk-general-delegation-paris')}`,
    );
    expect(await title(envelope('dprk-embassy-london'))).toBe(`Envelope: ${mission('dprk-embassy-london')}`);
  });

  it("words the delivery list in the source language's delivery.yaml: title, counts and column headings", async () => {
    const listText = async (delivery: BuiltDelivery) => {
      const pdf = await getDocumentProxy(new Uint8Array(delivery.files.get('delivery-list.pdf') as Uint8Array));
      const content = await (await pdf.getPage(1)).getTextContent();
      return content.items.map((i) => ('str' in i ? i.str : '')).join('\n');
    };
    const english = await listText(built);
    expect(english).toContain(`Delivery list: ${p.title}`);
    expect(english).toContain('letter of October 13, 2011 · 6 packets, 0 withheld');
    expect(english).toContain('Received by');
    // A campaign written first in French: the same list, worded by locales/fr/delivery.yaml.
    const paris = p.packets.find((k) => k.mission.id === 'dprk-general-delegation-paris')!;
    const fr = paris.wording;
    const french = await listText(
      await buildDelivery(
        { ...p, listLanguage: 'fr', listSetting: fr, listTexts: fr.texts, packets: [paris] },
        letters,
      ),
    );
    expect(french).toContain(`Bordereau de remise : ${p.title}`);
    expect(french).toContain('lettre du 13 octobre 2011 · 1 pli, 0 mission écartée');
    for (const heading of [
      'Mission',
      'Adresse',
      'Voie(s)',
      'Manquant / à vérifier',
      'Remis le',
      'Remis par',
      'Reçu par',
    ])
      expect(french.split('\n')).toContain(heading);
    expect(french).not.toMatch(/Delivered on|Received by/);
    // And its cells: the ways to deliver, what is missing, the contact lines.
    const cells = french.replace(/\s+/g, ' ');
    expect(cells).toContain('en mains propres');
    expect(cells).toContain('pas de numéro de télécopie');
    expect(cells).not.toMatch(/packet built|no fax number|Letters:|Head:/);
  });

  it('gives the Japanese cover note its 宛名 once: the address ends with the person, no salutation line before 拝啓 (M-13)', async () => {
    const lines = async (delivery: BuiltDelivery) => {
      const pdf = await getDocumentProxy(new Uint8Array(delivery.files.get(CHONGRYON_NOTE) as Uint8Array));
      const content = await (await pdf.getPage(1)).getTextContent();
      // Runs on one baseline make a line.
      const byLine = new Map<number, string>();
      for (const i of content.items)
        if ('str' in i)
          byLine.set(
            Math.round(i.transform[5] as number),
            (byLine.get(Math.round(i.transform[5] as number)) ?? '') + i.str,
          );
      return [...byLine].sort(([a], [b]) => b - a).flatMap(([, line]) => (line.trim() ? [line.trim()] : []));
    };
    const CHONGRYON_NOTE = 'chongryon-central-hq-tokyo/cover-note-ja.pdf';
    const named = await lines(built);
    const date = named.indexOf('2011年10月13日');
    expect(named.slice(date - 2, date)).toEqual(['在日本朝鮮人総聯合会 中央本部', '議長 徐萬述様']);
    expect(named.filter((l) => l.includes('徐萬述'))).toHaveLength(1);
    expect(named[date + 2]).toMatch(/^拝啓/);
    // No head known: the generic salutation ends the address block instead, still once.
    const packet = p.packets.find((k) => k.mission.id === 'chongryon-central-hq-tokyo')!;
    const nobody = { ...packet, attention: undefined, salutation: 'ご担当者様' };
    const unnamed = await lines(await buildDelivery({ ...p, packets: [nobody] }, letters));
    const dated = unnamed.indexOf('2011年10月13日');
    expect(unnamed.slice(dated - 2, dated)).toEqual(['在日本朝鮮人総聯合会 中央本部', 'ご担当者様']);
    expect(unnamed.filter((l) => l === 'ご担当者様')).toHaveLength(1);
    // Only the locales that say so: an English note keeps its salutation line.
    expect(packet.coverSalutation).toBe('address');
    expect(p.packets.find((k) => k.mission.id === 'dprk-un-mission-new-york')?.coverSalutation).toBe('line');
  });

  it('says exactly what is missing for each mission', () => {
    const missing = Object.fromEntries(p.packets.map((x) => [x.mission.id, x.missing.map((m) => m.what)]));
    // The heads in post in October 2011 (So Se Pyong, Sin Son Ho, So Man Sul); none for London and
    // Bangkok, whose records are undated and verified years later.
    expect(missing).toEqual({
      'dprk-embassy-london': ['head-of-mission', 'fax', 'email'],
      'dprk-general-delegation-paris': ['head-of-mission', 'fax', 'email'],
      'dprk-un-mission-geneva': ['address'],
      'dprk-un-mission-new-york': [],
      'dprk-embassy-bangkok': ['head-of-mission', 'address', 'fax', 'email'],
      'chongryon-central-hq-tokyo': ['fax', 'email'],
    });
    const csv = parseCsv(built.files.get('delivery-list.csv') as string, { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(csv.find((r) => r['Mission'] === 'dprk-embassy-bangkok')?.['Missing']).toMatch(
      /no postal address.*no fax number.*no e-mail address/,
    );
    expect(csv.find((r) => r['Mission'] === 'chongryon-central-hq-tokyo')?.['Local name']).toBe(
      '在日本朝鮮人総聯合会 中央本部',
    );
    // The head in post on the letter's date, on the list as the packet's language writes him
    // (en cover_note.head "{name}, {title}"); none where none is known.
    expect(csv.find((r) => r['Mission'] === 'chongryon-central-hq-tokyo')?.['Head of mission']).toBe(
      'So Man Sul, Chairman',
    );
    expect(csv.find((r) => r['Mission'] === 'dprk-un-mission-geneva')?.['Head of mission']).toBe(
      'So Se Pyong, Ambassador, Permanent Representative',
    );
    const london = csv.find((r) => r['Mission'] === 'dprk-embassy-london');
    expect(london?.['Head of mission']).toBe('');
    expect(london?.['Missing']).toContain(
      "no head of mission known on October 13, 2011, the letter's date: the cover note is addressed to the mission",
    );
  });

  it('posts New York on US Letter in a No. 10 envelope, address in the window', async () => {
    const ny = p.packets.find((x) => x.mission.id === 'dprk-un-mission-new-york');
    expect(ny?.paper).toBe('Letter');
    // Worded in Korean, the mission's first language.
    const note = await pdfInfo(built.files.get('dprk-un-mission-new-york/cover-note-ko.pdf') as Uint8Array);
    expect([note.width, note.height]).toEqual([612, 792]);
    await expectAddressInWindow(
      built.files.get('dprk-un-mission-new-york/envelope-no10.pdf') as Uint8Array,
      NO10_ENVELOPE,
      [
        // Set in the Korean packet's faces (its first language), whose Latin letters are wider.
        "Permanent Mission of the Democratic People's Republic",
        'of Korea to the United Nations',
        '820 Second Avenue, 13th Floor',
        'New York, NY 10017',
        'United States',
      ],
    );
  });

  it('gives byte-identical files when built again', async () => {
    const again = await buildDelivery(p, letters);
    expect([...again.files.keys()]).toEqual([...built.files.keys()]);
    for (const [path, data] of again.files)
      expect(sha(data), path).toBe(sha(built.files.get(path) as Uint8Array | string));
  });
});

describe('paper by destination', () => {
  it('prints the letters of a packet posted in the United States on US Letter, the others on A4', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const out = mkdtempSync(join(tmpdir(), 'openletter-paper-'));
    const r = await runCli([
      'deliver',
      '2011-kim-jong-il',
      '--missions',
      'dprk-un-mission-new-york,dprk-embassy-london',
      '--out',
      out,
      '--today',
      '2026-11-23',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const size = async (mission: string) => {
      const pdf = await getDocumentProxy(
        new Uint8Array(readFileSync(join(out, '2011-kim-jong-il', 'delivery', mission, 'letter-en.pdf'))),
      );
      const [, , w, h] = (await pdf.getPage(1)).view;
      return [Math.round(w!), Math.round(h!)];
    };
    expect(await size('dprk-un-mission-new-york')).toEqual([612, 792]);
    expect(await size('dprk-embassy-london')).toEqual([595, 842]);
  });
});

describe('deliver never runs past an error about a packet; check and deliver agree', () => {
  const MISSIONS = 'missions.yaml';
  const CLOSED = 'mission/closed mission "mission-closed" closed on 2021-06-30; nothing can be delivered there';
  /** The mini workspace delivered to every fixture mission, with `edit` applied to one of its files (or the bundled one). */
  function edited(file: string, edit: (text: string) => string): string {
    const ws = miniWorkspace();
    const from = existsSync(join(ws, file)) ? join(ws, file) : join(REPO, file);
    mkdirSync(join(ws, file, '..'), { recursive: true });
    writeFileSync(join(ws, file), edit(readFileSync(from, 'utf8')));
    return ws;
  }
  async function both(ws: string) {
    const { value: project, diagnostics } = loadWorkspace(ws);
    const checked = await checkWorkspace(project, diagnostics, { today: TODAY });
    const delivered = await deliverCampaign(project, diagnostics, { campaign: CAMPAIGN, today: TODAY });
    const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
    return { check: errors(checked.diagnostics), deliver: errors(delivered.diagnostics), delivered };
  }

  it('refuses a mission listed twice whose second record says it closed, and builds the others', async () => {
    const ws = edited(MISSIONS, (t) =>
      t.replace(
        '  # Delivery tests',
        [
          '  - id: embassy-london',
          '    kind: embassy',
          '    name: Embassy of Exampleland in London',
          '    city: London',
          '    country: GB',
          '    languages: [en]',
          '    status: closed',
          '    closed_on: 2026-03-01',
          '    sources: [{ url: "https://example.org/closed", date: "2026-03-01", supports: status }]',
          '    verified: 2026-03-01',
          '  # Delivery tests',
        ].join('\n'),
      ),
    );
    const { check, deliver, delivered } = await both(ws);
    expect(check).toEqual(['ref/duplicate-id "embassy-london" is defined twice', CLOSED]);
    expect(deliver).toEqual(check);
    expect(delivered.outcome).toBe('made');
    expect(delivered.plan.refused.map((r) => [r.mission.id, r.reason])).toEqual([
      ['embassy-london', '"embassy-london" is defined twice'],
      ['mission-closed', 'closed on 2021-06-30'],
    ]);
    const folders = new Set([...delivered.files.keys()].map((f) => f.split('/')[0]));
    expect(folders.has('embassy-london')).toBe(false);
    expect(folders.has('delegation-geneve')).toBe(true);
    const r = await runCli(['--workspace', ws, 'deliver', CAMPAIGN]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/embassy-london\s+REFUSED: "embassy-london" is defined twice; nothing built/);
    expect(existsSync(join(ws, 'out', CAMPAIGN, 'delivery', 'embassy-london'))).toBe(false);
  });

  it('reports a mission the campaign names but the registry lacks, in check and in deliver', async () => {
    const ws = edited(`campaigns/${CAMPAIGN}.yaml`, (t) =>
      t.replace(ALL_MISSIONS, 'missions: [embassy-lodnon, mission-bare]'),
    );
    const { check, deliver, delivered } = await both(ws);
    expect(check).toEqual(['ref/unknown-mission unknown mission "embassy-lodnon"']);
    expect(deliver).toEqual(check);
    expect(delivered.packets.map((p) => p.missionId)).toEqual(['mission-bare']);
  });

  it('a broken delivery.yaml fails check as it fails deliver', async () => {
    const ws = edited('locales/en/delivery.yaml', (t) => t.replace(/^ {2}closing: .*\n/m, ''));
    const { check, deliver, delivered } = await both(ws);
    expect(check).toHaveLength(2);
    expect(check).toEqual(expect.arrayContaining([CLOSED, expect.stringMatching(/^schema\/invalid .*closing/)]));
    expect(deliver).toEqual(expect.arrayContaining(check));
    expect(delivered.outcome).toBe('blocked');
  });

  it('a delivery text using an argument it is not given fails check as it fails deliver, at the argument', async () => {
    const ws = edited('locales/en/delivery.yaml', (t) =>
      t.replace('to {recipient}, signed by', 'to {addressee}, signed by'),
    );
    const { check, deliver, delivered } = await both(ws);
    expect(check).toEqual([
      CLOSED,
      expect.stringMatching(
        /^text\/unknown-argument delivery text "cover_note.body": \{addressee\} is not an argument of this text \(it has \{sender\}, /,
      ),
    ]);
    expect(deliver).toEqual(expect.arrayContaining(check));
    expect(delivered.outcome).toBe('blocked');
    const { value: project, diagnostics } = loadWorkspace(ws);
    const found = (await checkWorkspace(project, diagnostics, { today: TODAY })).diagnostics.find(
      (d) => d.code === 'text/unknown-argument',
    );
    const text = readFileSync(join(ws, 'locales/en/delivery.yaml'), 'utf8');
    expect(found?.span).toEqual({
      file: 'locales/en/delivery.yaml',
      start: text.indexOf('{addressee}'),
      end: text.indexOf('{addressee}') + '{addressee}'.length,
    });
  });

  it('delivery texts choose plural forms: the signatory count worded by the language', async () => {
    const ws = edited('locales/en/delivery.yaml', (t) => {
      const counted = /signed by \{organisations[^.]*\}\}\./;
      expect(t).toMatch(counted);
      return t.replace(counted, 'signed by {signatories, plural, one {one signatory} other {# signatories}}.');
    });
    const { check, delivered } = await both(ws);
    expect(check).toEqual([CLOSED]);
    const mail = await simpleParser(Buffer.from(delivered.files.get('embassy-london/email-draft.eml') as string));
    const { value: project } = loadWorkspace(ws);
    const n = new Set(project.campaigns.get(CAMPAIGN)!.signatories.map((s) => s.id)).size;
    expect(mail.text?.replace(/\s+/g, ' ')).toContain(
      n === 1 ? 'signed by one signatory' : `signed by ${n} signatories`,
    );
  });

  it('counts organisations and individuals apart: a letter no person signed does not say "and individuals"', async () => {
    const text = async (ws: string) => {
      const { check, delivered } = await both(ws);
      expect(check).toEqual([CLOSED]);
      const eml = delivered.files.get('embassy-london/email-draft.eml') as string;
      return (await simpleParser(Buffer.from(eml))).text?.replace(/\s+/g, ' ') ?? '';
    };
    // The mini letter: three organisations and Jane Doe, an individual in the roster.
    expect(await text(miniWorkspace())).toContain('signed by 3 organisations and 1 individual.');
    const alone = await text(edited(`campaigns/${CAMPAIGN}.yaml`, (t) => t.replace('jane-doe, ', '')));
    expect(alone).toContain('signed by 3 organisations.');
    expect(alone).not.toContain('individual');
  });

  it("gives the salutation the head's title as well as his name", async () => {
    const ws = edited('locales/ko/delivery.yaml', (t) => {
      expect(t).toContain('salutation_excellency: 존경하는 대사님께');
      return t.replace('salutation_excellency: 존경하는 대사님께', 'salutation_excellency: "{name} {title}님께"');
    });
    const { check, delivered } = await both(ws);
    expect(check).toEqual([CLOSED]);
    const eml = delivered.files.get('delegation-geneve/email-draft.eml') as string;
    expect((await simpleParser(Buffer.from(eml))).text).toMatch(/^김철 대사님께$/m);
  });

  it('a character no font has in a mission field fails check and refuses that packet before anything is drawn', async () => {
    const ws = edited(MISSIONS, (t) =>
      t.replace('name: Embassy of Exampleland in London', 'name: Embassy of Exampleland in London \u{13000}'),
    );
    const { check, deliver, delivered } = await both(ws);
    expect(check).toEqual([
      CLOSED,
      expect.stringMatching(
        /^text\/uncovered-char mission "embassy-london" name: no font in \[.*\] has "\u{13000}" \(U\+13000\)/u,
      ),
    ]);
    expect(deliver).toEqual(expect.arrayContaining(check));
    expect(delivered.plan.refused.map((r) => r.mission.id)).toContain('embassy-london');
    expect([...delivered.files.keys()].some((f) => f.startsWith('embassy-london/'))).toBe(false);
  });

  it('points a finding in a mission field at that character in its field, not at the record', async () => {
    const ws = edited(MISSIONS, (t) => t.replace('1 Test Avenue', '1 Test \u{13000} Avenue'));
    const { value: project } = loadWorkspace(ws);
    const found = (await checkMissionGlyphs(project)).filter((d) => d.code === 'text/uncovered-char');
    expect(found.map((d) => d.message)).toEqual([
      expect.stringMatching(/^mission "embassy-london" address\[1\]: no font in \[.*\] has "\u{13000}"/u),
    ]);
    const span = found[0]!.span!;
    const text = readFileSync(join(ws, MISSIONS), 'utf8');
    expect([span.file, text.slice(span.start, span.end)]).toEqual([MISSIONS, '\u{13000}']);
  });

  it('a template helper delivery does not have fails check as it fails deliver', async () => {
    const ws = edited('templates/cover-note.hbs', (t) => t.replace('{{sender}}', '{{upper sender}}'));
    const { check, deliver, delivered } = await both(ws);
    expect(check).toEqual([
      CLOSED,
      'template/unknown-helper templates/cover-note.hbs calls "upper", which is not a template helper',
    ]);
    expect(deliver).toEqual(check);
    expect(delivered.outcome).toBe('blocked');
  });

  it('a template partial check accepts is one deliver renders', async () => {
    const ws = edited('templates/email.hbs', (t) => `${t}\n{{> sent-by}}\n`);
    mkdirSync(join(ws, 'templates', 'partials'), { recursive: true });
    writeFileSync(join(ws, 'templates', 'partials', 'sent-by.hbs'), 'Sent by {{senderShort}} for {{mission.name}}.');
    const { check, deliver, delivered } = await both(ws);
    expect(check).toEqual([CLOSED]);
    expect(deliver).toEqual(check);
    expect(delivered.outcome).toBe('made');
    const mail = await simpleParser(Buffer.from(delivered.files.get('delegation-geneve/email-draft.eml') as string));
    expect(mail.text).toContain('Sent by TCHR for 예시국 제네바 대표부.');
  });
});
