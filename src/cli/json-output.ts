import type { Io } from '../io/io.js';

/**
 * `--json`: whatever the command, a run prints exactly one JSON document on standard output: what
 * the command made, every diagnostic, and the error that stopped it if one did. Commands add to the
 * document as they go (a render reports load problems, then render problems); run() prints it once
 * at the end, so even a usage error leaves one parseable document.
 */
export interface JsonDocument {
  [field: string]: unknown;
  diagnostics: unknown[];
}

const DOCUMENTS = new WeakMap<Io, JsonDocument>();

/** The document of the run going through `io`. */
export function jsonDocument(io: Io): JsonDocument {
  let doc = DOCUMENTS.get(io);
  if (!doc) DOCUMENTS.set(io, (doc = { diagnostics: [] }));
  return doc;
}

/** Whether the run has a document: a command in JSON mode added to it. */
export function hasJsonDocument(io: Io): boolean {
  return DOCUMENTS.has(io);
}

/** Print the run's document (its diagnostics last, after what the command made). */
export function printJsonDocument(io: Io): void {
  const { diagnostics, ...made } = jsonDocument(io);
  DOCUMENTS.delete(io);
  io.stdout.write(`${JSON.stringify({ ...made, diagnostics }, null, 2)}\n`);
}

/**
 * Whether the arguments ask for JSON: `--json` anywhere, or the global `--format json` before the
 * command (after it, `--format` names file formats: `render --format pdf`). Read from the arguments
 * because a usage error can stop the run before any option is parsed.
 */
export function wantsJson(args: readonly string[]): boolean {
  if (args.includes('--json')) return true;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--format=json' || (a === '--format' && args[i + 1] === 'json')) return true;
    if (a === '-w' || a === '--workspace' || a === '--format') i++;
    else if (!a.startsWith('-')) return false; // the command: what follows is its own
  }
  return false;
}
