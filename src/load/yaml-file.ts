import { isNode, isScalar, parseDocument, type Document, type Scalar } from 'yaml';
import { OffsetMapBuilder, type OffsetMap } from '../model/offset-map.js';
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

/** A string value together with its span and the map from its characters to the file. */
export function sourcedAt(file: YamlFile, path: NodePath, text: string): SourcedText {
  const node = file.doc.getIn(path, true);
  const offsets = isScalar(node) ? scalarOffsets(file.text, node, text) : undefined;
  return offsets ? { text, span: spanAt(file, path), offsets } : { text, span: spanAt(file, path) };
}

const ESCAPE_LENGTH: Record<string, number> = { x: 4, u: 6, U: 10 };

/**
 * Which file characters each character of a scalar's value was written as. Walks the value and
 * the source together: a character written as itself maps one for one; an escape ("\u00e9", "''"),
 * a folded line break (newline and indentation, read as one space) maps as a whole; what the value
 * does not contain (quotes, indentation, a block scalar's header) is skipped. Undefined when the
 * value cannot be walked to its end (then findings point at the whole value).
 */
export function scalarOffsets(source: string, node: Scalar, value: string): OffsetMap | undefined {
  if (!node.range) return undefined;
  const b = new OffsetMapBuilder();
  const end = node.range[1];
  let r = node.range[0];
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  if (quoted) r++;
  else if (node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL') r = source.indexOf('\n', r) + 1 || end;
  const space = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
  for (let i = 0; i < value.length;) {
    const c = value[i]!;
    if (r >= end) return undefined;
    const at = source[r]!;
    if (node.type === 'QUOTE_DOUBLE' && at === '\\') {
      const next = source[r + 1];
      if (next === '\n' || next === '\r') {
        r += 2; // an escaped line break: the value goes on, without a space
        while (r < end && space(source[r])) r++;
        continue;
      }
      const len = ESCAPE_LENGTH[next ?? ''] ?? 2;
      const units = value.codePointAt(i)! > 0xffff ? 2 : 1;
      b.replace(r, len, units);
      i += units;
      r += len;
    } else if (node.type === 'QUOTE_SINGLE' && c === "'" && at === "'" && source[r + 1] === "'") {
      b.replace(r, 2, 1);
      i++;
      r += 2;
    } else if (at === c && !(space(c) && space(source[r + 1]) && !space(value[i + 1]))) {
      b.copy(r, 1);
      i++;
      r++;
    } else if (space(c) && space(at)) {
      // A folded line break: the newline and the indentation after it are one character of the value.
      let e = r;
      while (e < end && space(source[e])) e++;
      b.replace(r, e - r, 1);
      i++;
      r = e;
    } else r++;
  }
  return b.done();
}
