import { futureDate, unusedDemands } from './campaign-rules.js';
import { glossaryVariants } from './glossary-rule.js';
import { placeholdersInUnusedTexts, templateChecks } from './placeholder-rules.js';
import type { Rule } from './rule.js';
import { checkMissions } from './mission-rules.js';
import { campaignWithoutSignatories, nearDuplicateSignatories } from './signatory-rules.js';
import { textHygiene } from './text-hygiene.js';

/** Every preflight rule `openletter check` runs after composing the letters, in order. */
export const RULES: Rule[] = [
  nearDuplicateSignatories,
  campaignWithoutSignatories,
  placeholdersInUnusedTexts,
  templateChecks,
  glossaryVariants,
  textHygiene,
  futureDate,
  unusedDemands,
  (ctx) => checkMissions(ctx.project, ctx.today),
];
