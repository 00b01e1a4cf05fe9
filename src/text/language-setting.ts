import type { LineBreakStyle, LocaleInfo, Project } from '../model/project.js';
import { writingDirection } from './writing-direction.js';
import { languageNames } from './intl.js';

/**
 * How text in one language is set: the locale's font stack, line breaking, tag, date and digits
 * (its locale.yaml's, else a default by language), and the direction its script is written in.
 */
export interface LanguageSetting extends Pick<
  LocaleInfo,
  'tag' | 'fonts' | 'lineBreak' | 'dateFormat' | 'digits' | 'monthNames' | 'dayNames'
> {
  code: string;
  /** Its writing direction: an rtl sheet is mirrored (labels and lines from the right). */
  dir: 'ltr' | 'rtl';
}

const LATIN_FIRST = ['noto-serif', 'noto-serif-kr', 'noto-serif-jp', 'noto-serif-sc'];
/** Defaults for languages the workspace has no locales/<lng>/ for; Han is drawn in the language's own style. */
const DEFAULTS: Record<string, { fonts: string[]; lineBreak: LineBreakStyle }> = {
  ko: { fonts: ['noto-serif-kr', 'noto-serif', 'noto-serif-sc', 'noto-serif-jp'], lineBreak: 'keep-all' },
  ja: { fonts: ['noto-serif-jp', 'noto-serif', 'noto-serif-kr', 'noto-serif-sc'], lineBreak: 'cjk' },
  zh: { fonts: ['noto-serif-sc', 'noto-serif', 'noto-serif-kr', 'noto-serif-jp'], lineBreak: 'cjk' },
};
const LONG_DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric' };

/**
 * The setting of `code`: from locales/<code>/locale.yaml when the workspace has it, else a default
 * by language (Latin first; Korean, Japanese and Chinese with their own font first).
 */
export function languageSetting(project: Project, code: string): LanguageSetting {
  const locale = project.locales.get(code);
  if (locale) {
    const { tag, fonts, lineBreak, dateFormat, digits, monthNames, dayNames } = locale;
    return { code, tag, dir: writingDirection(tag), fonts, lineBreak, dateFormat, digits, monthNames, dayNames };
  }
  const d = DEFAULTS[code.split('-')[0] ?? code] ?? { fonts: LATIN_FIRST, lineBreak: 'normal' as const };
  return {
    code,
    tag: code,
    dir: writingDirection(code),
    fonts: d.fonts,
    lineBreak: d.lineBreak,
    dateFormat: LONG_DATE,
    digits: undefined,
    monthNames: undefined,
    dayNames: undefined,
  };
}

/** The name of language `code` in the language tagged `inTag` ("Korean", "한국어", "coréen"). */
export function languageName(code: string, inTag: string): string {
  try {
    return languageNames(inTag).of(code) ?? code;
  } catch {
    return code;
  }
}
