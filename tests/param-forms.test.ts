import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { composeLetter } from '../src/compose/compose-letter.js';
import { fillParams, paramNames } from '../src/compose/fill-params.js';
import { loadWorkspace } from '../src/load/load-workspace.js';
import { particleAfter, particlePair, readingEnding } from '../src/text/korean-particles.js';
import { MINI, REPO, runCli, tempWorkspace } from './helpers/workspace.js';

/** Grammar in parameters: per-language forms ({{country.in}}) and Korean particles ({{을/를}}). */
const particle = (pair: string, before: string) => particleAfter(particlePair(pair)!, before);

describe('Korean particles chosen from the syllable before them', () => {
  it('takes the consonant form after a final consonant (받침) and the vowel form after none', () => {
    expect(particle('을/를', '북한')).toBe('을');
    expect(particle('을/를', '벨라루스')).toBe('를');
    expect(particle('이/가', '정부')).toBe('가');
    expect(particle('이/가', '대한민국')).toBe('이');
    expect(particle('은/는', '몰도바')).toBe('는');
    expect(particle('과/와', '우크라이나')).toBe('와');
    expect(particle('과/와', '조선민주주의인민공화국')).toBe('과');
  });

  it('takes 로 after ㄹ, where the other pairs take the consonant form', () => {
    expect(particle('으로/로', '서울')).toBe('로');
    expect(particle('으로/로', '평양')).toBe('으로');
    expect(particle('으로/로', '베이징')).toBe('으로');
    expect(particle('으로/로', '민스크')).toBe('로');
    expect(particle('을/를', '서울')).toBe('을');
  });

  it('reads digits in Sino-Korean and abbreviations letter by letter', () => {
    expect(particle('은/는', '2018')).toBe('은'); // 이천십팔
    expect(particle('으로/로', '2017')).toBe('로'); // …칠
    expect(particle('을/를', '2')).toBe('를'); // 이
    expect(particle('을/를', '20')).toBe('을'); // 이십
    expect(particle('을/를', '1,000')).toBe('을'); // 천
    expect(particle('이/가', 'UN')).toBe('이'); // 유엔
    expect(particle('이/가', 'DPRK')).toBe('가'); // …케이
    expect(particle('으로/로', 'ICNK')).toBe('로'); // …엔케이
    expect(particle('으로/로', 'UNHCR')).toBe('로'); // …아르
  });

  it('skips a parenthesised gloss and closing marks, and prints both forms when it cannot tell', () => {
    expect(particle('은/는', '국제노동기구(ILO)')).toBe('는');
    expect(particle('을/를', '**국제적십자위원회**')).toBe('를');
    expect(particle('을/를', '“열린북한”')).toBe('을');
    expect(particle('을/를', '中國')).toBe('을(를)');
    expect(readingEnding('Belarus')).toBe('vowel'); // 벨라루스
    expect(readingEnding('Brazil')).toBe('rieul'); // 브라질
  });

  it('knows the pairs in either order, and no invented pair', () => {
    expect(particlePair('를/을')).toEqual(['을', '를']);
    expect(particlePair('을')).toEqual(['을', '를']);
    expect(particlePair('이/는')).toBeUndefined();
  });
});

describe('fillParams with forms', () => {
  const params = new Map([['country', 'le Bélarus']]);
  const forms = new Map([['country', new Map([['in', 'au Bélarus']])]]);

  it('fills a form, maps it to its token, and blanks it in the text itself', () => {
    const r = fillParams('Agir {{country.in}} et pour {{country}}.', params, forms);
    expect(r.text).toBe('Agir au Bélarus et pour le Bélarus.');
    expect(r.own).toBe('Agir            et pour           .');
    expect(r.unknownForms).toEqual([]);
    expect(paramNames('Agir {{country.in}} et {{country}}.').names).toEqual(['country', 'country']);
  });

  it('reports a form the language does not define, with where the text asks for it', () => {
    const r = fillParams('le gouvernement {{country.gen}}', params, forms);
    expect(r.unknownForms).toEqual([{ name: 'country', form: 'gen', index: 16, length: 15 }]);
  });

  it('chooses a particle from the filled value before it, and a particle form from the value', () => {
    const ko = new Map([
      ['country', '벨라루스'],
      ['capital', '서울'],
    ]);
    expect(fillParams('{{country}}{{을/를}} 방문하고 {{capital.으로}} 갑니다.', ko).text).toBe(
      '벨라루스를 방문하고 서울로 갑니다.',
    );
    // A particle is the text's own wording: it stays in `own`.
    expect(fillParams('{{country}}{{은/는}}', ko).own).toBe('    는');
    expect(fillParams('{{country}}{{이/는}}', ko).unknownParticles).toEqual([
      { written: '이/는', index: 11, length: 7 },
    ]);
  });
});

