import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, MINI, REPO, runCli, spawnCli, tempWorkspace } from './helpers/workspace.js';

/**
 * The few things only a real process shows: the built bin/openletter.js starts, maps outcomes to
 * process exit codes, and stops cleanly on Ctrl-C. Everything else runs the CLI in-process
 * (tests/helpers/workspace.ts runCli). tests/helpers/build-cli.ts builds what they run.
 */
describe('the openletter process', () => {
  it('starts, prints --help on stdout and --version, and exits 0', () => {
    const help = spawnCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: openletter /);
    expect(help.stdout).toMatch(/Exit codes: 0 clean, 1 problems found, 2 bad usage/);
    expect(help.stderr).toBe('');
    const version = spawnCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout).toBe(`${JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version}\n`);
  });

  it('exits 0 on a clean workspace, 1 on problems in it, 2 on bad usage', () => {
    expect(spawnCli(['--workspace', MINI, 'check']).code).toBe(0);
    const ws = tempWorkspace();
    writeFileSync(join(ws, 'missions.yaml'), 'missions: [');
    const broken = spawnCli(['--workspace', ws, 'check']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/^missions\.yaml:\d+:\d+: error: .* \[yaml\/syntax\]$/m);
    const usage = spawnCli(['--workspace', MINI, 'render', 'no-such-letter']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^openletter: error: no campaign "no-such-letter"/);
    expect(spawnCli(['--no-such-flag']).code).toBe(2);
  });

  it('Ctrl-C during deliver leaves the previous delivery intact', async () => {
    const ws = tempWorkspace();
    expect((await runCli(['--workspace', ws, 'deliver', '2020-test-letter', '--today', '2026-11-23'])).code).toBe(0);
    const dir = join(ws, 'out', '2020-test-letter', 'delivery');
    const before = readFileSync(join(dir, 'delivery-list.csv'));
    const child = spawn(
      process.execPath,
      [BIN, '--workspace', ws, 'deliver', '2020-test-letter', '--today', '2026-11-24'],
      { stdio: 'pipe' },
    );
    let stderr = '';
    // Interrupt once it is at work (its first progress line), not while Node is still starting.
    await new Promise<void>((r) =>
      child.stderr.on('data', (d) => {
        stderr += d;
        r();
      }),
    );
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('close', r));
    if (code !== 0) {
      // Interrupted before the swap: the old delivery is exactly as it was.
      expect(code).toBe(130);
      expect(stderr).toContain('openletter: interrupted; the previous output is untouched');
      expect(readFileSync(join(dir, 'delivery-list.csv')).equals(before)).toBe(true);
      expect(stderr).not.toMatch(/^\s+at /m);
    }
    expect(readdirSync(join(ws, 'out', '2020-test-letter')).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});
