import { readFileSync, statSync } from 'node:fs';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { decodeText, replacementChars, type DecodeResult, type TextKind } from './decode-text.js';

/** Files larger than this are refused: no workspace text or translator file is anywhere near it. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/**
 * Read one text file the tool was given: only a regular file (a FIFO, a device or a link to
 * /dev/zero would block or never end), at most MAX_FILE_BYTES, decoded by the rules of its kind,
 * with every U+FFFD reported where it is. `shown` names the file in diagnostics.
 */
export function readTextFile(
  abs: string,
  shown: string,
  kind: TextKind,
  opts: { encoding?: string; maxBytes?: number } = {},
): DecodeResult {
  const at = { file: shown, start: 0, end: 1 };
  const max = opts.maxBytes ?? MAX_FILE_BYTES;
  let buf: Buffer;
  try {
    const st = statSync(abs);
    if (!st.isFile())
      return {
        value: undefined,
        diagnostics: [
          diag('file/not-regular', at, `${shown} is ${kindOf(st)}, not a file: it is not read`, {
            hint: 'replace it with a regular file, or remove it',
          }),
        ],
      };
    if (st.size > max)
      return {
        value: undefined,
        diagnostics: [
          diag('file/read', at, `${shown} is larger than ${max / 1024 / 1024} MB`, {
            hint: 'is this the right file?',
          }),
        ],
      };
    buf = readFileSync(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      value: undefined,
      diagnostics: [
        diag('file/read', at, `cannot read ${shown}: ${code ?? (e instanceof Error ? e.message : String(e))}`, {
          hint: code === 'ENOENT' ? 'check the path (a link may point nowhere)' : 'check that the file is readable',
        }),
      ],
    };
  }
  const decoded = decodeText(buf, shown, kind, opts);
  if (!decoded.value) return decoded;
  return { value: decoded.value, diagnostics: replacementChars(decoded.value.text, shown) };
}

function kindOf(st: import('node:fs').Stats): string {
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  if (st.isDirectory()) return 'a folder';
  return 'not a regular file';
}
