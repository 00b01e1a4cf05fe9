import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../util/sha256.js';

/**
 * A per-user cache of decoded font faces. The package ships its faces as WOFF2 (small install),
 * and brotli takes about half a second to restore a CJK face: a cold Korean letter paid that for
 * each of its two faces in every process. The decoded faces are kept as TTF files under the
 * cache folder, each named by the SHA-256 of its bytes, so a cached file is checked against its
 * own name before use: a truncated or damaged file is decoded again and rewritten, never drawn.
 * The cache only saves time: when its folder cannot be written, faces are decoded as before.
 */

/** The cache folder the CLI set for this process (util/user-cache-dir.ts "fonts"; undefined: decode every time). */
let cacheDir: string | undefined;

/** Use `dir` for decoded faces from now on, or no cache (undefined). The CLI calls this once per run. */
export function useFontCache(dir: string | undefined): void {
  cacheDir = dir;
}

/**
 * The face whose decoded bytes hash to `hash`: from the cache when a file there still has that
 * hash, else `decode()`d and, when it has the expected hash, stored for the next process. A face
 * that decodes to other bytes (a build whose hash list is stale) is used but not stored.
 */
export function cachedFace(hash: string, decode: () => Buffer): Buffer {
  const dir = cacheDir;
  if (dir === undefined) return decode();
  const file = join(dir, `${hash}.ttf`);
  const cached = readOrUndefined(file);
  if (cached && sha256(cached) === hash) return cached;
  const face = decode();
  if (sha256(face) === hash) store(dir, file, face);
  return face;
}

function readOrUndefined(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Write through a temporary file and rename it into place, so a process reading the cache at the
 * same time sees the old file or the whole new one, never half of it.
 */
function store(dir: string, file: string, face: Buffer): void {
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temporary, face);
    renameSync(temporary, file);
  } catch {
    // An unwritable or full cache folder only costs the next process the decode.
    try {
      rmSync(temporary, { force: true });
    } catch {
      // nothing was written
    }
  }
}
