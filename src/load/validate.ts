import type { z } from 'zod';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { keySpanAt, spanAt, toPlain, type YamlFile } from './yaml-file.js';
import { closest } from '../util/closest.js';

/**
 * Validate a parsed YAML file against a schema. Every issue becomes a diagnostic pointing at the
 * offending key or value (or, for a missing key, at its parent).
 */
export function validateFile<S extends z.ZodType>(file: YamlFile, schema: S): { value: z.output<S> | undefined; diagnostics: Diagnostic[] } {
  const plain = toPlain(file);
  if (plain.value === undefined && plain.diagnostics.length) return { value: undefined, diagnostics: plain.diagnostics };
  const parsed = schema.safeParse(plain.value ?? null);
  if (parsed.success) return { value: parsed.data, diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  for (const issue of parsed.error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const where = path.length ? path.join('.') : 'the file';
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const known = knownKeys(schema, path);
        const guess = closest(key, known);
        diagnostics.push(
          diag('schema/invalid', keySpanAt(file, [...path, key]), `unknown key "${key}"${path.length ? ` in ${where}` : ''}`, {
            hint: guess ? `did you mean "${guess}"?` : known.length ? `known keys: ${known.join(', ')}` : 'remove it',
          }),
        );
      }
      continue;
    }
    const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
    const message = missing ? `missing required field "${String(path[path.length - 1] ?? '')}"` : `${where}: ${issue.message.replace(/^Invalid input: /, '')}`;
    diagnostics.push(diag('schema/invalid', spanAt(file, path), message, { hint: missing ? `add "${String(path[path.length - 1])}:" here` : hintFor(issue) }));
  }
  return { value: undefined, diagnostics };
}

function hintFor(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `expected ${issue.expected}`;
  if (issue.code === 'invalid_value' && 'values' in issue) return `use one of: ${(issue.values as unknown[]).map(String).join(', ')}`;
  return 'see docs/workspace-format.md for this file\'s format';
}

/** The keys a strict object schema accepts at a path (for "did you mean"). */
function knownKeys(schema: z.ZodType, path: readonly (string | number)[]): string[] {
  let s: unknown = schema;
  for (const p of path) {
    s = unwrap(s);
    const def = (s as { def?: { type?: string; element?: unknown; shape?: Record<string, unknown>; valueType?: unknown } }).def;
    if (!def) return [];
    if (def.type === 'array') s = def.element;
    else if (def.type === 'object' && def.shape && typeof p === 'string') s = def.shape[p];
    else if (def.type === 'record') s = def.valueType;
    else return [];
  }
  s = unwrap(s);
  const shape = (s as { def?: { shape?: Record<string, unknown> } }).def?.shape;
  return shape ? Object.keys(shape) : [];
}

function unwrap(s: unknown): unknown {
  for (let i = 0; i < 10; i++) {
    const def = (s as { def?: { type?: string; innerType?: unknown; in?: unknown } } | undefined)?.def;
    if (!def) return s;
    if (def.type === 'default' || def.type === 'optional' || def.type === 'nullable') s = def.innerType;
    else if (def.type === 'pipe') s = def.in;
    else return s;
  }
  return s;
}
