import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { controlsInText, controlsInYaml } from '../src/load/control-scan.js';
import { parseYamlFile } from '../src/load/yaml-file.js';
import { escapeForTerminal } from '../src/util/control-chars.js';
import { MINI, readText, runCli, tempWorkspace } from './helpers/workspace.js';

const yaml = (text: string) => controlsInYaml(parseYamlFile('x.yaml', text).file);

describe('control characters and bidi controls in workspace texts', () => {
  it('are reported at their place, raw or written as a double-quoted escape', () => {
    const text = 'a: Amnesty \u202EInternational\nb: "Han \\e[2J Voice"\nc: ok\n';
    expect(yaml(text).map((d) => [d.code, text.slice(d.span!.start, d.span!.start + 2)])).toEqual([
      ['text/bidi-control', '\u202EI'],
      ['text/control-char', '\\e'],
    ]);
    expect(yaml(text)[0]!.message).toMatch(/^U\+202E \(RIGHT-TO-LEFT OVERRIDE\), a bidirectional control/);
  });
  it('bidi controls are allowed in a text with right-to-left letters; tabs and newlines are not controls', () => {
    expect(yaml('name: "\u2067منظمة العفو الدولية\u2069 (Amnesty)"\nbody: |\n  two\n  lines\tand a tab\n')).toEqual([]);
    expect(controlsInText('t.hbs', 'Dear {{name}},\n\u202Bשלום\u202C\n')).toEqual([]);
    expect(controlsInText('t.hbs', 'Dear {{name}},\u0007\n').map((d) => d.span!.start)).toEqual([14]);
  });
  it('check fails on a signatory name holding a right-to-left override, naming line and column', async () => {
    const roster = readText(join(MINI, 'signatories.yaml')).replace('name: Han Voice', 'name: Han \u202EeciovV');
    const dir = tempWorkspace(MINI, { 'signatories.yaml': roster });
    const r = await runCli(['-w', dir, 'check']);
    expect(r.code).toBe(1);
    const line = roster.slice(0, roster.indexOf('\u202E')).split('\n').length;
    expect(r.stdout).toContain(`signatories.yaml:${line}:15: error: U+202E (RIGHT-TO-LEFT OVERRIDE)`);
    // The source line shows the control escaped, so the terminal line is not reordered.
    expect(r.stdout).toContain('name: Han \\u202EeciovV');
    expect(r.stdout).not.toContain('\u202E');
  });
});

describe('what is printed to a terminal', () => {
  it('escapes every control character, bidi control, tab and newline', () => {
    expect(escapeForTerminal('Han\u001b]0;pwned\u0007 \u202E\u009b2J\n\tx')).toBe(
      'Han\\x1B]0;pwned\\x07 \\u202E\\x9B2J\\n\\tx',
    );
    expect(escapeForTerminal('열린북한 Société')).toBe('열린북한 Société');
  });
  it('the import report and signatories listing never send an escape sequence', async () => {
    const evil = 'Evil\u001b[2J\u001b]0;owned\u0007 Org';
    const dir = tempWorkspace(MINI, {
      'signon.csv': `Organisation name,Country\n${evil},KR\n"Good\u202E Org",FR\nFine Org,JP\n`,
    });
    const r = await runCli([
      '-w',
      dir,
      'signatories',
      'import',
      join(dir, 'signon.csv'),
      '-c',
      '2020-test-letter',
      '--write',
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).not.toMatch(/[\u001b\u0007\u202E]/);
    expect(r.stderr).toMatch(
      /row 2 \("Evil\\x1B\[2J\\x1B\]0;owned\\x07 Org"\): the name holds U\+001B \(ESC\), a control character \(character 5\); not imported/,
    );
    expect(r.stderr).toMatch(/row 3 \("Good\\u202E Org"\): the name holds U\+202E/);
    expect(readText(join(dir, 'signatories.yaml'))).toContain('name: Fine Org');
    expect(readText(join(dir, 'signatories.yaml'))).not.toContain('Evil');
    // A roster edited by hand may still hold one: the listing shows it escaped.
    const hand = tempWorkspace(MINI, {
      'signatories.yaml': readText(join(MINI, 'signatories.yaml')).replace(
        'name: Han Voice',
        'name: "Han\\e[31m Voice"',
      ),
    });
    const list = await runCli(['-w', hand, 'signatories']);
    expect(list.stdout).toContain('Han\\x1B[31m Voice');
    expect(list.stdout).not.toContain('\u001b');
  });
});
