import type { z } from 'zod';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { keySpanAt, spanAt, toPlain, type YamlFile } from './yaml-file.js';
import { closest } from '../util/closest.js';
import { RESERVED_NAMES } from './schemas.js';

/**
 * Validate a parsed YAML file against a schema. Every issue becomes a diagnostic pointing at the
 * offending key or value (or, for a missing key, at its parent).
 */
export function validateFile<S extends z.ZodType>(
  file: YamlFile,
  schema: S,
): { value: z.output<S> | undefined; diagnostics: Diagnostic[] } {
  const plain = toPlain(file);
  if (plain.value === undefined && plain.diagnostics.length)
    return { value: undefined, diagnostics: plain.diagnostics };
  return validateValue(file, plain.value ?? null, schema, []);
}

/** Validate a value found at `prefix` inside a file (e.g. one roster entry), reporting with spans. */
export function validateValue<S extends z.ZodType>(
  file: YamlFile,
  value: unknown,
  schema: S,
  prefix: (string | number)[],
): { value: z.output<S> | undefined; diagnostics: Diagnostic[] } {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { value: parsed.data, diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const issues = parsed.error.issues.flatMap(withinUnion);
  // "titel" where "title" is missing is one mistake: report the unknown key with "did you mean", not both.
  const typoFor = new Set<string>();
  for (const issue of issues)
    if (issue.code === 'unrecognized_keys')
      for (const key of issue.keys) {
        const g = closest(
          key,
          knownKeys(
            schema,
            issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
          ),
        );
        if (g) typoFor.add([...issue.path, g].join('.'));
      }
  for (const issue of issues) {
    if (issue.code === 'invalid_type' && typoFor.has(issue.path.join('.'))) continue;
    const path = [...prefix, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')];
    const where = path.length ? path.join('.') : 'the file';
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const known = knownKeys(schema, path.slice(prefix.length));
        const guess = closest(key, known);
        diagnostics.push(
          diag(
            'schema/invalid',
            keySpanAt(file, [...path, key]),
            `unknown key "${key}"${path.length ? ` in ${where}` : ''}`,
            {
              hint: guess ? `did you mean "${guess}"?` : known.length ? `known keys: ${known.join(', ')}` : 'remove it',
            },
          ),
        );
      }
      continue;
    }
    const last = path[path.length - 1];
    if (last === 'id' && (issue.code === 'invalid_format' || issue.code === 'custom')) {
      const value = String(file.doc.getIn(path) ?? '');
      let safe = value
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 64);
      if (RESERVED_NAMES.test(safe)) safe = `${safe}-1`;
      diagnostics.push(
        diag('file/unsafe-name', spanAt(file, path), `id "${value}" is not safe as a file or folder name`, {
          hint: `use lowercase letters, digits and "-" only${safe ? `, e.g. "${safe}"` : ''}`,
        }),
      );
      continue;
    }
    const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
    const message = missing
      ? `missing required field "${String(path[path.length - 1] ?? '')}"`
      : `${where}: ${issue.message.replace(/^Invalid input: /, '')}`;
    diagnostics.push(
      diag('schema/invalid', spanAt(file, path), message, {
        hint: missing ? `add "${String(path[path.length - 1])}:" here` : hintFor(issue),
      }),
    );
  }
  return { value: undefined, diagnostics };
}

/**
 * A value that fits no option of a union: when it has the type of exactly one option (a list where
 * the union takes a text, an object or a list), that option's own problems, each at its place
 * ("head_of_mission.1.from: must be a date"), instead of one "Invalid input" for the whole value.
 */
function withinUnion(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union' || !('errors' in issue)) return [issue];
  const fits = issue.errors.filter((errs) => errs.every((e) => !(e.code === 'invalid_type' && e.path.length === 0)));
  if (fits.length !== 1) return [issue];
  return fits[0]!.flatMap((e) => withinUnion({ ...e, path: [...issue.path, ...e.path] } as z.core.$ZodIssue));
}

function hintFor(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type')
    return issue.expected === 'boolean' ? 'write true or false' : "see docs/workspace-format.md for this file's format";
  if (issue.code === 'invalid_value' && 'values' in issue)
    return `use one of: ${(issue.values as unknown[]).map(String).join(', ')}`;
  return "see docs/workspace-format.md for this file's format";
}

/** The keys a strict object schema accepts at a path (for "did you mean"). */
function knownKeys(schema: z.ZodType, path: readonly (string | number)[]): string[] {
  let s: unknown = schema;
  for (const p of path) {
    s = unwrap(s);
    const def = (
      s as { def?: { type?: string; element?: unknown; shape?: Record<string, unknown>; valueType?: unknown } }
    ).def;
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
