import { Document, isMap, isScalar, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { parseKey } from '../model/translation-key.js';

/**
 * Where a translation key lives: its file under locales/<lng>/ and its path inside it.
 * "demands:icrc.variants.2018.0" → demands.yaml, ["icrc", "variants", "2018", 0].
 */
export function keyLocation(
  lng: string,
  key: string,
  isItem: boolean,
): { file: string; path: (string | number)[] } | undefined {
  const k = parseKey(key);
  if (!k || k.ns === 'chrome') return undefined;
  // demands.yaml holds every block (the owner is the first level); a campaign's file holds one campaign.
  const parts = k.ns === 'demands' ? [k.owner, ...k.path] : k.path;
  const file = k.ns === 'demands' ? `locales/${lng}/demands.yaml` : `locales/${lng}/campaigns/${k.owner}.yaml`;
  // Numbers index lists, except names under "variants" and "params" (a variant may be called "2018").
  const path = parts.map((p, i) =>
    /^\d+$/.test(p) && parts[i - 1] !== 'variants' && parts[i - 1] !== 'params' ? Number(p) : p,
  );
  if (isItem) path.push('item');
  return { file, path };
}

/**
 * Set a string at a path in a YAML document, creating maps and lists as needed and keeping the
 * rest of the file (order, comments) as it was. Every step of the path gets the collection its
 * next key needs: a list before a number, a map before a name (so "sections.0.heading" in a new
 * file becomes `sections: [{heading: …}]`, and a list padded with nulls gets a map in its slot).
 */
export function setTranslation(doc: Document, path: (string | number)[], value: string): void {
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const here = path.slice(0, i);
    const node = i === 0 ? doc.contents : doc.getIn(here, true);
    if (typeof key === 'number') {
      if (!isSeq(node)) setNode(doc, here, doc.createNode([]));
      const seq = (i === 0 ? doc.contents : doc.getIn(here, true)) as YAMLSeq;
      // Pad the list with nulls so index `key` exists (yaml would otherwise leave a hole).
      while (seq.items.length <= key) seq.items.push(doc.createNode(null));
    } else if (!isMap(node)) setNode(doc, here, doc.createNode({}));
  }
  doc.setIn(path, value);
}

/**
 * A parameter's value and its forms share one node in a translation file (`country: Беларусь`, or
 * `country: {name: Беларусь, in: в Беларуси}`): the path to write at `path` so neither is lost. A
 * form added to a plain value makes it the map's `name:`; a value written to a map goes to `name:`.
 */
export function paramNodePath(doc: Document, path: (string | number)[]): (string | number)[] {
  if (path[0] !== 'params' || path.length < 2) return path;
  const at = path.slice(0, 2);
  const node = doc.getIn(at, true);
  if (path.length === 2) return isMap(node) ? [...at, 'name'] : path;
  if (isScalar(node)) {
    const map = doc.createNode({}) as YAMLMap;
    map.set('name', node);
    doc.setIn(at, map);
  }
  return path;
}

function setNode(doc: Document, path: (string | number)[], node: unknown): void {
  if (path.length === 0) doc.contents = node as Document['contents'];
  else doc.setIn(path, node);
}

export function openOrNew(text: string | undefined, header: string): Document {
  if (text !== undefined) return parseDocument(text);
  // A fresh block mapping with a comment line on top (a flow "{}" would stay flow style).
  const doc = new Document({}) as Document;
  doc.commentBefore = ` ${header}`;
  return doc;
}

export const toText = (doc: Document) => doc.toString({ lineWidth: 0 });
