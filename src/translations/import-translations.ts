import { parseDocument, type Document } from 'yaml';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Project } from '../model/project.js';
import type { Span } from '../model/span.js';
import { allSourceTexts, itemKeys } from '../compose/source-texts.js';
import { RTL_LETTER, RTL_SCRIPTS } from '../load/control-scan.js';
import { describeChar, findControls } from '../util/control-chars.js';
import { codeDifference } from './inline-codes.js';
import { scriptMismatch } from './script-check.js';
import { sourceHash } from './source-hash.js';
import { recordSources } from './source-store.js';
import { sourceChange } from './translation-status.js';
import type { TranslationUnit, UnitFile } from './translation-units.js';
import { keyLocation, openOrNew, paramNodePath, setTranslation, toText } from './translation-files.js';
import { paramFormSource } from './param-form-units.js';

export interface ImportResult {
  /** New file texts by workspace-relative path (only files that change). */
  files: Map<string, string>;
  added: string[];
  updated: string[];
  unchanged: number;
  /** Texts the file does not confirm (a draft, or a stale text sent back untouched): left as they were. */
  unconfirmed: string[];
  diagnostics: Diagnostic[];
}

const sameText = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

/**
 * The workspace language a file's language tag names: a locale's code or BCP 47 tag ("ko",
 * "ko-KR"), or the one locale sharing its language ("ko-KR" from Trados for a `ko` whose tag is
 * "ko"). Undefined when none or several do.
 */
export function localeOfTag(project: Project, tag: string): string | undefined {
  const t = tag.toLowerCase().replace(/_/g, '-');
  const locales = [...project.locales.values()];
  const exact = locales.find((l) => l.code.toLowerCase() === t || l.tag.toLowerCase() === t);
  if (exact) return exact.code;
  const primary = t.split('-')[0];
  const same = locales.filter((l) => l.code.toLowerCase().split('-')[0] === primary);
  return same.length === 1 ? same[0]!.code : undefined;
}

/**
 * Plan an import. Refused, with every reason at once: a file for another language (by its label
 * or by the script its translations are written in), for the source language, made from English
 * that has changed since, whose source column is not the English (swapped columns), or whose
 * translations drop or add a `{{parameter}}` or markup, or hold control characters. Otherwise the
 * new translation files (order and comments kept) and lock fingerprints.
 *
 * The lock (which English a translation was made from) is only updated for a translation the file
 * confirms: a new or changed text, or one its tool marks translated, signed off or approved. A
 * stale text sent back untouched, or a draft marked for review, stays as it was.
 */