const LETTER = `id: 2026-forms
date: 2026-03-01
locales: [en, fr, ru, be, ko]
title: Open letter on detention
params:
  country: { name: Belarus, in: in Belarus }
  ally: { name: the United States, in: in the United States }
  neighbour: { name: Korea, in: in Korea }
recipient:
  name: Alexander Lukashenko
  titles: [President]
  address: [Minsk]
salutation: Dear President,
opening:
  - We write to you about detention.
sections:
  - demands: [monitors]
closing:
  - We look forward to your response.
sign_off: sincerely
signatories: [amnesty-international]
`;
const DEMAND = `id: monitors
title: Monitors
params: [country]
text:
  - item: Allow UN monitors {{country.in}}, as {{ally.in}} and {{neighbour.in}}.
`;
const RU_LOCALE = `name: Русский\ntag: ru-RU\nfonts: [noto-serif]\nline_break: normal\nscripts: [Cyrillic]\n`;
const RU_LETTER = `date: { year: numeric, month: long, day: numeric }
sign_off: { sincerely: С уважением, yours_sincerely: С уважением, respectfully: С уважением }
cc: "Копии:"
page: "{page} / {pages}"
`;

function workspace(overrides: Record<string, string | null> = {}) {
  const fr = (f: string) => readFileSync(join(REPO, 'locales/fr', f), 'utf8');
  return tempWorkspace(undefined, {
    'campaigns/2020-test-letter.yaml': null,
    'campaigns/2026-forms.yaml': LETTER,
    'demands/monitors.yaml': DEMAND,
    'locales/fr/locale.yaml': fr('locale.yaml'),
    'locales/fr/letter.yaml': fr('letter.yaml'),
    'locales/fr/campaigns/2026-forms.yaml': `params:
  country: { name: le Bélarus, in: au Bélarus }
  ally: { name: les États-Unis, in: aux États-Unis }
  neighbour: { name: la Corée, in: en Corée }
`,
    'locales/fr/demands.yaml': `monitors:
  text:
    - item: Autoriser les observateurs de l’ONU {{country.in}}, comme {{ally.in}} et {{neighbour.in}}.
`,
    'locales/ru/locale.yaml': RU_LOCALE,
    'locales/ru/letter.yaml': RU_LETTER,
    'locales/ru/campaigns/2026-forms.yaml': `params:
  country: { name: Беларусь, in: в Беларуси, gen: Беларуси }
  ally: { name: США, in: в США, gen: США }
  neighbour: { name: Корея, in: в Корее, gen: Кореи }
`,
    'locales/ru/demands.yaml': `monitors:
  text:
    - item: Допустить наблюдателей ООН {{country.in}}, как {{ally.in}} и {{neighbour.in}}, по просьбе правительства {{country.gen}}.
`,
    'locales/be/locale.yaml': readFileSync(join(REPO, 'tests/fixtures/new-state/locales/be/locale.yaml'), 'utf8'),
    'locales/be/letter.yaml': readFileSync(join(REPO, 'tests/fixtures/new-state/locales/be/letter.yaml'), 'utf8'),
    'locales/be/campaigns/2026-forms.yaml': `params:
  country: { name: Беларусь, in: у Беларусі, gen: Беларусі }
  ally: { name: ЗША, in: у ЗША }
  neighbour: { name: Карэя, in: у Карэі }
`,
    'locales/be/demands.yaml': `monitors:
  text:
    - item: Дапусціць назіральнікаў ААН {{country.in}}, як {{ally.in}}, {{neighbour.in}}, па просьбе ўрада {{country.gen}}.
`,
    'locales/ko/campaigns/2026-forms.yaml': `params: { country: 벨라루스, ally: 미국, neighbour: 한국 }\n`,
    'locales/ko/demands.yaml': `monitors:
  text:
    - item: "{{country}}{{은/는}} {{ally.과}} {{neighbour.처럼}} 유엔 감시단{{을/를}} 받아들일 것."
`,
    ...overrides,
  });
}

function demandText(dir: string, lng: string) {
  const r = composeLetter(loadWorkspace(dir).value, '2026-forms', lng);
  const text = r.value!.texts.find((t) => t.origin.key === 'demands:monitors.text.0')?.text;
  return { text, forms: r.diagnostics.filter((d) => d.code === 'text/unknown-form' || d.code === 'i18n/unknown-key') };
}

