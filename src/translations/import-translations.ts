import { parseDocument, type Document } from 'yaml';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Project } from '../model/project.js';
import { allSourceTexts, itemKeys } from '../compose/source-texts.js';
import { sourceHash } from './source-hash.js';
import type { UnitFile } from './translation-units.js';
import { keyLocation, openOrNew, setTranslation, toText } from './translation-files.js';

export interface ImportResult {
  /** New file texts by workspace-relative path (only files that change). */
  files: Map<string, string>;
  added: string[];
  updated: string[];
  unchanged: number;
  diagnostics: Diagnostic[];
}

/**
 * Plan an import: refuse a file for another language or made from English that has since changed;
 * otherwise compute the new translation files (order and comments kept) and lock fingerprints.
 */
export function planImport(project: Project, lng: string, file: UnitFile, fileName: string): ImportResult {
  const result: ImportResult = { files: new Map(), added: [], updated: [], unchanged: 0, diagnostics: [] };
  const at = { file: fileName, start: 0, end: 1 };
  const locale = project.locales.get(lng);
  if (!locale) {
    result.diagnostics.push(
      diag('ref/unknown-locale', at, `no language "${lng}" in locales/`, {
        hint: 'create locales/<lng>/locale.yaml first',
      }),
    );
    return result;
  }
  if (file.targetLanguage && file.targetLanguage !== lng) {
    result.diagnostics.push(
      diag('i18n/wrong-file', at, `${fileName} holds ${file.targetLanguage} translations, not ${lng}`, {
        hint: `run with --lang ${file.targetLanguage}`,
      }),
    );
    return result;
  }
  const sources = allSourceTexts(project);
  const items = itemKeys(project);
  const changedSince: string[] = [];
  for (const u of file.units) {
    const src = sources.get(u.key);
    if (!src)
      result.diagnostics.push(
        diag('i18n/unknown-key', at, `${fileName}: "${u.key}" is not a text of this workspace`, {
          hint: 'the file was exported from another workspace, or the text was removed',
        }),
      );
    else if (u.sourceHash !== sourceHash(src.text)) changedSince.push(u.key);
  }
  if (changedSince.length)
    result.diagnostics.push(
      diag(
        'i18n/stale',
        at,
        `${fileName} was exported from English that has changed since (${changedSince.length} text(s), e.g. "${changedSince[0]}")`,
        {
          hint: `export again with \`openletter translations export --lang ${lng}\` and carry the translations over`,
        },
      ),
    );
  if (result.diagnostics.length) return result;
  // A translation file that does not parse would be rewritten from a broken tree: refuse instead.
  const broken = [...project.files.keys()].filter(
    (rel) =>
      rel.startsWith(`locales/${lng}/`) &&
      rel.endsWith('.yaml') &&
      parseDocument(project.files.get(rel)!).errors.length > 0,
  );
  for (const rel of broken)
    result.diagnostics.push(
      diag('yaml/syntax', { file: rel, start: 0, end: 1 }, `${rel} is not valid YAML; nothing was imported`, {
        hint: 'run `openletter check`, fix the file, then import again',
      }),
    );
  if (broken.length) return result;

  const docs = new Map<string, Document>();
  const open = (rel: string) => {
    let d = docs.get(rel);
    if (!d) {
      // The loader already holds every workspace file's text (BOM removed): no second read.
      d = openOrNew(project.files.get(rel), `${lng} translations (openletter)`);
      docs.set(rel, d);
    }
    return d;
  };
  const lock = new Map(locale.sourceHashes);
  for (const u of file.units) {
    if (!u.target.trim()) continue;
    const current = locale.translations.get(u.key)?.text;
    const loc = keyLocation(lng, u.key, items.has(u.key))!;
    if (current !== u.target) {
      setTranslation(open(loc.file), loc.path, u.target);
      (current === undefined ? result.added : result.updated).push(u.key);
    } else result.unchanged++;
    lock.set(u.key, u.sourceHash);
  }
  for (const [rel, doc] of docs) result.files.set(rel, toText(doc));
  if (!sameMap(lock, locale.sourceHashes)) result.files.set(lockPath(lng), lockText(lock));
  return result;
}

/** Mark every current translation of a language as made from the current English. */
export function planStamp(project: Project, lng: string): Map<string, string> {
  const locale = project.locales.get(lng);
  if (!locale) return new Map();
  const sources = allSourceTexts(project);
  const lock = new Map(locale.sourceHashes);
  for (const key of locale.translations.keys()) {
    const src = sources.get(key);
    if (src) lock.set(key, sourceHash(src.text));
  }
  return sameMap(lock, locale.sourceHashes) ? new Map() : new Map([[lockPath(lng), lockText(lock)]]);
}

const lockPath = (lng: string) => `locales/${lng}/sources.lock.json`;

/** Sorted keys, one per line: diffs of the lock file stay readable. */
function lockText(lock: ReadonlyMap<string, string>): string {
  return `${JSON.stringify(Object.fromEntries([...lock].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), null, 2)}\n`;
}

function sameMap(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}
