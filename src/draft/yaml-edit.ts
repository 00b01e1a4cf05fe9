import { CST, Document, isMap, isScalar, isSeq, parseDocument, Parser, visit, type Node } from 'yaml';
import { InternalError } from '../diagnostics/diagnostic.js';

type Path = readonly (string | number)[];
type Item = CST.CollectionItem;

/**
 * Edits a YAML file through yaml's concrete syntax tree (CST), keeping everything else byte for
 * byte: comments, key order, quoting, folded paragraphs, `[a, b]` lists. Re-serialising the
 * Document would re-fold every long paragraph and respace every list; the CST is the file's own
 * tokens, so an edit replaces or inserts tokens and `CST.stringify` gives back the rest unchanged.
 * New tokens are cut from a small YAML text written at the right indentation (a throwaway first
 * item makes the new ones later items, with their own indentation).
 *
 * Every edit is also made on a Document (`doc`), which says what the result must mean: the edited
 * text is parsed again and must equal it, else (or where an edit meets a layout it does not know,
 * such as a key removed from a `{…}` mapping) the Document is serialised instead.
 */
export class YamlEdit {
  readonly doc: Document.Parsed;
  private readonly tokens: CST.Token[];
  private lossless = true;

  constructor(text: string) {
    this.doc = parseDocument(text);
    // Callers edit files that loaded cleanly: a parse error here is a bug, not the user's.
    if (this.doc.errors.length) throw new InternalError(`cannot edit YAML: ${this.doc.errors[0]!.message}`);
    this.tokens = [...new Parser().parse(text)];
  }

  /** Append values to the list at `path`, creating `key: [values]` in its parent mapping if it is missing. */
  append(path: Path, values: unknown[]): void {
    if (!values.length) return;
    const node = this.doc.getIn(path, true) as Node | undefined;
    if (node === undefined || (isScalar(node) && node.value === null)) {
      this.addKey(path.slice(0, -1), path[path.length - 1] as string, values, { blockList: path.length === 1 });
      return;
    }
    if (!isSeq(node)) return this.unknownLayout();
    for (const v of values) node.add(this.doc.createNode(v));
    const seq = this.token(path);
    if (seq?.type === 'flow-collection' && seq.start.source === '[') appendFlow(seq, values.map(flowScalar).join(', '));
    else if (seq?.type === 'block-seq')
      (seq.items as Item[]).push(...this.laterItems(seq, indent(block(['_', ...values]), seq.indent)));
    else this.unknownLayout();
  }

  /** Add `key: value` at the end of the mapping at `mapPath` (the document's root for []). */
  addKey(mapPath: Path, key: string, value: unknown, { blockList = false } = {}): void {
    const map = (mapPath.length ? this.doc.getIn(mapPath, true) : this.doc.contents) as Node | null | undefined;
    if (!isMap(map)) return this.unknownLayout();
    const had = map.has(key);
    map.set(key, this.doc.createNode(value));
    const token = this.token(mapPath);
    if (had) this.unknownLayout();
    else if (token?.type === 'flow-collection' && token.start.source === '{')
      appendFlow(token, flowValue({ [key]: value }).slice(1, -1));
    else if (token?.type === 'block-map')
      (token.items as Item[]).push(
        ...this.laterItems(token, indent(block({ _: 0, [key]: value }, blockList), token.indent)),
      );
    else this.unknownLayout();
  }

  /**
   * Replace the value of the key at `path` with `value`, written on the key's line in flow style
   * (`id: new-id`, `signatories: []`, `name: Kim Jong Un`). A comment on the key's line stays.
   */
  setValue(path: Path, value: unknown): void {
    const parent = this.parentMap(path);
    if (!parent) return this.unknownLayout();
    parent.set(path[path.length - 1], this.doc.createNode(value));
    const map = this.token(path.slice(0, -1));
    const item = this.pair(path);
    if (!map || !item?.sep) return this.unknownLayout();
    const written = flowValue(value);
    if (map.type === 'flow-collection') {
      const [fresh] = fragmentItems(`{_: ${written}}`);
      setTail(fresh!.value, tailOf(item.value));
      item.value = fresh!.value!;
      return;
    }
    const [fresh] = fragmentItems(`_: ${written}\n`);
    // What followed the old value on its line (spaces, a comment), and a comment after the key of
    // a value that started on the next line (`signatories: # March`).
    const old = tailOf(item.value);
    const eol = old.findIndex((t) => t.type === 'newline');
    const onLine = eol < 0 ? old : old.slice(0, eol);
    const below = eol < 0 ? [] : old.slice(eol + 1);
    const keyComments = item.sep.filter((t) => t.type === 'comment').flatMap((c) => [space(' '), c]);
    setTail(fresh!.value, [...onLine, ...keyComments, ...tailOf(fresh!.value), ...below]);
    item.sep = fresh!.sep!;
    item.value = fresh!.value!;
  }

