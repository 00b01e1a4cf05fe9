import { dedupeDiagnostics, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { PaperSize, Project } from '../model/project.js';
import { checkLetters } from '../check/check-project.js';
import type { LetterDocument } from '../model/letter-document.js';
import { renderMarkdown } from '../render/markdown/render-markdown.js';
import { renderHtml } from '../render/html/render-html.js';
import { concerns } from './concerns.js';

export type OutputFormat = 'pdf' | 'md' | 'html' | 'docx';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['pdf', 'md', 'html', 'docx'];

/** The formats made once per language, whatever the paper: text formats as strings, the others as bytes. */
const PAPERLESS = {
  md: async (doc: LetterDocument): Promise<string> => renderMarkdown(doc),
  html: async (doc: LetterDocument): Promise<string> => renderHtml(doc),
  docx: async (doc: LetterDocument): Promise<Uint8Array> =>
    (await import('../render/docx/render-docx.js')).renderDocx(doc),
} satisfies Record<Exclude<OutputFormat, 'pdf'>, (doc: LetterDocument) => Promise<Uint8Array | string>>;

/** A rendered file's data, by its format: text (Markdown, HTML) or bytes (PDF, Word). */
export type RenderedData = { format: 'md' | 'html'; data: string } | { format: 'pdf' | 'docx'; data: Uint8Array };

export type RenderedFile = RenderedData & {
  /** File name inside the campaign's output folder, e.g. "ko.pdf". */
  name: string;
  locale: string;
  /** Milliseconds spent rendering this file (fonts loaded). */
  ms: number;
  /** The paper a PDF is set on. */
  paper: PaperSize;
};

export interface RenderRequest {
  campaign: string;
  locales: string[];
  formats: OutputFormat[];
  /** Today's date, YYYY-MM-DD: a letter dated later is an error. */
  today: string;
  /** The date every PDF is stamped with (SOURCE_DATE_EPOCH); default the letter's own date. */
  date?: Date;
  onProgress?: (msg: string) => void;
}

/** What a run produced: files in memory, the problems that concern them, and whether anything was made. */
export interface RunResult<F> {
  files: F;
  diagnostics: Diagnostic[];
  /** `blocked`: an error stands in the way and nothing may be written. */
  outcome: 'made' | 'blocked';
}

/**
 * Check, then render one campaign in the given languages and formats, in memory. Reports the
 * problems that concern these letters; with an error among them no file is made: nothing wrong is
 * ever rendered.
 */
export async function renderCampaign(
  project: Project,
  loadDiagnostics: Diagnostic[],
  request: RenderRequest,
): Promise<RunResult<RenderedFile[]>> {
  const { campaign, locales, formats, today } = request;
  const checked = await checkLetters(project, { campaigns: [campaign], locales, today, delivery: false });
  const making = { campaign, locales };
  const relevant = dedupeDiagnostics([...loadDiagnostics, ...checked.diagnostics]).filter((d) => concerns(d, making));
  if (hasErrors(relevant)) return { files: [], diagnostics: relevant, outcome: 'blocked' };
  const files: RenderedFile[] = [];
  const pdf = formats.includes('pdf') ? await import('../render/pdf/render-pdf.js') : undefined;
  for (const code of locales) {
    const doc = checked.letters.get(`${campaign}/${code}`)?.doc;
    if (!doc) continue;
    for (const format of ['md', 'html', 'docx'] as const) {
      if (!formats.includes(format)) continue;
      const t0 = performance.now();
      const made: RenderedData =
        format === 'docx'
          ? { format, data: await PAPERLESS.docx(doc) }
          : { format, data: await PAPERLESS[format](doc) };
      files.push({ ...made, name: `${code}.${format}`, locale: code, ms: performance.now() - t0, paper: doc.paper });
    }
    if (pdf) {
      const t0 = performance.now();
      const { bytes: data } = await pdf.renderPdf(doc, request.date ? { date: request.date } : {});
      files.push({
        name: `${code}.pdf`,
        data,
        locale: code,
        format: 'pdf',
        ms: performance.now() - t0,
        paper: doc.paper,
      });
      request.onProgress?.(`rendered ${campaign} ${code}.pdf`);
    }
  }
  return { files, diagnostics: relevant, outcome: 'made' };
}
