import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../src/load/load-workspace.js';
import { exportUnits } from '../src/translations/export-translations.js';
import { translationStatus } from '../src/translations/translation-status.js';
import { toCsv } from '../src/translations/translation-units.js';
import { toXliff } from '../src/translations/xliff.js';
import { MINI, readText, runCli, tempWorkspace } from './helpers/workspace.js';

/**
 * Translator files as real CAT tools send them back, built from openletter's own export of the
 * mini workspace (so keys and fingerprints are real) and rewritten the way each tool writes XLIFF.
 */
const KO_DEMANDS = 'locales/ko/demands.yaml';
const ILO = 'demands:join-ilo.text.0';
const TITLE = 'demands:join-ilo.title';

function workspace(): string {
  const dir = tempWorkspace(MINI);
  const locale = join(dir, 'locales/ko/locale.yaml');
  writeFileSync(locale, `${readText(locale)}scripts: [Hangul]\n`);
  return dir;
}

/** The export of every ko text, with two texts missing (so the import adds them). */
function exported(dir: string): string {
  writeFileSync(join(dir, KO_DEMANDS), readText(join(dir, KO_DEMANDS)).replace(/join-ilo:[\s\S]*$/, ''));
  return toXliff(exportUnits(loadWorkspace(dir).value, 'ko'));
}

const unit = (xlf: string, key: string) => new RegExp(`(<trans-unit id="${key}"[^>]*>)([\\s\\S]*?)(</trans-unit>)`);

/** Replace one unit's target (and optionally attributes) the way a tool writes it. */
function fill(xlf: string, key: string, target: string, unitAttrs = '', extra = ''): string {
  return xlf.replace(unit(xlf, key), (_m, open: string, body: string, close: string) => {
    const source = /<source>([\s\S]*?)<\/source>/.exec(body)![1]!;
    const notes = body.match(/<note[\s\S]*?<\/note>/g)!.join('\n        ');
    return `${open.replace('>', `${unitAttrs}>`)}
        <source>${source}</source>
        <seg-source><mrk mtype="seg" mid="1">${source}</mrk></seg-source>
        ${target}
        ${extra}${notes}
      ${close}`;
  });
}

async function importFile(dir: string, name: string, data: string | Buffer, ...args: string[]) {
  writeFileSync(join(dir, name), data);
  return runCli(['-w', dir, 'translations', 'import', join(dir, name), ...args]);
}

