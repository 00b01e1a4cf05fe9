import { likelyLocale } from '../text/intl.js';

/**
 * The bundled face that draws Han characters the way a language writes them: the same code point
 * has Japanese, Korean and Simplified Chinese forms (直, 骨, 写), and a font stack alone would take
 * whichever CJK face comes first. Traditional Chinese has no bundled face, so it keeps the stack.
 */
const HAN_FACES: Record<string, string> = { ja: 'noto-serif-jp', ko: 'noto-serif-kr', zh: 'noto-serif-sc' };
const HAN_FACE_IDS = new Set(Object.values(HAN_FACES));

function hanFace(lang: string): string | undefined {
  const locale = likelyLocale(lang);
  if (!locale) return undefined;
  if (locale.language === 'zh' && locale.script !== 'Hans') return undefined;
  return Object.hasOwn(HAN_FACES, locale.language) ? HAN_FACES[locale.language] : undefined;
}

/**
 * `fontIds` with the face of `lang`'s Han forms ahead of the other CJK faces (added if the stack
 * lacks it), so Han text in that language takes its forms; the stack unchanged for other languages.
 */
export function fontsForLanguage(fontIds: readonly string[], lang: string | undefined): string[] {
  const face = lang === undefined ? undefined : hanFace(lang);
  if (face === undefined || fontIds.find((id) => HAN_FACE_IDS.has(id)) === face) return [...fontIds];
  const rest = fontIds.filter((id) => id !== face);
  const at = rest.findIndex((id) => HAN_FACE_IDS.has(id));
  return at < 0 ? [...rest, face] : [...rest.slice(0, at), face, ...rest.slice(at)];
}
