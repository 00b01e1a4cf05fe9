import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadWorkspace } from '../src/load/load-workspace.js';
import { writeFilesAtomic } from '../src/output/write-files-atomic.js';
import { previewContent } from '../src/pipeline/preview/preview-page.js';
import { servePreview } from '../src/pipeline/preview/preview-server.js';
import { previewState } from '../src/pipeline/preview/preview-state.js';
import { planStamp } from '../src/translations/import-translations.js';
import { scriptWorkspace } from './helpers/script-workspace.js';
import { tempWorkspace } from './helpers/workspace.js';

const LETTER = 'campaigns/2020-test-letter.yaml';
const CHROMIUM = '/usr/bin/chromium';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const s of stops.splice(0)) await s();
});

/** Start a preview of the mini letter on a free port; stopped after the test. */
async function start(ws: string): Promise<string> {
  const controller = new AbortController();
  let url = '';
  const listening = new Promise<void>((resolve) => {
    const done = servePreview({
      root: ws,
      campaignId: '2020-test-letter',
      today: '2026-11-23',
      port: 0,
      signal: controller.signal,
      debounceMs: 50,
      log: () => {},
      onListening: (u) => {
        url = u;
        resolve();
      },
    });
    stops.push(async () => {
      controller.abort();
      await done;
    });
  });
  await listening;
  return url;
}