describe('a parameter with per-language forms, in a letter', () => {
  const dir = workspace();

  it('prints each language its own forms: English, French articles, Russian and Belarusian cases', () => {
    expect(demandText(dir, 'en')).toEqual({
      text: 'Allow UN monitors in Belarus, as in the United States and in Korea.',
      forms: [],
    });
    const fr = demandText(dir, 'fr');
    expect(fr.text).toBe('Autoriser les observateurs de l’ONU au Bélarus, comme aux États-Unis et en Corée.');
    const ru = demandText(dir, 'ru');
    expect(ru.text).toBe(
      'Допустить наблюдателей ООН в Беларуси, как в США и в Корее, по просьбе правительства Беларуси.',
    );
    // "gen" is Russian grammar, with no English source: not an unknown translation key.
    expect(ru.forms).toEqual([]);
    expect(demandText(dir, 'be')).toEqual({
      text: 'Дапусціць назіральнікаў ААН у Беларусі, як у ЗША, у Карэі, па просьбе ўрада Беларусі.',
      forms: [],
    });
  });

  it('reports, with its place, a form a text asks for that its language does not define', () => {
    const ko = demandText(dir, 'ko');
    expect(ko.forms.map((d) => d.message)).toEqual(['form "처럼" of parameter "neighbour" is not defined in ko']);
    expect(ko.forms[0]!.span?.file).toBe('locales/ko/demands.yaml');
    expect(ko.forms[0]!.hint).toMatch(
      /locales\/ko\/campaigns\/2026-forms\.yaml: params: \{ neighbour: \{ name: …, 처럼: … \} \}/,
    );
  });

  it('fills Korean particles from the value before them', () => {
    const dir = workspace({
      'locales/ko/demands.yaml': `monitors:
  text:
    - item: "{{country}}{{은/는}} {{ally.과}} {{neighbour.처럼}} 유엔 감시단{{을/를}} 받아들일 것."
`,
      'locales/ko/campaigns/2026-forms.yaml': `params: { country: 벨라루스, ally: 미국, neighbour: { name: 한국, 처럼: 한국처럼 } }\n`,
    });
    expect(demandText(dir, 'ko')).toEqual({ text: '벨라루스는 미국과 한국처럼 유엔 감시단을 받아들일 것.', forms: [] });
  });
});

