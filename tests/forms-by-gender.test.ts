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
    // S12-4, S12-5: no slash or bracketed endings; the neutral form names no one.
    ['es', 'cover_note.salutation_named', 'Señora TITLE:', 'Señor TITLE:', 'De nuestra mayor consideración:'],
    [
      'ru',
      'cover_note.salutation_named',
      'Уважаемая госпожа NAME!',
      'Уважаемый господин NAME!',
      'Уважаемые дамы и господа!',
    ],
    // S12-7: a named head is greeted as Madame or Monsieur once the record says which.
    ['fr', 'cover_note.salutation_named', 'Madame,', 'Monsieur,', 'Madame, Monsieur,'],
  ])('%s %s', (lng, key, female, male, unknown) => {
    expect(say(lng, key, 'female')).toBe(female);
    expect(say(lng, key, 'male')).toBe(male);
    expect(say(lng, key, 'unknown')).toBe(unknown);
  });

  it('fr: the closing repeats the named head’s Madame or Monsieur; Excellence and the generic form whatever the record says', () => {
    const closing = (gender: string, addressed: string) => say('fr', 'cover_note.closing', gender, addressed);
    expect(closing('female', 'named')).toBe(
      'Nous vous prions d’agréer, Madame, l’assurance de notre haute considération.',
    );
    expect(closing('male', 'named')).toBe(
      'Nous vous prions d’agréer, Monsieur, l’assurance de notre haute considération.',
    );
    expect(closing('unknown', 'named')).toBe(
      'Nous vous prions d’agréer, Madame, Monsieur, l’assurance de notre haute considération.',
    );
    for (const gender of ['female', 'male', 'unknown']) {
      expect(closing(gender, 'excellency')).toBe(
        'Nous vous prions d’agréer, Excellence, l’assurance de notre très haute considération.',
      );
      expect(closing(gender, 'generic')).toBe(
        'Nous vous prions d’agréer, Madame, Monsieur, l’assurance de notre haute considération.',
      );
    }
  });

  it('reads gender: from the holder in missions.yaml, and none from a record that does not state it', () => {
    const geneva = project.missions.get('dprk-un-mission-geneva')!;
    expect(headInPost(geneva, '2018-06-06')?.gender).toBe('male');
    const bangkok = project.missions.get('dprk-embassy-bangkok')!;
    expect(headInPost(bangkok, '2026-01-01')?.gender).toBeUndefined();
  });
});
