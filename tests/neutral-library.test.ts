import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO, runCli } from './helpers/workspace.js';

/**
 * The bundled demand library serves a letter to any state: each block's default text, in English
 * and in every bundled translation, carries none of the wording of the letters to the DPRK (that
 * wording is in the variants those letters pick, "2011", "2012", "2018"), and `init` copies only it.
 */
const ICNK_WORDING =
  /DPRK|RPDC|North Korea|Corée|Corea|Korea|\bKim\b|kwan-li-so|kuryujang|jipkyulso|dolgyeokde|북한|조선|관리소|구류장|집결소|돌격대|朝鮮|朝鲜|金正|管理所|\{\{\s*country_short|\bJapan\b|\bJapon\b|Japón|日本|일본|\bChina\b|\bChine\b|中国|중국|\bCOI\b/;

type Body = (string | { item: string })[];
const texts = (body: Body | undefined) => (body ?? []).map((el) => (typeof el === 'string' ? el : el.item));
const read = (p: string) => readFileSync(p, 'utf8');

describe('the bundled demand library', () => {
  const blocks = readdirSync(join(REPO, 'demands')).map(
    (f) => parse(read(join(REPO, 'demands', f))) as { id: string; title: string; text: Body; variants?: object },
  );
  const languages = readdirSync(join(REPO, 'locales')).filter((l) => l !== 'en');

  it('says nothing in a default text that is true of one state only, in any bundled language', () => {
    const found: string[] = [];
    for (const b of blocks)
      for (const t of [b.title, ...texts(b.text)]) if (ICNK_WORDING.test(t)) found.push(`${b.id}: ${t}`);
    for (const lng of languages) {
      const tr = parse(read(join(REPO, 'locales', lng, 'demands.yaml'))) as Record<
        string,
        { title?: string; text?: Body }
      >;
      for (const [id, b] of Object.entries(tr))
        for (const t of [b.title ?? '', ...texts(b.text)]) if (ICNK_WORDING.test(t)) found.push(`${lng} ${id}: ${t}`);
    }
    expect(found).toEqual([]);
  });

  it('keeps variants as the last key of each block (init cuts them off there)', () => {
    for (const file of [
      ...blocks.map((b) => join(REPO, 'demands', `${b.id}.yaml`)),
      ...languages.map((l) => join(REPO, 'locales', l, 'demands.yaml')),
    ]) {
      const doc = parse(read(file)) as Record<string, unknown>;
      const maps = file.includes('locales') ? Object.values(doc) : [doc];
      for (const m of maps as Record<string, unknown>[])
        if ('variants' in m) expect(Object.keys(m).at(-1), file).toBe('variants');
    }
  });
});

describe('init → new for another state with the neutral library', () => {
  it('copies no wording of the bundled letters, and the letter checks and renders with its forms', async () => {
    const ws = join(mkdtempSync(join(tmpdir(), 'openletter-neutral-')), 'belarus');
    const cli = (...args: string[]) => runCli(['-w', ws, ...args]);
    expect((await runCli(['init', ws, '--name', 'Coalition for Human Rights in Belarus'])).code).toBe(0);
    rmSync(join(ws, 'campaigns/example-letter.yaml')); // the coordinator starts their own letter instead
    for (const f of readdirSync(join(ws, 'demands'))) expect(read(join(ws, 'demands', f))).not.toMatch(ICNK_WORDING);
    for (const lng of ['fr', 'ko', 'ja', 'zh-Hans', 'es'])
      expect(read(join(ws, 'locales', lng, 'demands.yaml'))).not.toMatch(ICNK_WORDING);

    const demands = 'ohchr-presence,special-rapporteur-access,separated-families,right-to-leave,detention-monitoring';
    const made = await cli(
      'new',
      '2026-belarus',
      '--recipient',
      'Alexander Lukashenko',
      '--demands',
      demands,
      '--lang',
      'en,ko',
      '--param',
      'country=Belarus',
    );
    expect(made.code).toBe(0);
    // The English texts ask for "in Belarus": new writes the form to fill in, and says so.
    expect(made.stdout).toMatch(/still to write .*params\.country\.in/);
    const file = join(ws, 'campaigns/2026-belarus.yaml');
    const skeleton = read(file);
    expect(parse(skeleton)).toMatchObject({ params: { country: { name: 'Belarus', in: 'TODO: country.in' } } });
    writeFileSync(
      file,
      skeleton
        .replace('TODO: country.in', 'in Belarus')
        .replace(`"TODO: the recipient's title"`, 'President of the Republic of Belarus')
        .replace('"TODO: His Excellency …, President of …"', 'His Excellency the President of the Republic of Belarus')
        .replace('"TODO: street, city"', 'Minsk')
        .replace('"TODO: country"', 'Belarus'),
    );
    mkdirSync(join(ws, 'locales/ko/campaigns'), { recursive: true });
    writeFileSync(
      join(ws, 'locales/ko/campaigns/2026-belarus.yaml'),
      `title: 알렉산드르 루카셴코 대통령에게 보내는 공개서한
params: { country: 벨라루스 }
recipient:
  name: 알렉산드르 루카셴코
  titles: [벨라루스 공화국 대통령]
  address: [민스크, 벨라루스]
salutation: 알렉산드르 루카셴코 대통령님께
opening:
  - "저희 서명 단체들은 귀하께서 다음과 같은 조치를 취해 주실 것을 촉구합니다:"
closing:
  - 검토해 주셔서 감사합니다.
`,
    );

    const check = await cli('--format', 'json', 'check');
    const diagnostics = (JSON.parse(check.stdout) as { diagnostics: { code: string; message: string }[] }).diagnostics;
    expect(diagnostics.filter((d) => d.code === 'text/unknown-form')).toEqual([]);
    expect(diagnostics.filter((d) => d.code.startsWith('i18n/') || d.code.startsWith('text/'))).toEqual([]);

    const rendered = await cli('render', '2026-belarus', '--format', 'md');
    expect(rendered.code).toBe(0);
    const en = read(join(ws, 'out/2026-belarus/en.md'));
    expect(en).toContain('Office of the High Commissioner for Human Rights in Belarus to help');
    expect(en).toContain('on the situation of human rights in Belarus, including');
    expect(en).not.toMatch(ICNK_WORDING);
    const ko = read(join(ws, 'out/2026-belarus/ko.md'));
    expect(ko).toContain('유엔 인권최고대표사무소가 벨라루스에 주재하는');
    // The particle follows the name: 벨라루스 ends in a vowel.
    expect(ko).toContain('벨라루스를 방문할 수 있도록');
    expect(ko).not.toMatch(ICNK_WORDING);
  });
});
