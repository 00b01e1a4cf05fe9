import { describe, expect, it } from 'vitest';
import { composeLetter } from '../src/compose/compose-letter.js';
import { loadWorkspace } from '../src/load/load-workspace.js';
import { inlineText, type Block } from '../src/model/letter-document.js';
import { REPO } from './helpers/workspace.js';

/**
 * The name of the state in the bundled letters (issue 12, "political vocabulary"): the English says
 * "DPRK" for the state and "North Korea(n)" for the country and its people; a translation writes
 * the "North Korea" form (북한, 北朝鮮) only in a text whose English says North Korea, and the
 * official name (조선민주주의인민공화국, 朝鮮民主主義人民共和国, 朝鲜) wherever the English says DPRK.
 * Compared text by text: each paragraph, heading and bullet item of a letter with the same one in
 * English (the signature list, names as signed, is left out).
 */
const project = loadWorkspace(REPO).value;
const NORTH_KOREA: Record<string, RegExp> = { ko: /북한/u, ja: /北朝鮮/u, 'zh-Hans': /北朝鲜/u };
const OFFICIAL: Record<string, RegExp> = {
  ko: /조선민주주의인민공화국|조선|귀국|귀 정부/u,
  ja: /朝鮮民主主義人民共和国|貴国/u,
  'zh-Hans': /朝鲜民主主义人民共和国|朝鲜|贵国/u,
};

/** The letter's texts, in order: headings, paragraphs, each bullet item. */
function texts(campaign: string, lang: string): string[] {
  const doc = composeLetter(project, campaign, lang).value!.doc;
  return doc.blocks.flatMap((b: Block) =>
    b.kind === 'paragraph' || b.kind === 'heading'
      ? [inlineText(b.content)]
      : b.kind === 'bullets'
        ? b.items.map((i) => inlineText(i))
        : [],
  );
}

describe.each(['2011-kim-jong-il', '2012-kim-jong-un', '2018-kim-jong-un'])('the %s letter', (campaign) => {
  const english = texts(campaign, 'en');
  it.each(Object.keys(NORTH_KOREA))('%s: "North Korea" forms only where the English says North Korea', (lang) => {
    const translated = texts(campaign, lang);
    expect(translated.length).toBe(english.length);
    const wrong = translated
      .map((t, i) => ({ t, en: english[i]! }))
      .filter(({ t, en }) => NORTH_KOREA[lang]!.test(t) && !/North Korea/u.test(en))
      .map(({ t }) => t.slice(0, 60));
    expect(wrong).toEqual([]);
    // And where the English names the state only as the DPRK, so does the translation.
    const bare = translated
      .map((t, i) => ({ t, en: english[i]! }))
      .filter(({ t, en }) => /\bDPRK\b/u.test(en) && !/North Korea/u.test(en) && !OFFICIAL[lang]!.test(t))
      .map(({ t }) => t.slice(0, 60));
    expect(bare).toEqual([]);
    // Not vacuous: the letter names the state as the DPRK somewhere.
    expect(english.filter((en) => /\bDPRK\b/u.test(en)).length).toBeGreaterThan(0);
  });
});
