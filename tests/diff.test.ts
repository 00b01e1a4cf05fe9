import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffLetter } from '../src/diff/letter-diff.js';
import { formatWordDiff, wordDiff } from '../src/text/word-diff.js';
import { runCli, tempWorkspace } from './helpers/workspace.js';

const LETTER = 'campaigns/2020-test-letter.yaml';

function edit(ws: string, rel: string, from: string, to: string): void {
  const file = join(ws, rel);
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

function git(ws: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.email=t@example.org', '-c', 'user.name=t', ...args], { cwd: ws, stdio: 'pipe' });
}

describe('the word diff', () => {
  it('marks the changed English words only', () => {
    const parts = wordDiff('We urge you to act now, quickly.', 'We urge you to act today, quickly.', 'en');
    expect(formatWordDiff(parts)).toBe('We urge you to act [-now-]{+today+}, quickly.');
  });

  it('splits Japanese and Chinese, which have no spaces, into words', () => {
    const ja = wordDiff('我々は貴国政府に強く求めます。', '我々は貴国政府に直ちに求めます。', 'ja');
    expect(formatWordDiff(ja)).toBe('我々は貴国政府に[-強く-]{+直ちに+}求めます。');
    const zh = wordDiff('我们敦促您立即采取行动。', '我们敦促您迅速采取行动。', 'zh-Hans');
    expect(formatWordDiff(zh)).toBe('我们敦促您[-立即-]{+迅速+}采取行动。');
  });

  it('shortens long unchanged stretches to their ends', () => {
    const long = 'word '.repeat(40);
    const out = formatWordDiff(wordDiff(`${long}old ${long}`, `${long}new ${long}`, 'en'), { context: 10 });
    expect(out).toBe(`…word word [-old-]{+new+} word word…`);
  });

  it('shortens at word boundaries, not inside a word', () => {
    const before =
      'The international standards of freedom of conscience and religion, expression, association and assembly.';
    const after = before.replace('expression', '__EXPRESSION__');
    expect(formatWordDiff(wordDiff(before, after, 'en'), { context: 20 })).toBe(
      '…and religion, [-expression-]{+__EXPRESSION__+}, association and…',
    );
  });
});

describe('the letter diff', () => {
  const before =
    '# Title\n\nIntro.\n\n## 1. First\n\nKeep this.\n\n- item one\n- item two\n\n## 2. Second\n\nOld words here.\n';
  it('pairs an edited paragraph, and reports added and removed ones under their section', () => {
    const after =
      '# Title\n\nIntro.\n\n## 1. First\n\nKeep this.\n\n- item one\n- item three\n- item four\n\n## 2. Second\n\nNew words here.\n';
    const changes = diffLetter(before, after, 'en');
    expect(changes.map((c) => [c.section, c.line, formatWordDiff(c.parts)])).toEqual([
      ['1. First', 10, '- item [-two-]{+three+}'],
      ['1. First', 11, '{+- item four+}'],
      ['2. Second', 15, '[-Old-]{+New+} words here.'],
    ]);
    expect(diffLetter(before, before, 'en')).toEqual([]);
  });
});

describe('openletter diff', () => {
  it('compares with an earlier render folder: exit 1 with the changed words, 0 when nothing changed', async () => {
    const ws = tempWorkspace();
    expect((await runCli(['-w', ws, 'render', '2020-test-letter', '--format', 'md'])).code).toBe(0);
    const same = await runCli(['-w', ws, 'diff', '2020-test-letter', '--since', join(ws, 'out', '2020-test-letter')]);
    expect(same.stdout).toContain('en: unchanged\nko: unchanged\n');
    expect(same.code).toBe(0);
    edit(ws, LETTER, 'We write to you about detention.', 'We write to you today about detention and torture.');
    const r = await runCli(['-w', ws, 'diff', '2020-test-letter', '--since', join(ws, 'out')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('en: 1 paragraph(s) changed');
    expect(r.stdout).toContain('We write to you {+today +}about detention {+and torture+}.');
    expect(r.stdout).toContain('ko: unchanged');
    const ko = await runCli(['-w', ws, 'diff', '2020-test-letter', '--since', join(ws, 'out'), '--lang', 'ko']);
    expect(ko.code).toBe(0);
    expect(ko.stdout).not.toContain('en:');
  });

  it('answers "what changed since we sent it" from a delivery folder, in JSON too', async () => {
    const ws = tempWorkspace();
    expect((await runCli(['-w', ws, 'deliver', '2020-test-letter'])).code).toBe(0);
    const sent = join(ws, 'out', '2020-test-letter', 'delivery');
    const packet = JSON.parse(readFileSync(join(sent, 'embassy-london', 'manifest.json'), 'utf8'));
    expect(packet.files.map((f: { file: string }) => f.file)).toContain('letter-en.md');
    expect((await runCli(['-w', ws, 'diff', '2020-test-letter', '--since', sent])).code).toBe(0);
    edit(ws, 'locales/ko/campaigns/2020-test-letter.yaml', '구금 문제에', '구금과 고문 문제에');
    const r = await runCli(['-w', ws, '--format', 'json', 'diff', '2020-test-letter', '--since', sent]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.languages.map((l: { locale: string; state: string }) => [l.locale, l.state])).toEqual([
      ['en', 'unchanged'],
      ['ko', 'changed'],
    ]);
    const parts = out.languages[1].changes[0].parts;
    // Korean words are space-separated: the word that grew a particle is replaced whole.
    expect(parts.filter((p: { kind: string }) => p.kind !== 'same')).toEqual([
      { kind: 'removed', text: '구금' },
      { kind: 'added', text: '구금과 고문' },
    ]);
  });

  it('compares with the workspace at a git revision', async () => {
    const ws = tempWorkspace();
    git(ws, 'init', '-q');
    git(ws, 'add', '-A');
    git(ws, 'commit', '-qm', 'signed version');
    git(ws, 'tag', 'signed');
    edit(ws, LETTER, 'We write to you about detention.', 'We write to you about prisons.');
    git(ws, 'commit', '-qam', 'edit');
    const r = await runCli(['-w', ws, 'diff', '2020-test-letter', '--since', 'signed']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^since git signed \([0-9a-f]{7}\):/);
    expect(r.stdout).toContain('[-detention-]{+prisons+}');
    expect((await runCli(['-w', ws, 'diff', '2020-test-letter', '--since', 'HEAD'])).code).toBe(0);
  });

  it('refuses what is neither a folder nor a revision', async () => {
    const ws = tempWorkspace();
    const r = await runCli(['-w', ws, 'diff', '2020-test-letter', '--since', 'no-such-thing']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"no-such-thing" is not a folder, and the workspace is not in a git repository');
    git(ws, 'init', '-q');
    const r2 = await runCli(['-w', ws, 'diff', '2020-test-letter', '--since', 'no-such-thing']);
    expect(r2.stderr).toContain('"no-such-thing" is neither a folder nor a git revision');
    const empty = await runCli(['-w', ws, 'diff', '2020-test-letter', '--since', join(ws, 'demands')]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('holds no rendered letter');
  });
});
