import { languageInfo } from '../language-info.js';
import { assertNever, type Block, type Inline, type LetterDocument } from '../../model/letter-document.js';
import { escapeMarkdown } from './escape-markdown.js';
import { printedSignature } from '../../model/printed-signature.js';

/** The letter as clean CommonMark, for a website or press release. Pure. */
export function renderMarkdown(doc: LetterDocument): string {
  const out: string[] = [`# ${escapeMarkdown(doc.title)}`, ''];
  for (const b of doc.blocks) out.push(block(b, doc), '');
  const body = out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  // Markdown has no direction of its own: a right-to-left letter is wrapped in an HTML block that
  // says so (GitHub, GitLab and most renderers keep it; the blank lines keep the Markdown inside live).
  const { dir } = languageInfo(doc.lang);
  return dir === 'rtl' ? `<div dir="rtl" lang="${doc.lang}">\n\n${body}\n\n</div>\n` : `${body}\n`;
}

function block(b: Block, doc: LetterDocument): string {
  switch (b.kind) {
    case 'date':
      return escapeMarkdown(b.text);
    case 'recipient':
      return b.lines.map(escapeMarkdown).join('\\\n');
    case 'salutation':
      return inline(b.content);
    case 'heading':
      return `## ${b.number ? `${b.number} ` : ''}${inline(b.content)}`;
    case 'paragraph':
      return inline(b.content);
    case 'bullets':
      return b.items.map((i) => `- ${inline(i)}`).join('\n');
    case 'sign-off':
      return escapeMarkdown(b.text);
    case 'signatures':
      // Isolated names in a right-to-left letter, as in the PDF: a Latin name keeps its own order.
      return b.entries
        .map((signed) => printedSignature(signed, doc))
        .map(
          (e) =>
            `- ${languageInfo(doc.lang).dir === 'rtl' ? `\u2068${escapeMarkdown(e.name)}\u2069` : escapeMarkdown(e.name)}${e.country ? `${escapeMarkdown(e.before)}${escapeMarkdown(e.country)}${escapeMarkdown(e.after)}` : ''}`,
        )
        .join('\n');
    case 'cc':
      return [
        escapeMarkdown(b.label),
        ...b.entries.map((e) => [`**${escapeMarkdown(e.name)}**`, ...e.lines.map(escapeMarkdown)].join('\\\n')),
      ].join('\n\n');
    default:
      return assertNever(b);
  }
}

function inline(xs: Inline[]): string {
  return xs
    .map((x) => {
      switch (x.kind) {
        case 'text':
          return escapeMarkdown(x.text);
        case 'emphasis':
          return `*${inline(x.children)}*`;
        case 'strong':
          return `**${inline(x.children)}**`;
        case 'link':
          return `[${inline(x.children)}](${x.href.replace(/[()\s]/g, encodeURIComponent)})`;
        case 'lang':
          // pandoc's bracketed span, the syntax the workspace texts use.
          return `[${inline(x.children)}]{lang=${x.lang}}`;
        default:
          return assertNever(x);
      }
    })
    .join('');
}
