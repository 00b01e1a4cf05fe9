import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { composeLetter } from '../compose/compose-letter.js';
import { UsageError } from '../diagnostics/errors.js';
import type { Io } from '../io/io.js';
import { memoryIo } from '../io/memory-io.js';
import { loadWorkspace } from '../load/load-workspace.js';
import { renderMarkdown } from '../render/markdown/render-markdown.js';

/** A letter as it was: its Markdown per language, and where that came from (for the report). */
export interface PreviousLetter {
  /** e.g. "out/2018-kim-jong-un" or "git HEAD~3 (1a2b3c4)". */
  label: string;
  /** Markdown by locale code, with the file it was read from (or the revision's path). */
  texts: Map<string, { text: string; from: string }>;
}

const LANG_FILE = /^(?:letter-)?([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.md$/;

/**
 * The Markdown of a previous rendering in a folder: `render`'s output folder (<lang>.md), one delivery
 * packet (letter-<lang>.md, kept by `deliver`), a whole delivery folder (its packets), or the output
 * root holding <campaign>/. Undefined when the folder holds none of these.
 */
export function letterFromFolder(io: Io, dir: string, campaignId: string): PreviousLetter | undefined {
  const label = relative(io.cwd, dir) || '.';
  const own = mdFiles(io, dir);
  if (own.size) return { label, texts: own };
  // A delivery folder: every packet holds the letters it sent; the first packet with a language wins
  // (all packets of one run hold the same text).
  const packets = io.list(dir).filter((n) => io.stat(join(dir, n))?.kind === 'dir');
  const texts = new Map<string, { text: string; from: string }>();
  for (const p of packets) for (const [l, t] of mdFiles(io, join(dir, p))) if (!texts.has(l)) texts.set(l, t);
  if (texts.size) return { label, texts };
  for (const sub of [join(dir, campaignId), join(dir, 'delivery'), join(dir, campaignId, 'delivery')])
    if (io.stat(sub)?.kind === 'dir') {
      const found = letterFromFolder(io, sub, campaignId);
      if (found) return found;
    }
  return undefined;
}

function mdFiles(io: Io, dir: string): Map<string, { text: string; from: string }> {
  const out = new Map<string, { text: string; from: string }>();
  for (const name of io.list(dir)) {
    const m = LANG_FILE.exec(name);
    const path = join(dir, name);
    if (m && io.stat(path)?.kind === 'file') out.set(m[1]!, { text: io.read(path)!.toString('utf8'), from: path });
  }
  return out;
}

/** Workspace files that make a letter (the rest of a repository is not needed to compose it). */
const LETTER_FILE = /^(?:(?:campaigns|demands|locales|templates)\/.*|[^/]+\.ya?ml)$/;

/**
 * The letter as the workspace at a git revision composes it: the workspace's files at that revision
 * (`git ls-tree` + `git cat-file`) loaded into a memory workspace, composed, rendered as Markdown.
 */
export function letterAtRevision(root: string, rev: string, campaignId: string, locales: string[]): PreviousLetter {
  const git = (args: string[], input?: string) =>
    spawnSync('git', args, { cwd: root, input, maxBuffer: 512 * 1024 * 1024 });
  const top = git(['rev-parse', '--show-prefix']);
  if (top.error || top.status !== 0)
    throw new UsageError(
      `"${rev}" is not a folder, and the workspace is not in a git repository`,
      'give the folder of an earlier render or delivery, e.g. --since out/2018-kim-jong-un',
    );
  const commit = git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  if (commit.status !== 0)
    throw new UsageError(
      `"${rev}" is neither a folder nor a git revision`,
      'give an output folder (out/<campaign>, a delivery folder) or a revision such as HEAD~1, a tag or a commit',
    );
  const sha = commit.stdout.toString().trim();
  const prefix = top.stdout.toString().trim();
  const listing = git(['ls-tree', '-r', '-z', '--full-name', sha, '--', prefix || '.']).stdout.toString();
  const blobs: { path: string; id: string }[] = [];
  for (const entry of listing.split('\0')) {
    const m = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (!m) continue;
    const path = m[2]!.slice(prefix.length);
    if (LETTER_FILE.test(path)) blobs.push({ path, id: m[1]! });
  }
  const files: Record<string, Buffer> = {};
  const batch = git(['cat-file', '--batch'], blobs.map((b) => `${b.id}\n`).join('')).stdout;
  let at = 0;
  for (const b of blobs) {
    const nl = batch.indexOf(0x0a, at);
    const size = Number(/ (\d+)$/.exec(batch.subarray(at, nl).toString())?.[1]);
    files[b.path] = batch.subarray(nl + 1, nl + 1 + size);
    at = nl + 1 + size + 1;
  }
  const label = `git ${rev}${rev.startsWith(sha.slice(0, 7)) ? '' : ` (${sha.slice(0, 7)})`}`;
  const mem = memoryIo({ files, cwd: '/workspace' });
  const project = loadWorkspace('/workspace', mem).value;
  const texts = new Map<string, { text: string; from: string }>();
  if (!project.campaigns.has(campaignId)) return { label, texts };
  for (const l of new Set([...locales, ...project.campaigns.get(campaignId)!.locales])) {
    const doc = composeLetter(project, campaignId, l).value?.doc;
    if (doc) texts.set(l, { text: renderMarkdown(doc), from: `${sha.slice(0, 7)}:campaigns/${campaignId}.yaml` });
  }
  return { label, texts };
}
