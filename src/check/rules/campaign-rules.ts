import { diag, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Rule } from './rule.js';
import { checkScope } from './scope.js';

/** campaign/future-date: a letter dated after today (often a typo in the year). */
export const futureDate: Rule = (ctx) => {
  const scope = checkScope(ctx);
  return [...ctx.project.campaigns.values()]
    .filter((c) => scope.campaigns.has(c.id) && c.date > ctx.today)
    .map((c) =>
      diag('campaign/future-date', c.dateSpan, `campaign ${c.id} is dated ${c.date}, after today (${ctx.today})`, {
        hint: 'fine for a letter to be sent on that day; otherwise correct the date',
      }),
    );
};

/** More unused blocks than this are reported as one note. */
const MANY = 3;

/** demand/unused: a block in demands/ that no campaign uses (in any variant). */
export const unusedDemands: Rule = (ctx) => {
  const { project } = ctx;
  // A campaign that failed to load may use any block: say nothing rather than something wrong.
  if (!checkScope(ctx).whole || project.broken.campaigns.size) return [];
  const used = new Set<string>();
  for (const c of project.campaigns.values()) for (const s of c.sections) for (const d of s.demands) used.add(d.id);
  const unused = [...project.demands.values()].filter((b) => !used.has(b.id));
  const at = (b: (typeof unused)[number]) => ({ file: b.span.file, start: b.span.start, end: b.span.start + 1 });
  // A few unused blocks are likely forgotten; many are a library kept for later letters (a new
  // workspace starts with the whole bundled one): one note for those, not one each.
  if (unused.length > MANY)
    return [
      diag(
        'demand/unused',
        at(unused[0]!),
        `${unused.length} demand blocks are used by no campaign: ${unused.map((b) => b.id).join(', ')}`,
        {
          hint: '`openletter demands` shows which campaigns use each block; keep those meant for later letters, delete the others',
        },
      ),
    ];
  const out: Diagnostic[] = [];
  for (const b of unused)
    out.push(
      diag('demand/unused', at(b), `demand block "${b.id}" is used by no campaign`, {
        hint: `use it in a campaign's sections (demands: [${b.id}]), or delete demands/${b.id}.yaml`,
      }),
    );
  return out;
};
