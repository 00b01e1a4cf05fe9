import fc from 'fast-check';
import { Document, isScalar, parseDocument, Scalar } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkLetters } from '../src/check/check-project.js';
import { composeLetter } from '../src/compose/compose-letter.js';
import { fillParams } from '../src/compose/fill-params.js';
import { parseInline } from '../src/compose/inline-markdown.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { scalarOffsets } from '../src/load/yaml-file.js';
import { loadWorkspace } from '../src/load/load-workspace.js';
import { composeMaps, sourceRange, type OffsetMap } from '../src/model/offset-map.js';
import { MINI, readText, tempWorkspace } from './helpers/workspace.js';

/** Every character a map says was copied really is that character of the source. */
function expectFaithful(value: string, source: string, offsets: OffsetMap | undefined) {
  expect(offsets).toBeDefined();
  let covered = 0;
  for (const r of offsets!) {
    expect(r.at).toBe(covered);
    if (r.exact) expect(source.slice(r.src, r.src + r.len)).toBe(value.slice(r.at, r.at + r.len));
    covered += r.len;
  }
  expect(covered).toBe(value.length);
}

function offsetsOf(yamlText: string): { value: string; offsets: OffsetMap | undefined } {
  const doc = parseDocument(yamlText);
  const node = doc.get('k', true);
  if (!isScalar(node) || typeof node.value !== 'string') throw new Error('no string at k');
  return { value: node.value, offsets: scalarOffsets(yamlText, node, node.value) };
}

describe('offsets from a YAML value to its file', () => {
  it.each([
    ['a plain scalar folded over lines', 'k: the first\n  and the second\n'],
    ['a double-quoted scalar with escapes', 'k: "caf\\u00e9 \\"quoted\\" tab\\there \\U0001F600 end"\n'],
    ['a double-quoted scalar with an escaped line break', 'k: "one \\\n   two"\n'],
    ["a single-quoted scalar with ''", "k: 'it''s here'\n"],
    ['a folded block scalar', 'k: >-\n  Folded line one\n  and two,\n\n  a new paragraph.\n'],
    ['a literal block scalar', 'k: |\n  line one\n    indented\n  line three\n'],
  ])('maps every character of %s', (_, yamlText) => {
    const { value, offsets } = offsetsOf(yamlText);
    expectFaithful(value, yamlText, offsets);
  });

  it('points an escape at the whole escape sequence', () => {
    const text = 'k: "x\\u00e9y"\n';
    const { offsets } = offsetsOf(text);
    const [a, b] = sourceRange(offsets!, 1, 1)!;
    expect(text.slice(a, b)).toBe('\\u00e9');
  });

  it('maps any string, written in any scalar style, faithfully', () => {
    const styles = ['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_FOLDED', 'BLOCK_LITERAL'] as const;
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.constantFrom(...styles), (s, style) => {
        const doc = new Document({ k: s });
        const node = doc.get('k', true) as Scalar;
        node.type = style;
        const text = doc.toString({ lineWidth: 20, minContentWidth: 5 });
        const parsed = offsetsOf(text);
        if (parsed.value !== s) return; // the style could not hold this string; yaml chose another writing
        expectFaithful(parsed.value, text, parsed.offsets);
      }),
      { numRuns: 400 },
    );
  });
});

