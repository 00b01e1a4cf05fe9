import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parse as parseCsv } from 'csv-parse/sync';
import { deliveryListCsv } from '../src/deliver/delivery-list-csv.js';
import { ENGLISH_LIST, ListWords } from '../src/deliver/delivery-list-words.js';
import type { DeliveryPlan } from '../src/deliver/delivery-plan.js';
import { deliveryRows } from '../src/deliver/delivery-rows.js';
import { checklistSheet } from '../src/deliver/pdf/checklist-sheet.js';
import { loadWorkspace } from '../src/load/load-workspace.js';
import type { Project } from '../src/model/project.js';
import { planCampaignDelivery } from '../src/pipeline/deliver-campaign.js';
import { renderSheetPdf } from '../src/render/pdf/render-sheet.js';
import { languageSetting } from '../src/text/language-setting.js';
import { pdfPageTexts, pdftotextPages } from './helpers/pdf-text.js';
import { REPO } from './helpers/workspace.js';

/**
 * The delivery list (delivery-list.csv and delivery-list.pdf) in the campaign's source language:
 * its headings and every word in its cells, not only its title. The bundled 2018 campaign's list
 * worded in each language (as a coalition writing first in it gets it), with two missions refused
 * (one closed, one whose record has an error) and judged in 2026, so that every kind of cell shows.
 */
const GOLD = join(REPO, 'tests', 'goldens', 'delivery', 'list');
const LANGUAGES = ['en', 'ko', 'zh-Hans', 'ja', 'fr', 'es', 'ar', 'ru'];

let project: Project;
let plan: DeliveryPlan;
beforeAll(async () => {
  const loaded = loadWorkspace(REPO);
  project = loaded.value;
  const prepared = await planCampaignDelivery(project, loaded.diagnostics, {
    campaign: '2018-kim-jong-un',
    today: '2026-11-23',
  });
  const madrid = project.missions.get('dprk-embassy-madrid')!;
  const bern = project.missions.get('dprk-embassy-bern')!;
  expect(madrid.status).toBe('closed');
  plan = {
    ...prepared.plan,
    refused: [
      { mission: madrid, reason: `closed on ${madrid.closedOn}`, code: undefined },
      { mission: bern, reason: 'two holders in post on the same day', code: 'mission/head-dates' },
    ],
    missionOrder: [...prepared.plan.missionOrder, madrid.id, bern.id],
  };
}, 180_000);

/** The plan with its list worded in `lang`. */
function listIn(lang: string): DeliveryPlan {
  return {
    ...plan,
    listLanguage: lang,
    listSetting: languageSetting(project, lang),
    listTexts: project.delivery!.wordings.get(lang),
    listCountries: project.locales.get(lang)?.countryNames,
  };
}

function build(lang: string) {
  const p = listIn(lang);
  const problems: never[] = [];
  const words = new ListWords(p, problems);
  const rows = deliveryRows(p, words);
  return { p, words, rows, problems };
}

describe('the delivery list in the source language', () => {
  it('English from a delivery.yaml without delivery_list: is the bundled English list, text for text', () => {
    const en = parseYaml(readFileSync(join(REPO, 'locales', 'en', 'delivery.yaml'), 'utf8')) as {
      delivery_list: Record<string, unknown>;
    };
    const flat: Record<string, string> = {};
    const walk = (prefix: string, v: unknown) => {
      if (typeof v === 'string') flat[prefix] = v;
      else for (const [k, x] of Object.entries(v as object)) walk(`${prefix}.${k}`, x);
    };
    walk('delivery_list', en.delivery_list);
    expect(ENGLISH_LIST).toEqual(flat);
  });

  it.each(LANGUAGES)('%s: every cell is worded without a problem', (lang) => {
    const { rows, words, problems } = build(lang);
    deliveryListCsv(rows, words);
    checklistSheet({
      paper: 'A4',
      setting: listIn(lang).listSetting,
      words,
      title: '',
      subtitle: '',
      author: '',
      rows,
    });
    expect(problems).toEqual([]);
  });

  // What a cell may hold in Latin letters in a Korean, Chinese, Arabic or Russian list: the record's
  // data (names, addresses, numbers, e-mail, files, ids, a location hint), language codes and a
  // diagnostic's code. Anything else is an English word left in the list.
  function latinLeft(lang: string, cells: string[]): string[] {
    const { rows } = build(lang);
    const data = [
      ...rows.flatMap((r) => [r.id, r.name, r.nameLocal, r.city, r.phone, r.fax, r.email, r.head, r.country]),
      ...rows.flatMap((r) => [...r.address, ...r.files, ...r.letters, r.wording]),
      ...rows.flatMap((r) => r.missing.flatMap((m) => [m.hint ?? '', m.lang ?? ''])),
      ...plan.missionOrder,
      plan.campaignId,
      'mission/head-dates',
    ]
      .filter((d) => d !== '')
      .sort((a, b) => b.length - a.length);
    return cells
      .map((c) => data.reduce((left, d) => left.split(d).join(''), c))
      .filter((left) => /[A-Za-z]/.test(left));
  }

  it.each(['ko', 'zh-Hans', 'ar', 'ru'])('%s: no English word in any cell of the CSV or the PDF', (lang) => {
    const { rows, words } = build(lang);
    const csv = deliveryListCsv(rows, words);
    const cells = (parseCsv(csv, { bom: true }) as string[][]).flat();
    const sheet = checklistSheet({
      paper: 'A4',
      setting: listIn(lang).listSetting,
      words,
      title: '',
      subtitle: '',
      author: '',
      rows,
    });
    const table = sheet.body.kind === 'table' ? sheet.body.table : undefined;
    const pdfCells = (table ? [table.heading, ...table.rows] : []).flat(2).map((l) => l.text);
    expect(latinLeft(lang, cells)).toEqual([]);
    expect(latinLeft(lang, pdfCells)).toEqual([]);
    // Each kind of cell is there to be checked: refused (closed, an error), missing, doubts, methods.
    expect(rows.filter((r) => r.refusal).length).toBe(2);
    expect(rows.some((r) => r.missing.some((m) => m.what === 'address' && m.hint))).toBe(true);
    expect(rows.some((r) => r.check.some((d) => d.kind === 'stale'))).toBe(true);
  });

  it.each(['en', 'ko', 'ar'])('%s: the CSV and the printable list match the goldens', async (lang) => {
    const { p, rows, words } = build(lang);
    await expect(deliveryListCsv(rows, words)).toMatchFileSnapshot(join(GOLD, `${lang}.csv`));
    const pdf = await renderSheetPdf(
      checklistSheet({
        paper: 'A4',
        setting: p.listSetting,
        words,
        title: words.say('title', { title: p.title }),
        subtitle: words.say('subtitle', {
          campaign: p.campaignId,
          date: words.date(p.campaignDate),
          packets: p.packets.length,
          refused: p.refused.length,
          today: words.date(p.today),
          sender: p.sender.name,
        }),
        author: p.sender.name,
        rows,
      }),
      new Date(Date.UTC(2018, 5, 6)),
    );
    expect(pdf.uncovered).toEqual([]);
    const pages = lang === 'ar' ? pdftotextPages(pdf.bytes) : await pdfPageTexts(pdf.bytes);
    await expect(pages.map((t, i) => `--- page ${i + 1} ---\n${t}`).join('\n') + '\n').toMatchFileSnapshot(
      join(GOLD, `${lang}.pdf.txt`),
    );
  });
});
