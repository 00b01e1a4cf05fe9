import { letterArticle, letterCss } from '../../render/html/render-html.js';
import { escapeHtml } from '../../render/html/escape-html.js';
import type { DiffPart } from '../../text/word-diff.js';
import type { PreviewState, ShownProblem } from './preview-state.js';
import { workspaceFontFamily, workspaceFontFiles } from '../../fonts/workspace-fonts.js';
import type { FaceStyle } from '../../fonts/font-files.js';

/** The bundled faces the page loads from the server (so the preview looks like the PDF on any machine). */
const FACES: { family: string; file: string; weight: number; italic: boolean }[] = [
  ['Noto Serif', 'NotoSerif'],
  ['Noto Serif KR', 'NotoSerifKR'],
  ['Noto Serif SC', 'NotoSerifSC'],
  ['Noto Serif JP', 'NotoSerifJP'],
  ['Noto Naskh Arabic', 'NotoNaskhArabic'],
].flatMap(([family, stem]) => [
  { family: family!, file: `${stem}_400Regular.woff2`, weight: 400, italic: false },
  { family: family!, file: `${stem}_700Bold.woff2`, weight: 700, italic: false },
  ...(stem === 'NotoSerif'
    ? [
        { family: family!, file: `${stem}_400Regular_Italic.woff2`, weight: 400, italic: true },
        { family: family!, file: `${stem}_700Bold_Italic.woff2`, weight: 700, italic: true },
      ]
    : []),
]);

/** File names the server may send from dist/fonts/: exactly these, nothing else. */
export const FONT_FILE_NAMES: ReadonlySet<string> = new Set(FACES.map((f) => f.file));

/** A face of a font file the workspace brings (fonts/NotoSansThai-Regular.ttf), as the page loads it. */
export interface WorkspaceFace {
  family: string;
  /** /fonts/workspace/<the font's content fingerprint>-<style>: the only name the server answers to. */
  path: string;
  style: FaceStyle;
  bytes: Buffer;
}

/**
 * The faces of the workspace fonts the letters are set in, already read (the server sends these
 * bytes, never a path from the request), so a Thai letter shows in the preview as in its PDF.
 */
export function workspaceFaces(state: PreviewState): WorkspaceFace[] {
  const ids = new Set(state.languages.flatMap((l) => l.doc?.fonts ?? []));
  return [...ids].flatMap((id) => {
    const family = workspaceFontFamily(id);
    const fingerprint = id.slice(id.lastIndexOf('#') + 1);
    if (family === undefined) return [];
    return workspaceFontFiles(id).map((f) => ({ family, path: `/fonts/workspace/${fingerprint}-${f.style}`, ...f }));
  });
}

