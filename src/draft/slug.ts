import { createHash } from 'node:crypto';
import { isSafeId } from '../load/schemas.js';

const INITIALS = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
const VOWELS = [
  'a',
  'ae',
  'ya',
  'yae',
  'eo',
  'e',
  'yeo',
  'ye',
  'o',
  'wa',
  'wae',
  'oe',
  'yo',
  'u',
  'wo',
  'we',
  'wi',
  'yu',
  'eu',
  'ui',
  'i',
];
const FINALS = [
  '',
  'k',
  'k',
  'k',
  'n',
  'n',
  'n',
  't',
  'l',
  'k',
  'm',
  'l',
  'l',
  'l',
  'p',
  'l',
  'm',
  'p',
  'p',
  't',
  't',
  'ng',
  't',
  't',
  'k',
  't',
  'p',
  't',
];

/** Hangul syllables in Revised Romanization, syllable by syllable (good enough for an id). */
function romanizeHangul(s: string): string {
  return s.replace(/[\uAC00-\uD7A3]/g, (ch) => {
    const n = ch.charCodeAt(0) - 0xac00;
    return INITIALS[Math.floor(n / 588)]! + VOWELS[Math.floor((n % 588) / 28)]! + FINALS[n % 28]!;
  });
}

/**
 * A safe id for a new roster entry from its name: "Helping Hands Korea_Catacombs" →
 * "helping-hands-korea-catacombs", "참여연대" → "chamyeoyeondae"; names in other scripts get
 * "signatory-" and a short hash. Never one of `taken`.
 */
export function idFromName(name: string, taken: ReadonlySet<string>): string {
  let base = romanizeHangul(name.normalize('NFC'))
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (base.length > 56) base = base.slice(0, 56).replace(/-[^-]*$/, '') || base.slice(0, 56);
  if (!base || !/[a-z]/.test(base)) base = `signatory-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
  if (!isSafeId(base)) base = `${base}-1`;
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  return id;
}
