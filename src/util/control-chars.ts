/**
 * Characters that change what a terminal or a reader sees without being text: C0 controls but
 * tab, line feed and carriage return (ESC starts the escape sequences that recolour, retitle or
 * clear a terminal), DEL, C1 controls (U+009B is a one-byte CSI), and the line and paragraph
 * separators.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/g;

/**
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): they
 * reorder what follows, so the PDF, the Markdown and an editor show different texts ("Trojan
 * Source"). Right-to-left languages may need them; nothing else does.
 */
const BIDI = /[\u202A-\u202E\u2066-\u2069]/g;

const NAMES: Record<number, string> = {
  0x00: 'NUL',
  0x07: 'BEL',
  0x08: 'BS',
  0x0b: 'VT',
  0x0c: 'FF',
  0x1b: 'ESC',
  0x7f: 'DEL',
  0x9b: 'CSI',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
};

/** "U+001B (ESC)": how a message names an invisible character. */
export function describeChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return NAMES[cp] ? `${hex} (${NAMES[cp]})` : hex;
}

export interface ControlFinding {
  /** UTF-16 offset in the text. */
  index: number;
  char: string;
  kind: 'control' | 'bidi';
}

/** Every control and bidi character of a text, in order. */
export function findControls(text: string): ControlFinding[] {
  const out: ControlFinding[] = [];
  for (const m of text.matchAll(CONTROL)) out.push({ index: m.index, char: m[0], kind: 'control' });
  for (const m of text.matchAll(BIDI)) out.push({ index: m.index, char: m[0], kind: 'bidi' });
  return out.sort((a, b) => a.index - b.index);
}

const ANY = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/**
 * Text made safe to print on a terminal: every control, bidi control, tab and newline written
 * as a visible escape (`\x1B`, `\u202E`, `\n`), so a name from a public sign-on form cannot
 * recolour, clear or retitle the terminal or reorder the line it is printed in.
 */
export function escapeForTerminal(s: string): string {
  if (!ANY.test(s)) return s;
  ANY.lastIndex = 0;
  return s.replace(ANY, (ch) => {
    const cp = ch.charCodeAt(0);
    if (ch === '\n') return '\\n';
    if (ch === '\r') return '\\r';
    if (ch === '\t') return '\\t';
    return cp <= 0xff ? `\\x${cp.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${cp.toString(16).toUpperCase()}`;
  });
}
