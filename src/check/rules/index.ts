import type { Rule } from './rule.js';

/** Every preflight rule `openletter check` runs after composing the letters, in order. */
export const RULES: Rule[] = [];
