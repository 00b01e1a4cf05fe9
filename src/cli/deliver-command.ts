import { Command } from 'commander';
import { join, relative, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Missing } from '../deliver/delivery-plan.js';
import type { LogEntry } from '../deliver/delivery-log.js';
import { writeDelivery } from '../deliver/write-delivery.js';
import type { DeliveryResult } from '../pipeline/deliver-campaign.js';
import { pinnedDate } from './source-date-epoch.js';
import { closest } from '../util/closest.js';
import {
  globals,
  load,
  parseList,
  report,
  requireCampaign,
  refuseSourceFolder,
  result,
  today as todayDate,
  UsageError,
  workspaceDir,
  type GlobalOptions,
} from './context.js';
import { setExit } from './exit.js';
import { FIRST_DATE, isRealDate } from '../load/schemas.js';

interface DeliverOptions {
  out?: string;
  missions?: string;
  today?: string;
}

export function deliverCommand(): Command {
  return new Command('deliver')
    .description(
      'build a delivery packet per mission of a campaign, and the delivery list, into <out>/<campaign>/delivery/',
    )
    .argument('<campaign>', 'campaign id (a file in campaigns/, without .yaml)')
    .option('-o, --out <dir>', 'output folder (default: <workspace>/out)')
    .option('-m, --missions <ids>', 'comma-separated mission ids (default: every mission the campaign names)')
    .option('--today <date>', 'judge the age of mission records as of this date, YYYY-MM-DD (default: today)')
    .addHelpText(
      'after',
      `
Writes <out>/<campaign>/delivery/ (only the files it wrote before are replaced, so stale packets vanish
and receipt scans or notes kept there stay):
  <mission-id>/cover-note-<lng>.pdf   cover note to the head of mission, in the mission's language
  <mission-id>/letter-<lng>.pdf       the letter in each language the mission receives
  <mission-id>/letter-<lng>.md        its text as sent, for "openletter diff --since" (what changed since)
  <mission-id>/envelope-dl.pdf        DL envelope (US No. 10 in Letter countries), only with an address
  <mission-id>/fax-cover-<lng>.pdf    fax cover sheet with the page count, only with a fax number
  <mission-id>/email-draft.eml        unsent e-mail draft with the letters attached, only with an e-mail
  <mission-id>/manifest.json          every file with its SHA-256 and page count
  delivery-list.csv, delivery-list.pdf  one row per mission: address, methods, contact, files, what is
                                        missing (the PDF: columns to fill in by hand)
  delivery-log.csv                    the delivery record to fill in (delivered on, method, by, received
                                        by, notes): merged into on every run, never replaced
Nothing is sent. A closed mission is refused and named. Nothing is written if a letter has errors.
Exit 1 if a letter has errors, or a named mission is closed or its address does not fit the window
(the other packets are still written).

Examples:
  $ openletter deliver 2011-kim-jong-il
  $ openletter deliver 2018-kim-jong-un --missions dprk-un-mission-new-york,dprk-un-mission-geneva
  $ openletter deliver 2011-kim-jong-il --out /tmp/packets`,
    )
    .action(async (campaignId: string, opts: DeliverOptions, cmd: Command) => {
      const g = globals(cmd);
      const today = opts.today ?? todayDate(g);
      if (!isRealDate(today) || today < FIRST_DATE)
        throw new UsageError(`--today "${today}" is not a date`, 'write a real date, YYYY-MM-DD, e.g. 2026-01-15');
      const { project, diagnostics } = load(g);
      const campaign = requireCampaign(project, campaignId, diagnostics, g);
      const named = campaign.missions.map((m) => m.id);
      const selected = parseList(opts.missions);
      for (const id of selected ?? []) {
        if (named.includes(id)) continue;
        const guess = closest(id, named);
        throw new UsageError(
          `campaign ${campaignId} is not delivered to mission "${id}"`,
          guess
            ? `did you mean "${guess}"?`
            : `its missions: ${named.join(', ') || '(none: add missions: to the campaign)'}`,
        );
      }
      const outRoot = opts.out ? resolve(g.io.cwd, opts.out) : join(workspaceDir(g), 'out');
      const dest = join(outRoot, campaignId, 'delivery');
      refuseSourceFolder(dest, project);

      const t0 = performance.now();
      const log = (m: string) => g.quiet || g.format === 'json' || g.io.stderr.write(`${m}\n`);
      const { deliverCampaign } = await import('../pipeline/deliver-campaign.js');
      const delivery = await deliverCampaign(project, diagnostics, {
        campaign: campaignId,
        today,
        ...(selected ? { missions: selected } : {}),
        ...pinnedDate(g.io.env),
        onProgress: log,
      });
      const code = report(shown(delivery, g), delivery.sources, g);
      if (delivery.outcome === 'blocked') {
        g.io.stderr.write('nothing written: fix the errors above first\n');
        setExit(cmd, code);
        return;
      }
      writeDelivery(dest, delivery.files, {
        entries: logEntries(delivery),
        named: new Set(named),
        today,
      });
      result(g, {
        campaign: campaignId,
        out: relative(g.io.cwd, dest) || '.',
        packets: delivery.packets.map((p) => ({ mission: p.missionId, files: p.files.map((f) => f.file) })),
        refused: delivery.plan.refused.map((r) => ({ mission: r.mission.id, reason: r.reason })),
      });
      if (g.format !== 'json')
        g.io.stdout.write(summary(delivery, relative(g.io.cwd, dest) || '.', (performance.now() - t0) / 1000));
      setExit(cmd, code);
    });
}

