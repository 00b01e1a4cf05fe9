import type { Span } from '../model/span.js';
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
}

export function diag(
  code: Code,
  span: Span | undefined,
  message: string,
  extra: { hint?: string; related?: { message: string; span: Span }[]; severity?: Severity } = {},
): Diagnostic {
  const d: Diagnostic = { code, severity: extra.severity ?? severityOf(code), message, span };
  if (extra.hint) d.hint = extra.hint;
  if (extra.related?.length) d.related = extra.related;
  return d;
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

/** The same problem found twice (e.g. a shared demand block in two letters) is reported once. */
export function dedupeDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.code}|${d.span?.file}|${d.span?.start}|${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
