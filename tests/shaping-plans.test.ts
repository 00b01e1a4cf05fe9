import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Shapes a corpus with fontkit as published, then with its plans reused (src/fonts/fontkit-plans.ts),
 * in a fresh process: the patch changes fontkit's classes for the whole process, so "before" must be
 * shaped before it is applied. Scripts, directions and features alternate from call to call, so a
 * plan or a script selection that leaked from one call into the next would show.
 */
const SCRIPT = `
import { readFileSync } from 'node:fs';
import { create } from 'fontkit';
import { readFontFile } from './dist/fonts/font-files.js';
import { reuseShapingPlans } from './dist/fonts/fontkit-plans.js';
const fonts = {
  latin: create(readFontFile('@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf')),
  kr: create(readFontFile('@expo-google-fonts/noto-serif-kr/400Regular/NotoSerifKR_400Regular.ttf')),
  jp: create(readFontFile('@expo-google-fonts/noto-serif-jp/400Regular/NotoSerifJP_400Regular.ttf')),
  ar: create(readFontFile('@expo-google-fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf')),
  th: create(readFileSync('node_modules/@expo-google-fonts/noto-sans-thai/400Regular/NotoSansThai_400Regular.ttf')),
};
const corpus = [
  ['latin', 'AVATAR, Wave. '], ['kr', '북한 인권 '], ['latin', 'office 1\u20442 '], ['jp', '「国連」、（人権）'],
  ['ar', 'بسم الله'], ['latin', 'ﬁnal affix'], ['kr', '\u1100\u1161\u11A8 한글'], ['th', 'ภาษาไทย'],
  ['jp', '「国連」、（人権）', ['chws']], ['latin', 'AVATAR, Wave. ', ['smcp']], ['ar', 'بسم الله', ['rtlm'], 'rtl'],
  ['ar', '(1)', ['rtlm'], 'rtl'], ['latin', 'AVATAR, Wave. '], ['kr', '북한 인권 '], ['jp', '。」（', ['halt']],
  ['latin', 'AVATAR, Wave. ', { kern: false }],
];
const shape = () => corpus.map(([font, text, features, direction]) => {
  const run = fonts[font].layout(text, features, undefined, undefined, direction);
  return [run.glyphs.map((g) => g.id), run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset])];
});
const before = shape();
for (const font of Object.values(fonts)) reuseShapingPlans(font);
process.stdout.write(JSON.stringify({ before, after: shape(), again: shape() }));
`;

describe('fontkit shaping plans reused', () => {
  it('give the very glyphs and positions fontkit plans afresh for each call', () => {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', SCRIPT], { cwd: ROOT, encoding: 'utf8' });
    const { before, after, again } = JSON.parse(out) as Record<string, [number[], number[][]][]>;
    const advances = (i: number) => before![i]![1].map(([x]) => x);
    expect(before!.length).toBe(16);
    // The corpus exercises what plans decide: kerning (turned off last), chws halving brackets.
    expect(advances(0)).not.toEqual(advances(15));
    expect(advances(8)).not.toEqual(advances(3));
    expect(after).toEqual(before);
    expect(again).toEqual(before);
  });
});
