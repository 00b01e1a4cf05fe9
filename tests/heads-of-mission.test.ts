import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../src/load/load-workspace.js';
import { headInPost, type HeadOfMission } from '../src/model/heads-of-mission.js';
import { REPO } from './helpers/workspace.js';

const SPAN = { file: 'missions.yaml', start: 0, end: 1 };
const holder = (label: string, from?: string, until?: string): HeadOfMission => ({
  name: new Map([['en', label]]),
  title: new Map([['en', 'Ambassador']]),
  label,
  gender: undefined,
  from,
  until,
  span: SPAN,
  nameSpan: SPAN,
  titleSpan: SPAN,
  fromSpan: undefined,
  untilSpan: undefined,
});
const on = (heads: HeadOfMission[], date: string, verified?: string) => headInPost({ heads, verified }, date)?.label;

describe('the head of mission in post on a date', () => {
  const geneva = [holder('Han Tae Song', '2017-02-14', '2023-12'), holder('Jo Chol Su', '2024-05-10')];

  it('is the holder whose dates cover the day, both ends included', () => {
    expect(on(geneva, '2018-06-06')).toBe('Han Tae Song');
    expect(on(geneva, '2017-02-14')).toBe('Han Tae Song');
    expect(on(geneva, '2024-05-10')).toBe('Jo Chol Su');
    expect(on(geneva, '2026-12-01')).toBe('Jo Chol Su');
  });

  it('is nobody before the first holder, in a gap, or inside the month a partial until leaves open', () => {
    expect(on(geneva, '2011-10-13')).toBeUndefined();
    expect(on(geneva, '2017-02-13')).toBeUndefined();
    expect(on(geneva, '2024-01-15')).toBeUndefined();
    // until: 2023-12 (left during December): known in post until 30 November only.
    expect(on(geneva, '2023-11-30')).toBe('Han Tae Song');
    expect(on(geneva, '2023-12-01')).toBeUndefined();
  });

  it('reads a month or a year of arrival as known from the day after it', () => {
    const beijing = [holder('Ji Jae Ryong', '2010', '2021-02'), holder('Ri Ryong Nam', '2021-04')];
    expect(on(beijing, '2010-12-31')).toBeUndefined();
    expect(on(beijing, '2011-01-01')).toBe('Ji Jae Ryong');
    expect(on(beijing, '2021-01-31')).toBe('Ji Jae Ryong');
    expect(on(beijing, '2021-04-30')).toBeUndefined();
    expect(on(beijing, '2021-05-01')).toBe('Ri Ryong Nam');
    // February of a leap year ends on the 29th.
    expect(on([holder('A', '2024-02')], '2024-02-29')).toBeUndefined();
    expect(on([holder('A', '2024-02')], '2024-03-01')).toBe('A');
  });

  it('keeps a holder without until: in post until the month the next one arrives begins', () => {
    const heads = [holder('First', '2001-05'), holder('Second', '2012-05-19')];
    expect(on(heads, '2012-05-18')).toBe('First');
    expect(on(heads, '2012-05-19')).toBe('Second');
    const byMonth = [holder('First', '2001-05'), holder('Second', '2012-05')];
    expect(on(byMonth, '2012-04-30')).toBe('First');
    expect(on(byMonth, '2012-05-15')).toBeUndefined();
  });

  it('knows an undated head only from the record’s verified date, and always for a record never verified', () => {
    const today = [holder('Choe Il')];
    expect(on(today, '2011-10-13', '2025-07-04')).toBeUndefined();
    expect(on(today, '2025-07-04', '2025-07-04')).toBe('Choe Il');
    expect(on(today, '2011-10-13', undefined)).toBe('Choe Il');
  });
});

describe('the bundled registry', () => {
  const { value: project } = loadWorkspace(REPO);
  const head = (mission: string, date: string) => {
    const m = project.missions.get(mission);
    if (!m) throw new Error(`no mission ${mission} in missions.yaml`);
    return headInPost(m, date);
  };

  it('names the heads who were in post on the letters’ dates, as the delivery review sourced them', () => {
    expect(head('dprk-un-mission-geneva', '2018-06-06')?.name.get('ko')).toBe('한대성');
    expect(head('dprk-embassy-beijing', '2018-06-06')?.name.get('zh-Hans')).toBe('池在龙');
    expect(head('chongryon-central-hq-tokyo', '2011-10-13')?.name.get('ja')).toBe('徐萬述');
    expect(head('chongryon-central-hq-tokyo', '2018-06-06')?.name.get('ja')).toBe('許宗萬');
    expect(head('dprk-un-mission-new-york', '2018-06-06')?.name.get('ko')).toBe('자성남');
    expect(head('dprk-embassy-beijing', '2026-12-01')?.name.get('zh-Hans')).toBe('李龙男');
    expect(head('dprk-un-mission-geneva', '2011-10-13')?.name.get('ko')).toBe('서세평');
    expect(head('dprk-un-mission-new-york', '2012-01-08')?.name.get('ko')).toBe('신선호');
  });

  it('names nobody where the record does not know who was in post', () => {
    // Between So Se Pyong's last dated source (2016-03-15) and Han Tae Song's first (2017-02-14).
    expect(head('dprk-un-mission-geneva', '2016-10-01')).toBeUndefined();
    expect(head('dprk-embassy-havana', '2018-06-06')).toBeUndefined();
    // Between Ja Song Nam's departure (2018-07-26) and Kim Song's credentials (2018-09-20).
    expect(head('dprk-un-mission-new-york', '2018-08-15')).toBeUndefined();
    // Undated records verified years after the 2011 letter.
    expect(head('dprk-embassy-london', '2011-10-13')).toBeUndefined();
    expect(head('dprk-embassy-bangkok', '2011-10-13')).toBeUndefined();
  });
});