describe('forms for translators', () => {
  /** Russian that writes the country's plain value only: the forms its texts ask for are still to write. */
  const plainRussian = () =>
    workspace({
      'locales/ru/campaigns/2026-forms.yaml': `# ru translations (openletter)
params:
  country: Беларусь # the name as Russian writes it
  ally: { name: США, in: в США, gen: США }
  neighbour: { name: Корея, in: в Корее, gen: Кореи }
`,
    });

  it('exports each form the texts of a language ask for and it lacks, as a unit to write', async () => {
    const dir = plainRussian();
    const r = await runCli(['-w', dir, 'translations', 'export', '--lang', 'ru', '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = parseCsv(r.stdout, { columns: true, bom: true }) as Record<string, string>[];
    const forms = rows.filter((row) => row.key!.includes('.params.country.'));
    // The Russian text asks for "in" and "gen": what each is a form of, the English form where it has one.
    expect(forms.map((row) => [row.key, row['source (en)'], row.translation])).toEqual([
      ['campaigns:2026-forms.params.country.gen', 'Belarus', ''],
      ['campaigns:2026-forms.params.country.in', 'in Belarus', ''],
    ]);
    expect(forms[0]!.context).toMatch(
      /the form "gen" of the parameter country, which your texts ask for as \{\{country\.gen\}\}/,
    );
    // The forms the other parameters have are written: not asked again.
    expect(rows.some((row) => /params\.(ally|neighbour)\./.test(row.key!))).toBe(false);
    // XLIFF carries them too, as units of their own.
    const xliff = await runCli(['-w', dir, 'translations', 'export', '--lang', 'ru']);
    expect(xliff.stdout).toContain('id="campaigns:2026-forms.params.country.gen"');
  });

  it('imports the forms into the parameter, keeping its value, so the letter prints them', async () => {
    const dir = plainRussian();
    const file = join(dir, 'ru.csv');
    const exported = await runCli([
      '-w',
      dir,
      'translations',
      'export',
      '--lang',
      'ru',
      '--format',
      'csv',
      '--out',
      file,
    ]);
    expect(exported.code).toBe(0);
    const rows = parseCsv(readFileSync(file, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    const russian: Record<string, string> = {
      'campaigns:2026-forms.params.country.gen': 'Беларуси',
      'campaigns:2026-forms.params.country.in': 'в Беларуси',
    };
    for (const row of rows) row.translation = russian[row.key!] ?? '';
    writeFileSync(file, stringifyCsv(rows, { header: true, columns: Object.keys(rows[0]!) }));
    const imported = await runCli(['-w', dir, 'translations', 'import', file, '--lang', 'ru']);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const written = readFileSync(join(dir, 'locales/ru/campaigns/2026-forms.yaml'), 'utf8');
    expect(parse(written).params.country).toEqual({ name: 'Беларусь', gen: 'Беларуси', in: 'в Беларуси' });
    expect(written).toContain('# the name as Russian writes it');
    expect(demandText(dir, 'ru')).toEqual({
      text: 'Допустить наблюдателей ООН в Беларуси, как в США и в Корее, по просьбе правительства Беларуси.',
      forms: [],
    });
    // Nothing left to ask: a second export has no form of country.
    const again = await runCli(['-w', dir, 'translations', 'export', '--lang', 'ru', '--format', 'csv']);
    expect(again.stdout).not.toContain('params.country.');
  });

  it('refuses a form exported from an English value that has changed since', async () => {
    const dir = plainRussian();
    const file = join(dir, 'ru.csv');
    await runCli(['-w', dir, 'translations', 'export', '--lang', 'ru', '--format', 'csv', '--out', file]);
    const campaign = join(dir, 'campaigns/2026-forms.yaml');
    writeFileSync(campaign, readFileSync(campaign, 'utf8').replace('in: in Belarus', 'in: in the Republic of Belarus'));
    const rows = parseCsv(readFileSync(file, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    for (const row of rows) if (row.key === 'campaigns:2026-forms.params.country.in') row.translation = 'в Беларуси';
    writeFileSync(file, stringifyCsv(rows, { header: true, columns: Object.keys(rows[0]!) }));
    const r = await runCli(['-w', dir, 'translations', 'import', file, '--lang', 'ru']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/was exported from English that has changed since .*params\.country\.in/);
  });
});

describe('forms in letter.yaml messages', () => {
  const signOff = (dir: string, lng: string) => {
    const r = composeLetter(loadWorkspace(dir).value, '2026-forms', lng);
    return {
      text: r.value!.texts.find((t) => t.origin.key === 'chrome:sign_off.sincerely')?.text,
      // (The Korean demand text of this workspace asks for a form on purpose: only letter.yaml counts here.)
      problems: r.diagnostics
        .filter((d) => d.code.startsWith('text/') && d.span?.file.endsWith('letter.yaml'))
        .map((d) => `${d.span?.file}: ${d.message}`),
    };
  };

  it('gives a message each form as {name_form}, and Korean particles as {name_을}', () => {
    const dir = workspace({
      'locales/ru/letter.yaml': RU_LETTER.replace(
        'sincerely: С уважением,',
        'sincerely: "С уважением к народу {country_gen},",',
      ),
      'locales/ko/letter.yaml': readFileSync(join(MINI, 'locales/ko/letter.yaml'), 'utf8').replace(
        'sincerely: 삼가 드림',
        'sincerely: "{country_을} 위하여"',
      ),
    });
    expect(signOff(dir, 'ru')).toEqual({ text: 'С уважением к народу Беларуси,', problems: [] });
    expect(signOff(dir, 'ko')).toEqual({ text: '벨라루스를 위하여', problems: [] });
  });

  it('reports a form the language does not define at its place in letter.yaml', () => {
    const dir = workspace({
      'locales/fr/letter.yaml': RU_LETTER.replace(
        'sincerely: С уважением,',
        'sincerely: "Pour le peuple {country_gen}",',
      ),
    });
    const fr = signOff(dir, 'fr');
    expect(fr.problems).toEqual([
      'locales/fr/letter.yaml: form "gen" of parameter "country" is not defined in fr (it has in)',
    ]);
  });

  it('says how to write a form in a message when a text writes it the demand texts’ way', () => {
    const dir = workspace({
      'locales/ru/letter.yaml': RU_LETTER.replace(
        'sincerely: С уважением,',
        'sincerely: "С уважением {{country.gen}},",',
      ),
    });
    expect(signOff(dir, 'ru').problems).toEqual([
      expect.stringContaining('"{{country.gen}}" is not a message argument: write {country_gen}'),
    ]);
  });
});
