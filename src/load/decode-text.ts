import chardet from 'chardet';
import iconv from 'iconv-lite';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * How a file's bytes may become text, by what the file is:
 * - `workspace`: YAML and templates the tool also rewrites. UTF-8 only (a BOM is allowed): one
 *   encoding for the whole workspace, so edits and git diffs never mix encodings. Anything else is
 *   refused, naming the encoding it looks like.
 * - `table`: CSV files from spreadsheets and sign-on forms. Excel saves "CSV" in the Windows code
 *   page of the user's system (Windows-1252, Shift_JIS, EUC-KR/CP949…) and "Unicode text" as
 *   UTF-16, so those are decoded, and the report names the encoding used; `--encoding` overrides.
 * - `xml`: XLIFF. The XML declaration (or a BOM) says the encoding; without one it is UTF-8, as
 *   XML requires.
 */
export type TextKind = 'workspace' | 'table' | 'xml';

export interface DecodedText {
  text: string;
  /** The encoding the bytes were read as, as iconv-lite names it ("utf-8", "cp932"). */
  encoding: string;
  how: 'utf-8' | 'byte order mark' | 'declared' | 'detected' | 'given';
  /**
   * For a detected encoding: other code pages that read the bytes as different text and that the
   * detection rates nearly as likely (a short French sheet: Windows-1252 "naïve" or Windows-1250
   * "naďve"). Then only the user can tell, and nothing may be written on the guess.
   */
  others?: string[];
}

/**
 * Legacy encodings a detection may pick, mapped to what Windows really writes: Excel's "ANSI"
 * code pages are supersets of the ISO and EUC tables chardet names.
 */
const LEGACY: Record<string, string> = {
  'ISO-8859-1': 'windows-1252',
  'windows-1252': 'windows-1252',
  'ISO-8859-2': 'windows-1250',
  'windows-1250': 'windows-1250',
  'windows-1251': 'windows-1251',
  'ISO-8859-5': 'windows-1251',
  'KOI8-R': 'koi8-r',
  'ISO-8859-7': 'windows-1253',
  'ISO-8859-9': 'windows-1254',
  Shift_JIS: 'cp932',
  'EUC-JP': 'euc-jp',
  'EUC-KR': 'cp949',
  GB18030: 'gb18030',
  Big5: 'big5',
};

/** A readable name for an iconv-lite encoding, for messages. */
const DISPLAY: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252',
  'windows-1250': 'Windows-1250',
  'windows-1251': 'Windows-1251',
  'windows-1253': 'Windows-1253',
  'windows-1254': 'Windows-1254',
  'koi8-r': 'KOI8-R',
  cp932: 'Shift_JIS (Windows-31J)',
  'euc-jp': 'EUC-JP',
  cp949: 'EUC-KR (CP949)',
  gb18030: 'GB18030',
  big5: 'Big5',
};
export const encodingName = (e: string) => DISPLAY[e] ?? e.toUpperCase();

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The encoding a byte order mark announces, and its length. */
function bom(buf: Uint8Array): { encoding: string; length: number } | undefined {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** UTF-16 without a byte order mark: every other byte of ASCII text is zero. */
function looksUtf16(buf: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(buf.length, 512) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZeros++;
    if (buf[i + 1] === 0) oddZeros++;
  }
  if (oddZeros > n / 4 && evenZeros === 0) return 'utf-16le';
  if (evenZeros > n / 4 && oddZeros === 0) return 'utf-16be';
  return undefined;
}

/**
 * The legacy encoding the bytes most likely are, if detection is confident enough to name one,
 * and the others it cannot rule out: an encoding rated at least half as likely whose reading
 * differs and holds no C1 control or undefined byte (which no spreadsheet writes in a name).
 */
function detectLegacy(buf: Uint8Array): { encoding: string; others: string[] } | undefined {
  const matches = chardet.analyse(buf).filter((m) => LEGACY[m.name] !== undefined);
  const best = matches[0];
  if (!best || best.confidence < 10) return undefined;
  const encoding = LEGACY[best.name]!;
  const read = (e: string) => iconv.decode(Buffer.from(buf), e);
  const text = read(encoding);
  const others = new Set<string>();
  for (const m of matches.slice(1)) {
    const other = LEGACY[m.name]!;
    if (m.confidence * 2 < best.confidence || other === encoding) continue;
    const alt = read(other);
    if (alt !== text && !/[\u0080-\u009F\uFFFD]/.test(alt)) others.add(other);
  }
  return { encoding, others: [...others] };
}

/** `<?xml version="1.0" encoding="Shift_JIS"?>`: the declared encoding (read as ASCII). */
function xmlDeclared(buf: Uint8Array): string | undefined {
  const head = Buffer.from(buf.subarray(0, 200)).toString('latin1');
  return /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
}

