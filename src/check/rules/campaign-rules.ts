import { diag, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Rule } from './rule.js';
import { checkScope } from './scope.js';

/** campaign/future-date: a letter dated after today (often a typo in the year). */
export const futureDate: Rule = (ctx) => {
  const scope = checkScope(ctx);
  return [...ctx.project.campaigns.values()]
    .filter((c) => scope.campaigns.has(c.id) && c.date > ctx.today)
    .map((c) => diag('campaign/future-date', c.dateSpan, `campaign ${c.id} is dated ${c.date}, after today (${ctx.today})`, { hint: 'fine for a letter to be sent on that day; otherwise correct the date' }));
};

/** demand/unused: a block in demands/ that no campaign uses (in any variant). */
export const unusedDemands: Rule = (ctx) => {
  const { project } = ctx;
  // A campaign that failed to load may use any block: say nothing rather than something wrong.
  if (!checkScope(ctx).whole || project.broken.campaigns.size) return [];
  const used = new Set<string>();
  for (const c of project.campaigns.values()) for (const s of c.sections) for (const d of s.demands) used.add(d.id);
  const out: Diagnostic[] = [];
  for (const b of project.demands.values())
    if (!used.has(b.id))
      out.push(diag('demand/unused', { file: b.span.file, start: b.span.start, end: b.span.start + 1 }, `demand block "${b.id}" is used by no campaign`, { hint: `use it in a campaign's sections (demands: [${b.id}]), or delete demands/${b.id}.yaml` }));
  return out;
};
