import type { Span } from '../model/span.js';
import type { DiffPart } from '../text/word-diff.js';
import { severityOf, type Code, type Severity } from './codes.js';

/** A problem found in user input. Broken invariants (bugs) are thrown as InternalError instead. */
export interface Diagnostic {
  code: Code;
  severity: Severity;
  message: string;
  /** Where it is; undefined only for problems with no file (e.g. a missing workspace). */
  span: Span | undefined;
  /** What to do about it. */
  hint?: string;
  /** Other places that explain it ("first listed here"). */
  related?: { message: string; span: Span }[];
  /** What it stands in the way of; absent: the whole workspace. */
  scope?: Scope;
  /** A text's word-level changes that explain it (the English since a translation was made). */
  change?: { label: string; parts: DiffPart[] };
}

/**
 * What a problem concerns, and so what an error in it blocks. `render` makes no letter that an error
 * concerns, `deliver` no packet; an error about the whole workspace blocks everything. A field left
 * out means "every": `{ kind: 'letter', locale: 'ko' }` concerns every Korean letter.
 */
export type Scope =
  | { kind: 'workspace' }
  | { kind: 'letter'; campaign?: string; locale?: string }
  | { kind: 'packet'; mission?: string; locale?: string };

export function diag(
  code: Code,
  span: Span | undefined,
  message: string,
  extra: Pick<Diagnostic, 'hint' | 'related' | 'scope' | 'change'> & { severity?: Severity } = {},
): Diagnostic {
  const d: Diagnostic = { code, severity: extra.severity ?? severityOf(code), message, span };
  if (extra.hint) d.hint = extra.hint;
  if (extra.related?.length) d.related = extra.related;
  if (extra.scope) d.scope = extra.scope;
  if (extra.change) d.change = extra.change;
  return d;
}

/** Gives `scope` to the problems from `from` on that have none yet (the finder knows what it read). */
export function scopeFrom(ds: Diagnostic[], from: number, scope: Scope): void {
  for (let i = from; i < ds.length; i++) {
    const d = ds[i] as Diagnostic;
    if (!d.scope) ds[i] = { ...d, scope };
  }
}

/** The narrowest scope covering both: what two findings of one problem block together. */
export function widenScope(a: Scope | undefined, b: Scope | undefined): Scope | undefined {
  if (!a || !b || a.kind === 'workspace' || b.kind === 'workspace') return undefined;
  if (a.kind !== b.kind) return undefined;
  const out: Record<string, string> = { kind: a.kind };
  for (const key of ['campaign', 'mission', 'locale'] as const) {
    const x = (a as Record<string, string | undefined>)[key];
    if (x !== undefined && x === (b as Record<string, string | undefined>)[key]) out[key] = x;
  }
  return out as Scope;
}

/** A value plus the problems found while producing it: what every stage returns. */
export interface Result<T> {
  value: T;
  diagnostics: Diagnostic[];
}

export function hasErrors(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.severity === 'error');
}

export { InternalError } from '../model/internal-error.js';

/** Sort for stable output: by file, then offset, then code. */
export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return [...ds].sort((a, b) => {
    const fa = a.span?.file ?? '';
    const fb = b.span?.file ?? '';
    if (fa !== fb) return fa < fb ? -1 : 1;
    const oa = a.span?.start ?? 0;
    const ob = b.span?.start ?? 0;
    if (oa !== ob) return oa - ob;
    return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  });
}

/**
 * The same problem found twice (e.g. a shared demand block in two letters) is reported once, with
 * a scope covering every finding: it blocks each letter it was found in.
 */
export function dedupeDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Map<string, number>();
  const out: Diagnostic[] = [];
  for (const d of ds) {
    const k = `${d.code}|${d.span?.file}|${d.span?.start}|${d.message}`;
    const at = seen.get(k);
    if (at === undefined) {
      seen.set(k, out.push(d) - 1);
      continue;
    }
    const first = out[at] as Diagnostic;
    if (JSON.stringify(first.scope) === JSON.stringify(d.scope)) continue;
    const { scope: _, ...rest } = first;
    const scope = widenScope(first.scope, d.scope);
    out[at] = scope ? { ...rest, scope } : rest;
  }
  return out;
}
