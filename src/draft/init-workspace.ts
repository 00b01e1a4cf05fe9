import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { idFromName } from './slug.js';
import { schemaLine } from './package-root.js';
import { Document, parse } from 'yaml';
import { parseKey } from '../model/translation-key.js';
import { keyLocation } from '../translations/translation-files.js';
import { jsonMapText } from '../translations/source-store.js';
import { flowValue } from './yaml-edit.js';

export interface InitOptions {
  /** The coalition's name (workspace.yaml `name`). */
  name?: string;
  shortName?: string;
  /** YYYY-MM-DD: the example letter's date. */
  today: string;
}

/**
 * Which workspace files each JSON Schema (schemas/<name>.schema.json) describes, as globs relative to
 * the workspace: the editor settings `init` writes, and the test that validates every file.
 * Translation files (locales/<lng>/demands.yaml, …/campaigns/) mirror their source and have none.
 */
export const SCHEMA_GLOBS = {
  workspace: ['workspace.yaml'],
  campaign: ['campaigns/*.yaml'],
  demand: ['demands/*.yaml'],
  signatories: ['signatories.yaml'],
  missions: ['missions.yaml'],
  glossary: ['glossary.yaml'],
  locale: ['locales/*/locale.yaml'],
  letter: ['locales/*/letter.yaml'],
  'locale-signatories': ['locales/*/signatories.yaml'],
  'locale-countries': ['locales/*/countries.yaml'],
  delivery: ['locales/*/delivery.yaml'],
} as const;

/**
 * .vscode/settings.json: the YAML extension (yaml-language-server) then checks, completes and
 * explains every workspace file, including the copied ones that have no `$schema` line.
 */
export function editorSettings(): string {
  const schemas = Object.fromEntries(
    Object.entries(SCHEMA_GLOBS).map(([name, globs]) => [`./schemas/${name}.schema.json`, globs]),
  );
  return `${JSON.stringify({ 'yaml.schemas': schemas }, null, 2)}\n`;
}

/** The glossary of a new workspace: how to write one, no terms (the bundled ones are the DPRK letters'). */
const GLOSSARY = `${schemaLine('glossary', 0)}#
# Preferred terms and the variant spellings \`openletter check\` reports (glossary/variant).
# A term applies to every language unless \`languages\` limits it; variants match whole words,
# ignoring case and line breaks. For example:
#   - preferred: Office of the High Commissioner for Human Rights
#     variants: [Office of the High Commissioner of Human Rights]
#     note: the UN's own name
terms: []
`;

/** Demand blocks the example letter uses, when the bundled library has them. */
const EXAMPLE_DEMANDS = [
  ['End abuses in detention', ['end-detention-abuses', 'release-political-prisoners', 'icrc-prison-visits']],
  ['Open the country to monitors', ['monitor-access']],
] as const;

/**
 * The files of a new workspace, by relative path: the bundled demand library, languages,
 * templates, glossary and JSON Schemas; a workspace.yaml for the coalition; a roster holding only
 * the coalition; no missions; an example campaign whose recipient and state are TODOs; and editor settings that map
 * the files to their schemas. Reads the package only.
 */
