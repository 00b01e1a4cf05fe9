import { describe, expect, it } from 'vitest';
import { memo, memoByObject } from '../src/util/memo.js';

/** A function that records each call it really makes. */
function recording<A extends unknown[], V>(f: (...args: A) => V): { f: (...args: A) => V; calls: A[] } {
  const calls: A[] = [];
  return { f: (...args) => (calls.push(args), f(...args)), calls };
}

describe('memo', () => {
  it('makes a value once per key and gives the same value after', () => {
    const r = recording((s: string) => ({ upper: s.toUpperCase() }));
    const upper = memo(r.f);
    const first = upper('ko');
    expect(upper('ko')).toBe(first);
    expect(upper('ja')).toEqual({ upper: 'JA' });
    expect(r.calls).toEqual([['ko'], ['ja']]);
  });

  it('keeps an undefined value too (a tag Intl cannot read is not asked again)', () => {
    const r = recording((_: string) => undefined);
    const none = memo(r.f);
    none('x-');
    none('x-');
    expect(r.calls).toHaveLength(1);
  });

  it('keys a call by what `key` gives: calls with one key share the first call’s value', () => {
    const r = recording((tag: string, options: { style: string }) => `${tag}:${options.style}`);
    const format = memo(r.f, { key: (tag, options) => JSON.stringify([tag, options]) });
    expect(format('en', { style: 'long' })).toBe('en:long');
    expect(format('en', { style: 'long' })).toBe('en:long');
    expect(format('en', { style: 'short' })).toBe('en:short');
    expect(r.calls).toHaveLength(2);
  });

  it('starts over past `max` keys', () => {
    const r = recording((n: number) => n * 2);
    const double = memo(r.f, { max: 2 });
    double(1);
    double(2);
    double(3); // the memo was full: it forgets 1 and 2
    double(3);
    double(1);
    expect(r.calls.map(([n]) => n)).toEqual([1, 2, 3, 1]);
  });
});

describe('memoByObject', () => {
  it('makes a value once per object, whatever the other arguments', () => {
    const r = recording((locale: { code: string }, source: string) => `${locale.code}<${source}`);
    const translator = memoByObject(r.f);
    const ko = { code: 'ko' };
    expect(translator(ko, 'en')).toBe('ko<en');
    expect(translator(ko, 'fr')).toBe('ko<en');
    expect(translator({ code: 'ko' }, 'en')).toBe('ko<en');
    expect(r.calls).toHaveLength(2);
  });
});
