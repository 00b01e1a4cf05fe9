import type { LetterDocument } from '../../src/model/letter-document.js';

/**
 * An English letter on A4 in Noto Serif with plain typography (no indent, italic emphasis, sign-off
 * flush left): the document the renderer tests start from, overriding what each one is about.
 */
/** Latin typography with nothing switched on: no indent, italic emphasis, sign-off flush left. */
export const PLAIN_TYPOGRAPHY: LetterDocument['typography'] = {
  paragraphIndent: 0,
  emphasis: 'italic',
  emphasisDots: 'above',
  cjkLatinSpace: 'none',
  signOffAlign: 'left',
};

export function testLetter(overrides: Partial<LetterDocument> & Pick<LetterDocument, 'blocks'>): LetterDocument {
  return {
    campaignId: 'test',
    locale: 'en',
    lang: 'en-US',
    title: 'Test letter',
    author: 'Test Coalition',
    subject: 'Testing',
    date: '2018-06-06',
    paper: 'A4',
    pageLabel: '{page} / {pages}',
    fonts: ['noto-serif'],
    countryAffix: { before: ', ', after: '' },
    lineBreak: 'normal',
    typography: PLAIN_TYPOGRAPHY,
    ...overrides,
  };
}
