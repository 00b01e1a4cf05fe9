import { assertNever, type Block, type Inline, type LetterDocument } from '../../model/letter-document.js';
import { fontFamilies, languageInfo } from '../language-info.js';
import { escapeHtml } from './escape-html.js';
import { printedSignature } from '../../model/printed-signature.js';

/** Signature lists longer than this are set in two columns, as in the PDF. */
const TWO_COLUMN_THRESHOLD = 6;

/**
 * The letter as one standalone, accessible web page for the coalition's website: `lang` and `dir` on
 * the document, the title as the only h1, numbered sections as h2, lists as lists, the date as a
 * <time>, no script and no external resource (the styles are inline; fonts are named with a serif
 * fallback). Pure and deterministic.
 */
export function renderHtml(doc: LetterDocument): string {
  const lang = languageInfo(doc.lang);
  return `<!doctype html>
<html lang="${escapeHtml(lang.tag)}" dir="${lang.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<meta name="author" content="${escapeHtml(doc.author)}">
<style>
${letterCss(doc, '.letter')}
</style>
</head>
<body>
<main>
${letterArticle(doc)}
</main>
</body>
</html>
`;
}

/**
 * The letter as an <article> (also used by `preview`, which shows several side by side). `after(i)`
 * may add markup after block i, e.g. the problems found in it.
 */
export function letterArticle(doc: LetterDocument, after: (index: number) => string = () => ''): string {
  const lang = languageInfo(doc.lang);
  const out = [
    `<article class="letter" lang="${escapeHtml(lang.tag)}" dir="${lang.dir}" data-locale="${escapeHtml(doc.locale)}">`,
    `<h1>${escapeHtml(doc.title)}</h1>`,
  ];
  doc.blocks.forEach((b, i) => out.push(block(b, doc) + after(i)));
  out.push('</article>');
  return out.join('\n');
}

/** The letter's styles, scoped under `scope`: its fonts, and line breaking as the PDF does it. */
export function letterCss(doc: LetterDocument, scope: string): string {
  const names = fontFamilies(doc.fonts).flatMap((f) => [f.family, ...f.aliases]);
  const families = [...names.map((n) => `"${n}"`), 'serif'].join(', ');
  const breaking =
    doc.lineBreak === 'keep-all' ? 'word-break: keep-all;' : doc.lineBreak === 'cjk' ? 'line-break: strict;' : '';
  return `${scope} { font-family: ${families}; line-height: 1.55; max-width: 40em; margin: 2em auto; padding: 0 1em; ${breaking} hyphens: auto; }
${scope} h1 { font-size: 1.35em; }
${scope} h2 { font-size: 1.1em; margin-top: 1.6em; }
${scope} .date { text-align: end; }
${scope} ul.signatures { list-style: none; padding: 0; }
${scope} ul.signatures.columns { columns: 2; column-gap: 2em; }
${scope} ul.signatures li { break-inside: avoid; }
${scope} .country { font-size: 0.85em; }
${scope} .cc p { margin: 0.4em 0; }${emphasisCss(doc, scope)}`;
}

/** Emphasis as the language sets it, as in the PDF: bold, or dots above (Japanese) or below (Chinese). */
function emphasisCss(doc: LetterDocument, scope: string): string {
  const { emphasis, emphasisDots } = doc.typography;
  if (emphasis === 'bold') return `\n${scope} em { font-style: normal; font-weight: bold; }`;
  if (emphasis === 'dots')
    return `\n${scope} em { font-style: normal; text-emphasis: filled dot; text-emphasis-position: ${emphasisDots === 'below' ? 'under' : 'over'} right; }`;
  return '';
}

function block(b: Block, doc: LetterDocument): string {
  switch (b.kind) {
    case 'date':
      return `<p class="date"><time datetime="${escapeHtml(doc.date)}">${escapeHtml(b.text)}</time></p>`;
    case 'recipient':
      return `<p class="recipient">${b.lines.map(escapeHtml).join('<br>\n')}</p>`;
    case 'salutation':
      return `<p class="salutation">${inline(b.content)}</p>`;
    case 'heading':
      return `<h2>${b.number ? `${escapeHtml(b.number)} ` : ''}${inline(b.content)}</h2>`;
    case 'paragraph':
      return `<p>${inline(b.content)}</p>`;
    case 'bullets':
      return `<ul>\n${b.items.map((i) => `<li>${inline(i)}</li>`).join('\n')}\n</ul>`;
    case 'sign-off':
      // Its lines as written (Chinese 此致 / 敬礼！), flush right where the language sets it so (Japanese 謹白).
      return `<p class="sign-off"${doc.typography.signOffAlign === 'right' ? ' style="text-align: end"' : ''}>${b.text
        .split('\n')
        .map(escapeHtml)
        .join('<br>\n')}</p>`;
    case 'signatures': {
      const cls = b.entries.length > TWO_COLUMN_THRESHOLD ? 'signatures columns' : 'signatures';
      const items = b.entries
        .map((signed) => printedSignature(signed, doc))
        .map(
          (e) =>
            `<li>${languageInfo(doc.lang).dir === 'rtl' ? `<bdi>${escapeHtml(e.name)}</bdi>` : escapeHtml(e.name)}${e.country ? `<span class="country">${escapeHtml(e.before + e.country + e.after)}</span>` : ''}</li>`,
        );
      return `<ul class="${cls}">\n${items.join('\n')}\n</ul>`;
    }
    case 'cc':
      return [
        `<section class="cc">`,
        `<p>${escapeHtml(b.label)}</p>`,
        ...b.entries.map(
          (e) =>
            `<p><strong>${escapeHtml(e.name)}</strong>${e.lines.map((l) => `<br>\n${escapeHtml(l)}`).join('')}</p>`,
        ),
        `</section>`,
      ].join('\n');
    default:
      return assertNever(b);
  }
}

function inline(xs: Inline[]): string {
  return xs
    .map((x) => {
      switch (x.kind) {
        case 'text':
          return escapeHtml(x.text).replace(/\n/g, '<br>\n');
        case 'emphasis':
          return `<em>${inline(x.children)}</em>`;
        case 'strong':
          return `<strong>${inline(x.children)}</strong>`;
        case 'link':
          // Only web and mail links: a javascript: or data: target from a YAML file must not run on the website.
          return /^(https?:|mailto:)/i.test(x.href)
            ? `<a href="${escapeHtml(x.href)}">${inline(x.children)}</a>`
            : inline(x.children);
        case 'lang':
          return `<span lang="${escapeHtml(x.lang)}">${inline(x.children)}</span>`;
        default:
          return assertNever(x);
      }
    })
    .join('');
}
