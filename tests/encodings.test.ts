import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, replacementChars } from '../src/load/decode-text.js';
import { MINI, readText, runCli, tempWorkspace } from './helpers/workspace.js';

const ROSTER = readText(join(MINI, 'signatories.yaml'));
const import_ = (dir: string, ...extra: string[]) =>
  runCli(['-w', dir, 'signatories', 'import', join(dir, 'signon.csv'), '--campaign', '2020-test-letter', ...extra]);

/** A sign-on CSV as Excel saves it on a Windows machine set to `encoding`'s region. */
function excelCsv(dir: string, text: string, encoding: string): void {
  writeFileSync(join(dir, 'signon.csv'), iconv.encode(text.replace(/\n/g, '\r\n'), encoding));
}

describe('decoding files by kind', () => {
  it('UTF-8 with and without a BOM, the same text', () => {
    const plain = decodeText(Buffer.from('name: Société\n'), 'a.yaml', 'workspace').value!;
    const bom = decodeText(Buffer.from('\uFEFFname: Société\n'), 'a.yaml', 'workspace').value!;
    expect(plain).toEqual({ text: 'name: Société\n', encoding: 'utf-8', how: 'utf-8' });
    expect(bom.text).toBe(plain.text);
  });
  it('a workspace file in Windows-1252 is refused, naming the file, the place and the likely encoding', () => {
    const r = decodeText(
      iconv.encode('name: ok\ntitle: Société Générale des Droits\n', 'windows-1252'),
      'a.yaml',
      'workspace',
    );
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.message, d.span?.start])).toEqual([
      ['file/encoding', 'a.yaml is not UTF-8; it looks like Windows-1252', 20],
    ]);
    // The span points into the lossy decoding, at the first byte that is not UTF-8 ("é").
    expect(r.lossy!.slice(20, 21)).toBe('\uFFFD');
    expect(r.diagnostics[0]!.hint).toMatch(/save it as UTF-8/);
  });
  it('UTF-16 workspace files get a message that says UTF-16; UTF-16 tables are read', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name: x\n', 'utf16le')]);
    expect(decodeText(le, 'a.yaml', 'workspace').diagnostics[0]!.message).toBe(
      'a.yaml is UTF-16 LE (it starts with a UTF-16 byte order mark); workspace files must be UTF-8',
    );
    const noBom = Buffer.from('name: x\ntitle: y\n', 'utf16le');
    expect(decodeText(noBom, 'a.yaml', 'workspace').diagnostics[0]!.message).toMatch(
      /UTF-16 LE without a byte order mark/,
    );
    expect(decodeText(le, 't.csv', 'table').value).toMatchObject({ text: 'name: x\n', encoding: 'utf-16le' });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('단체명\t국가\n', 'utf-16be')]);
    expect(decodeText(be, 't.csv', 'table').value?.text).toBe('단체명\t국가\n');
  });
  it('tables in Windows code pages are decoded; an XML declaration is honoured', () => {
    for (const [enc, text, expected] of [
      ['windows-1252', 'Nom,Pays\nSociété Générale,France\nÇa Ira,Côte d’Ivoire\n', 'windows-1252'],
      ['shift_jis', '団体名,国\n日本の人権団体,日本\nヒューマンライツ・ナウ,日本\n', 'cp932'],
      ['cp949', '단체명,국가\n북한인권시민연합,대한민국\n똠방각하,한국\n', 'cp949'],
    ] as const) {
      const r = decodeText(iconv.encode(text, enc), 't.csv', 'table').value!;
      expect([r.text, r.encoding, r.how], enc).toEqual([text, expected, 'detected']);
    }
    const xml = `<?xml version="1.0" encoding="Shift_JIS"?>\n<xliff><target>日本語</target></xliff>\n`;
    expect(decodeText(iconv.encode(xml, 'shift_jis'), 'ja.xlf', 'xml').value).toMatchObject({
      text: xml,
      how: 'declared',
    });
    // No declaration: XML is UTF-8, and bytes that are not are refused, not guessed.
    const undeclared = decodeText(iconv.encode('<xliff><target>été</target></xliff>', 'windows-1252'), 'fr.xlf', 'xml');
    expect(undeclared.diagnostics[0]!.message).toBe('fr.xlf is not UTF-8; it looks like Windows-1252');
    expect(undeclared.diagnostics[0]!.span!.start).toBe(15);
    expect(decodeText(Buffer.from('x'), 't.csv', 'table', { encoding: 'klingon' }).diagnostics[0]!.message).toBe(
      'unknown encoding "klingon"',
    );
  });
  it('U+FFFD is an error at each place it stands', () => {
    const ds = replacementChars('a: ok\nb: Soci\uFFFDt\uFFFD\n', 'x.yaml');
    expect(ds.map((d) => [d.code, d.span!.start])).toEqual([
      ['text/replacement-char', 13],
      ['text/replacement-char', 15],
    ]);
  });
});

