import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchWorkspace } from '../src/watch/watch-workspace.js';

/** Waits until `rounds()` reaches n, or fails after 10 s. */
async function until(rounds: () => number, n: number): Promise<void> {
  const t0 = Date.now();
  while (rounds() < n) {
    if (Date.now() - t0 > 10_000) throw new Error(`only ${rounds()} rounds, wanted ${n}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('watchWorkspace', () => {
  it('rebuilds when a file is added in a folder created after the start, not for output or swap files', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ol-watch-'));
    mkdirSync(join(root, 'locales'));
    mkdirSync(join(root, 'out'));
    let rounds = 0;
    const controller = new AbortController();
    const done = watchWorkspace({
      root,
      debounceMs: 30,
      signal: controller.signal,
      round: async () => {
        rounds++;
      },
    });
    await until(() => rounds, 1);

    // Not part of a letter: rendered output, an editor's swap file, a hidden folder.
    writeFileSync(join(root, 'out', 'letter.json'), '{}');
    writeFileSync(join(root, 'locales', '.campaign.yaml.swp'), 'x');
    mkdirSync(join(root, 'locales', '.git'));
    writeFileSync(join(root, 'locales', '.git', 'x.json'), '{}');
    await new Promise((r) => setTimeout(r, 300));
    expect(rounds).toBe(1);

    // A new language's folder two levels deep, created and filled at once.
    mkdirSync(join(root, 'locales', 'uk', 'campaigns'), { recursive: true });
    writeFileSync(join(root, 'locales', 'uk', 'campaigns', '2020-test-letter.yaml'), 'title: x\n');
    await until(() => rounds, 2);
    writeFileSync(join(root, 'locales', 'uk', 'campaigns', '2020-test-letter.yaml'), 'title: y\n');
    await until(() => rounds, 3);

    controller.abort();
    await done;
  });
});
