import { sourceRange, type OffsetMap } from './offset-map.js';

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
  /**
   * Each character of `text` → the file offsets it was written at (quotes, escapes, folded lines
   * and indentation accounted for). Absent when not known: findings then point at the whole span.
   */
  offsets?: OffsetMap;
}

/**
 * What a printed text is: the source language's text, a translation of it, the letter's fixed
 * wording (locales/<lng>/letter.yaml), a signatory's name, or a country name Intl made from a code.
 */
export type OriginKind = 'source' | 'translation' | 'chrome' | 'roster-name' | 'intl-country';

export interface Origin {
  /** The whole value it was made from. */
  span: Span;
  kind: OriginKind;
  /** Locale code of the language it is written in. */
  lang: string;
  /** Its translation key, for source, translation and chrome texts. */
  key?: string;
}

/** A final text (parameters filled, markup removed) with its origin and the map back to the file. */
export interface TracedText {
  text: string;
  origin: Origin;
  /** Each character of `text` → offsets in `origin.span.file`. */
  offsets: OffsetMap;
}

/** A stable key for a span's start (the same text printed by several letters). */
export const spanKey = (s: Span) => `${s.file}:${s.start}`;

/**
 * The file span of `text[index, index+length)` of a text written at `span` and mapped by `offsets`:
 * exact where the map is, the whole span where it is not known.
 */
export function spanWithin(span: Span, offsets: OffsetMap | undefined, index: number, length: number): Span {
  const r = offsets && sourceRange(offsets, index, length);
  return r ? { file: span.file, start: r[0], end: Math.max(r[1], r[0] + 1) } : span;
}

/** `spanWithin` for a traced or sourced text. */
export const spanIn = (t: TracedText | SourcedText, index: number, length: number): Span =>
  spanWithin('origin' in t ? t.origin.span : t.span, t.offsets, index, length);
