import type { Inline } from '../model/letter-document.js';
import { OffsetMapBuilder, type OffsetMap } from '../model/offset-map.js';

/**
 * Parse the small inline Markdown subset that workspace texts may use: `*italic*`, `**bold**`,
 * `[text](href)` and backslash escapes. Anything unbalanced is reported, never guessed at.
 * `offsets` maps the plain text of the result (`inlineText(inlines)`) to `src`.
 */
export function parseInline(src: string): { inlines: Inline[]; problems: string[]; offsets: OffsetMap } {
  const map = new OffsetMapBuilder();
  const { inlines, problems } = parseFrom(src, 0, map);
  return { inlines, problems, offsets: map.done() };
}

/** Parse `src` (found at offset `base` of the whole text), appending its plain text's offsets to `map`. */
function parseFrom(src: string, base: number, map: OffsetMapBuilder): { inlines: Inline[]; problems: string[] } {
  const problems: string[] = [];
  let i = 0;
  const parse = (closer: string | undefined): Inline[] => {
    const out: Inline[] = [];
    let buf = '';
    const flush = () => {
      if (buf) out.push({ kind: 'text', text: buf });
      buf = '';
    };
    while (i < src.length) {
      const ch = src[i]!;
      if (ch === '\\' && i + 1 < src.length && /[\\*_[\]()$#`]/.test(src[i + 1]!)) {
        buf += src[i + 1];
        map.copy(base + i + 1, 1);
        i += 2;
        continue;
      }
      if (closer && src.startsWith(closer, i) && !(closer === '*' && src.startsWith('**', i))) {
        i += closer.length;
        flush();
        return out;
      }
      if (src.startsWith('**', i)) {
        flush();
        i += 2;
        const start = i;
        const children = parse('**');
        if (!closedAt(start, '**')) problems.push('"**" (bold) is opened but never closed');
        out.push({ kind: 'strong', children });
        continue;
      }
      if (ch === '*' && !/\s/.test(src[i + 1] ?? ' ')) {
        flush();
        i += 1;
        const start = i;
        const children = parse('*');
        if (!closedAt(start, '*')) problems.push('"*" (italic) is opened but never closed');
        out.push({ kind: 'emphasis', children });
        continue;
      }
      if (ch === '[') {
        const close = findLinkEnd(src, i);
        if (close) {
          flush();
          const inner = parseFrom(src.slice(i + 1, close.textEnd), base + i + 1, map);
          problems.push(...inner.problems);
          out.push({ kind: 'link', href: src.slice(close.textEnd + 2, close.end - 1).trim(), children: inner.inlines });
          i = close.end;
          continue;
        }
      }
      if (ch === '*') problems.push('a lone "*" is not valid markup (write \\* for a literal asterisk)');
      buf += ch;
      map.copy(base + i, 1);
      i++;
    }
    flush();
    return out;
  };
  const closedAt = (start: number, marker: string) => i > start && src.slice(i - marker.length, i) === marker;
  const inlines = parse(undefined);
  return { inlines: mergeText(inlines), problems };
}

function findLinkEnd(src: string, open: number): { textEnd: number; end: number } | undefined {
  const textEnd = src.indexOf('](', open);
  if (textEnd < 0) return undefined;
  const end = src.indexOf(')', textEnd + 2);
  if (end < 0) return undefined;
  return { textEnd, end: end + 1 };
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
