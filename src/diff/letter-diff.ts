import { diffArrays } from 'diff';
import { wordDiff, type DiffPart } from '../text/word-diff.js';

export interface BlockChange {
  /** The paragraph's text before and after (undefined: it was added or removed whole). */
  before: string | undefined;
  after: string | undefined;
  /** The section heading the paragraph is under now (or was, if removed), for orientation. */
  section: string | undefined;
  /** 1-based line of the paragraph in the Markdown now (or before, if removed). */
  line: number;
  parts: DiffPart[];
}

interface Paragraph {
  text: string;
  line: number;
  section: string | undefined;
}

/**
 * What changed between two renderings of one letter in one language, paragraph by paragraph (list
 * items and signatories count as paragraphs), each with its word-level changes. Inputs are the
 * letter's Markdown, as `render` writes it. Pure.
 */
export function diffLetter(before: string, after: string, lang: string): BlockChange[] {
  const a = paragraphs(before);
  const b = paragraphs(after);
  const runs = diffArrays(
    a.map((p) => p.text),
    b.map((p) => p.text),
  );
  const out: BlockChange[] = [];
  let ia = 0;
  let ib = 0;
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    const n = run.value.length;
    if (!run.added && !run.removed) {
      ia += n;
      ib += n;
      continue;
    }
    // A removal right before an addition is an edit of those paragraphs: pair them for a word diff.
    const next = runs[r + 1];
    if (run.removed && next?.added) {
      const m = next.value.length;
      for (let k = 0; k < Math.max(n, m); k++) {
        const pa = k < n ? a[ia + k] : undefined;
        const pb = k < m ? b[ib + k] : undefined;
        out.push(change(pa, pb, lang));
      }
      ia += n;
      ib += m;
      r++;
    } else if (run.removed) {
      for (let k = 0; k < n; k++) out.push(change(a[ia + k], undefined, lang));
      ia += n;
    } else {
      for (let k = 0; k < n; k++) out.push(change(undefined, b[ib + k], lang));
      ib += n;
    }
  }
  return out;
}

function change(a: Paragraph | undefined, b: Paragraph | undefined, lang: string): BlockChange {
  const at = (b ?? a)!;
  return {
    before: a?.text,
    after: b?.text,
    section: at.section,
    line: at.line,
    parts: a && b ? wordDiff(a.text, b.text, lang) : [{ kind: a ? 'removed' : 'added', text: at.text }],
  };
}

/** Blank-line separated blocks, with each list item on its own; the heading each falls under. */
function paragraphs(md: string): Paragraph[] {
  const out: Paragraph[] = [];
  let section: string | undefined;
  let current: { lines: string[]; line: number } | undefined;
  const flush = () => {
    if (!current) return;
    const text = current.lines.join('\n');
    if (/^#{2,} /.test(text)) section = text.replace(/^#+ /, '');
    out.push({ text, line: current.line, section });
    current = undefined;
  };
  md.replace(/\r\n?/g, '\n')
    .split('\n')
    .forEach((l, i) => {
      if (!l.trim()) return flush();
      if (/^- /.test(l) || /^#+ /.test(l)) flush();
      if (current) current.lines.push(l);
      else current = { lines: [l], line: i + 1 };
    });
  flush();
  return out;
}
