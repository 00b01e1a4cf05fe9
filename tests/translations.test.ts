import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../src/load/load-workspace.js';
import { translationDiagnostics, translationStatus } from '../src/translations/translation-status.js';
import { exportUnits } from '../src/translations/export-translations.js';
import { parseUnitFile, toCsv } from '../src/translations/translation-units.js';
import { toXliff } from '../src/translations/xliff.js';
import { planTranslationImport, planStamp } from '../src/translations/import-translations.js';
import { writeFilesAtomic } from '../src/output/write-files-atomic.js';
import { MINI, runCli, tempWorkspace } from './helpers/workspace.js';

const KO_DEMANDS = 'locales/ko/demands.yaml';

function stateOf(ws: string, key: string) {
  const p = loadWorkspace(ws).value;
  return translationStatus(p).rows.find((r) => r.locale === 'ko' && r.key === key)?.state;
}

describe('translation status', () => {
  it('sees translated, missing, stale and identical texts', () => {
    const ws = tempWorkspace();
    // stamp: the Korean was made from the current English
    writeFilesAtomic(ws, planStamp(loadWorkspace(ws).value, 'ko'));
    expect(stateOf(ws, 'demands:icrc-visits.text.0')).toBe('translated');
    // missing: drop the Korean of the ILO block
    const ko = readFileSync(join(ws, KO_DEMANDS), 'utf8');
    writeFileSync(join(ws, KO_DEMANDS), ko.replace(/join-ilo:[\s\S]*$/, ''));
    expect(stateOf(ws, 'demands:join-ilo.text.0')).toBe('missing');
    // stale: the English changed after the translation was made
    const en = join(ws, 'demands/icrc-visits.yaml');
    writeFileSync(
      en,
      readFileSync(en, 'utf8').replace('all places of detention', 'all prisons and places of detention'),
    );
    expect(stateOf(ws, 'demands:icrc-visits.text.0')).toBe('stale');
    // identical: the "translation" is the English prose
    writeFileSync(
      join(ws, KO_DEMANDS),
      readFileSync(join(ws, KO_DEMANDS), 'utf8').replace(
        '구금 시설에 대한 ICRC 방문',
        'ICRC visits to places of detention',
      ),
    );
    expect(stateOf(ws, 'demands:icrc-visits.title')).toBe('identical');
  });

  it('flags a Korean text written in another script', () => {
    const ws = tempWorkspace(undefined, {
      'locales/ko/locale.yaml':
        readFileSync(join(tempWorkspace(), 'locales/ko/locale.yaml'), 'utf8') + 'scripts: [Hangul]\n',
    });
    writeFileSync(
      join(ws, KO_DEMANDS),
      readFileSync(join(ws, KO_DEMANDS), 'utf8').replace('국제노동기구 가입', 'Rejoindre l’OIT'),
    );
    expect(stateOf(ws, 'demands:join-ilo.title')).toBe('wrong-script');
  });

  it('reports a translation that drops a parameter or markup, and a key with no source', () => {
    const ws = tempWorkspace();
    const ko = readFileSync(join(ws, KO_DEMANDS), 'utf8');
    writeFileSync(
      join(ws, KO_DEMANDS),
      ko.replace('{{country_short}}의', '북한의').replace('"*국제적십자위원회*의', '"국제적십자위원회의') +
        'icrc-vists:\n  title: 오타\n',
    );
    const { diagnostics } = translationStatus(loadWorkspace(ws).value);
    const codes = diagnostics.map((d) => `${d.code} ${d.message}`);
    expect(codes).toContainEqual(
      expect.stringMatching(/^i18n\/placeholder-mismatch .*icrc-visits\.text\.0.* drops \{\{country_short\}\}/),
    );
    expect(codes).toContainEqual(
      expect.stringMatching(/^i18n\/placeholder-mismatch .*icrc-visits\.variants\.bullets\.0.*italic/),
    );
    expect(codes).toContainEqual(expect.stringMatching(/^i18n\/unknown-key .*icrc-vists\.title/));
  });

  it('lets a language whose type has no italics print the English italic words plain', () => {
    // English italicises a term (*International Committee of the Red Cross*); Korean set with bold
    // emphasis would print it bold, so its translation may leave the marks out (the default, italic, may not).
    const locale = readFileSync(join(tempWorkspace(), 'locales/ko/locale.yaml'), 'utf8');
    const ws = tempWorkspace(undefined, { 'locales/ko/locale.yaml': `${locale}typography: { emphasis: bold }\n` });
    const ko = readFileSync(join(ws, KO_DEMANDS), 'utf8');
    expect(ko).toContain('"*국제적십자위원회*의');
    writeFileSync(join(ws, KO_DEMANDS), ko.replace('"*국제적십자위원회*의', '"국제적십자위원회의'));
    const codes = translationStatus(loadWorkspace(ws).value).diagnostics.map((d) => `${d.code} ${d.message}`);
    expect(codes.filter((c) => c.includes('icrc-visits.variants.bullets.0'))).toEqual([]);
  });

  it('a stale translation shows the English it was made from and the English now, word by word', async () => {
    const ws = tempWorkspace();
    expect((await runCli(['-w', ws, 'translations', 'stamp', '--lang', 'ko'])).stdout).toBe('ko: stamped\n');
    const store = join(ws, 'locales/ko/source-texts.json');
    const lock = JSON.parse(readFileSync(join(ws, 'locales/ko/sources.lock.json'), 'utf8')) as Record<string, string>;
    const recorded = JSON.parse(readFileSync(store, 'utf8')) as Record<string, string>;
    // Exactly the English the lock points at, sorted by fingerprint: the same workspace, the same bytes.
    expect(Object.keys(recorded)).toEqual([...new Set(Object.values(lock))].sort());
    expect(Object.values(recorded)).toContain('ICRC visits to places of detention');
    expect(planStamp(loadWorkspace(ws).value, 'ko').size).toBe(0);

    const en = join(ws, 'demands/icrc-visits.yaml');
    writeFileSync(en, readFileSync(en, 'utf8').replace('to visit all places', 'to visit, without notice, all places'));
    const check = await runCli(['-w', ws, 'check']);
    expect(check.stdout).toMatch(
      /ko translation of "icrc-visits\.text\.0" was made from an older English text \[i18n\/stale\]\n(.*\n){3}  the English since it was translated: ….*\(ICRC\) to visit{\+, without notice, \+}all places of detention in the {{country_short}}\.\n/,
    );
    const list = await runCli(['-w', ws, 'translations', '--list', '--lang', 'ko']);
    expect(list.stdout).toMatch(
      /ko {2}stale {8}demands:icrc-visits\.text\.0 {2}\(demands\/icrc-visits\.yaml\)\n {4}the English since it was translated: .*to visit{\+, without notice, \+}all/,
    );

    // Stamped again: the store follows the lock, and the English before is no longer kept.
    await runCli(['-w', ws, 'translations', 'stamp', '--lang', 'ko']);
    expect(readFileSync(store, 'utf8')).toContain('to visit, without notice, all places');
    expect(readFileSync(store, 'utf8')).not.toContain('(ICRC) to visit all places');
  });

  it('says when the English a stale translation was made from was never recorded', async () => {
    const ws = tempWorkspace();
    await runCli(['-w', ws, 'translations', 'stamp', '--lang', 'ko']);
    rmSync(join(ws, 'locales/ko/source-texts.json'));
    const en = join(ws, 'demands/icrc-visits.yaml');
    writeFileSync(en, readFileSync(en, 'utf8').replace('to visit all places', 'to visit, without notice, all places'));
    const stale = translationDiagnostics(loadWorkspace(ws).value).filter((d) => d.code === 'i18n/stale');
    expect(stale.map((d) => [d.hint, d.change])).toEqual([
      [expect.stringMatching(/\(the English it was made from was not recorded/), undefined],
    ]);
  });

  it('reports a source-texts.json that is not a map of fingerprints to texts, at the file', async () => {
    const ws = tempWorkspace(undefined, { 'locales/ko/source-texts.json': '{ "not-a-hash": 3 }\n' });
    const r = await runCli(['-w', ws, 'check']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^locales\/ko\/source-texts\.json:1:1: error: locales\/ko\/source-texts\.json is not a map of 12-digit fingerprints to texts \[schema\/invalid\]$/m,
    );
  });

  it('the CLI exits 1 when a language a campaign asks for is incomplete', async () => {
    const ws = tempWorkspace();
    expect((await runCli(['--workspace', ws, 'translations'])).code).toBe(0);
    writeFileSync(join(ws, KO_DEMANDS), readFileSync(join(ws, KO_DEMANDS), 'utf8').replace(/join-ilo:[\s\S]*$/, ''));
    const r = await runCli(['--workspace', ws, 'translations', '--list']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/ko\s+missing\s+demands:join-ilo\.text\.0/);
  });
});

describe('export and import', () => {
  it.each(['xliff', 'csv'] as const)('a %s round trip of every text leaves locales/ unchanged', (format) => {
    const ws = tempWorkspace();
    writeFilesAtomic(ws, planStamp(loadWorkspace(ws).value, 'ko'));
    const before = readFileSync(join(ws, KO_DEMANDS), 'utf8');
    const campBefore = readFileSync(join(ws, 'locales/ko/campaigns/2020-test-letter.yaml'), 'utf8');
    const p = loadWorkspace(ws).value;
    const units = exportUnits(p, 'ko', { all: true });
    expect(units.units.length).toBeGreaterThan(10);
    const text = format === 'xliff' ? toXliff(units) : toCsv(units);
    const r = planTranslationImport(p, 'ko', parseUnitFile(text, format), `ko.${format}`);
    expect(r.diagnostics).toEqual([]);
    expect(r.added).toEqual([]);
    expect(r.updated).toEqual([]);
    writeFilesAtomic(ws, r.files);
    expect(readFileSync(join(ws, KO_DEMANDS), 'utf8')).toBe(before);
    expect(readFileSync(join(ws, 'locales/ko/campaigns/2020-test-letter.yaml'), 'utf8')).toBe(campBefore);
  });

  it('exports only what is missing, and imports it into place keeping comments', () => {
    const ws = tempWorkspace();
    const ko = readFileSync(join(ws, KO_DEMANDS), 'utf8');
    writeFileSync(
      join(ws, KO_DEMANDS),
      `# Korean demand texts — reviewed by the Seoul office\n${ko.replace(/join-ilo:[\s\S]*$/, '')}`,
    );
    const p = loadWorkspace(ws).value;
    const units = exportUnits(p, 'ko');
    expect(units.units.map((u) => u.key).sort()).toEqual(['demands:join-ilo.text.0', 'demands:join-ilo.title']);
    // The translator keeps the source's inline codes (<ph>) and translates the text between them.
    const xlf = toXliff(units).replace(
      /<source>(.*?)<\/source>(\s*)<target state="new"><\/target>/g,
      (_m, source: string, space: string) =>
        `<source>${source}</source>${space}<target state="translated">${source
          .split(/(<ph[^>]*>[^<]*<\/ph>)/)
          .map((part) => (part.startsWith('<ph') || !part ? part : '번역'))
          .join('')}</target>`,
    );
    const r = planTranslationImport(p, 'ko', parseUnitFile(xlf, 'xliff'), 'ko.xlf');
    expect(r.diagnostics).toEqual([]);
    expect(r.added.sort()).toEqual(['demands:join-ilo.text.0', 'demands:join-ilo.title']);
    writeFilesAtomic(ws, r.files);
    const after = readFileSync(join(ws, KO_DEMANDS), 'utf8');
    expect(after.startsWith('# Korean demand texts — reviewed by the Seoul office\n')).toBe(true);
    expect(after).toMatch(/join-ilo:\n\s+title: 번역\n\s+text:\n\s+- item: 번역\*\*번역\*\*번역\n/);
    const again = loadWorkspace(ws).value;
    expect(translationStatus(again).rows.filter((x) => x.locale === 'ko' && x.state !== 'translated')).toEqual([]);
  });

  it.each(['xliff', 'csv'] as const)(
    'a %s import creates the translation file of a letter with a heading and a CC list',
    async (format) => {
      // A new letter: no locales/ko/campaigns/<id>.yaml yet, and texts under sections[0] and cc[0].
      const ws = tempWorkspace(undefined, {
        'locales/ko/campaigns/2020-test-letter.yaml': null,
        'campaigns/2020-test-letter.yaml':
          readFileSync(join(MINI, 'campaigns/2020-test-letter.yaml'), 'utf8') +
          'cc: [{ name: Ja Song Nam, lines: [Ambassador, Permanent Mission] }]\n',
      });
      const units = exportUnits(loadWorkspace(ws).value, 'ko');
      const keys = units.units.map((u) => u.key);
      expect(keys).toContain('campaigns:2020-test-letter.sections.0.heading');
      expect(keys).toContain('campaigns:2020-test-letter.cc.0.lines.1');
      const filled = {
        ...units,
        units: units.units.map((u) => ({ ...u, target: `번역 ${u.key.split('.').slice(1).join(' ')}` })),
      };
      const file = writeTemp(ws, `ko.${format}`, format === 'xliff' ? toXliff(filled) : toCsv(filled));
      const dry = await runCli(['--workspace', ws, 'translations', 'import', file, '--lang', 'ko', '--dry-run']);
      expect(dry.stderr).not.toMatch(/internal error/);
      expect(dry.code).toBe(0);
      expect(existsSync(join(ws, 'locales/ko/campaigns/2020-test-letter.yaml'))).toBe(false);
      const r = await runCli(['--workspace', ws, 'translations', 'import', file, '--lang', 'ko']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const written = readFileSync(join(ws, 'locales/ko/campaigns/2020-test-letter.yaml'), 'utf8');
      expect(written).toMatch(/sections:\n {2}- heading: 번역 sections 0 heading\n/);
      expect(written).toMatch(
        /cc:\n {2}- name: 번역 cc 0 name\n {4}lines:\n {6}- 번역 cc 0 lines 0\n {6}- 번역 cc 0 lines 1\n/,
      );
      const check = await runCli(['--workspace', ws, 'translations', '--lang', 'ko', '--campaign', '2020-test-letter']);
      expect(check.code).toBe(0);
      expect(check.stdout).toMatch(/^ko +\d+ +0 +0 /m);
    },
  );

  it('refuses an import whose English source changed since export', () => {
    const ws = tempWorkspace();
    const units = exportUnits(loadWorkspace(ws).value, 'ko', { all: true });
    const en = join(ws, 'demands/join-ilo.yaml');
    writeFileSync(en, readFileSync(en, 'utf8').replace('Apply for membership', 'Apply at once for membership'));
    const r = planTranslationImport(loadWorkspace(ws).value, 'ko', parseUnitFile(toXliff(units), 'xliff'), 'ko.xlf');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['i18n/stale']);
    // The English the file was made from against the English now, word by word.
    expect(r.diagnostics[0]!.change?.parts.filter((p) => p.kind !== 'same')).toEqual([
      { kind: 'added', text: 'at once ' },
    ]);
    expect(r.files.size).toBe(0);
  });

  it('refuses an import file for another language', async () => {
    const ws = tempWorkspace();
    const units = exportUnits(loadWorkspace(ws).value, 'ko', { all: true });
    const r = await runCli([
      '--workspace',
      ws,
      'translations',
      'import',
      writeTemp(ws, 'fr.xlf', toXliff({ ...units, targetLanguage: 'fr' })),
      '--lang',
      'ko',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/holds fr translations, not ko \[i18n\/wrong-file\]/);
  });
});

function writeTemp(dir: string, name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}
