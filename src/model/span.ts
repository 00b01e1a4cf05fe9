/**
 * Where a value came from: a workspace-relative file path and a character offset range in it.
 * Offsets stay offsets inside the pipeline; only the diagnostics formatter turns them into line:col.
 */
export interface Span {
  /** Workspace-relative path, with forward slashes. */
  file: string;
  /** 0-based UTF-16 offset of the first character. */
  start: number;
  /** 0-based UTF-16 offset just past the last character. */
  end: number;
}

/** A string from a workspace file together with where it was written. */
export interface SourcedText {
  text: string;
  span: Span;
}
