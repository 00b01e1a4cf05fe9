/**
 * A string folded for matching, not for display: compatibility forms unified, accents and other
 * combining marks dropped (Hangul syllables recomposed), lower-cased. "Société" and "SOCIETE" fold
 * alike, as do full-width and ASCII letters.
 */
export function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC')
    .toLowerCase();
}