/** The whole page: styles, the letters, and a script that swaps in new content when the server says so. */
export function previewPage(state: PreviewState): string {
  const faces = [
    ...FACES.map(
      (f) =>
        `@font-face { font-family: "${f.family}"; src: url("/fonts/${f.file}") format("woff2"); font-weight: ${f.weight}; font-style: ${f.italic ? 'italic' : 'normal'}; font-display: swap; }`,
    ),
    ...workspaceFaces(state).map(
      (f) =>
        `@font-face { font-family: "${f.family.replace(/["\\<>\n]/g, '')}"; src: url("${f.path}"); font-weight: ${f.style.startsWith('bold') ? 700 : 400}; font-style: ${f.style.endsWith('italic') ? 'italic' : 'normal'}; font-display: swap; }`,
    ),
  ].join('\n');
  return `<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Preview: ${escapeHtml(state.campaignId)}</title>
<style>
${faces}
body { margin: 0; font-family: system-ui, sans-serif; background: #eceae6; color: #222; }
header.bar { position: sticky; top: 0; z-index: 2; background: #333; color: #fff; padding: 0.4em 1em; font-size: 0.9em; display: flex; gap: 1em; align-items: center; }
header.bar .status { margin-left: auto; opacity: 0.8; }
#letters { display: grid; grid-auto-flow: column; grid-auto-columns: minmax(26em, 1fr); gap: 1em; padding: 1em; overflow-x: auto; }
.column { background: #fff; box-shadow: 0 1px 3px rgba(0,0,0,0.2); padding: 0.5em 1.2em 2em; min-width: 0; }
.column > h2.lang { font: 600 0.95em system-ui, sans-serif; display: flex; gap: 0.6em; align-items: baseline; border-bottom: 1px solid #ddd; padding-bottom: 0.4em; }
.column .letter { margin: 0; padding: 0; max-width: none; font-size: 0.92em; }
.count.bad { color: #b00020; } .count.ok { color: #2e7d32; }
ul.problems { list-style: none; margin: 0.3em 0 0.8em; padding: 0; font: 0.8em/1.35 system-ui, sans-serif; }
ul.problems li { border-left: 3px solid #b00020; background: #fdecee; padding: 0.25em 0.5em; margin: 0.2em 0; }
ul.problems li.warning { border-color: #c77700; background: #fff4e0; }
ul.problems li.info { border-color: #1565c0; background: #e8f0fb; }
ul.problems code { font-weight: 600; } ul.problems .where { color: #555; }
ul.problems .change del { color: #b00020; } ul.problems .change ins { color: #1b5e20; text-decoration: none; font-weight: 600; }
section.general { margin: 1em 1em 0; background: #fff; padding: 0.5em 1em; }
</style>
</head>
<body>
<header class="bar"><strong>openletter preview</strong><span>${escapeHtml(state.campaignId)}</span><span class="status" id="status">live</span></header>
<div id="content">${previewContent(state)}</div>
<script>
// Server-sent events: after every save the server says "update"; fetch the new letters, keep the scroll.
const status = document.getElementById('status');
const events = new EventSource('/events');
events.addEventListener('update', async () => {
  const r = await fetch('/content');
  if (r.ok) { document.getElementById('content').innerHTML = await r.text(); status.textContent = 'updated ' + new Date().toLocaleTimeString(); }
});
events.onerror = () => { status.textContent = 'disconnected (is openletter preview still running?)'; };
</script>
</body>
</html>
`;
}

/** The part of the page that changes: general problems and one column per language. */
export function previewContent(state: PreviewState): string {
  const general = state.general.length
    ? `<section class="general"><h2>Problems</h2>${problemList(state.general)}</section>`
    : '';
  if (!state.languages.length)
    return `${general}<p style="margin:1em">The campaign ${escapeHtml(state.campaignId)} does not load yet; fix the problems above and save.</p>`;
  const columns = state.languages.map((l) => {
    const count =
      l.errors > 0
        ? `<span class="count bad">${l.errors} error${l.errors === 1 ? '' : 's'}</span>`
        : `<span class="count ok">no errors</span>`;
    const pdf = `<a href="/pdf/${encodeURIComponent(l.locale)}.pdf" target="_blank">PDF</a>`;
    const top = [...l.elsewhere, ...(l.placed.get(-1) ?? [])];
    const article = l.doc ? letterArticle(l.doc, (i) => problemList(l.placed.get(i) ?? [])) : '';
    const style = l.doc ? `<style>${letterCss(l.doc, `.column[data-locale="${l.locale}"] .letter`)}</style>` : '';
    return `<section class="column" data-locale="${escapeHtml(l.locale)}">${style}<h2 class="lang">${escapeHtml(l.locale)} ${count} ${pdf}</h2>${problemList(top)}${article}</section>`;
  });
  return `${general}<div id="letters">${columns.join('\n')}</div>`;
}

function problemList(ps: ShownProblem[]): string {
  if (!ps.length) return '';
  const items = ps.map(
    (p) =>
      `<li class="${p.severity}"><code>[${escapeHtml(p.code)}]</code> ${escapeHtml(p.message)}${p.where ? ` <span class="where">${escapeHtml(p.where)}</span>` : ''}${p.hint ? `<br><em>${escapeHtml(p.hint)}</em>` : ''}${p.change ? `<br><span class="change">${escapeHtml(p.change.label)}: ${changeHtml(p.change.parts)}</span>` : ''}</li>`,
  );
  return `<ul class="problems">${items.join('')}</ul>`;
}

/** A word diff as the page shows it: removed words struck through, added words in bold green. */
function changeHtml(parts: DiffPart[]): string {
  return parts
    .map((p) =>
      p.kind === 'removed'
        ? `<del>${escapeHtml(p.text)}</del>`
        : p.kind === 'added'
          ? `<ins>${escapeHtml(p.text)}</ins>`
          : escapeHtml(p.text),
    )
    .join('');
}
