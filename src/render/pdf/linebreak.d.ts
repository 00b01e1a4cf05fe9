// linebreak ships no types; this covers the part of its API the PDF line layout uses.
declare module 'linebreak' {
  /** A break opportunity before the UTF-16 offset `position`. */
  interface Break {
    position: number;
    /** A mandatory break (after a line feed or paragraph separator). */
    required: boolean;
  }
  /** UAX #14 line breaker over one string. */
  export default class LineBreaker {
    constructor(text: string);
    /** The next break opportunity, or null after the last one (which is at the end of the text). */
    nextBreak(): Break | null;
  }
}
