import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { PaperSize, Project } from '../model/project.js';
import { checkLetters } from '../check/check-project.js';
import type { LetterDocument } from '../model/letter-document.js';
import { renderMarkdown } from '../render/markdown/render-markdown.js';
import { renderHtml } from '../render/html/render-html.js';

export type OutputFormat = 'pdf' | 'md' | 'html' | 'docx';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['pdf', 'md', 'html', 'docx'];

/** The formats made once per language, whatever the paper (the PDF is set once per paper, below). */
const PAPERLESS: Record<Exclude<OutputFormat, 'pdf'>, (doc: LetterDocument) => Promise<Uint8Array | string>> = {
  md: async (doc) => renderMarkdown(doc),
  html: async (doc) => renderHtml(doc),
  docx: async (doc) => (await import('../render/docx/render-docx.js')).renderDocx(doc),
};

export interface RenderedFile {
  /** File name inside the campaign's output folder, e.g. "ko.pdf". */
  name: string;
  data: Uint8Array | string;
  locale: string;
  format: OutputFormat;
  /** Milliseconds spent rendering this file (fonts loaded). */
  ms: number;
  /** The paper a PDF is set on. */
  paper: PaperSize;
}

/**
 * Check, then render one campaign in the given languages and formats, in memory. Returns no files
 * if any problem that would affect these letters is an error: nothing wrong is ever rendered.
 */
export async function renderCampaign(
  project: Project,
  loadDiagnostics: Diagnostic[],
  campaignId: string,
  locales: string[],
  formats: OutputFormat[],
  onProgress: (msg: string) => void = () => {},
  /**
   * The papers to set each language's PDF on, instead of the campaign's own (delivery: packets posted
   * in the United States get US Letter). The check runs once, whatever the number of papers.
   */
  papersFor?: (locale: string) => PaperSize[],
): Promise<{ files: RenderedFile[]; diagnostics: Diagnostic[] }> {
  const checked = await checkLetters(project, { campaigns: [campaignId], locales });
  // Mission records concern delivery, not the letter: `check` and `deliver` report them.
  const relevant = [...loadDiagnostics, ...checked.diagnostics].filter((d) => concerns(d, campaignId, locales));
  if (hasErrors(relevant)) return { files: [], diagnostics: relevant };
  const files: RenderedFile[] = [];
  const pdf = formats.includes('pdf') ? await import('../render/pdf/render-pdf.js') : undefined;
  for (const code of locales) {
    const composed = checked.letters.get(`${campaignId}/${code}`);
    if (!composed) continue;
    const doc = composed.doc;
    for (const format of ['md', 'html', 'docx'] as const) {
      if (!formats.includes(format)) continue;
      const t0 = performance.now();
      const data = await PAPERLESS[format](doc);
      files.push({
        name: `${code}.${format}`,
        data,
        locale: code,
        format,
        ms: performance.now() - t0,
        paper: doc.paper,
      });
    }
    for (const paper of pdf ? (papersFor?.(code) ?? [doc.paper]) : []) {
      const t0 = performance.now();
      const data = await pdf!.renderPdf({ ...doc, paper });
      files.push({ name: `${code}.pdf`, data, locale: code, format: 'pdf', ms: performance.now() - t0, paper });
      onProgress(`rendered ${campaignId} ${code}.pdf${paper === doc.paper ? '' : ` (${paper})`}`);
    }
  }
  return { files, diagnostics: relevant };
}

/**
 * Problems that cannot change these letters do not block them: other campaigns' files, other
 * languages' files, and the mission registry (delivery reports those).
 */
function concerns(d: Diagnostic, campaignId: string, locales: string[]): boolean {
  const f = d.span?.file ?? '';
  if (d.code.startsWith('mission/') || d.code === 'ref/unknown-mission' || f === 'missions.yaml') return false;
  const lang = /^locales\/([^/]+)\//.exec(f);
  if (lang && !locales.includes(lang[1]!)) return false;
  const m = /^(?:locales\/[^/]+\/)?campaigns\/([^/]+)\.ya?ml$/.exec(f);
  return !m || m[1] === campaignId;
}
