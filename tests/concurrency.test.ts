import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withLock } from '../src/output/output-lock.js';
import { writeFilesAtomic } from '../src/output/write-files-atomic.js';
import { writeFolderAtomic } from '../src/output/write-folder-atomic.js';
import { REPO } from './helpers/workspace.js';

const temp = () => mkdtempSync(join(tmpdir(), 'openletter-lock-'));

/** A lock as a run in process `pid` leaves it. */
function lockAs(dir: string, pid: number): void {
  mkdirSync(join(dir, '.openletter.lock'), { recursive: true });
  writeFileSync(join(dir, '.openletter.lock', 'owner.json'), JSON.stringify({ pid, host: hostname() }));
}

/** Everything below a folder, as "path=content" lines. */
function tree(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? tree(dir, `${prefix}${e.name}/`)
      : [`${prefix}${e.name}=${readFileSync(join(dir, prefix, e.name), 'utf8')}`],
  );
}

describe('runs that write the same output take turns', () => {
  it('a second run waits for the lock, then gives up with a clear error, writing nothing', () => {
    const out = temp();
    writeFolderAtomic(join(out, 'c'), new Map([['a.txt', 'first']]));
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      lockAs(out, sleeper.pid!);
      const t0 = Date.now();
      expect(() => writeFolderAtomic(join(out, 'c'), new Map([['a.txt', 'second']]), { waitMs: 300 })).toThrow(
        `another openletter run (process ${sleeper.pid}) is writing ${out}; waited 0 s, nothing written`,
      );
      expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
      expect(readFileSync(join(out, 'c/a.txt'), 'utf8')).toBe('first');
      expect(readdirSync(out).sort()).toEqual(['.openletter.lock', 'c']);
    } finally {
      sleeper.kill();
    }
  });

  it('a lock left by a run that was killed is taken over', () => {
    const out = temp();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    lockAs(out, Number(dead.stdout));
    writeFolderAtomic(join(out, 'c'), new Map([['a.txt', 'x']]), { waitMs: 0 });
    expect(readdirSync(out)).toEqual(['c']);
    expect(withLock(out, () => 42)).toBe(42);
  });

  it('a workspace file changed since it was read is not overwritten', () => {
    const ws = temp();
    writeFileSync(join(ws, 'signatories.yaml'), 'signatories: [a]\n');
    const read = new Map([['signatories.yaml', 'signatories: []\n']]);
    expect(() =>
      writeFilesAtomic(ws, new Map([['signatories.yaml', 'signatories: [b]\n']]), { expected: read }),
    ).toThrow(/signatories\.yaml changed since openletter read it/);
    expect(readFileSync(join(ws, 'signatories.yaml'), 'utf8')).toBe('signatories: [a]\n');
    writeFilesAtomic(ws, new Map([['signatories.yaml', 'signatories: [b]\n']]), {
      expected: new Map([['signatories.yaml', 'signatories: [a]\n']]),
    });
    expect(readFileSync(join(ws, 'signatories.yaml'), 'utf8')).toBe('signatories: [b]\n');
  });

  /**
   * Property: renders (writing out/c, copying what is there) and one deliver (replacing
   * out/c/delivery) started at the same moment in separate processes. However they interleave, the
   * delivery is the deliver's, each file complete; the letters are one render's; nothing is left over.
   */
  it('property: concurrent renders and a deliver never lose or revert each other’s files', async () => {
    const script = `
      const { writeFolderAtomic } = await import(${JSON.stringify(join(REPO, 'dist/output/write-folder-atomic.js'))});
      const [out, kind, tag, n] = process.argv.slice(1);
      const files = new Map(Array.from({ length: Number(n) }, (_, i) => [kind === 'deliver' ? 'p' + i + '/letter.pdf' : 'l' + i + '.pdf', tag.repeat(2000)]));
      if (kind === 'deliver') writeFolderAtomic(out + '/c/delivery', files, { replace: true, lockDir: out });
      else writeFolderAtomic(out + '/c', files);`;
    const run = (out: string, kind: string, tag: string, n: number) =>
      new Promise<number>((resolve) =>
        spawn(process.execPath, ['--input-type=module', '-e', script, out, kind, tag, String(n)]).on('exit', (c) =>
          resolve(c ?? -1),
        ),
      );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 20, max: 120 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 20, max: 120 }),
        async (renders, packets) => {
          const out = temp();
          writeFolderAtomic(join(out, 'c/delivery'), new Map([['old.pdf', 'old']]), { replace: true, lockDir: out });
          const codes = await Promise.all([
            run(out, 'deliver', 'D', packets),
            ...renders.map((n, i) => run(out, 'render', String(i), n)),
          ]);
          expect(codes.every((c) => c === 0)).toBe(true);
          const delivery = tree(join(out, 'c/delivery'));
          expect(delivery).toHaveLength(packets);
          expect(delivery.every((l) => l.endsWith(`=${'D'.repeat(2000)}`))).toBe(true);
          const letters = tree(join(out, 'c')).filter((l) => !l.startsWith('delivery/'));
          expect(letters.every((l) => /^l\d+\.pdf=(\d)\1{1999}$/.test(l))).toBe(true);
          expect(readdirSync(out)).toEqual(['c']);
          expect(existsSync(join(out, 'c/.openletter.lock'))).toBe(false);
        },
      ),
      { numRuns: 4, seed: 13 },
    );
  }, 60_000);
});
