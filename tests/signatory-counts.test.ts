import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../src/load/load-workspace.js';
import { PACKET_ARGUMENTS } from '../src/model/delivery-arguments.js';
import { formatMessage } from '../src/text/message.js';
import { REPO } from './helpers/workspace.js';

/**
 * The cover note states who signed as the letter's list does: organisations and individuals
 * counted apart, and neither named when nobody signed as one (AR-18, W-FR-3, W-ES-3).
 */
const project = loadWorkspace(REPO).value;

function body(lng: string, organisations: number, individuals: number): string {
  const wording = project.delivery!.wordings.get(lng)!;
  const args = Object.fromEntries(PACKET_ARGUMENTS.map((a) => [a, `{${a}}`]));
  const counts = { organisations, individuals, signatories: organisations + individuals, addressed: 'excellency' };
  const r = formatMessage(wording.texts.get('cover_note.body')!.text, project.locales.get(lng)!.tag, {
    ...args,
    ...counts,
  });
  expect(r.problems).toEqual([]);
  return r.text.replace(/\s+/g, ' ');
}

describe('the cover note counts its signatories by kind, in every bundled language', () => {
  it.each([
    // [language, 52 organisations, 12 individuals alone, 40 organisations and 1 individual]
    ['en', 'signed by 52 organisations.', 'signed by 12 individuals.', 'signed by 40 organisations and 1 individual.'],
    ['ar', 'وقع عليها 52 من المنظمات،', 'وقع عليها 12 من الأفراد،', 'وقع عليها 41 من المنظمات والأفراد،'],
    [
      'fr',
      'signée par 52 organisations.',
      'signée par 12 personnes à titre individuel.',
      'signée par 40 organisations et une personne à titre individuel.',
    ],
    [
      'es',
      'suscrita por 52 organizaciones.',
      'suscrita por 12 personas a título individual.',
      'suscrita por 40 organizaciones y una persona a título individual.',
    ],
    ['ko', '52개 단체가 서명', '개인 12명이 서명', '40개 단체와 개인 1명이 서명'],
    ['ja', '52団体が署名', '個人12名が署名', '40団体および個人1名が署名'],
    ['zh-Hans', '由52个组织联署', '由12名个人联署', '由40个组织和1名个人联署'],
  ])('%s', (lng, organisations, individuals, both) => {
    expect(body(lng, 52, 0)).toContain(organisations);
    expect(body(lng, 0, 12)).toContain(individuals);
    expect(body(lng, 40, 1)).toContain(both);
  });

  it('ar says one and two in the singular and the dual, with the verb agreeing (review-s12-wording #10)', () => {
    expect(body('ar', 1, 0)).toContain('وقعت عليها منظمة واحدة،');
    expect(body('ar', 2, 0)).toContain('وقعت عليها منظمتان،');
    expect(body('ar', 0, 1)).toContain('وقع عليها فرد واحد،');
    expect(body('ar', 0, 2)).toContain('وقع عليها فردان،');
  });
});
