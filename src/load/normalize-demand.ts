import type { DemandBlock } from '../model/project.js';
import type { WrittenDemand } from './schemas.js';
import { normalizeBody } from './normalize-body.js';
import { sourcedAt, type YamlFile } from './yaml-file.js';

export function normalizeDemand(file: YamlFile, d: WrittenDemand): DemandBlock {
  const variants = new Map(
    Object.entries(d.variants ?? {}).map(([name, body]) => [name, normalizeBody(file, ['variants', name], body)]),
  );
  return {
    id: d.id,
    title: sourcedAt(file, ['title'], d.title),
    tags: d.tags,
    params: d.params,
    text: normalizeBody(file, ['text'], d.text),
    variants,
    span: { file: file.path, start: 0, end: 1 },
  };
}