/** A raw GET, the path sent exactly as written (no URL normalisation), with an optional Host header. */
function get(url: string, path: string, host?: string): Promise<{ status: number; type: string; body: Buffer }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, headers: host ? { host } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type']),
          body: Buffer.concat(chunks),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('openletter preview: the server', () => {
  it('listens on 127.0.0.1 only and serves the page, the PDF of a language and the bundled fonts', async () => {
    const url = await start(tempWorkspace());
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await get(url, '/');
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('data-locale="ko"');
    const pdf = await get(url, '/pdf/en.pdf');
    expect([pdf.status, pdf.type, pdf.body.subarray(0, 5).toString()]).toEqual([200, 'application/pdf', '%PDF-']);
    expect((await get(url, '/fonts/NotoSerifKR_400Regular.woff2')).status).toBe(200);
  });

  it('serves the Arabic face and a font file the workspace brings (Thai), under its fingerprint only', async () => {
    const ws = scriptWorkspace(['th'], { 'fonts/NotoSansThai-Regular.ttf': 'thai' });
    const url = await start(ws);
    expect((await get(url, '/fonts/NotoNaskhArabic_400Regular.woff2')).status).toBe(200);
    const page = (await get(url, '/')).body.toString();
    const face =
      /@font-face \{ font-family: "Noto Sans Thai"; src: url\("(\/fonts\/workspace\/[0-9a-f]{12}-regular)"\)/u.exec(
        page,
      );
    expect(face).not.toBeNull();
    const font = await get(url, face![1]!);
    expect([font.status, font.type]).toEqual([200, 'font/ttf']);
    expect(font.body.equals(readFileSync(join(ws, 'fonts/NotoSansThai-Regular.ttf')))).toBe(true);
    for (const path of [
      '/fonts/workspace/000000000000-regular',
      '/fonts/NotoSansThai-Regular.ttf',
      '/fonts/workspace/',
    ])
      expect([path, (await get(url, path)).status]).toEqual([path, 404]);
  });

  it('serves no file outside what it builds: traversal, encoded traversal, other hosts and unknown paths', async () => {
    const ws = tempWorkspace();
    const url = await start(ws);
    for (const path of [
      '/../../../../etc/passwd',
      '/fonts/../../package.json',
      '/fonts/..%2f..%2fpackage.json',
      '/fonts/%2e%2e/%2e%2e/package.json',
      '/pdf/..%2F..%2Fetc%2Fpasswd.pdf',
      '/pdf/xx.pdf',
      `/${LETTER}`,
      '/campaigns/',
    ])
      expect([path, (await get(url, path)).status]).toEqual([path, 404]);
    // DNS rebinding: a page on another site that resolves its own name to 127.0.0.1 is refused.
    expect((await get(url, '/', 'evil.example:80')).status).toBe(421);
  });

  it('keeps serving when a save breaks the YAML, showing the problem, and the PDF waits for a fix', async () => {
    const ws = tempWorkspace();
    const url = await start(ws);
    writeFileSync(join(ws, LETTER), `${readFileSync(join(ws, LETTER), 'utf8')}\n  bad: [unclosed\n`);
    await expect
      .poll(async () => (await get(url, '/content')).body.toString(), { timeout: 10_000 })
      .toContain('[yaml/');
    writeFileSync(
      join(ws, LETTER),
      readFileSync(join(ws, LETTER), 'utf8')
        .replace('\n  bad: [unclosed\n', '')
        .replace('about detention.', 'about TODO.'),
    );
    await expect
      .poll(async () => (await get(url, '/content')).body.toString(), { timeout: 10_000 })
      .toContain('[text/placeholder]');
    expect((await get(url, '/pdf/en.pdf')).status).toBe(409);
  });
});

describe('openletter preview: the page', () => {
  it('shows a stale translation at its paragraph with the English then and now, removed and added words marked', async () => {
    const ws = tempWorkspace();
    writeFilesAtomic(ws, planStamp(loadWorkspace(ws).value, 'ko'));
    const en = join(ws, 'demands/icrc-visits.yaml');
    writeFileSync(
      en,
      readFileSync(en, 'utf8').replace('to visit all places', 'to inspect, without notice, all places'),
    );
    const html = previewContent(await previewState(ws, '2020-test-letter', '2026-11-23'));
    const ko = html.slice(html.indexOf('data-locale="ko"'));
    expect(ko).toMatch(
      /\[i18n\/stale\]<\/code> ko translation of &quot;icrc-visits\.text\.0&quot;[^<]*<span class="where">[^<]*<\/span><br><em>[^<]*<\/em><br><span class="change">the English since it was translated: [^<]*\(ICRC\) to <del>visit<\/del><ins>inspect, without notice,<\/ins> all places/,
    );
  });
});

describe('openletter preview in a real browser (headless Chromium)', () => {
  const present = existsSync(CHROMIUM);
  if (!present)
    console.warn(
      `SKIPPED: ${CHROMIUM} is not installed, so the browser test cannot run (apt-get install -y chromium; .ci/run installs it)`,
    );

  it.skipIf(!present)(
    'shows every language, a planted problem at its place, and a saved change within a few seconds',
    async () => {
      const { chromium } = await import('playwright-core');
      const ws = tempWorkspace();
      const file = join(ws, LETTER);
      writeFileSync(file, readFileSync(file, 'utf8').replace('about detention.', 'about TODO.'));
      const url = await start(ws);
      // A fresh profile each run (--user-data-dir, which playwright passes for a persistent context).
      const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'openletter-chromium-')), {
        executablePath: CHROMIUM,
        viewport: { width: 1400, height: 900 },
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      stops.push(() => context.close());
      const page = await context.newPage();
      await page.goto(url);
      // Every language of the campaign, each in its own language.
      expect(
        await page.locator('section.column').evaluateAll((cs) => cs.map((c) => c.getAttribute('data-locale'))),
      ).toEqual(['en', 'ko']);
      expect(await page.locator('article.letter[lang="ko-KR"] h1').textContent()).toBe('구금에 관한 공개서한');
      // The planted placeholder: its problem right after the paragraph that holds it, with its code.
      const flagged = page.locator('[data-locale="en"] p:has-text("about TODO.") + ul.problems');
      await expect.poll(() => flagged.textContent()).toContain('[text/placeholder]');
      expect(await flagged.textContent()).toMatch(/campaigns\/2020-test-letter\.yaml:\d+:\d+/);
      expect(await page.locator('[data-locale="en"] .count').textContent()).toBe('1 error');
      await page.screenshot({ path: join(tmpdir(), 'openletter-preview.png'), fullPage: true });
      // A save: the page updates by itself (server-sent events), without a reload.
      await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
      const t0 = Date.now();
      writeFileSync(file, readFileSync(file, 'utf8').replace('about TODO.', 'about prisons and camps.'));
      await page.locator('[data-locale="en"] p:has-text("about prisons and camps.")').waitFor({ timeout: 5000 });
      expect(Date.now() - t0).toBeLessThan(5000);
      expect(await page.locator('[data-locale="en"] .count').textContent()).toBe('no errors');
      expect(await page.locator('ul.problems').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
      await page.screenshot({ path: join(tmpdir(), 'openletter-preview-after.png'), fullPage: true });
    },
  );
});
