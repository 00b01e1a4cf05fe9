import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
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
