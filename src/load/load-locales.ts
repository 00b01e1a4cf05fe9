import type { z } from 'zod';
import type { LocaleInfo } from '../model/project.js';
import type { SourcedText } from '../model/span.js';
import { diag } from '../diagnostics/diagnostic.js';
import { flattenYaml } from './flatten-yaml.js';
import { paramValueKey } from '../model/translation-key.js';
import { loadLocaleFonts } from './load-locale-fonts.js';
import type { FileReader } from './read-files.js';
import {
  chromeSchema,
  countryNamesSchema,
  localeSchema,
  RESERVED_NAMES,
  signatoryNamesSchema,
  sourcesLockSchema,
  sourceTextsSchema,
} from './schemas.js';
import { validateFile } from './validate.js';
import { sourcedAt, spanAt } from './yaml-file.js';

/** A locale code as a folder name: a BCP 47-like tag ("ko", "zh-Hans", "pt-BR"). */
const LOCALE_CODE = /^[A-Za-z0-9]{1,8}(-[A-Za-z0-9]{1,8})*$/;

/** A tag in its usual case: language lowercase, script titlecase, region uppercase ("zh-Hans", "pt-BR"). */
const canonical = (code: string) =>
  code
    .split('-')
    .map((p, i) =>
      i > 0 && p.length === 4
        ? p[0]!.toUpperCase() + p.slice(1).toLowerCase()
        : i > 0 && p.length === 2
          ? p.toUpperCase()
          : p.toLowerCase(),
    )
    .join('-');

/** Load every locales/<lng>/ folder: metadata, chrome and translations. */
export function loadLocales(reader: FileReader): Map<string, LocaleInfo> {
  const out = new Map<string, LocaleInfo>();
  const codes = reader.list('locales', { dirs: true });
  for (const code of codes)
    reader.within({ kind: 'letter', locale: code }, () => {
      checkCode(reader, code, codes);
      loadLocale(reader, code, out);
    });
  return out;
}

/**
 * A locale code names files (`<code>.pdf`, `letter-<code>.pdf`) on every computer the workspace is
 * copied to: Windows refuses device names ("con.pdf") and, like macOS, sees "ko" and "KO" as one folder.
 */
function checkCode(reader: FileReader, code: string, codes: readonly string[]): void {
  const span = { file: `locales/${code}/locale.yaml`, start: 0, end: 1 };
  const twin = codes.find((c) => c !== code && c.toLowerCase() === code.toLowerCase());
  const problem = !LOCALE_CODE.test(code)
    ? 'is not a language code (letters and digits in parts joined by "-", e.g. ko, zh-Hans, pt-BR)'
    : RESERVED_NAMES.test(code.toLowerCase())
      ? 'is a device name on Windows: files named after it cannot be created there'
      : twin && (canonical(twin) === twin || (canonical(code) !== code && code > twin))
        ? `differs from locales/${twin}/ only by case: on Windows and macOS they are one folder`
        : undefined;
  if (problem)
    reader.diagnostics.push(
      diag('file/unsafe-name', span, `locales/${code}/ ${problem}`, {
        hint: twin ? `merge the two folders into locales/${twin}/` : "rename the folder to the language's BCP 47 code",
      }),
    );
}