describe('offsets through compose', () => {
  it('map a filled parameter to its {{name}} and the words around it one for one', () => {
    const r = fillParams('in the {{country}} today', new Map([['country', 'Democratic Republic']]));
    expect(r.text).toBe('in the Democratic Republic today');
    expect(sourceRange(r.offsets, 7, 10)).toEqual([7, 18]);
    expect(sourceRange(r.offsets, 27, 5)).toEqual([19, 24]);
  });

  it('map the plain text of inline Markdown past its markers and escapes', () => {
    const src = 'a **bold** and \\*not\\* [link](https://x.org)';
    const { offsets } = parseInline(src);
    // plain text: "a bold and *not* link"
    expect(sourceRange(offsets, 2, 4)).toEqual([4, 8]);
    expect(sourceRange(offsets, 11, 1)).toEqual([16, 17]);
    expect(sourceRange(offsets, 17, 4)).toEqual([24, 28]);
    const composed = composeMaps(offsets, [{ at: 0, len: src.length, src: 100, srcLen: src.length, exact: true }]);
    expect(sourceRange(composed, 2, 4)).toEqual([104, 108]);
  });

  it('trace every text of a letter to its kind, language and translation key', () => {
    const project = loadWorkspace(MINI).value;
    const { texts } = composeLetter(project, '2020-test-letter', 'ko').value!;
    const opening = texts.find((t) => t.text === '구금 문제에 관하여 서한을 드립니다.')!;
    expect(opening.origin).toMatchObject({
      kind: 'translation',
      lang: 'ko',
      key: 'campaigns:2020-test-letter.opening.0',
    });
    expect(opening.origin.span.file).toBe('locales/ko/campaigns/2020-test-letter.yaml');
    const kinds = new Set(texts.map((t) => t.origin.kind));
    expect(kinds).toEqual(new Set(['translation', 'chrome', 'roster-name', 'intl-country']));
    for (const t of texts) expectFaithfulWhereExact(t.text, project.files.get(t.origin.span.file)!, t.offsets);
  });
});

/** Exact runs of a composed text copy the file (typography may have made spaces unbreakable). */
function expectFaithfulWhereExact(text: string, file: string, offsets: OffsetMap) {
  for (const r of offsets.filter((x) => x.exact))
    expect(file.slice(r.src, r.src + r.len).replace(/ /g, '\u00a0')).toBe(
      text.slice(r.at, r.at + r.len).replace(/[ \u202f]/g, '\u00a0'),
    );
}

describe('findings point at exactly what the user wrote', () => {
  const campaign = readText(`${MINI}/campaigns/2020-test-letter.yaml`);
  const koCampaign = readText(`${MINI}/locales/ko/campaigns/2020-test-letter.yaml`);
  async function check(
    overrides: Record<string, string>,
  ): Promise<{ ds: Diagnostic[]; files: ReadonlyMap<string, string> }> {
    const { value: project, diagnostics } = loadWorkspace(tempWorkspace(MINI, overrides));
    const letters = await checkLetters(project, { today: '2026-11-23' });
    return { ds: [...diagnostics, ...letters.diagnostics], files: project.files };
  }
  const quoted = (d: Diagnostic | undefined, files: ReadonlyMap<string, string>) =>
    d && files.get(d.span!.file)!.slice(d.span!.start, d.span!.end);

  it('a doubled word made by a parameter points at the parameter and the word', async () => {
    const { ds, files } = await check({
      'campaigns/2020-test-letter.yaml': campaign.replace(
        'We write to you about detention.',
        'We write to the {{country_short}} DPRK about detention.',
      ),
    });
    expect(
      quoted(
        ds.find((d) => d.code === 'text/doubled-word'),
        files,
      ),
    ).toBe('{{country_short}} DPRK');
  });

  it('doubled punctuation in a Korean translation written with an escape points at the two marks', async () => {
    const { ds, files } = await check({
      'locales/ko/campaigns/2020-test-letter.yaml': koCampaign.replace(
        '- 구금 문제에 관하여 서한을 드립니다.',
        '- "\\uAD6C금 문제에 관하여, 서한을 드립니다,\\u002C"',
      ),
    });
    const d = ds.find((x) => x.code === 'text/doubled-punctuation');
    expect(quoted(d, files)).toBe(',\\u002C');
  });

  it('a bracket in the printed text is not confused with the markup around it', async () => {
    const { ds, files } = await check({
      'campaigns/2020-test-letter.yaml': campaign.replace(
        'We write to you about detention.',
        'We write to you about [detention](https://x.org/a) (see the report.',
      ),
    });
    const d = ds.find((x) => x.code === 'text/unbalanced');
    expect(d?.span!.start).toBe(files.get('campaigns/2020-test-letter.yaml')!.indexOf('(see'));
  });
});
