/** Exit codes: 0 clean, 1 problems in the input, 2 bad usage, 70 a bug in openletter. */
export const EXIT = { ok: 0, errors: 1, usage: 2, internal: 70 } as const;

/** A usage mistake (unknown campaign, bad flag value): printed as one line, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}
