/**
 * Korean particles whose form depends on the syllable before them: 이/가, 을/를, 은/는, 과/와,
 * 으로/로 … A text writes the pair ({{country}}{{을/를}}, or {{country.을}}); the form is chosen from
 * how the preceding word is read aloud.
 */

/** Each pair: the form after a final consonant (받침), the form after a vowel. */
const PAIRS: readonly (readonly [string, string])[] = [
  ['이', '가'],
  ['을', '를'],
  ['은', '는'],
  ['과', '와'],
  ['으로', '로'],
  ['으로서', '로서'],
  ['으로써', '로써'],
  ['이나', '나'],
  ['이랑', '랑'],
  ['아', '야'],
  ['이여', '여'],
  ['이라고', '라고'],
];

/** The pairs, as a text writes them (for hints). */
export const PARTICLE_PAIRS = PAIRS.map(([c, v]) => `${c}/${v}`);

/** The pair a text names, in either order ("을/를", "를/을") or by either form alone ("을"). */
export function particlePair(written: string): readonly [string, string] | undefined {
  const [a, b] = written.split('/');
  return PAIRS.find(([c, v]) => (b === undefined ? a === c || a === v : (a === c && b === v) || (a === v && b === c)));
}

/** What ends the reading of a word: no final consonant, ㄹ, another final consonant, or unknown. */
export type Ending = 'vowel' | 'rieul' | 'consonant' | 'unknown';

/**
 * The particle of `pair` after `before`. 으로 takes 로 after a vowel and after ㄹ (서울로, 벨라루스로).
 * When the reading is unknown (a symbol, a Han character) both forms are printed the usual way, 을(를).
 */
export function particleAfter(pair: readonly [string, string], before: string): string {
  const [consonant, vowel] = pair;
  const ending = readingEnding(before);
  if (ending === 'unknown') return `${consonant}(${vowel})`;
  if (ending === 'vowel') return vowel;
  if (ending === 'rieul' && consonant.startsWith('으')) return vowel;
  return consonant;
}

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
const RIEUL = 8;
/** Finals of the digits read in Sino-Korean (영 일 이 삼 사 오 육 칠 팔 구). */
const DIGIT_ENDINGS: Ending[] = [
  'consonant',
  'rieul',
  'vowel',
  'consonant',
  'vowel',
  'vowel',
  'consonant',
  'rieul',
  'rieul',
  'vowel',
];
/** Latin letters spelled out (UN 유엔, ILO 아이엘오, DPRK 디피알케이): only L, M and N end in a consonant. */
const LETTER_NAME_ENDINGS: Record<string, Ending> = { L: 'rieul', M: 'consonant', N: 'consonant' };

/**
 * How the reading of the text before a particle ends. Closing quotes, brackets and emphasis marks
 * are skipped, and so is a parenthesised gloss: 국제노동기구(ILO)는 follows 구.
 */
export function readingEnding(before: string): Ending {
  let s = before.replace(/[\s"'’”»」』》〉*_]+$/u, '');
  while (s.endsWith(')') || s.endsWith('）')) {
    const open = Math.max(s.lastIndexOf('('), s.lastIndexOf('（'));
    if (open <= 0) break;
    s = s.slice(0, open).replace(/[\s"'’”»」』》〉*_]+$/u, '');
  }
  const last = s.at(-1);
  if (last === undefined) return 'unknown';
  const code = last.codePointAt(0)!;
  if (code >= HANGUL_FIRST && code <= HANGUL_LAST) {
    const final = (code - HANGUL_FIRST) % 28;
    return final === 0 ? 'vowel' : final === RIEUL ? 'rieul' : 'consonant';
  }
  const number = /(\d+)$/.exec(s.replace(/(\d),(?=\d{3}\b)/g, '$1'));
  if (number) return numberEnding(number[1]!);
  const word = /[A-Za-z]+$/.exec(s);
  if (word) return latinEnding(word[0]);
  return 'unknown';
}

/** The final sound of a number read in Sino-Korean: its last non-zero digit, or the power of ten after it. */
function numberEnding(digits: string): Ending {
  const zeros = digits.length - digits.replace(/0+$/, '').length;
  if (zeros === digits.length) return DIGIT_ENDINGS[0]!; // 영
  if (zeros === 0) return DIGIT_ENDINGS[Number(digits.at(-1))]!;
  // 10 십, 100 백, 1000 천, 10⁴ 만, 10⁸ 억 end in a consonant; 10¹² 조 in a vowel.
  return zeros % 12 === 0 ? 'vowel' : 'consonant';
}

/**
 * A Latin word: an abbreviation in capitals is spelled letter by letter; any other word is read
 * the way Korean writes English loanwords, where only a final l (ㄹ), m, n or ng is a consonant
 * (Belarus 벨라루스, Amnesty 앰네스티, Human Rights Watch 워치, Brazil 브라질).
 */
function latinEnding(word: string): Ending {
  if (/^[A-Z]+$/.test(word)) return LETTER_NAME_ENDINGS[word.at(-1)!] ?? 'vowel';
  const w = word.toLowerCase();
  if (w.endsWith('l')) return 'rieul';
  if (/(m|n|ng)$/.test(w)) return 'consonant';
  return 'vowel';
}