export interface DecodeResult {
  value: DecodedText | undefined;
  diagnostics: Diagnostic[];
  /**
   * For a file refused as not UTF-8: its lossy UTF-8 decoding, which the diagnostic's span points
   * into (the first byte that is not UTF-8), for showing the place; never to be used as text.
   */
  lossy?: string;
}

/**
 * Turn a file's bytes into text by the rules of its kind (see TextKind). Returns the text, or
 * diagnostics (exit 1) naming the file, where it stops being UTF-8 and the encoding it looks like.
 * The result never holds a BOM.
 */
export function decodeText(
  buf: Uint8Array,
  file: string,
  kind: TextKind,
  opts: { encoding?: string } = {},
): DecodeResult {
  const refuse = (message: string, hint: string, at = { file, start: 0, end: 1 }, lossy?: string) => ({
    value: undefined,
    diagnostics: [diag('file/encoding', at, message, { hint })],
    ...(lossy === undefined ? {} : { lossy }),
  });
  const saveAs =
    kind === 'table'
      ? 'save it as "CSV UTF-8" (Excel: File › Save As › CSV UTF-8), or name its encoding with --encoding'
      : kind === 'xml'
        ? 'save it as UTF-8, or declare its encoding: <?xml version="1.0" encoding="…"?>'
        : 'save it as UTF-8 (in your editor: "Save with encoding" › UTF-8)';
  const decodeAs = (encoding: string, how: DecodedText['how'], skip = 0) => {
    const text = iconv.decode(Buffer.from(buf.subarray(skip)), encoding, { stripBOM: true });
    return { value: { text, encoding, how }, diagnostics: [] };
  };

  if (opts.encoding) {
    if (!iconv.encodingExists(opts.encoding))
      return refuse(`unknown encoding "${opts.encoding}"`, 'name one such as utf-8, windows-1252, shift_jis, euc-kr');
    return decodeAs(opts.encoding.toLowerCase(), 'given');
  }
  const mark = bom(buf);
  if (mark?.encoding.startsWith('utf-16')) {
    if (kind === 'workspace')
      return refuse(
        `${file} is ${encodingName(mark.encoding)} (it starts with a UTF-16 byte order mark); workspace files must be UTF-8`,
        saveAs,
      );
    return decodeAs(mark.encoding, 'byte order mark', mark.length);
  }
  if (!mark) {
    const wide = looksUtf16(buf);
    if (wide) {
      if (kind === 'workspace')
        return refuse(
          `${file} is ${encodingName(wide)} without a byte order mark; workspace files must be UTF-8`,
          saveAs,
        );
      return decodeAs(wide, 'detected');
    }
  }
  if (kind === 'xml' && !mark) {
    const declared = xmlDeclared(buf);
    if (declared && !/^utf-?8$/i.test(declared)) {
      if (!iconv.encodingExists(declared))
        return refuse(`${file} declares the encoding "${declared}", which openletter cannot read`, saveAs);
      // Files from Windows tools hold the Windows supersets' characters (Shift_JIS: ①, ～; EUC-KR: 똠).
      const enc = /^(shift[_-]?jis|sjis|x-sjis)$/i.test(declared)
        ? 'cp932'
        : /^euc-?kr$/i.test(declared)
          ? 'cp949'
          : declared.toLowerCase();
      return decodeAs(enc, 'declared');
    }
  }
  try {
    const text = utf8.decode(buf);
    return {
      value: { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding: 'utf-8', how: 'utf-8' },
      diagnostics: [],
    };
  } catch {
    // Not UTF-8: below.
  }
  const likely = detectLegacy(buf);
  if (kind === 'table' && likely) {
    const read = decodeAs(likely.encoding, 'detected');
    return likely.others.length ? { ...read, value: { ...read.value, others: likely.others } } : read;
  }
  // Point at the first byte that is not UTF-8, in a lossy decoding the caller may show.
  const lossy = new TextDecoder('utf-8').decode(buf);
  const bad = Math.max(0, lossy.indexOf('\uFFFD'));
  return refuse(
    `${file} is not UTF-8${likely ? `; it looks like ${encodingName(likely.encoding)}` : ''}`,
    saveAs,
    { file, start: bad, end: bad + 1 },
    lossy,
  );
}

/**
 * U+FFFD in a text is what a wrong decoding left behind (the "�" of "Soci�t�"): an error at each
 * place, never printed.
 */
export function replacementChars(text: string, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const m of text.matchAll(/\uFFFD+/g)) {
    out.push(
      diag(
        'text/replacement-char',
        { file, start: m.index, end: m.index + m[0].length },
        `"\\uFFFD" (the replacement character �) in the text: the file was once decoded with the wrong encoding`,
        { hint: 'retype the damaged characters from the original (a sign-on form, the translator)' },
      ),
    );
    if (out.length >= 20) break;
  }
  return out;
}