/** One locales/<code>/ folder into `out`: its problems concern that language's letters. */
function loadLocale(reader: FileReader, code: string, out: Map<string, LocaleInfo>): void {
  const dir = `locales/${code}`;
  const metaFile = reader.yaml(`${dir}/locale.yaml`);
  const chromeFile = reader.yaml(`${dir}/letter.yaml`);
  if (!metaFile || !chromeFile) return;
  const meta = validateFile(metaFile, localeSchema);
  const chrome = validateFile(chromeFile, chromeSchema);
  reader.diagnostics.push(...meta.diagnostics, ...chrome.diagnostics);
  if (!meta.value || !chrome.value) return;
  const translations = new Map<string, SourcedText>();
  const addFlat = (rel: string, ns: 'demands' | 'campaigns', owner: string[]) => {
    const f = reader.yaml(rel, { required: false });
    if (!f) return;
    const { leaves, problems } = flattenYaml(f, ns, owner);
    for (const p of problems) {
      const span = p.node.range ? { file: rel, start: p.node.range[0], end: p.node.range[1] } : spanAt(f, []);
      reader.diagnostics.push(
        diag('schema/invalid', span, `translation "${p.key}" must be text`, { hint: 'quote the value' }),
      );
    }
    for (const [k, v] of leaves) translations.set(paramValueKey(k) ?? k, v);
  };
  addFlat(`${dir}/demands.yaml`, 'demands', []);
  for (const name of reader.list(`${dir}/campaigns`)) {
    const campaign = name.replace(/\.ya?ml$/, '');
    reader.within({ kind: 'letter', campaign, locale: code }, () =>
      addFlat(`${dir}/campaigns/${name}`, 'campaigns', [campaign]),
    );
  }
  const chromeFlat = flattenYaml(chromeFile, 'chrome').leaves;
  const signatoryNames = loadSignatoryNames(reader, `${dir}/signatories.yaml`);
  const { countryNames, placeNames } = loadCountryNames(reader, `${dir}/countries.yaml`);
  const fonts = loadLocaleFonts(reader, metaFile, meta.value.fonts);
  out.set(code, {
    code,
    name: meta.value.name,
    tag: meta.value.tag,
    fonts: fonts.ids,
    workspaceFonts: fonts.workspaceFonts,
    lineBreak: meta.value.line_break,
    typography: {
      paragraphIndent: meta.value.typography.paragraph_indent,
      emphasis: meta.value.typography.emphasis,
      emphasisDots: meta.value.typography.emphasis_dots,
      cjkLatinSpace: meta.value.typography.cjk_latin_space,
      signOffAlign: meta.value.typography.sign_off_align,
    },
    addressee: meta.value.addressee,
    salutation: meta.value.salutation,
    chrome: chromeFlat,
    // The locale's digits, unless letter.yaml's date names a numberingSystem of its own.
    dateFormat: {
      ...(meta.value.digits === undefined ? {} : { numberingSystem: meta.value.digits }),
      ...(chrome.value.date ?? { year: 'numeric', month: 'long', day: 'numeric' }),
    } as Intl.DateTimeFormatOptions,
    digits: meta.value.digits,
    monthNames: chrome.value.months,
    dayNames:
      chrome.value.days && Object.fromEntries(Object.entries(chrome.value.days).map(([d, t]) => [Number(d), t])),
    translations,
    scripts: meta.value.scripts,
    quotes: meta.value.quotes,
    punctuationSpace: meta.value.punctuation_space,
    sourceHashes: loadJsonMap(
      reader,
      `${dir}/sources.lock.json`,
      sourcesLockSchema,
      'text keys to 12-digit fingerprints',
    ),
    sourceTexts: loadJsonMap(reader, `${dir}/source-texts.json`, sourceTextsSchema, '12-digit fingerprints to texts'),
    signatoryNames,
    countryNames,
    placeNames,
    span: spanAt(metaFile, []),
  });
}

/** locales/<lng>/signatories.yaml: `<id>: name` or `<id>: { name, sort_as }`. */
function loadSignatoryNames(reader: FileReader, rel: string): LocaleInfo['signatoryNames'] {
  const out: LocaleInfo['signatoryNames'] = new Map();
  const f = reader.yaml(rel, { required: false });
  if (!f) return out;
  const v = validateFile(f, signatoryNamesSchema);
  reader.diagnostics.push(...v.diagnostics);
  for (const [id, entry] of Object.entries(v.value ?? {})) {
    const e = typeof entry === 'string' ? { name: entry, sort_as: undefined } : entry;
    out.set(id, { name: e.name, sortAs: e.sort_as, span: spanAt(f, [id]) });
  }
  return out;
}

/** locales/<lng>/countries.yaml: `names:` by ISO code, `places:` by the name as signed. */
function loadCountryNames(reader: FileReader, rel: string): Pick<LocaleInfo, 'countryNames' | 'placeNames'> {
  const out: Pick<LocaleInfo, 'countryNames' | 'placeNames'> = { countryNames: new Map(), placeNames: new Map() };
  const f = reader.yaml(rel, { required: false });
  if (!f) return out;
  const v = validateFile(f, countryNamesSchema);
  reader.diagnostics.push(...v.diagnostics);
  for (const [code, name] of Object.entries(v.value?.names ?? {}))
    out.countryNames.set(code, sourcedAt(f, ['names', code], name));
  for (const [place, name] of Object.entries(v.value?.places ?? {}))
    out.placeNames.set(place, sourcedAt(f, ['places', place], name));
  return out;
}

/**
 * The machine-written maps of a language, JSON rather than YAML (read on every run; JSON parses
 * ~20× faster): sources.lock.json, translation key → fingerprint of the English it was made from,
 * and source-texts.json, fingerprint → that English, so a stale translation can show what changed.
 */
function loadJsonMap(reader: FileReader, rel: string, schema: z.ZodType<Record<string, string>>, what: string) {
  const text = reader.text(rel);
  if (text === undefined) return new Map<string, string>();
  const hint = `delete it and run \`openletter translations stamp --lang ${rel.split('/')[1]}\``;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    reader.diagnostics.push(
      diag(
        'file/read',
        { file: rel, start: 0, end: 1 },
        `${rel} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`,
        { hint },
      ),
    );
    return new Map<string, string>();
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    reader.diagnostics.push(
      diag('schema/invalid', { file: rel, start: 0, end: 1 }, `${rel} is not a map of ${what}`, { hint }),
    );
    return new Map<string, string>();
  }
  return new Map(Object.entries(parsed.data));
}
