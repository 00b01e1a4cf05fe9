import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Project } from '../model/project.js';
import { inlineCodes } from './inline-codes.js';
import type { TranslationUnit } from './translation-units.js';

/** Scripts a message may name when saying what a file is written in. */
const KNOWN = [
  'Latin',
  'Hangul',
  'Han',
  'Hiragana',
  'Katakana',
  'Cyrillic',
  'Greek',
  'Arabic',
  'Hebrew',
  'Thai',
  'Devanagari',
];
const test = new Map(KNOWN.map((s) => [s, new RegExp(`\\p{Script=${s}}`, 'u')]));
const fits = (scripts: readonly string[], ch: string) =>
  scripts.some((s) => (test.get(s) ?? new RegExp(`\\p{Script=${s}}`, 'u')).test(ch));

/** The letters of a set of translations, codes and parameters left out. */
function lettersOf(units: readonly TranslationUnit[]): string[] {
  const out: string[] = [];
  for (const u of units) {
    let t = u.target;
    for (const c of inlineCodes(t).reverse()) t = t.slice(0, c.index) + t.slice(c.index + c.code.length);
    for (const ch of t) if (/\p{L}/u.test(ch)) out.push(ch);
  }
  return out;
}

/**
 * A file whose translations are not written in its language's scripts: a Japanese file labelled
 * `ko`, English left in every cell. Most letters must be in the language's scripts, and a long
 * text must use the scripts only that language has among the workspace's (Japanese kana tell
 * Japanese from Chinese). Scripts cannot tell French from Spanish: the label decides there.
 */
export function scriptMismatch(
  project: Project,
  lng: string,
  units: readonly TranslationUnit[],
  fileName: string,
): Diagnostic | undefined {
  const locale = project.locales.get(lng);
  if (!locale?.scripts.length) return undefined;
  const letters = lettersOf(units);
  if (letters.length < 8) return undefined;
  const share = (scripts: readonly string[]) => letters.filter((ch) => fits(scripts, ch)).length / letters.length;
  const othersOf = (code: string) =>
    new Set([...project.locales.values()].filter((l) => l.code !== code).flatMap((l) => l.scripts));
  const ownLacking = (code: string, scripts: readonly string[]) => {
    const own = scripts.filter((s) => !othersOf(code).has(s));
    return own.length > 0 && letters.length >= 40 && share(own) === 0;
  };
  if (share(locale.scripts) >= 0.5 && !ownLacking(lng, locale.scripts)) return undefined;
  const written = KNOWN.map((s) => [s, share([s])] as const)
    .filter(([, n]) => n >= 0.05)
    .sort((a, b) => b[1] - a[1])
    .map(([s]) => s);
  const likely = [...project.locales.values()].find(
    (l) =>
      l.code !== lng &&
      l.code !== project.workspace.sourceLocale &&
      l.scripts.length &&
      share(l.scripts) >= 0.9 &&
      !ownLacking(l.code, l.scripts),
  );
  return diag(
    'i18n/wrong-file',
    { file: fileName, start: 0, end: 1 },
    `${fileName} is labelled ${lng}, but its translations are written in ${written.join(', ') || 'other scripts'}, not ${locale.scripts.join(', ')}`,
    {
      hint: likely
        ? `if it is ${likely.name}, import it with --lang ${likely.code}`
        : `check that this is the ${locale.name} file`,
    },
  );
}
