import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { SourcedText } from '../model/span.js';
import { keyFromPath, type KeyNamespace } from '../model/translation-key.js';
import { scalarOffsets, type YamlFile } from './yaml-file.js';

/**
 * Flatten a nested YAML tree of strings into translation keys ("campaigns:<id>.sections.0.intro.1"),
 * keeping each string's span. `owner` is prepended to each path (a campaign's translation file
 * holds one campaign). A `{ item: "…" }` mapping inside a list counts as one leaf (a bullet item).
 * Non-string leaves are returned as `problems` so the caller can report them.
 */
export function flattenYaml(
  file: YamlFile,
  ns: KeyNamespace,
  owner: readonly string[] = [],
): { leaves: Map<string, SourcedText>; problems: { key: string; node: Node }[] } {
  const leaves = new Map<string, SourcedText>();
  const problems: { key: string; node: Node }[] = [];
  const walk = (node: unknown, path: string[]): void => {
    const key = keyFromPath(ns, [...owner, ...path]);
    if (isScalar(node)) {
      if (typeof node.value === 'string' && node.range) {
        const span = { file: file.path, start: node.range[0], end: node.range[1] };
        const offsets = scalarOffsets(file.text, node, node.value);
        leaves.set(key, offsets ? { text: node.value, span, offsets } : { text: node.value, span });
      } else if (node.value !== null) problems.push({ key, node });
      return;
    }
    if (isSeq(node)) {
      node.items.forEach((child, i) => walk(child, [...path, String(i)]));
      return;
    }
    if (isMap(node)) {
      const only = node.items.length === 1 ? node.items[0] : undefined;
      if (only && isScalar(only.key) && only.key.value === 'item' && path.length) {
        walk(only.value, path);
        return;
      }
      for (const pair of node.items) {
        const k = isScalar(pair.key) ? String(pair.key.value) : '?';
        walk(pair.value, [...path, k]);
      }
    }
  };
  walk(file.doc.contents, []);
  return { leaves, problems };
}
