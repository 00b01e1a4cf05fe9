import { Document, isMap, isScalar, isSeq, parseDocument, visit, type Node } from 'yaml';
import { InternalError } from '../diagnostics/diagnostic.js';

type Path = readonly (string | number)[];

/**
 * Edits a YAML file through the `yaml` Document API, keeping everything else byte for byte.
 *
 * Each edit is made on the Document (so the result is what the Document API says) and, alongside,
 * as a text insertion at the place the node's source range gives: a new list item after the last
 * one, with its indentation; a new key after the last key of its mapping. Re-serialising the whole
 * Document would re-fold every long paragraph and respace every `[a, b]`; splicing does not. The
 * spliced text is parsed again and must equal the edited Document, else the Document is serialised.
 */
export class YamlEdit {
  readonly doc: Document.Parsed;
  private readonly inserts: { at: number; end: number; text: string; seq: number }[] = [];
  private spliceable = true;

  constructor(private readonly text: string) {
    this.doc = parseDocument(text);
    // Callers edit files that loaded cleanly: a parse error here is a bug, not the user's.
    if (this.doc.errors.length) throw new InternalError(`cannot edit YAML: ${this.doc.errors[0]!.message}`);
  }

  /** Append values to the list at `path`, creating `key: [values]` in its parent mapping if it is missing. */
  append(path: Path, values: unknown[]): void {
    if (!values.length) return;
    const node = this.doc.getIn(path, true) as Node | undefined;
    if (node === undefined || (isScalar(node) && node.value === null)) {
      this.addKey(path.slice(0, -1), path[path.length - 1] as string, values, { blockList: path.length === 1 });
      return;
    }
    if (!isSeq(node) || !node.range) {
      this.spliceable = false;
      return;
    }
    const had = node.items.length;
    for (const v of values) node.add(this.doc.createNode(v));
    if (node.flow) {
      const close = this.text.lastIndexOf(']', node.range[1]);
      if (close < node.range[0]) {
        this.spliceable = false;
        return;
      }
      this.insert(close, `${had ? ', ' : ''}${values.map(flowScalar).join(', ')}`);
      return;
    }
    const col = column(this.text, node.range[0]);
    const at = lineEndAfter(this.text, node.range[1]);
    this.insert(at.offset, `${at.needsNewline ? '\n' : ''}${indent(block(values), col)}`);
  }

  /** Add `key: value` at the end of the mapping at `mapPath` (the document's root for []). */
  addKey(mapPath: Path, key: string, value: unknown, { blockList = false } = {}): void {
    const map = (mapPath.length ? this.doc.getIn(mapPath, true) : this.doc.contents) as Node | null | undefined;
    if (!isMap(map) || map.flow || !map.range || map.has(key)) {
      this.spliceable = false;
      if (isMap(map)) map.set(key, this.doc.createNode(value));
      return;
    }
    map.set(key, this.doc.createNode(value));
    const col = column(this.text, map.range[0]);
    const at = lineEndAfter(this.text, map.range[1]);
    this.insert(at.offset, `${at.needsNewline ? '\n' : ''}${indent(block({ [key]: value }, blockList), col)}`);
  }

  /**
   * Replace the value of the key at `path` (in a block mapping) with `value`, written on the key's
   * line in flow style (`id: new-id`, `signatories: []`, `name: Kim Jong Un`).
   */
  setValue(path: Path, value: unknown): void {
    const parent = (path.length > 1 ? this.doc.getIn(path.slice(0, -1), true) : this.doc.contents) as
      Node | null | undefined;
    const key = path[path.length - 1];
    const pair = isMap(parent) ? parent.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
    const keyNode = pair?.key as Node | undefined;
    const valueNode = pair?.value as Node | null | undefined;
    if (!isMap(parent) || parent.flow || !keyNode?.range) {
      this.spliceable = false;
      if (!isMap(parent)) return;
    }
    if (isMap(parent)) parent.set(key, this.doc.createNode(value));
    if (!keyNode?.range) return;
    const colon = this.text.indexOf(':', keyNode.range[1]);
    // Up to the value's last character: a comment after it on its line stays.
    let stop = valueNode?.range ? valueNode.range[1] : colon + 1;
    while (stop > colon + 1 && /\s/.test(this.text[stop - 1]!)) stop--;
    this.replace(colon + 1, stop, ` ${flowValue(value)}`);
  }

