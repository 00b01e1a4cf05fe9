import { describe, expect, it } from 'vitest';
import { composeLetter } from '../src/compose/compose-letter.js';
import { countryInsideBrackets } from '../src/compose/signature-list.js';
import { loadWorkspace } from '../src/load/load-workspace.js';
import { REPO } from './helpers/workspace.js';

const BRACKETS = { before: '（', after: '）' };

describe('a signatory whose name ends in its own brackets', () => {
  it('gets its country inside them, after the language’s joiner: one pair of brackets, not two', () => {
    const entry = { id: 'comjan', name: '特定失踪者問題調査会（COMJAN）', country: '日本' };
    expect(countryInsideBrackets(entry, BRACKETS, '、')).toEqual({
      id: 'comjan',
      name: '特定失踪者問題調査会',
      country: 'COMJAN、日本',
    });
    // A Latin name's own half-width brackets become the language's.
    const hrnk = { id: 'hrnk', name: 'Committee for Human Rights in North Korea (HRNK)', country: '美国' };
    expect(countryInsideBrackets(hrnk, BRACKETS, '，')).toMatchObject({
      name: 'Committee for Human Rights in North Korea',
      country: 'HRNK，美国',
    });
  });

  it('is left alone without a joiner, without a country, when the country is not bracketed, or when it is all brackets', () => {
    const entry = { id: 'comjan', name: '特定失踪者問題調査会（COMJAN）', country: '日本' };
    expect(countryInsideBrackets(entry, BRACKETS, undefined)).toBe(entry);
    expect(countryInsideBrackets({ ...entry, country: undefined }, BRACKETS, '、').name).toBe(entry.name);
    expect(countryInsideBrackets(entry, { before: ', ', after: '' }, '、')).toBe(entry);
    const bare = { id: 'x', name: '（ARNKA）', country: 'タイ' };
    expect(countryInsideBrackets(bare, BRACKETS, '、')).toBe(bare);
  });

  it('prints as the bundled Japanese and Chinese letters write it, and the English as signed', () => {
    const p = loadWorkspace(REPO).value;
    const list = (campaign: string, lang: string) => {
      const doc = composeLetter(p, campaign, lang).value!.doc;
      const block = doc.blocks.find((b) => b.kind === 'signatures');
      const entries = block?.kind === 'signatures' ? block.entries : [];
      return entries.map(
        (e) => `${e.name}${e.country ? doc.countryAffix.before + e.country + doc.countryAffix.after : ''}`,
      );
    };
    const ja = list('2018-kim-jong-un', 'ja');
    expect(ja).toContain('北朝鮮人権委員会（HRNK、アメリカ合衆国）');
    expect(ja).toContain('北朝鮮に拉致された人々を救援する会チェンマイ（ARNKA、タイ）');
    expect(ja.filter((n) => n.includes('）（'))).toEqual([]);
    const zh = list('2018-kim-jong-un', 'zh-Hans');
    expect(zh).toContain('The Committee for Human Rights in North Korea（HRNK，美国）');
    expect(zh.filter((n) => /[）)]（/u.test(n))).toEqual([]);
    expect(list('2018-kim-jong-un', 'en')).toContain(
      'The Committee for Human Rights in North Korea (HRNK), United States',
    );
  });
});
