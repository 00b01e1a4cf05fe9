import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { FileStat, Io } from '../io/io.js';
import { nodeIo } from '../io/node-io.js';
import { decodeText, replacementChars, type DecodeResult, type TextKind } from './decode-text.js';

/** Files as loading sees them: the Io's reading half. */
export type FileSource = Pick<Io, 'read' | 'stat' | 'list'>;

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
  opts: { encoding?: string; maxBytes?: number; source?: FileSource } = {},
): DecodeResult {
  const source = opts.source ?? nodeIo();
  const at = { file: shown, start: 0, end: 1 };
  const max = opts.maxBytes ?? MAX_FILE_BYTES;
  let buf: Buffer;
  try {
    const st = source.stat(abs);
    if (!st) throw Object.assign(new Error(`no file ${abs}`), { code: 'ENOENT' });
    if (st.kind !== 'file')
      return {
        value: undefined,
        diagnostics: [
          diag('file/not-regular', at, `${shown} is ${NOT_A_FILE[st.kind]}, not a file: it is not read`, {
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
    const bytes = source.read(abs);
    if (!bytes) throw Object.assign(new Error(`no file ${abs}`), { code: 'ENOENT' });
    buf = bytes;
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

/** What a path that is not a regular file is, as diagnostics say it. */
export const NOT_A_FILE = {
  dir: 'a folder',
  fifo: 'a named pipe (FIFO)',
  device: 'a device',
  socket: 'a socket',
} as const satisfies Record<Exclude<FileStat['kind'], 'file'>, string>;