describe('sign-on CSVs saved by Excel in a Windows code page', () => {
  it('Windows-1252, Shift_JIS and EUC-KR/CP949 are read as such, and the report says so', async () => {
    for (const [enc, name, country, shown] of [
      ['windows-1252', 'Société Générale des Droits', 'France', 'Windows-1252'],
      ['shift_jis', 'ヒューマンライツ・ナウ東京', '日本', 'Shift_JIS'],
      ['cp949', '북한인권시민연합서울', '대한민국', 'EUC-KR (CP949)'],
    ] as const) {
      const dir = tempWorkspace(MINI);
      const head = enc === 'shift_jis' ? '団体名,国' : enc === 'cp949' ? '단체명,국가' : 'Organisation name,Country';
      excelCsv(dir, `${head}\n${name},${country}\n`, enc);
      const r = await import_(dir, '--write');
      expect(r.stdout, enc).toMatch(new RegExp(`as ${shown.replace(/[()]/g, '\\$&')}`));
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(join(dir, 'signatories.yaml'), 'utf8')).toContain(`name: ${name}\n`);
      expect((await runCli(['-w', dir, 'check'])).stdout).not.toMatch(/error/);
    }
  });
  it('--encoding overrides the guess', async () => {
    const dir = tempWorkspace(MINI);
    excelCsv(dir, 'Organisation name,Country\nŁódź Rights,Poland\n', 'windows-1250');
    const r = await import_(dir, '--encoding', 'windows-1250', '--write');
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'signatories.yaml'), 'utf8')).toContain('name: Łódź Rights\n');
  });
  it('a short sheet that Windows-1252 and Windows-1250 read differently is never written on the guess', async () => {
    const dir = tempWorkspace(MINI);
    // Too short for the detection to tell "naïve" (1252) from "naďve" (1250).
    excelCsv(dir, 'Name,Country\nJustice,FR\nnaïve naïve,JP\nSociété,KR\n', 'windows-1252');
    const written = await import_(dir, '--write');
    expect(written.code).toBe(1);
    expect(written.stderr).toMatch(
      /^\S*signon\.csv:1:1: error: cannot tell the encoding of \S*signon\.csv: Windows-125([02]) or Windows-125(?!\1)[02]; nothing written \[file\/encoding\]\n/,
    );
    expect(written.stderr).toMatch(/hint: name it with --encoding \(windows-125[02], windows-125[02]\)/);
    expect(readFileSync(join(dir, 'signatories.yaml'), 'utf8')).toBe(ROSTER);
    // The dry run reads it, and says which other encoding would read it differently.
    const dry = await import_(dir);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(
      /read \S*signon\.csv as Windows-125[02] \(detected; Windows-125[02] would read it differently\)/,
    );
    const named = await import_(dir, '--encoding', 'windows-1252', '--write');
    expect(named.code, named.stderr).toBe(0);
    expect(readFileSync(join(dir, 'signatories.yaml'), 'utf8')).toContain('name: naïve naïve\n');
  });
  it('a CSV holding U+FFFD (already damaged) imports nothing and says where', async () => {
    const dir = tempWorkspace(MINI, {
      'signon.csv': 'Organisation name,Country\nSoci\uFFFDt\uFFFD G\uFFFDn\uFFFDrale,FR\n',
    });
    const r = await import_(dir, '--write');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/signon\.csv:2:5: error: .*replacement character.* \[text\/replacement-char\]/);
    expect(r.stderr).toMatch(/nothing imported/);
    expect(readFileSync(join(dir, 'signatories.yaml'), 'utf8')).toBe(ROSTER);
  });
});

describe('workspace files that are not UTF-8', () => {
  it('check refuses a Windows-1252 demand block by name, at the first byte that is not UTF-8', async () => {
    const dir = tempWorkspace(MINI);
    const rel = 'demands/icrc-visits.yaml';
    writeFileSync(
      join(dir, rel),
      iconv.encode(readText(join(MINI, rel)).replace('Red Cross', 'Croix-Rouge à Genève'), 'windows-1252'),
    );
    const r = await runCli(['-w', dir, 'check']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /demands\/icrc-visits\.yaml:6:74: error: demands\/icrc-visits\.yaml is not UTF-8; it looks like Windows-1252 \[file\/encoding\]/,
    );
    expect(r.stdout).toMatch(/hint: save it as UTF-8/);
  });
  it('U+FFFD in a campaign is an error with its line and column, and render refuses', async () => {
    const rel = 'campaigns/2020-test-letter.yaml';
    const text = readText(join(MINI, rel));
    const dir = tempWorkspace(MINI, { [rel]: text.replace(/^title: (.*)$/m, 'title: Soci\uFFFDt\uFFFD $1') });
    const line = text.slice(0, text.search(/^title:/m)).split('\n').length;
    const r = await runCli(['-w', dir, 'check']);
    expect(r.stdout).toContain(`${rel}:${line}:12: error:`);
    expect(r.stdout).toMatch(/\[text\/replacement-char\]/);
    expect((await runCli(['-w', dir, 'render', '2020-test-letter', '--format', 'md'])).code).toBe(1);
  });
});
