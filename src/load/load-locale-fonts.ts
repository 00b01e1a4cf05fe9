import { diag } from '../diagnostics/diagnostic.js';
import { knownFontIds, type FaceStyle } from '../fonts/font-files.js';
import {
  fontFileProblem,
  registerWorkspaceFont,
  type FontFileProblem,
  type WorkspaceFontFile,
  type WorkspaceFontFiles,
} from '../fonts/workspace-fonts.js';
import { join } from 'node:path';
import type { LocaleInfo, Project } from '../model/project.js';
import type { FileReader } from './read-files.js';
import type { FileSource } from './read-text-file.js';
import { spanAt, type YamlFile } from './yaml-file.js';

/** A `fonts:` entry as locale.yaml writes it: a bundled id, a path under fonts/, or a path per face. */
export type FontEntry = string | ({ regular: string } & Partial<Record<FaceStyle, string>>);

/** A CJK face is 15 MB as TTF; anything far past that is not a font a letter needs. */
const MAX_FONT_BYTES = 64 * 1024 * 1024;
const FONT_FILE = /\.(ttf|otf|woff2?)$/i;

/** Whether a `fonts:` string names a file rather than a bundled font. */
export function isFontPath(entry: string): boolean {
  return entry.includes('/') || FONT_FILE.test(entry);
}

/**
 * The font ids of a locale's stack: bundled ids as written, workspace font files read, parsed and
 * registered (see fonts/workspace-fonts.ts), and the files of those. A file that is missing, outside
 * fonts/ or not a font is an error at its entry and leaves the stack; an unknown bundled id stays,
 * for `check` to report.
 */
export function loadLocaleFonts(
  reader: FileReader,
  file: YamlFile,
  entries: FontEntry[],
): Pick<LocaleInfo, 'workspaceFonts'> & { ids: string[] } {
  const ids: string[] = [];
  const workspaceFonts: LocaleInfo['workspaceFonts'] = [];
  entries.forEach((entry, i) => {
    if (typeof entry === 'string' && !isFontPath(entry)) {
      ids.push(entry);
      return;
    }
    const paths: [FaceStyle, string, (string | number)[]][] =
      typeof entry === 'string'
        ? [['regular', entry, ['fonts', i]]]
        : (Object.entries(entry) as [FaceStyle, string][]).map(([style, path]) => [style, path, ['fonts', i, style]]);
    const files: Partial<Record<FaceStyle, WorkspaceFontFile>> = {};
    let ok = true;
    for (const [style, path, at] of paths) {
      const read = readFontFile(reader, file, path, at);
      if (read === undefined) ok = false;
      else files[style] = read;
    }
    const registered =
      ok && files.regular !== undefined
        ? registerWorkspaceFont(files as WorkspaceFontFiles)
        : { problems: unusableFaces(files) };
    if ('id' in registered) {
      ids.push(registered.id);
      workspaceFonts.push({
        id: registered.id,
        files: Object.fromEntries(Object.entries(files).map(([style, f]) => [style, f.path])),
      });
      return;
    }
    for (const p of registered.problems) {
      const at = typeof entry === 'string' ? ['fonts', i] : ['fonts', i, p.style];
      reader.diagnostics.push(
        diag('font/unreadable', spanAt(file, at), `${p.path} is ${p.message}`, {
          hint: 'use a TrueType or OpenType font file (.ttf, .otf, .woff), e.g. from fonts.google.com/noto',
        }),
      );
    }
  });
  return { ids, workspaceFonts };
}

/**
 * Registers again the workspace font files a cached Project's locales use (a new process has none
 * registered): false when a file no longer reads as the font the Project names (changed since it
 * was hashed), and then the workspace must be loaded again.
 */
export function registerProjectFonts(project: Project, source: FileSource): boolean {
  for (const locale of project.locales.values())
    for (const { id, files } of locale.workspaceFonts) {
      const read: Partial<Record<FaceStyle, WorkspaceFontFile>> = {};
      for (const [style, path] of Object.entries(files)) {
        const bytes = readOrUndefined(source, join(project.root, path));
        if (bytes === undefined) return false;
        read[style as FaceStyle] = { path, bytes };
      }
      const again = read.regular && registerWorkspaceFont(read as WorkspaceFontFiles);
      if (!again || !('id' in again) || again.id !== id) return false;
    }
  return true;
}

function readOrUndefined(source: FileSource, path: string): Buffer | undefined {
  try {
    return source.read(path);
  } catch {
    // Unreadable now: loading again reports it where the locale names it.
    return undefined;
  }
}

/** The faces that were read but are not fonts: reported even when another face of the entry is missing. */
function unusableFaces(files: Partial<Record<FaceStyle, WorkspaceFontFile>>): FontFileProblem[] {
  return (Object.entries(files) as [FaceStyle, WorkspaceFontFile][]).flatMap(([style, f]) => {
    const message = fontFileProblem(f.bytes);
    return message === undefined ? [] : [{ style, path: f.path, message }];
  });
}

function readFontFile(
  reader: FileReader,
  file: YamlFile,
  path: string,
  at: (string | number)[],
): WorkspaceFontFile | undefined {
  const span = spanAt(file, at);
  if (
    !path.startsWith('fonts/') ||
    path.split('/').some((part) => part === '..' || part === '') ||
    path.includes('\\')
  ) {
    reader.diagnostics.push(
      diag('ref/unknown-font', span, `font "${path}" is not a file under the workspace's fonts/ folder`, {
        hint: `put the font file in the workspace's fonts/ folder and write its path, e.g. fonts/NotoSansThai-Regular.ttf; bundled fonts: ${knownFontIds().join(', ')}`,
      }),
    );
    return undefined;
  }
  const read = reader.bytes(path, MAX_FONT_BYTES);
  if ('bytes' in read) return { path, bytes: read.bytes };
  reader.diagnostics.push(
    diag('font/unreadable', span, 'missing' in read ? `font file ${path} does not exist` : read.problem, {
      hint:
        'missing' in read
          ? `put the font file at ${path} (relative to the workspace folder), or correct the name`
          : 'check that the file is a readable font',
    }),
  );
  return undefined;
}
