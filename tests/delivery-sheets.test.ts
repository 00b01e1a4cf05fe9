import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from './helpers/workspace.js';

/**
 * The text of the delivery sheets a mission receives with the letter (cover note, fax cover), as a
 * reader gets it back from the PDF, page by page: a golden per sheet and language. Packets chosen for
 * their languages: English with a fax (Geneva), French (Paris), Japanese (Tokyo).
 */
const CAMPAIGN = '2011-kim-jong-il';
const SHEETS: Record<string, string[]> = {
  'dprk-un-mission-geneva': ['cover-note-en.pdf', 'fax-cover-en.pdf'],
  'dprk-general-delegation-paris': ['cover-note-fr.pdf'],
  'chongryon-central-hq-tokyo': ['cover-note-ja.pdf'],
};
const MISSIONS = Object.keys(SHEETS);
const GOLD = join(REPO, 'tests', 'goldens', 'delivery', CAMPAIGN);

let out: string;
beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'openletter-sheets-'));
  const r = await runCli(['deliver', CAMPAIGN, '--missions', MISSIONS.join(','), '--out', out, '--quiet']);
  expect(r.code, r.stderr).toBe(0);
}, 180_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

async function pdfText(path: string): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(readFileSync(path))), { mergePages: false });
  return (text as string[]).map((p, i) => `--- page ${i + 1} ---\n${p}`).join('\n') + '\n';
}

describe.each(MISSIONS)(`the ${CAMPAIGN} packet for %s`, (mission) => {
  it('has a cover note in its language and, with a fax number, a fax cover, whose texts match the goldens', async () => {
    const dir = join(out, CAMPAIGN, 'delivery', mission);
    const sheets = readdirSync(dir).filter((n) => /^(cover-note|fax-cover)-.+\.pdf$/.test(n));
    expect(sheets.sort()).toEqual(SHEETS[mission]);
    for (const sheet of sheets)
      await expect(await pdfText(join(dir, sheet))).toMatchFileSnapshot(
        join(GOLD, mission, sheet.replace(/\.pdf$/, '.pdf.txt')),
      );
  });
});

/**
 * Every language delivered: the 2018 packets, each worded in its mission's first language (Korean
 * New York, English Geneva, French Paris, Japanese Tokyo, Chinese Beijing, Spanish Havana and
 * Mexico City), name the head of state with his title and the head of mission in the language.
 * The registry has fax numbers and e-mail addresses for New York and Geneva only.
 */
const CAMPAIGN_2018 = '2018-kim-jong-un';
const SHEETS_2018: Record<string, string[]> = {
  'dprk-un-mission-new-york': ['cover-note-ko.pdf', 'email-draft.eml', 'fax-cover-ko.pdf'],
  'dprk-un-mission-geneva': ['cover-note-en.pdf', 'email-draft.eml', 'fax-cover-en.pdf'],
  'dprk-general-delegation-paris': ['cover-note-fr.pdf'],
  'chongryon-central-hq-tokyo': ['cover-note-ja.pdf'],
  'dprk-embassy-beijing': ['cover-note-zh-Hans.pdf'],
  'dprk-embassy-havana': ['cover-note-es.pdf'],
  'dprk-embassy-mexico-city': ['cover-note-es.pdf'],
};
const GOLD_2018 = join(REPO, 'tests', 'goldens', 'delivery', CAMPAIGN_2018);

let out2018: string;
beforeAll(async () => {
  out2018 = mkdtempSync(join(tmpdir(), 'openletter-sheets-'));
  const r = await runCli(['deliver', CAMPAIGN_2018, '--out', out2018, '--quiet']);
  expect(r.code, r.stderr).toBe(0);
}, 300_000);
afterAll(() => rmSync(out2018, { recursive: true, force: true }));

/** An e-mail draft as its reader sees it: addressee, subject and text. */
async function emailText(path: string): Promise<string> {
  const mail = await simpleParser(readFileSync(path));
  const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
  return `To: ${to?.text ?? ''}\nSubject: ${mail.subject ?? ''}\n\n${mail.text ?? ''}`;
}

describe.each(Object.keys(SHEETS_2018))(`the ${CAMPAIGN_2018} packet for %s`, (mission) => {
  it('has its cover note, fax cover and e-mail in its language, matching the goldens', async () => {
    const dir = join(out2018, CAMPAIGN_2018, 'delivery', mission);
    const sheets = readdirSync(dir).filter((n) => /^(cover-note|fax-cover)-.+\.pdf$|\.eml$/.test(n));
    expect(sheets.sort()).toEqual(SHEETS_2018[mission]);
    for (const sheet of sheets) {
      const text = sheet.endsWith('.eml') ? await emailText(join(dir, sheet)) : await pdfText(join(dir, sheet));
      await expect(text).toMatchFileSnapshot(join(GOLD_2018, mission, sheet.replace(/\.(pdf|eml)$/, '.$1.txt')));
      // Never the bare name of the head of state, nor an English title inside another language.
      expect(text).not.toMatch(/(?:to|à|a|に|致)\s?Kim Jong Un\b(?!,)/u);
      expect(text).not.toMatch(/\((?:ambassador|permanent representative|chairman)\)/u);
    }
  });
});

describe(`the ${CAMPAIGN_2018} envelopes`, () => {
  it('carry the address in the local script where the record has it (Tokyo, Beijing), else as written', async () => {
    const envelope = (mission: string) =>
      pdfText(join(out2018, CAMPAIGN_2018, 'delivery', mission, 'envelope-dl.pdf')).then((t) => t.replace(/\s+/g, ''));
    expect(await envelope('chongryon-central-hq-tokyo')).toContain('東京都千代田区富士見2-14-15');
    expect(await envelope('dprk-embassy-beijing')).toContain('北京市朝阳区日坛北路11号');
    expect(await envelope('dprk-general-delegation-paris')).toContain('3rueAsseline');
  });
});
