import { spanWithin, type SourcedText } from '../model/span.js';
import type { MessageProblem } from '../text/message.js';
import { diag, type Diagnostic, type Scope } from './diagnostic.js';

/**
 * The problems of a worded text (an ICU message written at `text.span`) as diagnostics, each at
 * the characters of the file it concerns. `where` names the text for the message ("delivery text
 * cover_note.body").
 */
export function messageDiagnostics(
  text: SourcedText,
  problems: readonly MessageProblem[],
  where: string,
  scope?: Scope,
): Diagnostic[] {
  return problems.map((p) =>
    diag(
      p.kind === 'syntax' ? 'text/message-syntax' : 'text/unknown-argument',
      spanWithin(text.span, text.offsets, p.index, p.length),
      `${where}: ${p.message}`,
      {
        hint:
          p.kind === 'syntax'
            ? "write arguments as {name}, counts as {count, plural, one {# page} other {# pages}}; quote a literal brace as '{'"
            : p.kind === 'not-a-number'
              ? 'use a count argument in plural, or print this one as {name}'
              : 'use only the arguments the message lists, or remove this one',
        ...(scope ? { scope } : {}),
      },
    ),
  );
}
