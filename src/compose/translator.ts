import i18next, { type i18n } from 'i18next';
import type { LocaleInfo } from '../model/project.js';
import type { SourcedText } from '../model/span.js';
import { InternalError } from '../model/internal-error.js';
import { chromeKey } from '../model/translation-key.js';
import { memoByObject } from '../util/memo.js';

/**
 * Looks up the text for a key in one locale. i18next is the resource store (flat keys, no
 * nesting, no interpolation: parameters are filled by fill-params.ts with one syntax everywhere).
 * Returns undefined when the locale has no translation, so the caller can report it.
 */
export interface Translator {
  locale: LocaleInfo;
  isSource: boolean;
  /** The translated text (with the span of the translation), or undefined if missing. */
  text(key: string, source: SourcedText): SourcedText | undefined;
  /** A chrome string ("sign_off.sincerely", "cc", "page"). */
  chrome(key: string): SourcedText | undefined;
}

/** One translator per loaded locale: every letter in that language shares it. */
export const createTranslator = memoByObject(buildTranslator);

function buildTranslator(locale: LocaleInfo, sourceLocale: string): Translator {
  const resources: Record<string, string> = {};
  for (const [k, v] of locale.translations) resources[k] = v.text;
  for (const [k, v] of locale.chrome) resources[k] = v.text;
  const inst: i18n = i18next.createInstance();
  void inst.init({
    lng: locale.code,
    resources: { [locale.code]: { translation: resources } },
    keySeparator: false,
    nsSeparator: false,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    showSupportNotice: false,
  } as Parameters<i18n['init']>[0]);
  const get = (key: string): string | undefined =>
    inst.exists(key) ? inst.t(key, { skipInterpolation: true }) : undefined;
  const isSource = locale.code === sourceLocale;
  return {
    locale,
    isSource,
    text(key, source) {
      if (isSource) return source;
      const t = get(key);
      if (t === undefined) return undefined;
      const written = locale.translations.get(key);
      if (!written) throw new InternalError(`i18next has "${key}" but the locale's translations do not`);
      return written.text === t ? written : { text: t, span: written.span };
    },
    chrome(key) {
      const t = get(chromeKey(key));
      if (t === undefined) return undefined;
      const written = locale.chrome.get(chromeKey(key));
      if (!written) throw new InternalError(`i18next has "${chromeKey(key)}" but the locale's chrome does not`);
      return written.text === t ? written : { text: t, span: written.span };
    },
  };
}
