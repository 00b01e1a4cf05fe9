import { describe, expect, it } from 'vitest';
import { bodyKey, campaignKey, chromeKey, demandBodyKey, keyName, parseKey } from '../src/model/translation-key.js';

describe('translation keys', () => {
  it('are written as the translation files are shaped', () => {
    expect(bodyKey(demandBodyKey('icrc', '2011'), 1)).toBe('demands:icrc.variants.2011.1');
    expect(bodyKey(demandBodyKey('icrc', undefined), 0)).toBe('demands:icrc.text.0');
    expect(campaignKey('2018-kim', 'sections', 2, 'heading')).toBe('campaigns:2018-kim.sections.2.heading');
    expect(chromeKey('sign_off.sincerely')).toBe('chrome:sign_off.sincerely');
  });

  it('parse back into namespace, owner and path', () => {
    expect(parseKey('demands:icrc.variants.2011.1')).toEqual({
      ns: 'demands',
      owner: 'icrc',
      path: ['variants', '2011', '1'],
    });
    expect(parseKey('campaigns:2018-kim.title')).toEqual({ ns: 'campaigns', owner: '2018-kim', path: ['title'] });
    expect(parseKey('chrome:sign_off.sincerely')).toEqual({ ns: 'chrome', owner: '', path: ['sign_off', 'sincerely'] });
    expect(parseKey('letters:x.y')).toBeUndefined();
    expect(parseKey('demands:')).toBeUndefined();
  });

  it('are shown to users without their namespace', () => {
    expect(keyName('demands:icrc.text.0')).toBe('icrc.text.0');
  });
});