/** The end-of-run summary: each mission with its files or why it was refused, what is missing, what to check. */
function summary(delivery: DeliveryResult, shown: string, seconds: number): string {
  const { plan } = delivery;
  const lines = [`delivery of ${plan.campaignId} in ${shown}/`];
  const width = Math.max(...plan.missionOrder.map((id) => id.length), 10);
  for (const id of plan.missionOrder) {
    const refused = plan.refused.find((r) => r.mission.id === id);
    if (refused) {
      lines.push(`  ${id.padEnd(width)}  REFUSED: ${refused.reason}; nothing built`);
      continue;
    }
    const p = plan.packets.find((x) => x.mission.id === id);
    const b = delivery.packets.find((x) => x.missionId === id);
    if (!p || !b) {
      lines.push(`  ${id.padEnd(width)}  NOT BUILT: see the errors above`);
      continue;
    }
    const made = b.files
      .filter((f) => f.kind !== 'letter-text')
      .map((f) => f.file.replace(/\.(pdf|eml)$/, ''))
      .join(', ');
    lines.push(`  ${id.padEnd(width)}  ${made}`);
    for (const m of p.missing) lines.push(`  ${' '.repeat(width)}    missing: ${m.message}`);
    for (const d of p.doubts) lines.push(`  ${' '.repeat(width)}    check: ${d.message}`);
    if (p.wording.insteadOf)
      lines.push(
        `  ${' '.repeat(width)}    note: cover note in ${p.wording.code}, no delivery texts for ${p.wording.insteadOf} yet`,
      );
  }
  const missing = (what: Missing['what']) => plan.packets.filter((p) => p.missing.some((m) => m.what === what)).length;
  lines.push(
    `${delivery.packets.length} packet(s) built, ${plan.refused.length} refused; ${missing('address')} without a postal address, ${missing('fax')} without fax, ${missing('email')} without e-mail`,
    `delivery list: ${shown}/delivery-list.csv and delivery-list.pdf (${seconds.toFixed(1)} s)`,
  );
  return `${lines.join('\n')}\n`;
}

/** This run's missions as the delivery log records them: planned, or refused and why. */
function logEntries(delivery: DeliveryResult): LogEntry[] {
  const { plan } = delivery;
  return plan.missionOrder.flatMap((id) => {
    const refused = plan.refused.find((r) => r.mission.id === id);
    const mission = refused?.mission ?? plan.packets.find((p) => p.mission.id === id)?.mission;
    if (!mission) return [];
    return [
      { mission: id, name: mission.name, city: mission.city, planned: refused ? `refused: ${refused.reason}` : 'yes' },
    ];
  });
}

/** What to print as diagnostics: everything in JSON; in text, what the summary does not state already. */
function shown(delivery: DeliveryResult, g: GlobalOptions): Diagnostic[] {
  if (g.format === 'json') return delivery.diagnostics;
  const stated = new Set(delivery.plan.packets.flatMap((p) => p.notes));
  return delivery.diagnostics.filter((d) => !stated.has(d));
}
