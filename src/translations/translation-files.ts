import { Document, isMap, isSeq, parseDocument } from 'yaml';

/**
 * Where a translation key lives: its file under locales/<lng>/ and its path inside it.
 * "demands:icrc.variants.2018.0" → demands.yaml, ["icrc", "variants", "2018", 0].
 */
export function keyLocation(
  lng: string,
  key: string,
  isItem: boolean,
): { file: string; path: (string | number)[] } | undefined {
  const m = /^(demands|campaigns):(.+)$/.exec(key);
  if (!m) return undefined;
  const parts = m[2]!.split('.');
  let file: string;
  if (m[1] === 'demands') file = `locales/${lng}/demands.yaml`;
  else file = `locales/${lng}/campaigns/${parts.shift()}.yaml`;
  // Numbers index lists, except names under "variants" and "params" (a variant may be called "2018").
  const path = parts.map((p, i) =>
    /^\d+$/.test(p) && parts[i - 1] !== 'variants' && parts[i - 1] !== 'params' ? Number(p) : p,
  );
  if (isItem) path.push('item');
  return { file, path };
}

/**
 * Set a string at a path in a YAML document, creating maps and lists as needed and keeping the
 * rest of the file (order, comments) as it was.
 */
export function setTranslation(doc: Document, path: (string | number)[], value: string): void {
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    if (typeof key !== 'number') continue;
    // Pad a list with nulls so index `key` exists (yaml would otherwise leave a hole).
    const seqPath = path.slice(0, i);
    let seq = doc.getIn(seqPath, true);
    if (!isSeq(seq)) {
      doc.setIn(seqPath, doc.createNode([]));
      seq = doc.getIn(seqPath, true);
    }
    if (isSeq(seq)) while (seq.items.length <= key) seq.items.push(doc.createNode(null));
  }
  if (path[path.length - 1] === 'item') {
    const parent = doc.getIn(path.slice(0, -1), true);
    if (!isMap(parent)) doc.setIn(path.slice(0, -1), doc.createNode({}));
  }
  doc.setIn(path, value);
}

export function openOrNew(text: string | undefined, header: string): Document {
  if (text !== undefined) return parseDocument(text);
  // A fresh block mapping with a comment line on top (a flow "{}" would stay flow style).
  const doc = new Document({}) as Document;
  doc.commentBefore = ` ${header}`;
  return doc;
}

export const toText = (doc: Document) => doc.toString({ lineWidth: 0 });
