import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerWorkspaceFont } from '../src/fonts/workspace-fonts.js';
import { renderPdf } from '../src/render/pdf/render-pdf.js';
import { testLetter } from './helpers/letter-document.js';
import { FIXTURE_FONTS } from './helpers/script-workspace.js';
import { REPO } from './helpers/workspace.js';

const require = createRequire(join(REPO, 'package.json'));
const hebrew = registerWorkspaceFont({
  regular: {
    path: 'fonts/NotoSerifHebrew-Regular.ttf',
    bytes: readFileSync(require.resolve(FIXTURE_FONTS.hebrew)),
  },
});
if (!('id' in hebrew)) throw new Error('the Hebrew fixture font does not load');

/** Right-to-left paragraphs with a Latin acronym in parentheses and numbers (the fixture letters' openings). */
const PARAGRAPHS = [
  {
    name: 'ar-paragraph',
    lang: 'ar',
    fonts: ['noto-naskh-arabic', 'noto-serif'],
    text: 'نكتب إليكم بشأن الاحتجاز في 12 مرفقاً على الأقل، وفقاً لتقرير لجنة التحقيق (COI) الصادر في 17 شباط/فبراير 2014، والذي وثّق انتهاكات جسيمة لحقوق الإنسان في معسكرات الاعتقال السياسي.',
  },
  {
    name: 'he-paragraph',
    lang: 'he-IL',
    fonts: [hebrew.id, 'noto-serif'],
    text: 'אנו פונים אליך בנושא המעצרים ב-12 מתקנים לפחות, כפי שתיעדה ועדת החקירה (COI) בדוח מיום 17 בפברואר 2014.',
  },
];

/** A grey image (pdftoppm's PGM): its size and one byte per pixel. */
interface Grey {
  width: number;
  height: number;
  pixels: Buffer;
}

function readPgm(bytes: Buffer): Grey {
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  return { width: Number(header[1]), height: Number(header[2]), pixels: bytes.subarray(header[0].length) };
}

/** Resolution of the images: one pixel per PDF point. */
const DPI = 72;

/** The top of the PDF's first page (where the paragraph is: below the 72 pt margin), in grey. */
function pageTop(pdf: Buffer): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'openletter-image-'));
  writeFileSync(join(dir, 'letter.pdf'), pdf);
  const crop = ['-y', '60', '-H', '60'];
  execFileSync('pdftoppm', [
    '-r',
    String(DPI),
    '-gray',
    '-f',
    '1',
    '-l',
    '1',
    ...crop,
    join(dir, 'letter.pdf'),
    join(dir, 'page'),
  ]);
  return readFileSync(join(dir, 'page-1.pgm'));
}

describe('page images of right-to-left paragraphs', () => {
  it.each(PARAGRAPHS)(
    '$name looks as it did: joined letters, set from the right, (COI) and the numbers in place',
    async ({ name, lang, fonts, text }) => {
      const { bytes } = await renderPdf(
        testLetter({ lang, fonts, blocks: [{ kind: 'paragraph', content: [{ kind: 'text', text }] }] }),
      );
      const image = pageTop(bytes);
      const golden = join(REPO, 'tests/goldens/images', `${name}.pgm`);
      if (process.env.UPDATE_GOLDEN === '1' || !existsSync(golden)) {
        if (process.env.UPDATE_GOLDEN !== '1') throw new Error(`${golden} is missing: write it with UPDATE_GOLDEN=1`);
        writeFileSync(golden, image);
      }
      const [now, then] = [readPgm(image), readPgm(readFileSync(golden))];
      expect([now.width, now.height]).toEqual([then.width, then.height]);
      // Ink where there was ink: a glyph moved, dropped or reversed changes far more pixels than
      // anti-aliasing from another rasteriser build would.
      let differing = 0;
      for (let i = 0; i < now.pixels.length; i++) if (Math.abs(now.pixels[i]! - then.pixels[i]!) > 64) differing++;
      expect(differing / now.pixels.length).toBeLessThan(0.002);
      // And there is a paragraph: dark pixels near the right margin (the lines start there).
      const inked = (x0: number, x1: number) => {
        let n = 0;
        for (let y = 0; y < now.height; y++)
          for (let x = x0; x < x1; x++) if (now.pixels[y * now.width + x]! < 128) n++;
        return n;
      };
      const margin = Math.round((72 * DPI) / 72);
      expect(inked(now.width - margin - 20, now.width - margin)).toBeGreaterThan(20);
    },
  );
});
