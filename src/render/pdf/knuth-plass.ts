/**
 * Total-fit paragraph breaking (Knuth and Plass, "Breaking paragraphs into lines", 1981) over a
 * sequence of unbreakable pieces. Script-agnostic: a piece is a word with its trailing space, a
 * hyphenation fragment, a CJK character cluster; the caller says how wide each is, how much it
 * may stretch or shrink and what breaking after it costs. All lengths share one unit (PDF points).
 */

/** One piece of the paragraph; a line may end after it. */
export interface BreakPiece {
  /** Natural width of the piece's content, its trailing space excluded. */
  width: number;
  /** Stretch and shrink inside the piece (letter-spacing, inter-character glue). */
  stretch: number;
  shrink: number;
  /** The glue after the piece (a word space): counted only when the line goes on after it. */
  glue: { width: number; stretch: number; shrink: number };
  /** Extra width when a line ends here: a drawn hyphen, or a contextual adjustment undone at the line end. */
  breakWidth: number;
  /** Extra shrink when a line ends here (CJK closing punctuation that may be set half-width at the line end). */
  breakShrink?: number;
  /** Cost of ending a line here (TeX's penalty; hyphens cost more than spaces). */
  penalty: number;
  /** A hyphenation break: two in a row cost {@link BreakOptions.consecutiveHyphenDemerits}. */
  flagged: boolean;
  /** The line must end after this piece (a line feed); the line is set like a last line. */
  forced: boolean;
}

export interface BreakOptions {
  lineWidth: number;
  /** Largest adjustment ratio (stretch used ÷ stretch available) a line may take in the first pass. */
  tolerance: number;
  /** Stretch added to every line in the second pass, when the first finds no way within tolerance. */
  emergencyStretch: number;
  /** Demerits per line (TeX's \linepenalty): fewer lines are preferred. */
  linePenalty: number;
  consecutiveHyphenDemerits: number;
  /** Demerits when the second-last line ends with a hyphen (TeX's \finalhyphendemerits). */
  finalHyphenDemerits: number;
  /** Demerits when adjacent lines differ in tightness by more than one class (TeX's \adjdemerits). */
  fitnessDemerits: number;
  /** A last line narrower than this (or holding a single piece) costs {@link shortLastLineDemerits}. */
  shortLastLine: number;
  shortLastLineDemerits: number;
}

interface Node {
  /** Index of the piece the line before this node ends with; -1 for the paragraph start. */
  piece: number;
  line: number;
  fitness: number;
  demerits: number;
  flagged: boolean;
  previous: Node | undefined;
}

/**
 * The indices of the pieces that end each line (the last piece always ends the last line). Never
 * fails: the second pass accepts any looseness, and a piece too wide for the line sits alone on it.
 */
export function breakParagraph(pieces: BreakPiece[], options: BreakOptions): number[] {
  if (pieces.length === 0) return [];
  const sums = prefixSums(pieces);
  return (
    run(pieces, sums, options, options.tolerance, 0) ??
    run(pieces, sums, options, Infinity, options.emergencyStretch) ??
    pieces.flatMap((p, i) => (p.forced || i === pieces.length - 1 ? [i] : []))
  );
}

interface Sums {
  /** Totals over pieces [0, i) of content plus glue. */
  width: number[];
  stretch: number[];
  shrink: number[];
}

function prefixSums(pieces: BreakPiece[]): Sums {
  const sums: Sums = { width: [0], stretch: [0], shrink: [0] };
  pieces.forEach((p, i) => {
    sums.width.push((sums.width[i] ?? 0) + p.width + p.glue.width);
    sums.stretch.push((sums.stretch[i] ?? 0) + p.stretch + p.glue.stretch);
    sums.shrink.push((sums.shrink[i] ?? 0) + p.shrink + p.glue.shrink);
  });
  return sums;
}

function run(
  pieces: BreakPiece[],
  sums: Sums,
  options: BreakOptions,
  tolerance: number,
  extraStretch: number,
): number[] | undefined {
  let active: Node[] = [{ piece: -1, line: 0, fitness: 1, demerits: 0, flagged: false, previous: undefined }];
  const last = pieces.length - 1;
  for (let b = 0; b <= last; b++) {
    const piece = pieces[b] as BreakPiece;
    const final = piece.forced || b === last;
    const best: (Node | undefined)[] = [undefined, undefined, undefined, undefined];
    const survivors: Node[] = [];
    for (const a of active) {
      const from = a.piece + 1;
      // The line holds pieces from..b; the glue after b is dropped and its break width added.
      const width = (sums.width[b + 1] ?? 0) - (sums.width[from] ?? 0) - piece.glue.width + piece.breakWidth;
      const stretch = (sums.stretch[b + 1] ?? 0) - (sums.stretch[from] ?? 0) - piece.glue.stretch + extraStretch;
      const shrink =
        (sums.shrink[b + 1] ?? 0) - (sums.shrink[from] ?? 0) - piece.glue.shrink + (piece.breakShrink ?? 0);
      const slack = options.lineWidth - width;
      const alone = from === b;
      let ratio: number;
      if (slack >= 0) ratio = final ? 0 : stretch > 0 ? slack / stretch : slack > 0.01 ? Infinity : 0;
      else ratio = shrink > 0 ? slack / shrink : -Infinity;
      if (ratio < -1 && !alone) continue; // Overfull: longer lines from a are too.
      survivors.push(a);
      if (ratio > tolerance) continue;
      const fitness = ratio < -0.5 ? 0 : ratio <= 0.5 ? 1 : ratio <= 1 ? 2 : 3;
      const badness = ratio < -1 ? 10_000 : Math.min(10_000, 100 * Math.abs(ratio) ** 3);
      let demerits = (options.linePenalty + badness) ** 2;
      if (piece.penalty > 0) demerits += piece.penalty ** 2;
      if (piece.flagged && a.flagged) demerits += options.consecutiveHyphenDemerits;
      if (final && a.flagged) demerits += options.finalHyphenDemerits;
      if (Math.abs(fitness - a.fitness) > 1) demerits += options.fitnessDemerits;
      if (final && b === last && (width < options.shortLastLine || (alone && a.piece >= 0))) {
        demerits += options.shortLastLineDemerits;
      }
      const total = a.demerits + demerits;
      const current = best[fitness];
      if (current === undefined || total < current.demerits) {
        best[fitness] = { piece: b, line: a.line + 1, fitness, demerits: total, flagged: piece.flagged, previous: a };
      }
    }
    const found = best.filter((n): n is Node => n !== undefined);
    // After a forced break every line starts there; otherwise lines may still start at older nodes.
    active = final ? found : [...survivors, ...found];
    if (active.length === 0) return undefined;
  }
  const end = active.reduce((x, y) => (y.demerits < x.demerits ? y : x));
  const breaks: number[] = [];
  for (let node: Node | undefined = end; node !== undefined && node.piece >= 0; node = node.previous) {
    breaks.push(node.piece);
  }
  return breaks.reverse();
}
