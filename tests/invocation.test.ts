import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandFor } from '../src/cli/invocation.js';

describe("init's next steps: how to reach this installation from the new workspace", () => {
  const root = mkdtempSync(join(tmpdir(), 'openletter-invocation-'));
  const project = join(root, 'letters');
  mkdirSync(join(project, 'node_modules/openletter'), { recursive: true });
  writeFileSync(join(project, 'package.json'), '{}');
  const viaNpx = {
    env: { npm_command: 'exec' },
    script: join(project, 'node_modules/.bin/openletter'),
    cwd: project,
    packageRoot: join(project, 'node_modules/openletter'),
  };
  it('npx inside the project that installed it: cd, then npx', () => {
    expect(commandFor('our-letter', viaNpx)).toEqual({ command: 'npx openletter', cdWorks: true });
  });
  it('npx into a folder outside that project: stay here and pass -w', () => {
    expect(commandFor('../elsewhere', viaNpx)).toEqual({ command: 'npx openletter', cdWorks: false });
  });
  it('npx from its own cache (no install) reaches the same package from any folder', () => {
    const cached = { ...viaNpx, packageRoot: join(root, '.npm/_npx/0a1b/node_modules/openletter') };
    expect(commandFor('../elsewhere', cached).cdWorks).toBe(true);
  });
  it('a bin named openletter works after cd only when its folder is on the PATH', () => {
    const global = {
      env: { PATH: '/usr/bin:/opt/node/bin' },
      script: '/opt/node/bin/openletter',
      cwd: root,
      packageRoot: '/opt/node/lib/node_modules/openletter',
    };
    expect(commandFor('x', global)).toEqual({ command: 'openletter', cdWorks: true });
    expect(commandFor('x', { ...global, env: { PATH: '/usr/bin' } }).cdWorks).toBe(false);
  });
  it('node path/to/openletter.js keeps the path as typed from here', () => {
    const r = commandFor('x', {
      env: {},
      script: join(root, 'clone/bin/openletter.js'),
      cwd: root,
      packageRoot: join(root, 'clone'),
    });
    expect(r).toEqual({ command: 'node clone/bin/openletter.js', cdWorks: false });
  });
});
