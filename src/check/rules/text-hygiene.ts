import { diag, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Code } from '../../diagnostics/codes.js';
import { spanIn, spanKey, type SourcedText, type Span } from '../../model/span.js';
import { allSourceTexts } from '../../compose/source-texts.js';
import { parseInline } from '../../compose/inline-markdown.js';
import type { Inline } from '../../model/letter-document.js';
import type { Rule, RuleContext } from './rule.js';
import { letterTexts } from './user-texts.js';

/** A finding inside one text: where (index, length in the text) and what to say. */
interface Finding {
  code: Code;
  index: number;
  length: number;
  message: string;
  hint: string;
}

/**
 * Text hygiene on every final text of every composed letter: doubled punctuation, doubled words,
 * unbalanced brackets and quotes, empty links and links anywhere but the web or mail (straight quotes
 * are curled in compose, so they never mix).
 * Each source span is reported once, however many letters print it.
 */
export const textHygiene: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const push = (d: Diagnostic) => {
    const k = `${d.code}|${d.span ? spanKey(d.span) : ''}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(d);
  };
  for (const t of letterTexts(ctx)) {
    for (const f of [...doubledPunctuation(t.text), ...doubledWords(t.text), ...unbalanced(t.text)])
      push(diag(f.code, spanIn(t, f.index, f.length), f.message, { hint: f.hint }));
  }
  for (const d of links(ctx)) push(d);
  return out;
};

const excerpt = (text: string, index: number, length: number) => {
  const a = Math.max(0, index - 20);
  const b = Math.min(text.length, index + length + 20);
  return `${a > 0 ? '…' : ''}${text.slice(a, b)}${b < text.length ? '…' : ''}`;
};

/** ".." (not an ellipsis "..."), ",,", ";;", "::", "!!", "??" and their full-width forms. */
export function doubledPunctuation(text: string): Finding[] {
  const re = /(?<![.．])([.．])\1(?![.．])|([,;:!?，、；：！？。])\2/gu;
  return [...text.matchAll(re)].map((m) => ({
    code: 'text/doubled-punctuation' as const,
    index: m.index,
    length: m[0].length,
    message: `doubled punctuation "${m[0]}" in "${excerpt(text, m.index, m[0].length)}"`,
    hint: `write one "${m[0][0]}"`,
  }));
}

/** Doubled words that are grammatical: "that that", "had had", French "nous nous", German "die die". */
const GRAMMATICAL_DOUBLES = new Set(['that', 'had', 'nous', 'vous', 'die', 'der', 'das', 'sie']);

/** "the the": the same word twice, separated only by spaces (so "하하" or "no. No" are not). */
export function doubledWords(text: string): Finding[] {
  const re = /(?<![\p{L}\p{M}\p{N}'’-])(\p{L}[\p{L}\p{M}'’-]*)\s+\1(?![\p{L}\p{M}\p{N}'’-])/giu;
  const out: Finding[] = [];
  for (const m of text.matchAll(re)) {
    if (GRAMMATICAL_DOUBLES.has(m[1]!.toLowerCase())) continue;
    out.push({
      code: 'text/doubled-word',
      index: m.index,
      length: m[0].length,
      message: `doubled word "${m[0].replace(/\s+/g, ' ')}"`,
      hint: `write "${m[1]}" once`,
    });
  }
  return out;
}

const CLOSERS: Record<string, string> = {
  '(': ')',
  '[': ']',
  '{': '}',
  '（': '）',
  '［': '］',
  '｛': '｝',
  '「': '」',
  '『': '』',
  '《': '》',
  '〈': '〉',
  '【': '】',
  '〔': '〕',
  '«': '»',
  '‹': '›',
  '“': '”',
  '‘': '’',
  '„': '“',
};
const OPENERS = new Map(
  Object.entries(CLOSERS)
    .filter(([o]) => o !== '„')
    .map(([o, c]) => [c, o]),
);

/**
 * Unbalanced brackets and quotes. Knows that ’ is mostly an apostrophe, that „ closes with “
 * (German), that a straight ' is an apostrophe unless it opens a quotation after a space, and
 * that "a)" or "(ii)" enumerations are fine.
 */
export function unbalanced(text: string): Finding[] {
  const out: Finding[] = [];
  const stack: { ch: string; index: number }[] = [];
  const report = (index: number, message: string, hint: string) =>
    out.push({
      code: 'text/unbalanced',
      index,
      length: 1,
      message: `${message} in "${excerpt(text, index, 1)}"`,
      hint,
    });
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const top = stack[stack.length - 1];
    if (ch === '“' && top?.ch === '„') {
      stack.pop();
      continue;
    }
    if (ch === '”' && top?.ch === '„') {
      stack.pop();
      continue;
    }
    if (ch === '’') {
      if (top?.ch === '‘') stack.pop();
      continue; // otherwise an apostrophe
    }
    if (ch in CLOSERS) {
      stack.push({ ch, index: i });
      continue;
    }
    const opener = OPENERS.get(ch);
    if (opener === undefined) continue;
    if (top?.ch === opener) {
      stack.pop();
      continue;
    }
    if (ch === ')' && /(?:^|[\s(])(?:[a-zA-Z]|\d{1,2}|[ivxlc]{1,5})$/.test(text.slice(Math.max(0, i - 6), i))) continue; // "a)" "2)" "iv)"
    const open = stack.findIndex((s) => s.ch === opener);
    if (open >= 0) {
      // Close the matching opener; whatever was opened after it was never closed.
      for (const s of stack.splice(open).slice(1))
        report(s.index, `"${s.ch}" is never closed`, `add the closing "${CLOSERS[s.ch]}"`);
      continue;
    }
    report(i, `"${ch}" closes nothing`, `add the opening "${opener}" or remove this one`);
  }
  for (const s of stack) report(s.index, `"${s.ch}" is never closed`, `add the closing "${CLOSERS[s.ch]}"`);
  const straight = [...text.matchAll(/"/g)].map((m) => m.index);
  if (straight.length % 2 === 1)
    report(straight[straight.length - 1]!, 'an odd number of straight quotes (")', 'close the quotation');
  for (const m of text.matchAll(/(?<=^|[\s([{])'(?=[^\s\d'])/g)) {
    const rest = text.slice(m.index + 1);
    if (!/[^\s(['"]'(?![\p{L}\p{N}])/u.test(rest))
      report(m.index, "a quotation opened with ' is never closed", "close it with ', or use ’ for an apostrophe");
  }
  return out;
}

/** Link targets a reader may follow from a letter: the web and e-mail. */
const SAFE_TARGET = /^(https?:\/\/|mailto:)/i;

/** The first link target of parsed inline Markdown, as CommonMark decodes it (`&#115;`, `\:`). */
function firstHref(inlines: Inline[]): string | undefined {
  for (const i of inlines) {
    if (i.kind === 'link') return i.href;
    const inner = 'children' in i ? firstHref(i.children) : undefined;
    if (inner !== undefined) return inner;
  }
  return undefined;
}

/** Why a link target other than https:, http: or mailto: is refused. */
function unsafeHint(href: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase();
  if (scheme === 'javascript' || scheme === 'vbscript' || scheme === 'data')
    return `a ${scheme}: link runs code or opens content when clicked: link to a web page instead`;
  if (scheme === 'file') return "a file: link opens a file on the reader's own computer: link to a web page instead";
  return scheme
    ? `${scheme}: is not an address on the web: link to a web page (https://…) or an e-mail address (mailto:…)`
    : 'write the full address, starting with https://';
}

/**
 * Markdown links in the written texts the letters use: an empty or "#" target (a warning), and a
 * target that is not on the web or an e-mail address (an error: javascript:, file:, a bare path).
 */
function links(ctx: RuleContext): Diagnostic[] {
  const raw = new Map<string, SourcedText>();
  for (const t of allSourceTexts(ctx.project).values()) raw.set(spanKey(t.span), t);
  for (const l of ctx.project.locales.values()) for (const t of l.translations.values()) raw.set(spanKey(t.span), t);
  const out: Diagnostic[] = [];
  const done = new Set<string>();
  for (const letter of ctx.letters.values())
    for (const t of letter.texts) {
      const k = spanKey(t.origin.span);
      const src = raw.get(k);
      if (src === undefined || done.has(k)) continue;
      done.add(k);
      for (const m of src.text.matchAll(/\[([^\]]*)\]\(((?:[^()]|\([^()]*\))*)\)/g)) {
        const target = m[2]!.trim();
        if (target === '' || target === '#') {
          out.push(
            diag(
              'text/empty-link',
              spanIn(src, m.index, m[0].length),
              `link "${m[1]}" has ${target ? 'the target "#"' : 'no target'}`,
              {
                hint: `add the address, e.g. [${m[1]}](https://…), or write the words without a link`,
              },
            ),
          );
          continue;
        }
        const href = firstHref(parseInline(m[0]).inlines);
        if (href === undefined || SAFE_TARGET.test(href)) continue;
        out.push(
          diag('text/unsafe-link', spanIn(src, m.index, m[0].length), `link "${m[1]}" goes to "${href}"`, {
            hint: unsafeHint(href),
          }),
        );
      }
    }
  return out;
}
