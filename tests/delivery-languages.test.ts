import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languageInfo } from '../src/render/language-info.js';
import { pdftotextPages } from './helpers/pdf-text.js';
import { REPO, runCli } from './helpers/workspace.js';

/**
 * Every language delivered by fax and e-mail: the bundled 2018 letter to the head of state, sent to
 * one fixture mission per language (tests/fixtures/delivery-languages/missions.yaml: made-up fax
 * numbers and e-mail addresses, since the registry has them for New York and Geneva only). Each
 * packet's cover note, fax cover and e-mail draft, in the mission's language, is a golden.
 */
const CAMPAIGN = '2018-kim-jong-un';
const FIXTURES = join(REPO, 'tests', 'fixtures', 'delivery-languages');
const GOLD = join(REPO, 'tests', 'goldens', 'delivery', 'every-language');
const PACKETS: Record<string, string> = {
  'fixture-fr': 'fr',
  'fixture-es': 'es',
  'fixture-ja': 'ja',
  'fixture-zh-hans': 'zh-Hans',
  'fixture-ar': 'ar',
  'fixture-ru': 'ru',
};

let ws: string;
let out: string;
beforeAll(async () => {
  ws = mkdtempSync(join(tmpdir(), 'openletter-languages-'));
  for (const part of ['campaigns', 'demands', 'locales', 'templates'])
    cpSync(join(REPO, part), join(ws, part), { recursive: true });
  for (const file of ['workspace.yaml', 'signatories.yaml', 'glossary.yaml']) cpSync(join(REPO, file), join(ws, file));
  // The bundled registry (other campaigns name its missions) and the fixture missions after it.
  const fixtures = readFileSync(join(FIXTURES, 'missions.yaml'), 'utf8').split('\nmissions:\n')[1];
  writeFileSync(join(ws, 'missions.yaml'), `${readFileSync(join(REPO, 'missions.yaml'), 'utf8')}\n${fixtures}`);
  const campaign = join(ws, 'campaigns', `${CAMPAIGN}.yaml`);
  const text = readFileSync(campaign, 'utf8');
  const ids = Object.keys(PACKETS)
    .map((id) => `  - ${id}\n`)
    .join('');
  writeFileSync(campaign, text.replace(/\nmissions:\n(?: {2}- .+\n)+/, `\nmissions:\n${ids}`));
  out = mkdtempSync(join(tmpdir(), 'openletter-languages-out-'));
  const r = await runCli(['deliver', CAMPAIGN, '--out', out, '--quiet'], { cwd: ws });
  expect(r.code, r.stderr).toBe(0);
}, 300_000);
afterAll(() => {
  rmSync(ws, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

/**
 * A sheet's text page by page; a right-to-left sheet as pdftotext reads it, in logical order (pdf.js
 * gives shaped Arabic in drawing order), as the letters' goldens are.
 */
async function pdfText(path: string, lang: string): Promise<string> {
  const pdf = new Uint8Array(readFileSync(path));
  const pages =
    languageInfo(lang).dir === 'rtl'
      ? pdftotextPages(pdf)
      : ((await extractText(await getDocumentProxy(pdf), { mergePages: false })).text as string[]);
  return pages.map((p, i) => `--- page ${i + 1} ---\n${p}`).join('\n') + '\n';
}

async function emailText(path: string): Promise<string> {
  const mail = await simpleParser(readFileSync(path));
  const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
  const from = Array.isArray(mail.from) ? mail.from[0] : mail.from;
  return `From: ${from?.text ?? ''}\nTo: ${to?.text ?? ''}\nSubject: ${mail.subject ?? ''}\n\n${mail.text ?? ''}`;
}

describe.each(Object.entries(PACKETS))(`the ${CAMPAIGN} packet for %s`, (mission, lang) => {
  it(`has a cover note, a fax cover and an e-mail draft in ${lang}, matching the goldens`, async () => {
    const dir = join(out, CAMPAIGN, 'delivery', mission);
    const sheets = readdirSync(dir)
      .filter((n) => /^(cover-note|fax-cover)-.+\.pdf$|\.eml$/.test(n))
      .sort();
    expect(sheets).toEqual([`cover-note-${lang}.pdf`, 'email-draft.eml', `fax-cover-${lang}.pdf`]);
    for (const sheet of sheets) {
      const text = sheet.endsWith('.eml') ? await emailText(join(dir, sheet)) : await pdfText(join(dir, sheet), lang);
      await expect(text).toMatchFileSnapshot(join(GOLD, mission, sheet.replace(/\.(pdf|eml)$/, '.$1.txt')));
      // The head of state with his title, never bare; no English title inside the language.
      expect(text).not.toMatch(/(?:à|a|に|致|宛て)\s?Kim Jong Un\b(?!,)/u);
      expect(text).not.toMatch(/\b(?:Ambassador|Chairman|Permanent Representative)\b/u);
    }
  });
});
