import type { RuleContext } from './rule.js';

/**
 * Which campaigns a check covers, read from the composed letters: `render` checks one campaign,
 * `check` all of them. Rules about the whole workspace (the roster, unused blocks, texts no letter
 * uses, templates) run only when every campaign that can be composed was.
 */
export function checkScope(ctx: RuleContext): { campaigns: Set<string>; whole: boolean } {
  const campaigns = new Set([...ctx.letters.keys()].map((k) => k.slice(0, k.indexOf('/'))));
  if (ctx.only)
    return {
      campaigns: new Set(ctx.only),
      whole: [...ctx.project.campaigns.keys()].every((id) => ctx.only!.includes(id)),
    };
  const whole = [...ctx.project.campaigns.values()].every(
    (c) => campaigns.has(c.id) || !c.locales.some((l) => ctx.project.locales.has(l)),
  );
  return { campaigns, whole };
}
