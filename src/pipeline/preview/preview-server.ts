import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { escapeHtml } from '../../render/html/escape-html.js';
import { watchWorkspace } from '../../watch/watch-workspace.js';
import { FONT_FILE_NAMES, previewContent, previewPage, workspaceFaces } from './preview-page.js';
import { previewState, type PreviewState } from './preview-state.js';

/** dist/fonts/ of this package, from dist/pipeline/preview/ or (tests from source) src/pipeline/preview/. */
const FONTS_DIR = fileURLToPath(new URL('../../../dist/fonts/', import.meta.url));

export interface PreviewServerOptions {
  root: string;
  campaignId: string;
  /** Today's date, YYYY-MM-DD, taken when the preview starts. */
  today: string;
  /** 0: any free port. */
  port: number;
  signal: AbortSignal;
  debounceMs?: number;
  log: (line: string) => void;
  /** Called with the URL once the server listens. */
  onListening: (url: string) => void;
}

/**
 * `openletter preview`: a web server on 127.0.0.1 only, showing every language of a campaign side by
 * side with its problems in place, re-checked after every save (the `render --watch` machinery) and
 * pushed to the page by server-sent events. It serves the page, its content, its event stream, the
 * bundled fonts by exact name and each language's PDF, rendered on request: no path of the request
 * ever reaches the file system. A broken save is a page of problems, never a stopped server.
 * Resolves when `signal` aborts, with every connection closed.
 */
export async function servePreview(opts: PreviewServerOptions): Promise<void> {
  let state: PreviewState = { campaignId: opts.campaignId, general: [], languages: [] };
  const clients = new Set<ServerResponse>();
  let port = 0;

  const server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      opts.log(`request failed: ${e instanceof Error ? e.message : String(e)}`);
      if (!res.headersSent) send(res, 500, 'text/plain', 'internal error; see the terminal');
      else res.end();
    });
  });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // Another site's page could reach this port through a rebound DNS name: only our own host names.
    if (!new Set([`127.0.0.1:${port}`, `localhost:${port}`]).has(req.headers.host ?? ''))
      return send(res, 421, 'text/plain', 'wrong host');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'GET only');
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/') return send(res, 200, 'text/html; charset=utf-8', previewPage(state));
    if (path === '/content') return send(res, 200, 'text/html; charset=utf-8', previewContent(state));
    if (path === '/events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    const font = /^\/fonts\/([A-Za-z0-9_]+\.woff2)$/.exec(path);
    if (font && FONT_FILE_NAMES.has(font[1]!))
      return send(res, 200, 'font/woff2', readFileSync(FONTS_DIR + font[1]!), 'max-age=3600');
    const own = workspaceFaces(state).find((f) => f.path === path);
    if (own) return send(res, 200, fontType(own.bytes), own.bytes, 'max-age=3600');
    const pdf = /^\/pdf\/([A-Za-z0-9-]+)\.pdf$/.exec(path);
    const lang = pdf && state.languages.find((l) => l.locale === pdf[1]);
    if (lang?.doc) {
      if (lang.errors)
        return send(
          res,
          409,
          'text/html; charset=utf-8',
          `<!doctype html><html lang="en"><meta charset="utf-8"><title>Not rendered</title><p>The ${escapeHtml(lang.locale)} letter has ${lang.errors} error(s); nothing wrong is rendered. Fix them (they are shown in the preview) and save.</p></html>`,
        );
      const { renderPdf } = await import('../../render/pdf/render-pdf.js');
      return send(res, 200, 'application/pdf', (await renderPdf(lang.doc)).bytes);
    }
    return send(res, 404, 'text/plain', 'not found');
  };

  const round = async () => {
    const t0 = performance.now();
    try {
      state = await previewState(opts.root, opts.campaignId, opts.today);
      const errors = state.languages.reduce((n, l) => n + l.errors, 0) + state.general.length;
      opts.log(`checked ${opts.campaignId}: ${errors} error(s), ${Math.round(performance.now() - t0)} ms`);
    } catch (e) {
      // A bug or a disk error: say it on the page and in the terminal, keep serving.
      const message = e instanceof Error ? e.message : String(e);
      state = {
        campaignId: opts.campaignId,
        general: [
          { severity: 'error', code: 'internal', message, hint: 'save again; report it if it stays', where: '' },
        ],
        languages: [],
      };
      opts.log(`round failed: ${message}`);
    }
    for (const c of clients) c.write(`event: update\ndata: ${Date.now()}\n\n`);
  };
  // The first check before listening: the first page a browser gets already shows the letters.
  await round();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  opts.onListening(`http://127.0.0.1:${port}/`);

  await watchWorkspace({
    root: opts.root,
    round,
    signal: opts.signal,
    ...(opts.debounceMs !== undefined ? { debounceMs: opts.debounceMs } : {}),
  });
  for (const c of clients) c.end();
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** The media type of a font file, by its signature (the workspace may bring TrueType, OpenType or WOFF). */
function fontType(bytes: Buffer): string {
  const tag = bytes.subarray(0, 4).toString('latin1');
  return tag === 'OTTO' ? 'font/otf' : tag === 'wOFF' ? 'font/woff' : tag === 'wOF2' ? 'font/woff2' : 'font/ttf';
}

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array, cache = 'no-store') {
  res.writeHead(status, { 'content-type': type, 'cache-control': cache, 'x-content-type-options': 'nosniff' });
  res.end(body);
}
