import type { Scope } from '../../diagnostics/diagnostic.js';
import { futureDate, unusedDemands } from './campaign-rules.js';
import { coalitionPlaceholders } from './coalition-rule.js';
import { glossaryVariants } from './glossary-rule.js';
import { deliveryTexts } from './delivery-text-rules.js';
import { chromeMessages } from './message-rules.js';
import { placeholdersInUnusedTexts, templateChecks } from './placeholder-rules.js';
import type { Rule } from './rule.js';
import { checkMissions } from './mission-rules.js';
import { headDates, undatedHeads } from './head-dates-rule.js';
import { localisedNamesRule } from './localised-names-rule.js';
import {
  campaignWithoutSignatories,
  nearDuplicateSignatories,
  unknownSignedSpelling,
  untranslatedSignedPlace,
} from './signatory-rules.js';
import { quotations } from './quotation-rules.js';
import { textHygiene } from './text-hygiene.js';

/** A rule, the scope of what it finds (unless a finding says otherwise), and whether it concerns delivery. */
export interface RegisteredRule {
  rule: Rule;
  scope: Scope;
  /** A delivery rule: run by `check` and `deliver`, not by `render`. */
  delivery?: boolean;
}

const LETTERS: Scope = { kind: 'letter' };
const PACKETS: Scope = { kind: 'packet' };
const WORKSPACE: Scope = { kind: 'workspace' };

/** Every preflight rule `openletter check` runs after composing the letters, in order. */
export const RULES: RegisteredRule[] = [
  { rule: nearDuplicateSignatories, scope: WORKSPACE },
  { rule: campaignWithoutSignatories, scope: LETTERS },
  { rule: unknownSignedSpelling, scope: LETTERS },
  { rule: untranslatedSignedPlace, scope: LETTERS },
  { rule: placeholdersInUnusedTexts, scope: LETTERS },
  { rule: chromeMessages, scope: LETTERS },
  { rule: templateChecks, scope: PACKETS, delivery: true },
  { rule: deliveryTexts, scope: PACKETS, delivery: true },
  { rule: glossaryVariants, scope: LETTERS },
  { rule: quotations, scope: LETTERS },
  { rule: textHygiene, scope: LETTERS },
  { rule: futureDate, scope: LETTERS },
  { rule: unusedDemands, scope: WORKSPACE },
  { rule: (ctx) => checkMissions(ctx.project, ctx.today), scope: PACKETS, delivery: true },
  { rule: headDates, scope: PACKETS, delivery: true },
  { rule: undatedHeads, scope: PACKETS, delivery: true },
  { rule: coalitionPlaceholders, scope: PACKETS, delivery: true },
  { rule: localisedNamesRule, scope: PACKETS, delivery: true },
];
