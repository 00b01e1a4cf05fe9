import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../src/load/load-workspace.js';
import { PACKET_ARGUMENTS } from '../src/model/delivery-arguments.js';
import { headInPost } from '../src/model/heads-of-mission.js';
import { formatMessage } from '../src/text/message.js';
import { REPO } from './helpers/workspace.js';

/**
 * Forms of address chosen by the head of mission's recorded gender (W-FR-2, W-ES-2): the feminine
 * or the masculine only where missions.yaml says so, a neutral form where it does not.
 */
const project = loadWorkspace(REPO).value;

function say(lng: string, key: string, gender: string, addressed = 'excellency'): string {
  const wording = project.delivery!.wordings.get(lng)!;
  const args = Object.fromEntries(PACKET_ARGUMENTS.map((a) => [a, `{${a}}`]));
  const r = formatMessage(wording.texts.get(key)!.text, project.locales.get(lng)!.tag, {
    ...args,
    head: 'HEAD',
    name: 'NAME',
    title: 'TITLE',
    addressed,
    gender,
  });
  expect(r.problems).toEqual([]);
  return r.text.replace(/\s+/g, ' ');
}

describe('delivery texts by the head of mission’s gender', () => {
  it.each([
    // [language, text, female, male, not recorded]
    [
      'en',
      'cover_note.attention',
      'For the attention of H.E. Ms HEAD',
      'For the attention of H.E. Mr HEAD',
      'For the attention of H.E. HEAD',
    ],
    [
      'fr',
      'cover_note.attention',
      'À l’attention de Son Excellence Madame HEAD',
      'À l’attention de Son Excellence Monsieur HEAD',
      'À l’attention de Son Excellence HEAD',
    ],
    [
      'es',
      'cover_note.attention',
      'A la atención de la Excma. Sra. HEAD',
      'A la atención del Excmo. Sr. HEAD',
      'A la atención de S. E. HEAD',
    ],
    [
      'es',
      'cover_note.salutation_excellency',
      'Excelentísima señora Embajadora:',
      'Excelentísimo señor Embajador:',
      'Excelencia:',
    ],
    ['es', 'cover_note.salutation_named', 'Señora TITLE:', 'Señor TITLE:', 'Distinguido/a TITLE:'],
    [
      'ru',
      'cover_note.salutation_named',
      'Уважаемая госпожа NAME!',
      'Уважаемый господин NAME!',
      'Уважаемый(-ая) NAME!',
    ],
  ])('%s %s', (lng, key, female, male, unknown) => {
    expect(say(lng, key, 'female')).toBe(female);
    expect(say(lng, key, 'male')).toBe(male);
    expect(say(lng, key, 'unknown')).toBe(unknown);
  });

  it('reads gender: from the holder in missions.yaml, and none from a record that does not state it', () => {
    const geneva = project.missions.get('dprk-un-mission-geneva')!;
    expect(headInPost(geneva, '2018-06-06')?.gender).toBe('male');
    const bangkok = project.missions.get('dprk-embassy-bangkok')!;
    expect(headInPost(bangkok, '2026-01-01')?.gender).toBeUndefined();
  });
});
