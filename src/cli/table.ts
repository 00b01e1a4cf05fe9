import { escapeForTerminal } from '../util/control-chars.js';

/**
 * A plain text table with padded columns; long cells are cut to keep a row on one line. Cells
 * hold names from sign-on forms and files: control characters are shown escaped, never sent.
 */
export function table(head: string[], rows: string[][], maxCell = 60): string {
  const cut = (raw: string) => {
    const s = escapeForTerminal(raw);
    return s.length > maxCell ? `${s.slice(0, maxCell - 1)}…` : s;
  };
  const all = [head, ...rows].map((r) => r.map(cut));
  const widths = head.map((_, i) => Math.max(...all.map((r) => [...(r[i] ?? '')].length)));
  return `${all.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i]! - [...c].length))).join('  ')).join('\n')}\n`;
}
