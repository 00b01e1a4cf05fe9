import { messageDiagnostics } from '../../diagnostics/message-diagnostics.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { keyName } from '../../model/translation-key.js';
import { messageArguments } from '../../text/message.js';
import type { Rule } from './rule.js';

/**
 * Every text of every letter.yaml is a valid message, also those no letter prints yet (another
 * sign-off): composing reports the ones it uses, with the arguments they lack.
 */
export const chromeMessages: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  for (const l of ctx.project.locales.values())
    for (const [key, t] of l.chrome) {
      const { problem } = messageArguments(t.text);
      if (problem)
        out.push(
          ...messageDiagnostics(t, [problem], `text "${keyName(key)}"`, {
            kind: 'letter',
            locale: l.code,
          }),
        );
    }
  return out;
};
