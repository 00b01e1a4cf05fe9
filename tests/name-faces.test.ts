import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINI, readText, runCli, tempWorkspace } from './helpers/workspace.js';

/**
 * Each text run of a PDF with the face that draws it, as poppler reads it back (`pdftohtml -xml`
 * starts a new run wherever the font changes): [face name without its subset prefix, text].
 */
function textRuns(pdf: string): [string, string][] {
  const xml = execFileSync('pdftohtml', ['-xml', '-i', '-stdout', '-q', pdf], { encoding: 'utf8' });
  const faces = new Map(
    [...xml.matchAll(/<fontspec id="(\d+)"[^>]* family="(?:[A-Z]{6}\+)?([^"]+)"/g)].map((m) => [m[1]!, m[2]!]),
  );
  return [...xml.matchAll(/<text [^>]*font="(\d+)"[^>]*>(.*?)<\/text>/g)].map((m) => [
    faces.get(m[1]!)!,
    m[2]!.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&'),
  ]);
}

describe('names in a Korean letter', () => {
  it('draws a signatory name in one face: the Latin one when a word needs it, else the Korean one', async () => {
    const campaign = 'campaigns/2020-test-letter.yaml';
    const ws = tempWorkspace(MINI, {
      'signatories.yaml': `${readText(join(MINI, 'signatories.yaml'))}  - id: fundacja
    name: Fundacja Praw Człowieka
    kind: organisation
    country: PL
  - id: baltic
    name: Baltic Human Rights Network – Łódź
    kind: organisation
    country: LT
`,
      [campaign]: readText(join(MINI, campaign)).replace(
        /^signatories: \[(.*)\]$/m,
        'signatories: [$1, fundacja, baltic]',
      ),
    });
    const r = await runCli(['-w', ws, 'render', '2020-test-letter', '--lang', 'ko']);
    expect(r.stderr).not.toMatch(/error|warning/);
    expect(r.code).toBe(0);
    const runs = textRuns(join(ws, 'out/2020-test-letter/ko.pdf'));
    const facesOf = (name: string) => runs.filter(([, text]) => name.includes(text.trim()) && text.trim());
    // Each name is one run of one face: nothing of it is drawn in another.
    expect(facesOf('Baltic Human Rights Network – Łódź')).toEqual([
      ['NotoSerif', 'Baltic Human Rights Network – Łódź'],
    ]);
    expect(facesOf('Fundacja Praw Człowieka')).toEqual([['NotoSerif', 'Fundacja Praw Człowieka']]);
    expect(facesOf('Amnesty International')).toEqual([['NotoSerifKR', 'Amnesty International']]);
  });
});