export function planInit(packageRoot: string, opts: InitOptions): Map<string, string> {
  const files = new Map<string, string>();
  const read = (rel: string) => readFileSync(join(packageRoot, rel), 'utf8');
  const list = (rel: string, test: (name: string, dir: boolean) => boolean) => {
    const abs = join(packageRoot, rel);
    if (!existsSync(abs)) return [];
    return readdirSync(abs)
      .filter((n) => !n.startsWith('.') && test(n, statSync(join(abs, n)).isDirectory()))
      .sort();
  };
  const yamlFile = (n: string, dir: boolean) => !dir && /\.ya?ml$/.test(n);
  // Without --name the coalition is a TODO: `check` reports it until it is written, rather than a
  // made-up name signing the letter.
  const name = opts.name?.trim() || "TODO: your coalition's name";
  const shortName = opts.shortName?.trim() || (opts.name?.trim() ? initials(name) : 'TODO: its short name');

  // The state-neutral library: each block's default text. Its variants are the wording of the
  // bundled letters to the DPRK (named after them, "2011", "2018"), not for another state's letter.
  for (const n of list('demands', yamlFile)) files.set(`demands/${n}`, withoutVariants(read(`demands/${n}`), 0));
  for (const lng of list('locales', (_, dir) => dir)) {
    // The language and its wording; not the bundled campaigns' translations or roster names.
    for (const n of list(`locales/${lng}`, yamlFile)) {
      if (n === 'signatories.yaml') continue;
      const text = read(`locales/${lng}/${n}`);
      files.set(
        `locales/${lng}/${n}`,
        n === 'demands.yaml'
          ? withoutVariants(text, 2)
          : n === 'delivery.yaml'
            ? withoutLanguageName(text, 'ko')
            : text,
      );
    }
    // The fingerprints of the English each translation was made from, and that English: without them
    // a new workspace would never report a translation as stale, nor show what changed in the English.
    const lockFile = `locales/${lng}/sources.lock.json`;
    if (!existsSync(join(packageRoot, lockFile))) continue;
    const demands = files.get(`locales/${lng}/demands.yaml`);
    const lock = onlyDemandKeys(
      JSON.parse(read(lockFile)) as Record<string, string>,
      demands === undefined ? undefined : parse(demands),
    );
    files.set(lockFile, jsonMapText(lock));
    const storeFile = `locales/${lng}/source-texts.json`;
    if (existsSync(join(packageRoot, storeFile)))
      files.set(storeFile, jsonMapText(onlyReferenced(JSON.parse(read(storeFile)) as Record<string, string>, lock)));
  }
  for (const dir of ['templates', 'templates/partials'])
    for (const n of list(dir, (f, d) => !d && f.endsWith('.hbs'))) files.set(`${dir}/${n}`, read(`${dir}/${n}`));
  for (const [rel, text] of schemaFiles(packageRoot)) files.set(rel, text);
  files.set('glossary.yaml', GLOSSARY);
  files.set('.vscode/settings.json', editorSettings());

  files.set(
    'workspace.yaml',
    `${schemaLine('workspace', 0)}# The coalition that sends the letters. Printed on cover notes and envelopes: write it
# (\`openletter check\` reports each TODO; \`deliver\` refuses until they are written).
name: ${flowValue(name)}
short_name: ${flowValue(shortName)}
return_address:                # the postal address replies go to, one line each
  - ${flowValue(name)}
  - "TODO: street and number"
  - "TODO: postcode and city"
  - "TODO: country"
# contact_email: coalition@example.org     # the sender of the e-mail drafts
source_locale: en
`,
  );
  const selfId = (opts.name?.trim() && idFromName(shortName, new Set())) || 'coalition';
  files.set(
    'signatories.yaml',
    `${schemaLine('signatories', 0)}# The roster: every organisation or person that signs a letter, listed once.
# Add sign-ons with \`openletter signatories import FILE.csv --campaign ID\`.
# Contact details (contact: {person, email}) stay here and are never printed in a letter.
signatories:
  - id: ${selfId}
    name: ${flowValue(name)}
    kind: organisation
`,
  );
  files.set(
    'missions.yaml',
    `${schemaLine('missions', 0)}# Embassies and UN missions letters are delivered to. Each needs a source and the date it was
# last verified; the openletter package's own missions.yaml shows researched records.
missions: []
`,
  );
  const demands = new Set(list('demands', yamlFile).map((n) => n.replace(/\.ya?ml$/, '')));
  files.set('campaigns/example-letter.yaml', exampleCampaign(opts.today, selfId, demands));
  return files;
}

/**
 * The example letter: the shape of a letter, addressed to nobody yet. The recipient, the state's
 * name and its form after "in" are `TODO:` lines that `check` reports until the coordinator writes
 * them, never the bundled letters' state: a workspace for any coalition starts from no state.
 */
function exampleCampaign(today: string, signatory: string, library: ReadonlySet<string>): string {
  const sections = EXAMPLE_DEMANDS.map(
    ([heading, ids]) => [heading, ids.filter((d) => library.has(d))] as const,
  ).filter(([, ids]) => ids.length);
  return `${schemaLine('campaign', 1)}# An example letter, to change or copy (\`openletter new my-letter --from example-letter\`).
# \`openletter check\` lists each TODO it still holds; once they are written, \`openletter render
# example-letter\` writes out/example-letter/. The format of every field: docs/workspace-format.md
# in the openletter package.
id: example-letter
date: ${today}
locales: [en]
paper: A4
title: "Open letter on human rights {{country.in}}"
params:                        # filled into {{country}} and {{country.in}} in the texts
  country:
    name: "TODO: the state's name (Belarus)"
    in: "TODO: the state after 'in' (in Belarus)"
recipient:
  kind: head-of-state          # or head-of-mission, organisation: picks the letter's formulas
  name: "TODO: the recipient's name"
  # How cover notes and e-mails to the recipient's missions name them, with title and honorific.
  styled: "TODO: His Excellency …, President of …"
  titles:
    - "TODO: the recipient's title"
  address:
    - "TODO: street, city"
    - "TODO: country"
salutation: "TODO: Dear …,"
opening:
  - >-
    We, the undersigned, write to urge your government to take concrete steps to improve the
    human rights situation {{country.in}}.
numbered_sections: true
sections:${sections.length ? '' : ' []'}
${sections
  .map(
    ([heading, ids]) => `  - heading: ${heading}
    intro:
      - "We urge you to:"
    demands:                   # demand blocks from demands/ (\`openletter demands\` lists them)
${ids.map((d) => `      - ${d}`).join('\n')}`,
  )
  .join('\n')}
closing:
  - Thank you for your consideration.
sign_off: sincerely
signatories:                   # roster ids from signatories.yaml
  - ${signatory}
missions: []                   # missions.yaml ids
`.replace(/\n\n+/g, '\n');
}

