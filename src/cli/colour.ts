import type { Paint } from '../diagnostics/format.js';
import type { OutStream } from '../io/io.js';

/**
 * Whether to colour what goes to `stream`: FORCE_COLOR (any value but 0 or false) forces it,
 * NO_COLOR (any non-empty value, no-color.org) turns it off; otherwise colour when a person watches
 * a terminal that can show it. Files, pipes and CI logs get plain text.
 */
export function useColour(stream: OutStream, env: Readonly<Record<string, string | undefined>>): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR) return false;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

const sgr = (code: string) => (s: string) => `\x1b[${code}m${s}\x1b[0m`;

/** Diagnostics in the colours compilers use: red errors, yellow warnings, a green caret; diffs in red and green. */
export const COLOURS: Paint = {
  error: sgr('1;31'),
  warning: sgr('1;33'),
  info: sgr('1;36'),
  note: sgr('1;36'),
  location: sgr('1'),
  caret: sgr('1;32'),
  hint: sgr('36'),
  removed: sgr('31'),
  added: sgr('32'),
};
