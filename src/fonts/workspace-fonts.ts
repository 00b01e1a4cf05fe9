import type { Font } from 'fontkit';
import { fontkit } from './fontkit.js';
import type { FaceStyle } from './font-files.js';
import { sha256 } from '../util/sha256.js';
import { isWoff, woffToSfnt } from './woff.js';

/**
 * Fonts a workspace brings: a locale's `fonts:` may name files under the workspace's fonts/ folder
 * (any script Noto covers, with no code change). The loader reads the files and registers them
 * here; the rest of the tool then treats the returned id like a bundled font id. Ids are derived
 * from the file names and contents, so the same files give the same id (and byte-identical PDFs) in
 * every run, and a font file edited while `preview` runs gets a new id instead of a stale face.
 */

/** One face file as the workspace holds it. */
export interface WorkspaceFontFile {
  /** Workspace-relative path, e.g. fonts/NotoSansThai-Regular.ttf. */
  path: string;
  bytes: Buffer;
}

/** The faces a locale names; a missing face is drawn with the regular one. */
export type WorkspaceFontFiles = { regular: WorkspaceFontFile } & Partial<Record<FaceStyle, WorkspaceFontFile>>;

/** A parsed face of a workspace font (the shape font-library.ts hands the renderer). */
export interface ParsedFace {
  key: string;
  font: Font;
  unitsPerEm: number;
  ascent: number;
  descent: number;
}

interface WorkspaceFont {
  /** The regular face's path, as the locale wrote it: what messages show. */
  label: string;
  /** The family name the font file gives itself (HTML and Word name it). */
  family: string;
  faces: Partial<Record<FaceStyle, ParsedFace>> & { regular: ParsedFace };
  /** The face files as the workspace holds them (the preview serves them to the browser). */
  files: Partial<Record<FaceStyle, Buffer>>;
  covers: Map<number, boolean>;
}

/** A face file that could not be used, and why (one line, for a diagnostic at its position). */
export interface FontFileProblem {
  style: FaceStyle;
  path: string;
  message: string;
}

const registered = new Map<string, WorkspaceFont>();

/** Separates the readable part of a workspace font id from its content fingerprint. */
const ID_MARK = '#';

/** Whether `id` was returned by {@link registerWorkspaceFont} in this process. */
export function isWorkspaceFont(id: string): boolean {
  return registered.has(id);
}

/**
 * Parses the face files of one `fonts:` entry and registers them: `{ id }`, or every face that is
 * not a usable font (not a font file, a collection, no Unicode cmap) with the reason.
 */
export function registerWorkspaceFont(files: WorkspaceFontFiles): { id: string } | { problems: FontFileProblem[] } {
  const styles = (Object.keys(files) as FaceStyle[]).sort();
  const hash = sha256(styles.flatMap((style) => [`${style}\0${files[style]!.path}\0`, files[style]!.bytes]));
  const id = `${files.regular.path}${ID_MARK}${hash.slice(0, 12)}`;
  if (registered.has(id)) return { id };
  const problems: FontFileProblem[] = [];
  const faces: Partial<Record<FaceStyle, ParsedFace>> = {};
  for (const style of styles) {
    const file = files[style]!;
    const parsed = parseFontFile(file.bytes);
    if (typeof parsed === 'string') problems.push({ style, path: file.path, message: parsed });
    else faces[style] = face(parsed, `${id}/${style}`);
  }
  if (problems.length > 0 || faces.regular === undefined) return { problems };
  registered.set(id, {
    label: files.regular.path,
    family: faces.regular.font.familyName || files.regular.path,
    faces: { ...faces, regular: faces.regular },
    files: Object.fromEntries(styles.map((style) => [style, files[style]!.bytes])),
    covers: new Map(),
  });
  return { id };
}

/** The face of a registered workspace font in `style`, or its regular face when the locale named none for that style. */
export function workspaceFace(id: string, style: FaceStyle): ParsedFace | undefined {
  const font = registered.get(id);
  return font && (font.faces[style] ?? font.faces.regular);
}

/** Whether the regular face of a registered workspace font has a glyph for `codePoint`. */
export function workspaceFontCovers(id: string, codePoint: number): boolean {
  const font = registered.get(id);
  if (font === undefined) return false;
  let covered = font.covers.get(codePoint);
  if (covered === undefined)
    font.covers.set(codePoint, (covered = font.faces.regular.font.hasGlyphForCodePoint(codePoint)));
  return covered;
}

/** The face files of a registered workspace font (the faces its locale named), by style. */
export function workspaceFontFiles(id: string): { style: FaceStyle; bytes: Buffer }[] {
  const files = registered.get(id)?.files ?? {};
  return (Object.keys(files) as FaceStyle[]).map((style) => ({ style, bytes: files[style]! }));
}

/** The family name a registered workspace font gives itself. */
export function workspaceFontFamily(id: string): string | undefined {
  return registered.get(id)?.family;
}

/** How messages name a font id: a workspace font by its path, a bundled one by its id. */
export function fontLabel(id: string): string {
  return registered.get(id)?.label ?? id;
}

/** Why `bytes` are not a usable single-face font, or undefined when they are one. */
export function fontFileProblem(bytes: Buffer): string | undefined {
  const parsed = parseFontFile(bytes);
  return typeof parsed === 'string' ? parsed : undefined;
}

/** A parsed single-face font, or why the bytes are not one. */
function parseFontFile(bytes: Buffer): Font | string {
  let parsed: ReturnType<ReturnType<typeof fontkit>['create']>;
  try {
    // WOFF 1.0 through our decoder: fontkit would inflate a table again on every glyph it reads.
    parsed = fontkit().create(isWoff(bytes) ? woffToSfnt(bytes) : bytes);
  } catch (e) {
    return `not a font file fontkit can read (${e instanceof Error ? e.message : String(e)})`;
  }
  if (!('unitsPerEm' in parsed)) return 'a font collection (.ttc/.dfont): name a single-face file (.ttf, .otf, .woff)';
  try {
    if (!parsed.hasGlyphForCodePoint(0x20) && parsed.characterSet.length === 0)
      return 'a font without a Unicode character map';
  } catch (e) {
    return `a damaged font file (${e instanceof Error ? e.message : String(e)})`;
  }
  return parsed;
}

function face(font: Font, key: string): ParsedFace {
  const upm = font.unitsPerEm;
  return { key, font, unitsPerEm: upm, ascent: font.ascent / upm, descent: -font.descent / upm };
}