  /** Remove the key at `path` (and its value) from a block mapping. */
  remove(path: Path): void {
    const parent = (path.length > 1 ? this.doc.getIn(path.slice(0, -1), true) : this.doc.contents) as
      Node | null | undefined;
    const key = path[path.length - 1];
    const pair = isMap(parent) ? parent.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
    if (!isMap(parent) || !pair) return;
    parent.delete(key);
    const keyNode = pair.key as Node;
    const valueNode = pair.value as Node | null;
    if (parent.flow || !keyNode.range) {
      this.spliceable = false;
      return;
    }
    const start = this.text.lastIndexOf('\n', keyNode.range[0] - 1) + 1;
    const end = lineEndAfter(this.text, valueNode?.range?.[1] ?? keyNode.range[1]);
    this.replace(start, end.offset, '');
  }

  toString(): string {
    if (!this.inserts.length) return this.text;
    let out = this.text;
    for (const i of [...this.inserts].sort((a, b) => b.at - a.at || b.seq - a.seq))
      out = out.slice(0, i.at) + i.text + out.slice(i.end);
    if (this.spliceable) {
      const again = parseDocument(out);
      if (!again.errors.length && JSON.stringify(again.toJS()) === JSON.stringify(this.doc.toJS())) return out;
    }
    return this.doc.toString({ flowCollectionPadding: false, lineWidth: 0 });
  }

  private insert(at: number, text: string): void {
    this.inserts.push({ at, end: at, text, seq: this.inserts.length });
  }

  private replace(at: number, end: number, text: string): void {
    this.inserts.push({ at, end, text, seq: this.inserts.length });
  }
}

/** 0-based column of an offset. */
function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** Just after the line holding the last non-blank character before `end`. */
function lineEndAfter(text: string, end: number): { offset: number; needsNewline: boolean } {
  let q = Math.min(end, text.length) - 1;
  while (q >= 0 && /\s/.test(text[q]!)) q--;
  const nl = text.indexOf('\n', q + 1);
  return nl < 0 ? { offset: text.length, needsNewline: true } : { offset: nl + 1, needsNewline: false };
}

function indent(s: string, col: number): string {
  const pad = ' '.repeat(col);
  return s
    .split('\n')
    .map((l) => (l ? pad + l : l))
    .join('\n');
}

/** Block YAML for a value; lists of plain values inside it are written `[a, b]`. */
function block(value: unknown, blockList = false): string {
  const d = new Document(value);
  visit(d, {
    Seq(_, n, path) {
      // The root list, or with blockList the list under a root key, stays a block list.
      const top = path.length === 1 || (blockList && path.length === 3);
      if (!top && n.items.every((i) => isScalar(i))) n.flow = true;
    },
  });
  return d.toString({ flowCollectionPadding: false, lineWidth: 0, indentSeq: true });
}

/** A value written in flow style on one line: `x`, `"a: b"`, `[a, b]`, `{}`. */
export function flowValue(v: unknown): string {
  const d = new Document(v);
  visit(d, {
    Collection(_, n) {
      n.flow = true;
    },
  });
  return d.toString({ flowCollectionPadding: false, lineWidth: 0 }).trim();
}

/** A scalar as it must be written inside `[…]` (quoted when it holds a comma or bracket). */
function flowScalar(v: unknown): string {
  const d = new Document([v]);
  (d.contents as unknown as { flow: boolean }).flow = true;
  return d.toString({ flowCollectionPadding: false, lineWidth: 0 }).trim().slice(1, -1);
}
