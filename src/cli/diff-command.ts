import { Command } from 'commander';
import { resolve } from 'node:path';
import { composeLetter } from '../compose/compose-letter.js';
import { diffLetter, type BlockChange } from '../diff/letter-diff.js';
import { letterAtRevision, letterFromFolder, type PreviousLetter } from '../diff/previous-letter.js';
import { formatWordDiff } from '../text/word-diff.js';
import { renderMarkdown } from '../render/markdown/render-markdown.js';
import { COLOURS, useColour } from './colour.js';
import { globals, load, parseList, requireCampaign, result, UsageError, workspaceDir } from './context.js';
import { setExit } from './exit.js';

type LanguageState = 'changed' | 'unchanged' | 'new' | 'removed';

export function diffCommand(): Command {
  return new Command('diff')
    .description('word-level changes in each language between the letter now and an earlier rendering')
    .argument('<campaign>', 'campaign id')
    .requiredOption(
      '-s, --since <folder|revision>',
      'an earlier output folder (render or deliver), or a git revision of the workspace',
    )
    .option('-l, --lang <codes>', 'comma-separated languages (default: every language now or then)')
    .addHelpText(
      'after',
      `
The letter now is composed from the workspace. The letter before is the Markdown in a folder that
render wrote (out/<campaign>), one that deliver wrote (its packets keep letter-<lang>.md), or the
workspace at a git revision. Changes are marked [-removed-]{+added+}, word by word in the language
(Chinese and Japanese by dictionary words). Exit 1 when anything changed, 0 when nothing did.

Examples:
  $ openletter diff 2018-kim-jong-un --since out/2018-kim-jong-un/delivery     what changed since we sent it
  $ openletter diff 2018-kim-jong-un --since v1-signed --lang en               since the tag partners signed
  $ openletter diff 2018-kim-jong-un --since HEAD~1`,
    )
    .action((campaignId: string, opts: { since: string; lang?: string }, cmd: Command) => {
      const g = globals(cmd);
      const { project, diagnostics } = load(g);
      const campaign = requireCampaign(project, campaignId, diagnostics, g);
      const asked = parseList(opts.lang);
      for (const l of asked ?? [])
        if (!project.locales.has(l))
          throw new UsageError(
            `no language "${l}" in locales/`,
            `languages: ${[...project.locales.keys()].join(', ')}`,
          );
      const since = resolve(g.io.cwd, opts.since);
      const before: PreviousLetter =
        g.io.stat(since)?.kind === 'dir'
          ? (letterFromFolder(g.io, since, campaignId) ??
            usage(`${opts.since} holds no rendered letter (<lang>.md or letter-<lang>.md)`))
          : letterAtRevision(workspaceDir(g), opts.since, campaignId, asked ?? campaign.locales);
      const locales = asked ?? [...new Set([...campaign.locales, ...before.texts.keys()])];
      const results = locales.map((l) => {
        const doc = campaign.locales.includes(l) ? composeLetter(project, campaignId, l).value?.doc : undefined;
        const now = doc ? renderMarkdown(doc) : undefined;
        const then = before.texts.get(l)?.text;
        const state: LanguageState =
          now === undefined ? 'removed' : then === undefined ? 'new' : now === then ? 'unchanged' : 'changed';
        const changes = now !== undefined && then !== undefined && now !== then ? diffLetter(then, now, l) : [];
        return { locale: l, state, changes };
      });
      if (g.format === 'json') result(g, { since: before.label, languages: results });
      else {
        const color = useColour(g.io.stdout, g.io.env);
        g.io.stdout.write(`since ${before.label}:\n`);
        for (const r of results) g.io.stdout.write(describe(r.locale, r.state, r.changes, color));
      }
      setExit(cmd, results.some((r) => r.state !== 'unchanged') ? 1 : 0);
    });
}

function usage(message: string): never {
  throw new UsageError(message, 'give the folder render or deliver wrote, or a git revision such as HEAD~1');
}

function describe(locale: string, state: LanguageState, changes: BlockChange[], color: boolean): string {
  if (state === 'unchanged') return `${locale}: unchanged\n`;
  if (state === 'new') return `${locale}: new language (not in the earlier version)\n`;
  if (state === 'removed') return `${locale}: no longer in the letter\n`;
  const lines = [`${locale}: ${changes.length} paragraph(s) changed`];
  for (const c of changes) {
    const where = `line ${c.line}${c.section ? `, under "${c.section}"` : ''}`;
    const what = c.before === undefined ? 'added' : c.after === undefined ? 'removed' : 'changed';
    lines.push(`  ${what} (${where}):`, `    ${formatWordDiff(c.parts, color ? { paint: COLOURS } : {})}`);
  }
  return `${lines.join('\n')}\n`;
}
