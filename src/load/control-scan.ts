import { isScalar, visit } from 'yaml';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { describeChar, findControls, type ControlFinding } from '../util/control-chars.js';
import type { YamlFile } from './yaml-file.js';

/** Right-to-left scripts (Unicode names, as locale.yaml's `scripts:` writes them). */
export const RTL_SCRIPTS: readonly string[] = ['Arabic', 'Hebrew', 'Syriac', 'Thaana', 'Nko', 'Adlam'];

/** Letters of right-to-left scripts: a text written in them may need bidi controls. */
export const RTL_LETTER =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/u;

/** YAML double-quoted escapes that stand for one character ("\e", "\x1B", "\u202E"). */
const ESCAPE = /\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([0abtnvfreN_LP]))/g;
const SHORT: Record<string, number> = {
  '0': 0,
  a: 7,
  b: 8,
  t: 9,
  n: 10,
  v: 11,
  f: 12,
  r: 13,
  e: 27,
  N: 0x85,
  _: 0xa0,
  L: 0x2028,
  P: 0x2029,
};

/**
 * Where in a scalar's source a control character stands: the character itself, or the escape
 * that wrote it in a double-quoted string ("\e[31m"); the scalar's start if neither is found.
 */
function sourceIndex(source: string, f: ControlFinding): number {
  const raw = source.indexOf(f.char);
  if (raw >= 0) return raw;
  for (const m of source.matchAll(ESCAPE)) {
    const cp = m[4] !== undefined ? SHORT[m[4]] : parseInt(m[1] ?? m[2] ?? m[3]!, 16);
    if (cp === f.char.codePointAt(0)) return m.index;
  }
  return 0;
}

function finding(file: string, start: number, length: number, f: ControlFinding): Diagnostic {
  const span = { file, start, end: start + length };
  return f.kind === 'bidi'
    ? diag(
        'text/bidi-control',
        span,
        `${describeChar(f.char)}, a bidirectional control, in a text with no right-to-left letters: it reorders what is shown, so the PDF, the Markdown and an editor show different texts`,
        { hint: 'delete it (it is invisible: retype the text around it)' },
      )
    : diag('text/control-char', span, `${describeChar(f.char)}, a control character, in a text`, {
        hint:
          f.char === '\u001b'
            ? 'it starts a terminal escape sequence: delete it (a name pasted from a web form?)'
            : 'delete it: it prints as nothing or as an empty box',
      });
}

/**
 * More combining marks on one character than any orthography uses: Vietnamese and Thai put two
 * or three on a letter, fully pointed Hebrew four. A longer run ("Zalgo" text from a web form) is
 * drawn as a tower through the lines above, and off the page from the first line.
 */
const MARK_STACK = /\p{M}{6,}/gu;

function markStacks(file: string, start: number, value: string, source: string): Diagnostic[] {
  return [...value.matchAll(MARK_STACK)].map((m) => {
    const at = source.indexOf(m[0]);
    const base = value.slice(0, m.index).match(/\P{M}$/u)?.[0] ?? '';
    return diag(
      'text/mark-stack',
      { file, start: start + Math.max(at - base.length, 0), end: start + (at >= 0 ? at + m[0].length : 1) },
      `${[...m[0]].length} combining marks on one character ("${base}" + ${describeChar(m[0][0]!)} …): they are drawn stacked over the lines above`,
      { hint: 'keep the marks the word needs (no writing system uses more than a few) and delete the rest' },
    );
  });
}

/**
 * Control characters and bidi controls in every string of a YAML file, at their place. Bidi
 * controls are allowed in a string that holds right-to-left letters (Arabic, Hebrew…), which may
 * need them; control characters never (tabs and newlines are not control characters here).
 * Stacks of combining marks too tall for a line are reported as well.
 */
export function controlsInYaml(file: YamlFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(file.doc, {
    Scalar(_key, node) {
      if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return;
      const value = node.value;
      const rtl = RTL_LETTER.test(value);
      const source = file.text.slice(node.range[0], node.range[1]);
      for (const f of findControls(value)) {
        if (f.kind === 'bidi' && rtl) continue;
        const at = sourceIndex(source, f);
        out.push(finding(file.path, node.range[0] + at, 1, f));
        if (out.length >= 50) return visit.BREAK;
      }
      out.push(...markStacks(file.path, node.range[0], value, source));
    },
  });
  return out;
}

/** The same for a text file that is not YAML (templates, JSON): by line, bidi allowed in right-to-left lines. */
export function controlsInText(file: string, text: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of findControls(text)) {
    if (f.kind === 'bidi') {
      const lineStart = text.lastIndexOf('\n', f.index) + 1;
      const lineEnd = text.indexOf('\n', f.index);
      if (RTL_LETTER.test(text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd))) continue;
    }
    out.push(finding(file, f.index, 1, f));
    if (out.length >= 50) break;
  }
  return out;
}
