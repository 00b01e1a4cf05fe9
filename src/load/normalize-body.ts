import type { Body } from '../model/project.js';
import type { WrittenBody } from './schemas.js';
import { sourcedAt, type NodePath, type YamlFile } from './yaml-file.js';

/** Written body (strings and `{item}`) → resolved body with each text's span. */
export function normalizeBody(file: YamlFile, path: NodePath, body: WrittenBody): Body {
  return body.map((el, i) =>
    typeof el === 'string'
      ? { kind: 'paragraph' as const, text: sourcedAt(file, [...path, i], el) }
      : { kind: 'item' as const, text: sourcedAt(file, [...path, i, 'item'], el.item) },
  );
}