  /** Remove the key at `path` (and its value) from a block mapping; comments above it stay. */
  remove(path: Path): void {
    const parent = this.parentMap(path);
    const key = path[path.length - 1];
    if (!parent?.has(key)) return;
    parent.delete(key);
    const map = this.token(path.slice(0, -1));
    const item = this.pair(path);
    if (map?.type !== 'block-map' || !item) return this.unknownLayout();
    const i = (map.items as Item[]).indexOf(item);
    const next = map.items[i + 1];
    if (next) {
      // The next item takes over the removed one's leading comments and indentation.
      next.start = [...item.start, ...next.start.slice(next.start[0]?.type === 'space' ? 1 : 0)];
      map.items.splice(i, 1);
    } else if (i > 0) {
      const comments = item.start.slice(0, item.start[item.start.length - 1]?.type === 'space' ? -1 : undefined);
      (map.items as Item[]).splice(i, 1, { start: comments });
    } else this.unknownLayout(); // the mapping's only key: `key: {}` is the Document's to write
  }

  toString(): string {
    if (this.lossless) {
      const out = this.tokens.map((t) => CST.stringify(t)).join('');
      const again = parseDocument(out);
      if (!again.errors.length && JSON.stringify(again.toJS()) === JSON.stringify(this.doc.toJS())) return out;
    }
    return this.doc.toString({ flowCollectionPadding: false, lineWidth: 0 });
  }

  private unknownLayout(): void {
    this.lossless = false;
  }

  /** The CST token of the node at `path` (the root collection for []). */
  private token(path: Path): CST.Token | undefined {
    let token = this.tokens.find((t) => t.type === 'document')?.value;
    for (const step of path) {
      if (token === undefined) return undefined;
      if (typeof step === 'number')
        token = token.type === 'block-seq' || token.type === 'flow-collection' ? token.items[step]?.value : undefined;
      else token = this.pairIn(token, step)?.value;
    }
    return token;
  }

  /** The CST item of the `key: value` pair at `path`. */
  private pair(path: Path): Item | undefined {
    const map = this.token(path.slice(0, -1));
    const key = path[path.length - 1];
    return map && typeof key === 'string' ? this.pairIn(map, key) : undefined;
  }

  private pairIn(map: CST.Token, key: string): Item | undefined {
    if (map.type !== 'block-map' && !(map.type === 'flow-collection' && map.start.source === '{')) return undefined;
    return (map.items as Item[]).find(
      (item) => item.key && CST.isScalar(item.key) && CST.resolveAsScalar(item.key)?.value === key,
    );
  }

  private parentMap(path: Path) {
    const parent = (path.length > 1 ? this.doc.getIn(path.slice(0, -1), true) : this.doc.contents) as
      Node | null | undefined;
    return isMap(parent) ? parent : undefined;
  }

  /**
   * The items after the first of `text` (a block list or mapping at the collection's indentation),
   * to follow the items of `collection`; its last line gets the line end it lacks at a file's end.
   */
  private laterItems(collection: CST.BlockMap | CST.BlockSequence, text: string): Item[] {
    const items = fragmentItems(text).slice(1);
    const last = collection.items[collection.items.length - 1];
    if (items[0] && last && !CST.stringify(last).endsWith('\n')) items[0].start.unshift(newlineToken());
    return items;
  }
}

/** The items of the collection a YAML text holds, as tokens to graft into another file's tree. */
function fragmentItems(text: string): Item[] {
  const doc = [...new Parser().parse(text)].find((t) => t.type === 'document');
  const value = doc?.type === 'document' ? doc.value : undefined;
  if (value?.type === 'block-map' || value?.type === 'block-seq' || value?.type === 'flow-collection')
    return value.items;
  throw new InternalError(`not a YAML collection: ${text}`);
}

/**
 * Appends `written` (items as written inside `[…]` or `{…}`) to a flow collection; the spaces
 * before its closing bracket (`{ a: 1 }`) stay before it.
 */
function appendFlow(collection: CST.FlowCollection, written: string): void {
  const items = collection.items as Item[];
  const [open, close] = collection.start.source === '[' ? ['[', ']'] : ['{', '}'];
  const more = fragmentItems(`${open}${items.length ? `${open === '[' ? '_' : '_: 0'}, ` : ''}${written}${close}`);
  const added = more.slice(items.length ? 1 : 0);
  const last = items[items.length - 1]?.value;
  const final = added[added.length - 1]?.value;
  setTail(final, [...tailOf(final), ...tailOf(last)]);
  setTail(last, []);
  items.push(...added);
}

/**
 * The tokens after a value on its line (spaces, a comment, the line end), which edits keep with
 * the line; none for a block value, whose line ends are inside it.
 */
function tailOf(token: CST.Token | undefined): CST.SourceToken[] {
  if (token?.type === 'flow-collection') return token.end.slice(1);
  return token && 'end' in token && Array.isArray(token.end) ? [...token.end] : [];
}

function setTail(token: CST.Token | undefined, tail: CST.SourceToken[]): void {
  if (token?.type === 'flow-collection') token.end = [...token.end.slice(0, 1), ...tail];
  else if (token && CST.isScalar(token) && token.type !== 'block-scalar') token.end = tail;
}

const space = (source: string): CST.SourceToken => ({ type: 'space', offset: 0, indent: 0, source });
const newlineToken = (): CST.SourceToken => ({ type: 'newline', offset: 0, indent: 0, source: '\n' });

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
