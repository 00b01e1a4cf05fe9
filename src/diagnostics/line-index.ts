import { LineCounter } from 'yaml';

/**
 * One line index per source file, built once per run on first use (a diagnostic, a template's
 * handlebars location) and shared by everything that turns offsets into lines or back.
 * yaml's LineCounter: O(log n) lookups, 1-based line and column (UTF-16 units + 1).
 */
const registry = new WeakMap<ReadonlyMap<string, string>, Map<string, LineCounter>>();

export function lineIndex(files: ReadonlyMap<string, string>, file: string): LineCounter | undefined {
  const text = files.get(file);
  if (text === undefined) return undefined;
  let perFile = registry.get(files);
  if (!perFile) registry.set(files, (perFile = new Map()));
  let lc = perFile.get(file);
  if (!lc) {
    lc = new LineCounter();
    lc.addNewLine(0);
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lc.addNewLine(i + 1);
    perFile.set(file, lc);
  }
  return lc;
}

/** 1-based line and column of an offset in a file; undefined when the file's text is not known. */
export function positionIn(
  files: ReadonlyMap<string, string>,
  file: string,
  offset: number,
): { line: number; col: number } | undefined {
  const lc = lineIndex(files, file);
  if (!lc) return undefined;
  const text = files.get(file)!;
  return lc.linePos(Math.min(Math.max(0, offset), text.length));
}

/** The offset of a 1-based line and 0-based column (handlebars' locations), clamped to the file. */
export function offsetIn(files: ReadonlyMap<string, string>, file: string, line: number, column: number): number {
  const lc = lineIndex(files, file);
  if (!lc) return 0;
  const start = lc.lineStarts[Math.min(Math.max(1, line), lc.lineStarts.length) - 1] ?? 0;
  return Math.min(start + column, files.get(file)!.length);
}
