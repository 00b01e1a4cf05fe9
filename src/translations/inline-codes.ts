/**
 * The parts of a text a translator must carry over unchanged: `{{parameters}}` and the inline
 * Markdown markers (`**`, `*`, `[` … `](address)`). Exported to XLIFF as inline codes (`<ph>`), so
 * a CAT tool shows them as tags to place rather than words to translate, and compared on import.
 */
export interface InlineCode {
  index: number;
  code: string;
  kind: 'param' | 'bold' | 'italic' | 'link-start' | 'link-end';
}

const CODE = /\{\{[^{}]*\}\}|\*\*|\*|\[(?=[^\]]*\]\([^)\s]*\))|\]\([^)\s]*\)/g;

export function inlineCodes(text: string): InlineCode[] {
  return [...text.matchAll(CODE)].map((m) => ({
    index: m.index,
    code: m[0],
    kind: m[0].startsWith('{{')
      ? 'param'
      : m[0] === '**'
        ? 'bold'
        : m[0] === '*'
          ? 'italic'
          : m[0] === '['
            ? 'link-start'
            : 'link-end',
  }));
}

/** The text cut into plain runs and codes, in order. */
export function splitCodes(text: string): ({ text: string } | InlineCode)[] {
  const out: ({ text: string } | InlineCode)[] = [];
  let at = 0;
  for (const c of inlineCodes(text)) {
    if (c.index > at) out.push({ text: text.slice(at, c.index) });
    out.push(c);
    at = c.index + c.code.length;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/**
 * How a translation's codes differ from the source's: codes it lacks and codes it adds (a
 * multiset comparison: order may change with the language's word order, the codes may not).
 * Parameters are compared by name, once each: a language picks its own form ({{country.in}} in
 * French where the English has {{country}}), may name a parameter twice, and adds Korean particles
 * ({{을/를}}), which are its own grammar.
 */
export function codeDifference(source: string, target: string): { missing: string[]; extra: string[] } {
  const count = (s: string) => {
    const m = new Map<string, number>();
    for (const c of inlineCodes(s)) {
      if (c.kind !== 'param') m.set(c.code, (m.get(c.code) ?? 0) + 1);
      else {
        const name = /^\{\{\s*([A-Za-z_][A-Za-z0-9_]*)/.exec(c.code)?.[1];
        if (name !== undefined) m.set(`{{${name}}}`, 1);
      }
    }
    return m;
  };
  const a = count(source);
  const b = count(target);
  const missing: string[] = [];
  const extra: string[] = [];
  for (const [code, n] of a) for (let i = b.get(code) ?? 0; i < n; i++) missing.push(code);
  for (const [code, n] of b) for (let i = a.get(code) ?? 0; i < n; i++) extra.push(code);
  return { missing, extra };
}
