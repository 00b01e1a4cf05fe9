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
  const walk = new InlineWalk(src);
  const out: Inline[] = [];
  let at = 0;
  for (const block of tree.children) {
    const start = block.position?.start.offset ?? at;
    // What lies between paragraphs (and around them) is kept as it is written.
    out.push(...walk.verbatim(at, start), ...walk.inlines(block));
    at = block.position?.end.offset ?? start;
  }
  out.push(...walk.verbatim(at, src.length));
  return { inlines: mergeText(out), problems: [...walk.problems], offsets: walk.map.done() };
}

/** `[text]{lang=tag}`: CommonMark leaves it as text (a label with no link after it). */
const LANGUAGE_SPAN = /\[([^[\]\n]+)\]\{lang=([^}\s]*)\}/gu;

/**
 * One walk over the mdast of `src`: each node becomes Inline nodes, each character of their text is
 * mapped back to where `src` writes it, and markup problems are gathered on the way.
 */
class InlineWalk {
  readonly map = new OffsetMapBuilder();
  readonly problems = new Set<string>();

  constructor(private readonly src: string) {}

  /** src[from, to) as plain text, as it is written. */
  verbatim(from: number, to: number): Inline[] {
    if (to <= from) return [];
    this.map.copy(from, to - from);
    return [{ kind: 'text', text: this.src.slice(from, to) }];
  }

  inlines(node: MdastNode): Inline[] {
    const children = (n: { children: MdastNode[] }) => n.children.flatMap((c) => this.inlines(c));
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
        return this.text(node.value, from, node.position?.end.offset ?? from);
      }
      default:
        // Every other construct is switched off; a node of another kind would be a micromark change.
        return 'children' in node ? children(node) : [];
    }
  }

  /**
   * A text node written at src[from, to), with its language spans made inline nodes. The spans are
   * found in the value and in src alike; where escapes or references make the two disagree, the
   * text stays text.
   */
  private text(value: string, from: number, to: number): Inline[] {
    const inValue = [...value.matchAll(LANGUAGE_SPAN)];
    const inSrc = [...this.src.slice(from, to).matchAll(LANGUAGE_SPAN)];
    if (inValue.length === 0 || inValue.length !== inSrc.length) {
      this.trace(value, from, to);
      return [{ kind: 'text', text: value }];
    }
    const out: Inline[] = [];
    let v = 0;
    let r = from;
    const text = (part: string, end: number) => {
      if (part !== '') out.push({ kind: 'text', text: part });
      this.trace(part, r, end);
    };
    inValue.forEach((m, k) => {
      const s = inSrc[k]!;
      const at = from + s.index;
      text(value.slice(v, m.index), at);
      const inner = m[1]!;
      const lang = languageTag(m[2]!);
      if (lang === undefined)
        this.problems.add(`"{lang=${m[2]}}" does not name a language: write a BCP 47 tag such as ja, ko or zh-Hans`);
      r = at + 1;
      this.trace(inner, r, r + s[1]!.length);
      out.push(
        lang ? { kind: 'lang', lang, children: [{ kind: 'text', text: inner }] } : { kind: 'text', text: inner },
      );
      v = m.index + m[0].length;
      r = at + s[0].length;
    });
    text(value.slice(v), to);
    return out;
  }

  /**
   * Map a text node's value to src[from, to): characters written as themselves one for one, an
   * escaped character to itself, a character reference ("&amp;") as a whole; what the value drops
   * (the backslash of an escape, spaces CommonMark trims at line starts) is skipped.
   */
  private trace(value: string, from: number, to: number): void {
    const src = this.src;
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
        this.map.replace(to, 0, value.length - i);
        return;
      }
      const ref = reference(r);
      if (ref) {
        const units = value.codePointAt(i)! > 0xffff ? 2 : 1;
        this.map.replace(r, ref.length, units);
        i += units - 1;
        r += ref.length;
        continue;
      }
      if (c === '*' && src[r - 1] !== '\\') this.problems.add(starProblem(src, r));
      this.map.copy(r, 1);
      r++;
    }
  }
}

function languageTag(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
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
