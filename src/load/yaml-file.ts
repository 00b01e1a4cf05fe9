import { isNode, isScalar, parseDocument, type Document } from 'yaml';
import type { Span, SourcedText } from '../model/span.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';

/** A parsed YAML file that remembers where every node came from. */
export interface YamlFile {
  /** Workspace-relative path. */
  path: string;
  text: string;
  doc: Document.Parsed;
}

/** Path into a YAML document, as zod reports it. */
export type NodePath = readonly (string | number)[];

/**
 * Parse YAML text, reporting syntax problems as diagnostics (all of them, not just the first).
 * Aliases are limited so a "billion laughs" file fails fast instead of expanding.
 */
export function parseYamlFile(path: string, text: string): { file: YamlFile; diagnostics: Diagnostic[] } {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true, keepSourceTokens: false });
  const diagnostics: Diagnostic[] = [];
  // Only the first syntax error per file: the parser's later errors are mostly echoes of it.
  for (const e of doc.errors.slice(0, 1)) {
    const code = e.code === 'DUPLICATE_KEY' ? 'yaml/duplicate-key' : 'yaml/syntax';
    const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    diagnostics.push(
      diag(code, { file: path, start: e.pos[0], end: Math.max(e.pos[1], e.pos[0] + 1) }, message, {
        hint:
          code === 'yaml/duplicate-key'
            ? 'remove or rename one of the two keys'
            : 'check indentation and quoting near here',
      }),
    );
  }
  return { file: { path, text, doc }, diagnostics };
}

/** Convert to plain JS, refusing alias bombs. Returns undefined (with a diagnostic) if that fails. */
export function toPlain(file: YamlFile): { value: unknown; diagnostics: Diagnostic[] } {
  try {
    return { value: file.doc.toJS({ maxAliasCount: 50 }), diagnostics: [] };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return {
      value: undefined,
      diagnostics: [
        diag('yaml/syntax', { file: file.path, start: 0, end: 1 }, `cannot read YAML: ${msg}`, {
          hint: 'avoid YAML aliases (*name); write values out',
        }),
      ],
    };
  }
}

/** The span of the node at `path`, or of its nearest existing ancestor (for a missing key). */
export function spanAt(file: YamlFile, path: NodePath): Span {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? file.doc.contents : file.doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) {
      let [start, valueEnd] = node.range;
      // A block scalar (">-", "|") starts at its indicator; point at the text on the next line instead.
      if (isScalar(node) && (node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL')) {
        const nl = file.text.indexOf('\n', start);
        if (nl >= 0 && nl < valueEnd) {
          start = nl + 1;
          while (start < valueEnd && file.text[start] === ' ') start++;
        }
      }
      // For a missing key, point at the parent key's line rather than the whole block.
      const end =
        n < path.length
          ? Math.min(valueEnd, file.text.indexOf('\n', start) < 0 ? valueEnd : file.text.indexOf('\n', start))
          : valueEnd;
      return { file: file.path, start, end: Math.max(end, start + 1) };
    }
  }
  return { file: file.path, start: 0, end: 1 };
}

/** The span of the key (not the value) at `path`, useful for "unknown key" problems. */
export function keySpanAt(file: YamlFile, path: NodePath): Span {
  const parent = path.length > 1 ? file.doc.getIn(path.slice(0, -1), true) : file.doc.contents;
  const last = path[path.length - 1];
  if (parent && typeof parent === 'object' && 'items' in parent) {
    for (const item of (parent as { items: unknown[] }).items) {
      const key = (item as { key?: unknown }).key;
      if (isScalar(key) && key.value === last && key.range)
        return { file: file.path, start: key.range[0], end: key.range[1] };
    }
  }
  return spanAt(file, path);
}

/** A string value together with its span. */
export function sourcedAt(file: YamlFile, path: NodePath, text: string): SourcedText {
  return { text, span: spanAt(file, path) };
}

/**
 * Narrow a span to where `needle` occurs inside the value's source, when it can be found verbatim
 * (plain and quoted one-line scalars); otherwise the whole value.
 */
export function subSpan(files: ReadonlyMap<string, string>, span: Span, needle: string): Span {
  const text = files.get(span.file);
  if (text === undefined || !needle) return span;
  const at = text.slice(span.start, span.end).indexOf(needle);
  if (at < 0) return span;
  return { file: span.file, start: span.start + at, end: span.start + at + needle.length };
}
