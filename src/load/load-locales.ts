import type { z } from 'zod';
import type { LocaleInfo } from '../model/project.js';
import type { SourcedText } from '../model/span.js';
import { diag } from '../diagnostics/diagnostic.js';
import { flattenYaml } from './flatten-yaml.js';
import { paramValueKey } from '../model/translation-key.js';
import { loadLocaleFonts } from './load-locale-fonts.js';
import type { FileReader } from './read-files.js';
import { chromeSchema, localeSchema, signatoryNamesSchema, sourcesLockSchema, sourceTextsSchema } from './schemas.js';
import { validateFile } from './validate.js';
import { spanAt } from './yaml-file.js';

/** Load every locales/<lng>/ folder: metadata, chrome and translations. */
export function loadLocales(reader: FileReader): Map<string, LocaleInfo> {
  const out = new Map<string, LocaleInfo>();
  for (const code of reader.list('locales', { dirs: true }))
    reader.within({ kind: 'letter', locale: code }, () => loadLocale(reader, code, out));
  return out;
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
  out.set(code, {
    code,
    name: meta.value.name,
    tag: meta.value.tag,
    fonts: loadLocaleFonts(reader, metaFile, meta.value.fonts),
    lineBreak: meta.value.line_break,
    typography: {
      paragraphIndent: meta.value.typography.paragraph_indent,
      emphasis: meta.value.typography.emphasis,
      signOffAlign: meta.value.typography.sign_off_align,
    },
    chrome: chromeFlat,
    dateFormat: (chrome.value.date ?? {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
    }) as Intl.DateTimeFormatOptions,
    translations,
    scripts: meta.value.scripts,
    punctuationSpace: meta.value.punctuation_space,
    sourceHashes: loadJsonMap(
      reader,
      `${dir}/sources.lock.json`,
      sourcesLockSchema,
      'text keys to 12-digit fingerprints',
    ),
    sourceTexts: loadJsonMap(reader, `${dir}/source-texts.json`, sourceTextsSchema, '12-digit fingerprints to texts'),
    signatoryNames,
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