describe('XLIFF from CAT tools', () => {
  it('Trados: segments in <mrk>, text in <g>, codes kept, &#160;, ko-KR, confirmation in <sdl:seg-defs>', async () => {
    const dir = workspace();
    let xlf = exported(dir)
      .replace('<xliff version="1.2"', '<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" version="1.2"')
      .replace('target-language="ko"', 'target-language="ko-KR"');
    xlf = fill(
      xlf,
      ILO,
      '<target><mrk mtype="seg" mid="1"><ph id="1" ctype="x-bold">**</ph><g id="5">국제노동기구</g><ph id="2" ctype="x-bold">**</ph>(ILO)&#160;회원국 가입을 신청할 것.</mrk></target>',
      '',
      '<sdl:seg-defs><sdl:seg id="1" conf="Translated" origin="interactive"/></sdl:seg-defs>\n        ',
    );
    xlf = fill(
      xlf,
      TITLE,
      '<target><mrk mtype="seg" mid="1">국제노동기구 가입</mrk></target>',
      '',
      '<sdl:seg-defs><sdl:seg id="1" conf="ApprovedTranslation"/></sdl:seg-defs>\n        ',
    );
    const r = await importFile(dir, 'ko.sdlxliff', xlf);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^imported ko: 2 added, 0 updated, 0 unchanged\n/);
    const ko = readText(join(dir, KO_DEMANDS));
    expect(ko).toContain('title: 국제노동기구 가입');
    expect(ko).toContain('- item: "**국제노동기구**(ILO)\u00A0회원국 가입을 신청할 것."');
    const after = loadWorkspace(dir).value;
    expect(after.locales.get('ko')!.translations.get(ILO)!.text).toBe(
      '**국제노동기구**(ILO)\u00A0회원국 가입을 신청할 것.',
    );
  });

  it('memoQ: bpt/ept codes, mq:status; an "Edited" draft is not imported', async () => {
    const dir = workspace();
    let xlf = exported(dir).replace('<xliff version="1.2"', '<xliff xmlns:mq="MQXliff" version="1.2"');
    xlf = fill(
      xlf,
      ILO,
      '<target><mrk mtype="seg" mid="1"><bpt id="1">**</bpt>국제노동기구<ept id="1">**</ept>(ILO) 회원국 가입을 신청할 것.</mrk></target>',
      ' mq:status="ManuallyConfirmed"',
    );
    xlf = fill(
      xlf,
      TITLE,
      '<target><mrk mtype="seg" mid="1">국제노동기구 가입 초안</mrk></target>',
      ' mq:status="Edited"',
    );
    const r = await importFile(dir, 'ko.mqxliff', xlf);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/imported ko: 1 added, 0 updated, 0 unchanged, 1 not confirmed/);
    expect(r.stdout).toContain(`  ? ${TITLE}`);
    const ko = readText(join(dir, KO_DEMANDS));
    expect(ko).toContain('- item: "**국제노동기구**(ILO) 회원국 가입을 신청할 것."');
    expect(ko).not.toContain('초안');
  });

  it('OmegaT: units inside <group>s, no state attribute, <x/> codes counted', async () => {
    const dir = workspace();
    let xlf = exported(dir);
    xlf = fill(
      xlf,
      ILO,
      '<target><ph id="1" ctype="x-bold">**</ph>국제노동기구<ph id="2" ctype="x-bold">**</ph>(ILO) 회원국 가입을<x id="9"/> 신청할 것.</target>',
    );
    xlf = fill(xlf, TITLE, '<target>국제노동기구 가입</target>');
    xlf = xlf
      .replace('<body>', '<body>\n<group id="omegat-1"><group id="demands">')
      .replace('</body>', '</group></group>\n</body>');
    const r = await importFile(dir, 'ko.xlf', xlf);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/imported ko: 2 added/);
    expect(r.stdout).toMatch(/1 <x\/>\/<bx\/>\/<ex\/> code\(s\) carry no text and were left out/);
  });

  it('an untouched export of stale texts keeps them stale (state needs-review-translation)', async () => {
    const dir = workspace();
    await runCli(['-w', dir, 'translations', 'stamp', '--lang', 'ko']);
    const rel = 'demands/join-ilo.yaml';
    writeFileSync(
      join(dir, rel),
      readText(join(dir, rel)).replace('Apply for membership', 'Apply at once for membership'),
    );
    const before = loadWorkspace(dir).value;
    const stale = (p: typeof before) =>
      translationStatus(p)
        .rows.filter((x) => x.locale === 'ko' && x.state === 'stale')
        .map((x) => x.key);
    expect(stale(before)).toEqual([ILO]);
    const xlf = toXliff(exportUnits(before, 'ko'));
    expect(xlf).toContain('state="needs-review-translation"');
    // The English the translation was made from, as the previous version and as a word diff.
    const body = unit(xlf, ILO).exec(xlf)![2]!;
    expect(body).toMatch(
      /<alt-trans alttranstype="previous-version">\s*<source>Apply for membership of the <ph id="1"/,
    );
    expect(body).toMatch(/<alt-trans[\s\S]*<target><ph id="1" ctype="x-bold">\*\*<\/ph>국제노동기구/);
    expect(body).toMatch(
      /<note from="source-change">The English changed since this was translated: Apply {\+at once \+}for membership/,
    );
    const r = await importFile(dir, 'ko.xlf', xlf);
    expect(r.stdout).toMatch(/0 added, 0 updated, 1 unchanged, 1 not confirmed/);
    expect(stale(loadWorkspace(dir).value)).toEqual([ILO]);
    // The same file, confirmed in the tool (state translated): now it is the reviewed translation.
    await importFile(dir, 'ko.xlf', xlf.replace('state="needs-review-translation"', 'state="translated"'));
    expect(stale(loadWorkspace(dir).value)).toEqual([]);
    // The store now holds the English it was confirmed against, and no longer the English before.
    const store = readText(join(dir, 'locales/ko/source-texts.json'));
    expect(store).toContain('Apply at once for membership');
    expect(store).not.toContain('Apply for membership');
  });

  it('a CSV export of stale texts leaves the translation cell empty, so an untouched file changes nothing', async () => {
    const dir = workspace();
    await runCli(['-w', dir, 'translations', 'stamp', '--lang', 'ko']);
    const rel = 'demands/join-ilo.yaml';
    writeFileSync(
      join(dir, rel),
      readText(join(dir, rel)).replace('Apply for membership', 'Apply at once for membership'),
    );
    const csv = toCsv(exportUnits(loadWorkspace(dir).value, 'ko'));
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFkey,context,"source (en)","changes in the source",translation,"previous translation","previous source (en)",source_hash,language',
    );
    // What changed in the English, then the empty translation cell, the old translation and the old English.
    expect(csv).toMatch(/"Apply {\+at once \+}for membership[^"]*",,"\*\*국제노동기구\*\*[^"]*","Apply for membership/);
    const r = await importFile(dir, 'ko.csv', csv);
    expect(r.stdout).toMatch(/0 added, 0 updated, 0 unchanged/);
  });

  it('refuses a Japanese file labelled ko, and says which language it looks like', async () => {
    const dir = workspace();
    let xlf = exported(dir);
    xlf = fill(
      xlf,
      ILO,
      '<target state="translated"><ph id="1">**</ph>国際労働機関<ph id="2">**</ph>（ILO）への加盟を申請すること。</target>',
    );
    xlf = fill(xlf, TITLE, '<target state="translated">国際労働機関への加盟</target>');
    const r = await importFile(dir, 'ja.xlf', xlf);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /ja\.xlf is labelled ko, but its translations are written in Han, Hiragana, Latin, not Hangul \[i18n\/wrong-file\]/,
    );
    expect(readText(join(dir, KO_DEMANDS))).not.toContain('国際');
  });

  it('refuses a CSV whose source and translation columns were swapped', async () => {
    const dir = workspace();
    const units = exportUnits(loadWorkspace(dir).value, 'ko', { all: true });
    const swapped = { ...units, units: units.units.map((u) => ({ ...u, source: u.target, target: u.source })) };
    const r = await importFile(dir, 'ko.csv', toCsv(swapped));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /ko\.csv:2:1: error: the source of "demands:icrc-visits\.title" is not its English text, and the translation is: the source and translation columns are swapped/,
    );
  });

  it('refuses a translation that drops a {{parameter}} or a marker, at its unit', async () => {
    const dir = workspace();
    const xlf = fill(
      exported(dir),
      ILO,
      '<target state="translated">국제노동기구(ILO) 회원국 가입을 신청할 것.</target>',
    );
    const r = await importFile(dir, 'ko.xlf', xlf);
    expect(r.code).toBe(1);
    const line = xlf.slice(0, xlf.indexOf(`"${ILO}"`)).split('\n').length;
    expect(r.stderr).toContain(`ko.xlf:${line}:`);
    expect(r.stderr).toMatch(
      /the translation of "demands:join-ilo\.text\.0" lacks \*\* \*\* \[i18n\/placeholder-mismatch\]/,
    );
  });

  it('honours the encoding an XLIFF declares, and reads a CSV Excel saved in the Korean code page', async () => {
    const dir = workspace();
    const xlf = fill(exported(dir), TITLE, '<target state="translated">국제노동기구 가입</target>');
    // Korean cannot be written in Shift_JIS: EUC-KR declared instead, the same mechanism.
    const euc = xlf.replace('encoding="UTF-8"', 'encoding="EUC-KR"');
    const r = await importFile(dir, 'ko.xlf', iconv.encode(euc, 'euc-kr'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^read .*ko\.xlf as EUC-KR \(CP949\) \(declared\)\n/);
    expect(readText(join(dir, KO_DEMANDS))).toContain('title: 국제노동기구 가입');
    const csvDir = workspace();
    const units = exportUnits(loadWorkspace(csvDir).value, 'ko', { all: true });
    const edited = {
      ...units,
      units: units.units.map((u) => (u.key === TITLE ? { ...u, target: '국제노동기구에 가입' } : u)),
    };
    const csv = await importFile(csvDir, 'ko.csv', iconv.encode(toCsv(edited).slice(1), 'cp949'));
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout).toMatch(/as EUC-KR \(CP949\) \(detected\)\nimported ko: 0 added, 1 updated/);
    expect(readText(join(csvDir, KO_DEMANDS))).toContain('title: 국제노동기구에 가입');
  });

  it('a file for the source language, or not well-formed, is a located error (exit 1), not a crash', async () => {
    const dir = workspace();
    const en = await importFile(dir, 'en.xlf', exported(dir).replace('target-language="ko"', 'target-language="en"'));
    expect(en.code).toBe(1);
    expect(en.stderr).toMatch(/en\.xlf is for en, the source language/);
    const broken = await importFile(
      dir,
      'bad.xlf',
      '<?xml version="1.0"?>\n<xliff version="1.2">\n  <file><body></file>\n</xliff>\n',
    );
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/bad\.xlf:3:\d+: error: .*not well-formed XML.* \[i18n\/unreadable-file\]/);
    const bomb = await importFile(dir, 'bomb.xlf', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><xliff/>');
    expect(bomb.stderr).toMatch(/no DOCTYPE or entity declarations/);
    expect(readFileSync(join(dir, KO_DEMANDS), 'utf8')).not.toContain('ILO');
  });
});
