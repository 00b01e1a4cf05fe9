#!/usr/bin/env node
// Writes schemas/*.schema.json (JSON Schema, draft 2020-12) from the zod schemas the loader uses,
// so editors (the YAML language server: `# yaml-language-server: $schema=…`, or the yaml.schemas
// globs `openletter init` writes to .vscode/settings.json) complete, explain on hover and underline
// workspace files as they are typed. Descriptions, patterns, `format: date` and enums come from the
// zod schemas' .describe() and .meta(), so nothing here second-guesses them. Run after `npm run build`: node scripts/gen-schemas.mjs
// (`--check` exits 1 when a committed schema is out of date).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const s = await import(join(root, 'dist/load/schemas.js'));
const delivery = await import(join(root, 'dist/load/delivery-schema.js')).catch(() => ({}));

/** File → [zod schema, title, description]. */
const FILES = {
  workspace: [
    s.workspaceSchema,
    'workspace.yaml',
    'The coalition: name, return address, contact e-mail, source language.',
  ],
  campaign: [
    s.campaignSchema,
    'campaigns/<id>.yaml',
    'One letter: date, languages, recipient, texts, demand blocks, signatories, missions.',
  ],
  demand: [
    s.demandSchema,
    'demands/<id>.yaml',
    'A reusable demand block: title, tags, parameters, text and wording variants.',
  ],
  signatories: [
    s.rosterSchema,
    'signatories.yaml',
    'The roster: every organisation or person that signs, listed once.',
  ],
  missions: [
    s.missionsFileSchema,
    'missions.yaml',
    'Embassies and UN missions letters are delivered to, each with its sources.',
  ],
  glossary: [
    s.glossarySchema,
    'glossary.yaml',
    'Preferred terms and the variant spellings `openletter check` reports.',
  ],
  locale: [s.localeSchema, 'locales/<lng>/locale.yaml', 'A language: name, BCP 47 tag, font stack, line breaking.'],
  letter: [s.chromeSchema, 'locales/<lng>/letter.yaml', 'Letter chrome: date style, sign-offs, "CC:", page numbers.'],
  'locale-signatories': [
    s.signatoryNamesSchema,
    'locales/<lng>/signatories.yaml',
    'Established names of roster entries in this language.',
  ],
  'locale-countries': [
    s.countryNamesSchema,
    'locales/<lng>/countries.yaml',
    "States' names where this language's usage differs from CLDR's, and places signatories signed with.",
  ],
  ...(delivery.deliveryStringsSchema
    ? {
        delivery: [
          delivery.deliveryStringsSchema,
          'locales/<lng>/delivery.yaml',
          'Wording of cover notes, fax sheets and e-mails in this language.',
        ],
      }
    : {}),
};

export function generate() {
  const out = new Map();
  for (const [name, [schema, title, description]] of Object.entries(FILES)) {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    const doc = { $schema: json.$schema, title, description, ...json };
    out.set(`${name}.schema.json`, `${JSON.stringify(doc, null, 2)}\n`);
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = join(root, 'schemas');
  mkdirSync(dir, { recursive: true });
  let stale = 0;
  for (const [name, text] of generate()) {
    const path = join(dir, name);
    let old = '';
    try {
      old = readFileSync(path, 'utf8');
    } catch {}
    if (old === text) continue;
    if (process.argv.includes('--check')) {
      process.stderr.write(`schemas/${name} is out of date: run npm run build && node scripts/gen-schemas.mjs\n`);
      stale++;
    } else {
      writeFileSync(path, text);
      process.stdout.write(`wrote schemas/${name}\n`);
    }
  }
  process.exitCode = stale ? 1 : 0;
}
