/**
 * Writing would destroy something that is not openletter's to replace (a file someone changed, a
 * record it cannot read): the CLI prints it as one line with its hint and exits 1; nothing was written.
 */
export class WriteRefused extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}
