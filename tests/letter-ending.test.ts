import { describe, expect, it } from 'vitest';
import type { Block, LetterDocument } from '../src/model/letter-document.js';
import { testLetter } from './helpers/letter-document.js';
import { lineCount, MIN_LAST_PAGE_LINES, paginateLetter } from '../src/render/pdf/fit-ending.js';
import { structNode, type PageContent } from '../src/render/pdf/flow.js';
import { layoutBlocks } from '../src/render/pdf/layout-blocks.js';
import { pageStyle } from '../src/render/pdf/page-style.js';

const PARAGRAPH =
  'We welcome increased dialogue but have yet to see actions on the part of your government that would signal clear improvements in the lives of its citizens or in their basic rights and freedoms. ';

function letter(paragraphs: number, signatories: number, cc = 2): LetterDocument {
  const blocks: Block[] = [
    { kind: 'date', text: 'June 6, 2018' },
    { kind: 'salutation', content: [{ kind: 'text', text: 'Dear Chairman,' }] },
    ...Array.from({ length: paragraphs }, (): Block => ({
      kind: 'paragraph',
      content: [{ kind: 'text', text: PARAGRAPH.repeat(3) }],
    })),
    { kind: 'sign-off', text: 'Sincerely,' },
    {
      kind: 'signatures',
      entries: Array.from({ length: signatories }, (_, i) => ({
        id: `s${i}`,
        name: i % 3 === 0 ? `Citizens' Alliance for Human Rights number ${i}` : `Coalition ${i}`,
        country: i % 2 === 0 ? 'South Korea' : undefined,
      })),
    },
  ];
  if (cc > 0) {
    blocks.push({
      kind: 'cc',
      label: 'cc:',
      entries: Array.from({ length: cc }, (_, i) => ({
        name: `Addressee ${i}`,
        lines: ['Ambassador to the United Nations', 'Fax: +1-212-972-3154'],
      })),
    });
  }
  return testLetter({ blocks });
}

const paginated = (doc: LetterDocument): PageContent[] =>
  paginateLetter(doc, pageStyle(doc), structNode('Document', undefined));

const text = (page: PageContent | undefined): string =>
  (page ?? []).map((line) => line.pieces.map((p) => p.text).join('')).join('\n');

describe('the end of a letter', () => {
  it('never leaves a last page with fewer than six lines, whatever the length of the signature list', () => {
    const counts: number[] = [];
    for (let signatories = 8; signatories <= 90; signatories += 3) {
      const pages = paginated(letter(4, signatories, 0));
      counts.push(pages.length);
      if (pages.length > 1) expect(lineCount(pages.at(-1)), `${signatories} signatories`).toBeGreaterThanOrEqual(6);
    }
    // The range crosses page boundaries, so the rule was exercised.
    expect(new Set(counts).size).toBeGreaterThan(1);
    expect(MIN_LAST_PAGE_LINES).toBe(6);
  });

  it('keeps every signatory and cc entry exactly once, in order', () => {
    const doc = letter(4, 47);
    const all = paginated(doc).map(text).join('\n');
    let from = 0;
    for (let i = 0; i < 47; i++) {
      const at = all.indexOf(i % 3 === 0 ? `number ${i}` : `Coalition ${i}`, from);
      expect(at, `signatory ${i}`).toBeGreaterThanOrEqual(from);
      from = at;
    }
    expect(all.indexOf('Addressee 0')).toBeGreaterThan(from);
    expect(all.split('Addressee 1').length).toBe(2);
  });

  it('sets the cc block as one unbreakable box', () => {
    const doc = letter(1, 3, 3);
    const items = layoutBlocks(doc, pageStyle(doc), structNode('Document', undefined));
    const last = items.at(-1);
    expect(last?.kind).toBe('box');
    const lines = last?.kind === 'box' ? last.lines.map((l) => l.pieces.map((p) => p.text).join('')) : [];
    expect(lines[0]).toBe('cc:');
    expect(lines.filter((l) => l.startsWith('Addressee'))).toHaveLength(3);
  });

  it('never leaves the sign-off with a single row of signatures at the foot of a page', () => {
    for (let paragraphs = 5; paragraphs <= 12; paragraphs++) {
      const pages = paginated(letter(paragraphs, 30, 0));
      const at = pages.findIndex((p) => text(p).includes('Sincerely,'));
      const page = pages[at] as PageContent;
      const signOff = page.find((l) => l.pieces.some((p) => p.text === 'Sincerely,'));
      const rowsAfter = new Set(page.filter((l) => l.y > (signOff?.y ?? 0)).map((l) => Math.round(l.y))).size;
      expect(rowsAfter, `${paragraphs} paragraphs`).toBeGreaterThanOrEqual(2);
    }
  });
});
