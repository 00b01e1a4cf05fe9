import type { Nodes as MdastNode } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Inline } from '../model/letter-document.js';
import { OffsetMapBuilder, type OffsetMap } from '../model/offset-map.js';

/**
 * micromark with every construct off except the inline subset workspace texts may use:
 * `*italic*`, `**bold**`, `[text](href)`, backslash escapes and character references, and a span of
 * text in another language, `[金正恩]{lang=ja}` (pandoc's bracketed span, with only a lang attribute).
 * A text is one paragraph: no headings, lists, quotes, code or HTML, even where a line looks like one.
 */
const INLINE_ONLY = {
  disable: {
    null: [
      'autolink',
      'blockQuote',
      'codeFenced',
      'codeIndented',
      'codeText',
      'definition',
      'hardBreakEscape',
      'hardBreakTrailing',
      'headingAtx',
      'htmlFlow',
      'htmlText',
      'labelStartImage',
      'list',
      'setextUnderline',
      'thematicBreak',
    ],
  },
};

/**
 * Parse the small inline Markdown subset of workspace texts with CommonMark's rules (mdast). A
 * `*` left over as text (an emphasis never closed) is reported, never guessed at.
 * `offsets` maps the plain text of the result (`inlineText(inlines)`) to `src`, from mdast's positions.
 */
export function parseInline(src: string): { inlines: Inline[]; problems: string[]; offsets: OffsetMap } {
  const tree = fromMarkdown(src, { extensions: [INLINE_ONLY] });
  const map = new OffsetMapBuilder();
  const problems = new Set<string>();
  const out: Inline[] = [];
  let at = 0;
  // What lies between paragraphs (and around them) is kept as it is written.
  const between = (end: number) => {
    if (end > at) {
      out.push({ kind: 'text', text: src.slice(at, end) });
      map.copy(at, end - at);
    }
  };
  for (const block of tree.children) {
    const start = block.position?.start.offset ?? at;
    between(start);
    out.push(...inlinesOf(block, src, map, problems));
    at = block.position?.end.offset ?? start;
  }
  between(src.length);
  return { inlines: mergeText(out), problems: [...problems], offsets: map.done() };
}

function inlinesOf(node: MdastNode, src: string, map: OffsetMapBuilder, problems: Set<string>): Inline[] {
  const children = (n: { children: MdastNode[] }) => n.children.flatMap((c) => inlinesOf(c, src, map, problems));
  switch (node.type) {
    case 'paragraph':
      return children(node);
    case 'strong':
      return [{ kind: 'strong', children: children(node) }];
    case 'emphasis':
      return [{ kind: 'emphasis', children: children(node) }];
    case 'link':
      return [{ kind: 'link', href: node.url, children: children(node) }];
    case 'text': {
      const from = node.position?.start.offset ?? 0;
      const to = node.position?.end.offset ?? from;
      return languageSpans(node.value, src, from, to, map, problems);
    }
    default:
      // Every other construct is switched off; a node of another kind would be a micromark change.
      return 'children' in node ? children(node) : [];
  }
}

/** `[text]{lang=tag}`: CommonMark leaves it as text (a label with no link after it). */
const LANGUAGE_SPAN = /\[([^[\]\n]+)\]\{lang=([^}\s]*)\}/gu;

/**
 * A text node with its language spans made inline nodes, mapped to src. The spans are found in the
 * value and in src alike; where escapes or references make the two disagree, the text stays text.
 */
function languageSpans(
  value: string,
  src: string,
  from: number,
  to: number,
  map: OffsetMapBuilder,
  problems: Set<string>,
): Inline[] {
  const inValue = [...value.matchAll(LANGUAGE_SPAN)];
  const inSrc = [...src.slice(from, to).matchAll(LANGUAGE_SPAN)];
  if (inValue.length === 0 || inValue.length !== inSrc.length) {
    traceText(value, src, from, to, map, problems);
    return [{ kind: 'text', text: value }];
  }
  const out: Inline[] = [];
  let v = 0;
  let r = from;
  const text = (part: string, end: number) => {
    if (part !== '') out.push({ kind: 'text', text: part });
    traceText(part, src, r, end, map, problems);
  };
  inValue.forEach((m, k) => {
    const s = inSrc[k]!;
    const at = from + s.index;
    text(value.slice(v, m.index), at);
    const inner = m[1]!;
    const lang = languageTag(m[2]!);
    if (lang === undefined)
      problems.add(`"{lang=${m[2]}}" does not name a language: write a BCP 47 tag such as ja, ko or zh-Hans`);
    r = at + 1;
    traceText(inner, src, r, r + s[1]!.length, map, problems);
    out.push(lang ? { kind: 'lang', lang, children: [{ kind: 'text', text: inner }] } : { kind: 'text', text: inner });
    v = m.index + m[0].length;
    r = at + s[0].length;
  });
  text(value.slice(v), to);
  return out;
}

function languageTag(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/**
 * Map a text node's value to src[from, to): characters written as themselves one for one, an
 * escaped character to itself, a character reference ("&amp;") as a whole; what the value drops
 * (the backslash of an escape, spaces CommonMark trims at line starts) is skipped.
 */
function traceText(
  value: string,
  src: string,
  from: number,
  to: number,
  map: OffsetMapBuilder,
  problems: Set<string>,
): void {
  let r = from;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    // A character reference the value does not spell out was decoded: one character for the whole of it.
    const reference = (at: number) => {
      if (src[at] !== '&') return undefined;
      const m = REFERENCE.exec(src.slice(at, Math.min(to, at + 40)));
      return m && !value.startsWith(m[0], i) ? m[0] : undefined;
    };
    while (r < to && src[r] !== c && !reference(r)) r++;
    if (r >= to) {
      map.replace(to, 0, value.length - i);
      return;
    }
    const ref = reference(r);
    if (ref) {
      const units = value.codePointAt(i)! > 0xffff ? 2 : 1;
      map.replace(r, ref.length, units);
      i += units - 1;
      r += ref.length;
      continue;
    }
    if (c === '*' && src[r - 1] !== '\\') problems.add(starProblem(src, r));
    map.copy(r, 1);
    r++;
  }
}

const REFERENCE = /^&(?:#\d+|#x[\da-f]+|\w+);/i;

function starProblem(src: string, at: number): string {
  if (src[at + 1] === '*' || src[at - 1] === '*') return '"**" (bold) is opened but never closed';
  if (src[at + 1] !== undefined && !/\s/.test(src[at + 1]!)) return '"*" (italic) is opened but never closed';
  return 'a lone "*" is not valid markup (write \\* for a literal asterisk)';
}

function mergeText(xs: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const x of xs) {
    const last = out[out.length - 1];
    if (x.kind === 'text' && last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + x.text };
    else if (x.kind === 'text') out.push(x);
    else out.push({ ...x, children: mergeText(x.children) });
  }
  return out;
}
