import type { Project } from '../model/project.js';
import { allSourceTexts } from '../compose/source-texts.js';
import { sourceHash } from './source-hash.js';

export const lockPath = (lng: string) => `locales/${lng}/sources.lock.json`;
export const storePath = (lng: string) => `locales/${lng}/source-texts.json`;

/**
 * The files that record which English a language's translations were made from: the lock (key →
 * fingerprint) and the store (fingerprint → that English), so that once the English changes, a
 * stale translation can show the words that changed. The store keeps only the fingerprints the lock
 * references: the English now for those that still match, the recorded text for those gone stale.
 * Only files whose content changes are returned, so a run that changes nothing writes nothing; a
 * workspace from before the store existed gets it on its next stamp or import.
 */
export function recordSources(project: Project, lng: string, lock: ReadonlyMap<string, string>): Map<string, string> {
  const locale = project.locales.get(lng);
  if (!locale) return new Map();
  const now = new Map<string, string>();
  for (const s of allSourceTexts(project).values()) now.set(sourceHash(s.text), s.text);
  const store = new Map<string, string>();
  for (const hash of lock.values()) {
    const text = now.get(hash) ?? locale.sourceTexts.get(hash);
    if (text !== undefined) store.set(hash, text);
  }
  const files = new Map<string, string>();
  if (!sameMap(lock, locale.sourceHashes)) files.set(lockPath(lng), jsonMapText(lock));
  if (!sameMap(store, locale.sourceTexts)) files.set(storePath(lng), jsonMapText(store));
  return files;
}

/** Sorted keys, one per line: the same map is always the same bytes, and diffs stay readable. */
export function jsonMapText(map: ReadonlyMap<string, string>): string {
  const sorted = [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${JSON.stringify(Object.fromEntries(sorted), null, 2)}\n`;
}

function sameMap(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}
