import { describe, expect, it } from 'vitest';
import { composeLetter } from '../src/compose/compose-letter.js';
import { loadWorkspace } from '../src/load/load-workspace.js';
import { printedSignature } from '../src/model/printed-signature.js';
import { REPO } from './helpers/workspace.js';

const JA = { countryAffix: { before: '（', after: '）' }, countryInsideBrackets: '、' };
const KO = { countryAffix: { before: ' (', after: ')' }, countryInsideBrackets: ', ' };
const line = (e: ReturnType<typeof printedSignature>) => `${e.name}${e.country ? e.before + e.country + e.after : ''}`;

describe('a signatory whose name ends in its own brackets', () => {
  it('gets its country inside them, after the language’s joiner: one pair of brackets, not two', () => {
    const entry = { id: 'comjan', name: '特定失踪者問題調査会（COMJAN）', country: '日本' };
    expect(printedSignature(entry, JA)).toEqual({
      name: '特定失踪者問題調査会',
      before: '（',
      country: 'COMJAN、日本',
      after: '）',
    });
    // A Latin name's own half-width brackets become the language's.
    const hrnk = { id: 'hrnk', name: 'Committee for Human Rights in North Korea (HRNK)', country: '美国' };
    expect(line(printedSignature(hrnk, { ...JA, countryInsideBrackets: '，' }))).toBe(
      'Committee for Human Rights in North Korea（HRNK，美国）',
    );
  });

  it('sets a name’s own half-width last brackets full-width in a Japanese or Chinese list, without a country too', () => {
    const ajar = { id: 'ajar', name: 'Asia Justice and Rights (AJAR)', country: undefined };
    expect(line(printedSignature(ajar, JA))).toBe('Asia Justice and Rights（AJAR）');
    // In the name, not in the country's place (set smaller and unbroken): no country is printed.
    expect(printedSignature(ajar, JA).country).toBeUndefined();
    expect(line(printedSignature(ajar, { ...JA, countryInsideBrackets: '，' }))).toBe(
      'Asia Justice and Rights（AJAR）',
    );
    // Only the last brackets, and only in a list whose own brackets are full-width.
    const inside = { id: 'x', name: 'I(d)reas Network', country: undefined };
    expect(line(printedSignature(inside, JA))).toBe('I(d)reas Network');
    expect(line(printedSignature(ajar, KO))).toBe('Asia Justice and Rights (AJAR)');
    const en = { countryAffix: { before: ', ', after: '' } };
    expect(line(printedSignature(ajar, en))).toBe('Asia Justice and Rights (AJAR)');
  });

  it('keeps the name’s own spacing before its bracket where the letter spaces the country (Korean)', () => {
    const hrnk = { id: 'hrnk', name: '북한인권위원회(HRNK)', country: '미국' };
    expect(line(printedSignature(hrnk, KO))).toBe('북한인권위원회(HRNK, 미국)');
    const ajar = { id: 'ajar', name: 'Asia Justice and Rights (AJAR)', country: '인도네시아' };
    expect(line(printedSignature(ajar, KO))).toBe('Asia Justice and Rights (AJAR, 인도네시아)');
  });

  it('is left alone without a joiner, without a country, when the country is not bracketed, or when it is all brackets', () => {
    const entry = { id: 'comjan', name: '特定失踪者問題調査会（COMJAN）', country: '日本' };
    const twice = '特定失踪者問題調査会（COMJAN）（日本）';
    expect(line(printedSignature(entry, { countryAffix: JA.countryAffix }))).toBe(twice);
    expect(line(printedSignature({ ...entry, country: undefined }, JA))).toBe(entry.name);
    const comma = { countryAffix: { before: ', ', after: '' }, countryInsideBrackets: '、' };
    expect(line(printedSignature(entry, comma))).toBe('特定失踪者問題調査会（COMJAN）, 日本');
    const bare = { id: 'x', name: '（ARNKA）', country: 'タイ' };
    expect(line(printedSignature(bare, JA))).toBe('（ARNKA）（タイ）');
  });

  it('prints as the bundled Japanese, Chinese and Korean letters write it, and the English as signed', () => {
    const p = loadWorkspace(REPO).value;
    const entries = (campaign: string, lang: string) => {
      const doc = composeLetter(p, campaign, lang).value!.doc;
      const block = doc.blocks.find((b) => b.kind === 'signatures');
      return { doc, entries: block?.kind === 'signatures' ? block.entries : [] };
    };
    const list = (campaign: string, lang: string) => {
      const { doc, entries: all } = entries(campaign, lang);
      return all.map((e) => line(printedSignature(e, doc)));
    };
    const ja = list('2018-kim-jong-un', 'ja');
    expect(ja).toContain('北朝鮮人権委員会（HRNK、米国）');
    expect(ja).toContain('北朝鮮に拉致された人々を救援する会チェンマイ（ARNKA、タイ）');
    expect(ja.filter((n) => n.includes('）（'))).toEqual([]);
    expect(ja).toContain('Asia Justice and Rights（AJAR）');
    expect(ja).toContain('Asian Federation Against Involuntary Disappearances（AFAD）');
    // No half-width brackets left at the end of a name in a Japanese or Chinese list.
    expect(ja.filter((n) => /\)$/u.test(n))).toEqual([]);
    const zh = list('2018-kim-jong-un', 'zh-Hans');
    expect(zh.filter((n) => /\)$/u.test(n))).toEqual([]);
    expect(zh).toContain('The Committee for Human Rights in North Korea（HRNK，美国）');
    expect(zh.filter((n) => /[）)]（/u.test(n))).toEqual([]);
    const ko = list('2012-kim-jong-un', 'ko');
    expect(ko).toContain('북한인권위원회(HRNK, 미국)');
    expect(ko).toContain('특정실종자문제조사회(COMJAN, 일본)');
    expect(ko.filter((n) => /\) \(/u.test(n))).toEqual([]);
    expect(list('2018-kim-jong-un', 'en')).toContain(
      'The Committee for Human Rights in North Korea (HRNK), United States',
    );
  });

  it('leaves the entry as signed, name and country apart, for letter.json (M-24)', () => {
    const p = loadWorkspace(REPO).value;
    const doc = composeLetter(p, '2012-kim-jong-un', 'ja').value!.doc;
    const block = doc.blocks.find((b) => b.kind === 'signatures');
    const comjan = block?.kind === 'signatures' ? block.entries.find((e) => e.id === 'comjan') : undefined;
    expect(comjan).toEqual({ id: 'comjan', name: '特定失踪者問題調査会（COMJAN）', country: '日本' });
    expect(doc.countryInsideBrackets).toBe('、');
    const ajar = composeLetter(p, '2018-kim-jong-un', 'ja').value!.doc.blocks.flatMap((b) =>
      b.kind === 'signatures' ? b.entries.filter((e) => e.id === 'asia-justice-and-rights') : [],
    );
    expect(ajar.map((e) => e.name)).toEqual(['Asia Justice and Rights (AJAR)']);
  });
});
