import { diag, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Rule } from './rule.js';
import { checkScope } from './scope.js';
import { applyTypography } from '../../compose/typography.js';
import type { LocaleInfo } from '../../model/project.js';

/** Quotation marks of the bundled languages (not the apostrophe ’, which French and English write). */
const QUOTATION_MARKS = /["“”„«»「」『』]/u;

/**
 * quote/not-found and quote/unmarked: a quotation the letter does not contain, and a translation
 * that neither quotes the official text of its language nor is marked as an unofficial translation
 * (printed as indirect speech, without quotation marks, or with the language's note).
 */
export const quotations: Rule = (ctx) => {
  const scope = checkScope(ctx);
  const sourceLocale = ctx.project.workspace.sourceLocale;
  const out: Diagnostic[] = [];
  for (const c of ctx.project.campaigns.values()) {
    if (!scope.campaigns.has(c.id)) continue;
    const source = ctx.letters.get(`${c.id}/${sourceLocale}`);
    if (!source) continue;
    for (const q of c.quotations) {
      // The letter prints its texts with the language's typography (curled apostrophes, tied number pairs): so is the quotation compared.
      const quoted = asPrinted(q.text.text, ctx.project.locales.get(sourceLocale));
      const quoting = source.texts.find((t) => t.text.includes(quoted));
      if (!quoting) {
        out.push(
          diag(
            'quote/not-found',
            q.text.span,
            `quotation "${q.id}" is not in campaign ${c.id}: no text of the letter quotes these words`,
            {
              hint: 'copy the words exactly as the letter quotes them, between its quotation marks',
            },
          ),
        );
        continue;
      }
      for (const lng of c.locales) {
        const letter = ctx.letters.get(`${c.id}/${lng}`);
        if (lng === sourceLocale || !letter) continue;
        const form = q.forms.get(lng);
        const translated = letter.texts.find((t) => t.origin.key === quoting.origin.key && t.origin.lang === lng);
        if (!form)
          out.push(
            diag(
              'quote/unmarked',
              q.span,
              `quotation "${q.id}" has neither an official ${lng} text nor an unofficial mark`,
              {
                hint: `under its languages, give ${lng}: { official: …, source: … } (the official text and where it is published), or ${lng}: { unofficial: indirect } (indirect speech) or { unofficial: note }`,
              },
            ),
          );
        else if (
          form.kind === 'official' &&
          translated &&
          !translated.text.includes(asPrinted(form.text.text, ctx.project.locales.get(lng)))
        )
          out.push(
            diag(
              'quote/unmarked',
              translated.origin.span,
              `the ${lng} letter does not quote the official text of "${q.id}"`,
              {
                related: [{ message: 'the official text', span: form.text.span }],
                hint: 'quote the official text word for word, or mark the quotation { unofficial: … }',
              },
            ),
          );
        else if (
          form.kind === 'unofficial' &&
          form.print === 'indirect' &&
          translated &&
          QUOTATION_MARKS.test(translated.text)
        )
          out.push(
            diag(
              'quote/unmarked',
              translated.origin.span,
              `the ${lng} letter prints "${q.id}" in quotation marks, but it is an unofficial translation`,
              {
                related: [{ message: 'marked as indirect speech here', span: form.span }],
                hint: 'write it as indirect speech, or mark it { unofficial: note } to print the language\'s "unofficial translation" note',
              },
            ),
          );
      }
    }
  }
  return out;
};

function asPrinted(text: string, locale: LocaleInfo | undefined): string {
  return locale ? applyTypography(text, locale).text : text;
}