/** The bundled JSON Schemas (schemas/*.schema.json), for the `$schema` lines of workspace files. */
export function schemaFiles(packageRoot: string): Map<string, string> {
  const dir = join(packageRoot, 'schemas');
  if (!existsSync(dir)) return new Map();
  return new Map(
    readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort()
      .map((n) => [`schemas/${n}`, readFileSync(join(dir, n), 'utf8')]),
  );
}

function initials(name: string): string {
  const words = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
  return words.length >= 2 ? words.map((w) => w[0]).join('') : name;
}

/**
 * sources.lock.json without the bundled campaigns' keys, nor the blocks' variants (the new workspace
 * has none), nor a fingerprint of a text the copied `demands` (a language's demands.yaml) does not
 * translate: its English would be copied along for nothing (the old wording of a text since made
 * state-neutral, say).
 */
function onlyDemandKeys(lock: Record<string, string>, demands: unknown): Map<string, string> {
  const doc = new Document(demands);
  const translated = (key: string) => {
    const at = keyLocation('', key, false);
    return at !== undefined && doc.hasIn(at.path);
  };
  return new Map(
    Object.entries(lock).filter(([k]) => {
      const key = parseKey(k);
      return key?.ns === 'demands' && key.path[0] !== 'variants' && translated(k);
    }),
  );
}

/**
 * A delivery.yaml without the name it gives one language (`language_names.<code>:`), and without
 * a comment above `language_names:` that explains that name (any comment there, when it was the only one). The bundled Japanese, Chinese and
 * Korean name Korean as the DPRK's missions do (朝鮮語, 朝鲜文, 조선어): a new workspace takes the
 * usual name from Intl instead (韓国語, 韩语, 한국어).
 */
export function withoutLanguageName(text: string, code: string): string {
  const lines = text.split('\n');
  const head = lines.indexOf('language_names:');
  if (head < 0) return text;
  const entry = lines.findIndex((l, i) => i > head && l.startsWith(`  ${code}:`));
  if (entry < 0 || lines.slice(head + 1, entry).some((l) => !/^\s/.test(l))) return text;
  const name = lines[entry]!.slice(`  ${code}:`.length)
    .replace(/#.*$/, '')
    .trim()
    .replace(/^["']|["']$/g, '');
  lines.splice(entry, 1);
  const rest = lines.slice(head + 1).findIndex((l) => !/^\s/.test(l));
  const empty = (rest < 0 ? lines.length : head + 1 + rest) === head + 1;
  let top = head;
  // The comment above an emptied block is about that name too.
  while (top > 0 && lines[top - 1]!.startsWith('#') && (empty || (name && lines[top - 1]!.includes(name)))) top--;
  lines.splice(top, (empty ? head + 1 : head) - top);
  return lines.join('\n');
}

/**
 * A demand file (`indent` 0) or a language's demands.yaml (`indent` 2, under each block id) without
 * the `variants:` of its blocks. `variants:` is each block's last key (tests/neutral-library.test.ts
 * holds the bundled files to that), so it runs to the next line indented no deeper than itself.
 */
export function withoutVariants(text: string, indent: number): string {
  const lines = text.split('\n');
  const head = `${' '.repeat(indent)}variants:`;
  const blank = (l: string) => l.trim() === '';
  const deeper = (l: string) => blank(l) || l.length - l.trimStart().length > indent;
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith(head)) {
      out.push(lines[i]!);
      continue;
    }
    let end = i + 1;
    while (end < lines.length && deeper(lines[end]!)) end++;
    // Blank lines after the section separate it from the next block: they stay.
    while (end > i + 1 && blank(lines[end - 1]!)) end--;
    i = end - 1;
  }
  return out.join('\n');
}

/** source-texts.json with only the English that the copied lock points at. */
function onlyReferenced(store: Record<string, string>, lock: Map<string, string>): Map<string, string> {
  const used = new Set(lock.values());
  return new Map(Object.entries(store).filter(([hash]) => used.has(hash)));
}
