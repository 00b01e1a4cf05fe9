import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scriptWorkspace } from './helpers/script-workspace.js';
import { runCli } from './helpers/workspace.js';

const THAI_FONT = 'fonts/NotoSansThai-Regular.ttf';

/** The font names pdffonts lists for a PDF (subset prefixes dropped). */
function embeddedFonts(pdf: string): string[] {
  const out = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
}

describe('workspace fonts', () => {
  it('a locale drawing Thai with a font file from the workspace checks clean and embeds it', async () => {
    const ws = scriptWorkspace(['th'], { [THAI_FONT]: 'thai' });
    const check = await runCli(['-w', ws, 'check', '--json']);
    const codes = JSON.parse(check.stdout).diagnostics.map((d: { code: string }) => d.code);
    expect(codes.filter((c: string) => c !== 'mission/unverified')).toEqual([]);
    const r = await runCli(['-w', ws, 'render', '2020-test-letter', '--lang', 'th', '--format', 'pdf']);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    const pdf = join(ws, 'out/2020-test-letter/th.pdf');
    expect(embeddedFonts(pdf)).toContain('NotoSansThai-Regular');
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('คณะกรรมการกาชาดระหว่างประเทศ');
  });

  it('the same font files give byte-identical PDFs', async () => {
    const render = async () => {
      const ws = scriptWorkspace(['th'], { [THAI_FONT]: 'thai' });
      await runCli(['-w', ws, 'render', '2020-test-letter', '--lang', 'th', '--format', 'pdf']);
      return readFileSync(join(ws, 'out/2020-test-letter/th.pdf'));
    };
    expect((await render()).equals(await render())).toBe(true);
  });

  it('a mapping of faces draws bold with the bold file and a face it does not name with the regular one', async () => {
    const ws = scriptWorkspace(['th'], { [THAI_FONT]: 'thai', 'fonts/thai/bold.ttf': 'thaiBold' });
    const locale = join(ws, 'locales/th/locale.yaml');
    writeFileSync(
      locale,
      readFileSync(locale, 'utf8').replace(
        `fonts: [${THAI_FONT}, noto-serif]`,
        `fonts:\n  - { regular: ${THAI_FONT}, bold: fonts/thai/bold.ttf }\n  - noto-serif`,
      ),
    );
    const r = await runCli(['-w', ws, 'render', '2020-test-letter', '--lang', 'th', '--format', 'pdf']);
    expect(r.code).toBe(0);
    // **องค์การแรงงานระหว่างประเทศ** is bold; *คณะกรรมการกาชาดระหว่างประเทศ* italic, which the mapping lacks.
    const fonts = embeddedFonts(join(ws, 'out/2020-test-letter/th.pdf'));
    expect(fonts.filter((f) => f.startsWith('NotoSansThai')).sort()).toEqual([
      'NotoSansThai-Bold',
      'NotoSansThai-Regular',
    ]);
  });

  it('a missing file, a file that is not a font and a path outside fonts/ are errors at their entries', async () => {
    const ws = scriptWorkspace(['th'], {}, { 'fonts/broken.ttf': 'this is not a font\n' });
    const locale = join(ws, 'locales/th/locale.yaml');
    writeFileSync(
      locale,
      readFileSync(locale, 'utf8').replace(
        `fonts: [${THAI_FONT}, noto-serif]`,
        'fonts:\n  - fonts/NotoSansThai-Regular.ttf\n  - { regular: fonts/broken.ttf }\n  - ../elsewhere/Font.ttf\n  - noto-serif',
      ),
    );
    const r = await runCli(['-w', ws, 'check']);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines).toContain(
      'locales/th/locale.yaml:5:5: error: font file fonts/NotoSansThai-Regular.ttf does not exist [font/unreadable]',
    );
    expect(
      lines.find((l) => l.startsWith('locales/th/locale.yaml:6:16: error: fonts/broken.ttf is not a font file')),
    ).toBeDefined();
    expect(lines).toContain(
      `locales/th/locale.yaml:7:5: error: font "../elsewhere/Font.ttf" is not a file under the workspace's fonts/ folder [ref/unknown-font]`,
    );
    expect(r.stdout).not.toMatch(/at .*\.js:\d+/);
  });
});
