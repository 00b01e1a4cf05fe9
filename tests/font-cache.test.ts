import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedFace, useFontCache } from '../src/fonts/font-cache.js';
import { bundledFontName, DECODED_HASHES, FONT_FILES, readFontFile } from '../src/fonts/font-files.js';
import { woff2ToSfnt } from '../src/fonts/woff2.js';
import { userCacheDir } from '../src/util/user-cache-dir.js';
import { REPO, spawnCli } from './helpers/workspace.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const tempDir = () => mkdtempSync(join(tmpdir(), 'openletter-font-cache-'));
const LATIN = FONT_FILES['noto-serif'].regular;
const shipped = (source: string) => readFileSync(join(REPO, 'dist/fonts', bundledFontName(source)));

/** A decoder that counts its calls. */
function counting(bytes: Buffer): { decode: () => Buffer; calls: () => number } {
  let calls = 0;
  return { decode: () => (calls++, bytes), calls: () => calls };
}

afterEach(() => useFontCache(undefined));

describe('the cache of decoded font faces', () => {
  it('decodes a face once: the next process reads it from the cache, file named by its hash', () => {
    const dir = tempDir();
    useFontCache(dir);
    const face = Buffer.from('a decoded face');
    const hash = sha256(face);
    const first = counting(face);
    expect(cachedFace(hash, first.decode).equals(face)).toBe(true);
    expect(first.calls()).toBe(1);
    expect(readdirSync(dir)).toEqual([`${hash}.ttf`]);
    const second = counting(Buffer.from('not used'));
    expect(cachedFace(hash, second.decode).equals(face)).toBe(true);
    expect(second.calls()).toBe(0);
  });

  it('ignores a damaged cache file, decodes again and rewrites it', () => {
    const dir = tempDir();
    useFontCache(dir);
    const face = Buffer.from('a decoded face');
    const hash = sha256(face);
    writeFileSync(join(dir, `${hash}.ttf`), face.subarray(0, 5)); // truncated, as by a full disk
    const again = counting(face);
    expect(cachedFace(hash, again.decode).equals(face)).toBe(true);
    expect(again.calls()).toBe(1);
    expect(readFileSync(join(dir, `${hash}.ttf`)).equals(face)).toBe(true);
    expect(readdirSync(dir)).toEqual([`${hash}.ttf`]); // no temporary file left behind
  });

  it('decodes every time when the cache folder cannot be written, and never stores bytes of another hash', () => {
    const blocked = join(tempDir(), 'a-file');
    writeFileSync(blocked, '');
    useFontCache(join(blocked, 'fonts')); // a folder under a regular file cannot be made
    const face = Buffer.from('a decoded face');
    const each = counting(face);
    cachedFace(sha256(face), each.decode);
    cachedFace(sha256(face), each.decode);
    expect(each.calls()).toBe(2);
    const dir = tempDir();
    useFontCache(dir);
    expect(cachedFace(sha256(Buffer.from('the build said')), counting(face).decode).equals(face)).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("a bundled face comes back from the cache byte for byte as WOFF2 decoding gives it, under the build's hash", () => {
    const dir = tempDir();
    useFontCache(dir);
    const hashes = JSON.parse(readFileSync(join(REPO, 'dist/fonts', DECODED_HASHES), 'utf8'));
    const decoded = woff2ToSfnt(shipped(LATIN));
    expect(hashes[bundledFontName(LATIN)]).toBe(sha256(decoded));
    expect(readFontFile(LATIN).equals(decoded)).toBe(true);
    const file = join(dir, `${sha256(decoded)}.ttf`);
    expect(readFileSync(file).equals(decoded)).toBe(true);
    expect(readFontFile(LATIN).equals(decoded)).toBe(true);
  });

  it('a render with the cache, from it, and without it write byte-identical PDFs', () => {
    const cache = tempDir();
    const render = (env: Record<string, string>) => {
      const out = tempDir();
      const r = spawnCli(
        ['-w', 'tests/fixtures/mini', 'render', '2020-test-letter', '--lang', 'en', '--format', 'pdf', '--out', out],
        {
          env,
        },
      );
      expect(r.code, r.stderr).toBe(0);
      return readdirSync(join(out, '2020-test-letter')).map((f) => readFileSync(join(out, '2020-test-letter', f)));
    };
    const filling = render({ XDG_CACHE_HOME: cache });
    const stored = readdirSync(join(cache, 'openletter', 'fonts'));
    const hashes = Object.values(JSON.parse(readFileSync(join(REPO, 'dist/fonts', DECODED_HASHES), 'utf8')));
    expect(stored.length).toBeGreaterThan(0);
    for (const f of stored) expect(hashes).toContain(f.replace(/\.ttf$/, ''));
    const mtimes = stored.map((f) => statSync(join(cache, 'openletter', 'fonts', f)).mtimeMs);
    const fromCache = render({ XDG_CACHE_HOME: cache });
    expect(stored.map((f) => statSync(join(cache, 'openletter', 'fonts', f)).mtimeMs)).toEqual(mtimes);
    const without = render({ OPENLETTER_CACHE: 'off' });
    expect(fromCache).toEqual(filling);
    expect(without).toEqual(filling);
  }, 180_000); // three whole processes
  it("is a temporary folder during the tests (tests/helpers/temp-cache.ts), never the user's", () => {
    // Every CLI a test runs, in-process or spawned, takes its cache folder from this environment.
    const dir = userCacheDir(process.env, process.platform, 'fonts')!;
    expect(dir.startsWith(join(tmpdir(), 'openletter-test-cache-'))).toBe(true);
    expect(dir.startsWith(homedir())).toBe(false);
  });
});