export function planTranslationImport(project: Project, lng: string, file: UnitFile, fileName: string): ImportResult {
  const result: ImportResult = {
    files: new Map(),
    added: [],
    updated: [],
    unchanged: 0,
    unconfirmed: [],
    diagnostics: [],
  };
  const at = (u?: TranslationUnit): Span => ({ file: fileName, start: u?.offset ?? 0, end: (u?.offset ?? 0) + 1 });
  const problem = (...args: Parameters<typeof diag>) => result.diagnostics.push(diag(...args));
  const locale = project.locales.get(lng);
  if (!lng) {
    problem('i18n/wrong-file', at(), `${fileName} does not say which language it holds`, {
      hint: 'name it with --lang <code>',
    });
    return result;
  }
  if (lng === project.workspace.sourceLocale) {
    problem(
      'i18n/wrong-file',
      at(),
      `${fileName} is for ${lng}, the source language: translations go into the other languages`,
      { hint: `name the language it is written in with --lang <code>` },
    );
    return result;
  }
  if (!locale) {
    problem('ref/unknown-locale', at(), `no language "${lng}" in locales/`, {
      hint: 'create locales/<lng>/locale.yaml first',
    });
    return result;
  }
  if (file.targetLanguage && localeOfTag(project, file.targetLanguage) !== lng) {
    problem('i18n/wrong-file', at(), `${fileName} holds ${file.targetLanguage} translations, not ${lng}`, {
      hint: `run with --lang ${file.targetLanguage}`,
    });
    return result;
  }
  // A parameter's form has no English text of its own: it is checked against what it is a form of.
  const texts = allSourceTexts(project);
  const sources = { get: (key: string) => texts.get(key) ?? paramFormSource(project, key) };
  const items = itemKeys(project);
  const changedSince: TranslationUnit[] = [];
  for (const u of file.units) {
    const src = sources.get(u.key);
    if (!src) {
      problem('i18n/unknown-key', at(u), `"${u.key}" is not a text of this workspace`, {
        hint: 'the file was exported from another workspace, or the text was removed',
      });
      continue;
    }
    const current = sourceHash(src.text);
    // A tool that drops openletter's notes leaves no fingerprint: the source text itself must then match.
    if (u.sourceHash ? u.sourceHash !== current : !sameText(u.source, src.text)) {
      changedSince.push(u);
      continue;
    }
    if (u.source && !sameText(u.source, src.text)) {
      const swapped = sameText(u.target, src.text);
      problem(
        'i18n/wrong-file',
        at(u),
        `the source of "${u.key}" is not its English text${swapped ? ', and the translation is: the source and translation columns are swapped' : ''}`,
        {
          hint: swapped
            ? 'swap the two columns back (English under "source (en)", the translation under "translation")'
            : 'the source column must hold the English exactly as exported; put the translation in its own column',
        },
      );
    }
  }
  if (changedSince.length) {
    const first = changedSince[0]!;
    problem(
      'i18n/stale',
      at(first),
      `${fileName} was exported from English that has changed since (${changedSince.length} text(s), e.g. "${first.key}")`,
      {
        hint: `export again with \`openletter translations export --lang ${lng}\` and carry the translations over`,
        // What the translator worked from (the file's source) against the English now.
        ...(first.source ? { change: sourceChange(project, first.source, sources.get(first.key)!.text) } : {}),
      },
    );
  }
  if (result.diagnostics.length) return result;
  const wrongScript = scriptMismatch(project, lng, file.units, fileName);
  if (wrongScript) {
    result.diagnostics.push(wrongScript);
    return result;
  }
  const rtl = locale.scripts.some((s) => RTL_SCRIPTS.includes(s));
  for (const u of file.units) {
    if (!u.target.trim()) continue;
    const bad = findControls(u.target).find((f) => f.kind === 'control' || !(rtl || RTL_LETTER.test(u.target)));
    if (bad)
      problem(
        bad.kind === 'bidi' ? 'text/bidi-control' : 'text/control-char',
        at(u),
        `the translation of "${u.key}" holds ${describeChar(bad.char)} (character ${bad.index + 1})`,
        { hint: 'delete it in the file (it is invisible), then import again' },
      );
    const codes = codeDifference(sources.get(u.key)!.text, u.target);
    if (codes.missing.length || codes.extra.length)
      problem(
        'i18n/placeholder-mismatch',
        at(u),
        `the translation of "${u.key}" ${[
          codes.missing.length ? `lacks ${codes.missing.join(' ')}` : '',
          codes.extra.length ? `adds ${codes.extra.join(' ')}` : '',
        ]
          .filter(Boolean)
          .join(' and ')}`,
        {
          hint: 'keep every {{parameter}} and marker (**, *, [ ](…)) of the English; in a CAT tool, place each tag of the source',
        },
      );
  }
  if (result.diagnostics.length) return result;
  // A translation file that does not parse, or that was read with a wrong encoding, would be
  // rewritten from a broken tree: refuse instead.
  const broken = [...project.files.keys()].filter(
    (rel) =>
      rel.startsWith(`locales/${lng}/`) &&
      rel.endsWith('.yaml') &&
      (project.files.get(rel)!.includes('\uFFFD') || parseDocument(project.files.get(rel)!).errors.length > 0),
  );
  for (const rel of broken)
    problem(
      'yaml/syntax',
      { file: rel, start: 0, end: 1 },
      `${rel} is not ${project.files.get(rel)!.includes('\uFFFD') ? 'valid UTF-8' : 'valid YAML'}; nothing was imported`,
      { hint: 'run `openletter check`, fix the file, then import again' },
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
    const hash = sourceHash(sources.get(u.key)!.text);
    if (current === u.target) {
      result.unchanged++;
      // Sent back as it was exported: only the tool's "translated"/"approved" confirms it.
      if (u.state === 'translated') lock.set(u.key, hash);
      else if (locale.sourceHashes.has(u.key) && locale.sourceHashes.get(u.key) !== hash)
        result.unconfirmed.push(u.key);
      continue;
    }
    if (u.state === 'needs-review') {
      result.unconfirmed.push(u.key);
      continue;
    }
    const loc = keyLocation(lng, u.key, items.has(u.key))!;
    const doc = open(loc.file);
    setTranslation(doc, paramNodePath(doc, loc.path), u.target);
    (current === undefined ? result.added : result.updated).push(u.key);
    lock.set(u.key, hash);
  }
  for (const [rel, doc] of docs) result.files.set(rel, toText(doc));
  for (const [rel, text] of recordSources(project, lng, lock)) result.files.set(rel, text);
  return result;
}

/**
 * Mark every current translation of a language as made from the current English: the files that
 * change (the lock, and the store of the English it points at).
 */
export function planStamp(project: Project, lng: string): Map<string, string> {
  const locale = project.locales.get(lng);
  if (!locale) return new Map();
  const sources = allSourceTexts(project);
  const lock = new Map(locale.sourceHashes);
  for (const key of locale.translations.keys()) {
    const src = sources.get(key);
    if (src) lock.set(key, sourceHash(src.text));
  }
  return recordSources(project, lng, lock);
}
