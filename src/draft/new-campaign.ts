import { formsUsed, paramNames } from '../compose/fill-params.js';
import type { Project } from '../model/project.js';
import { isSafeId } from '../load/schemas.js';
import { closest } from '../util/closest.js';
import { schemaLine } from './package-root.js';
import { flowValue, YamlEdit } from './yaml-edit.js';

export interface NewCampaignOptions {
  id: string;
  /** The recipient's name ("Kim Jong Un"). */
  recipient?: string;
  /** Demand block ids ("icrc-prison-visits", "un-recommendations@2018"). */
  demands?: string[];
  /** Copy this existing campaign. */
  from?: string;
  /** Parameter values given on the command line (`--param country=Belarus`). */
  params?: ReadonlyMap<string, string>;
  /** Languages (default: the source language, or those of --from). */
  locales?: string[];
  /** YYYY-MM-DD. */
  today: string;
}

export interface NewCampaign {
  /** Files to create, by workspace-relative path. */
  files: Map<string, string>;
  /** What the user still has to write (`check` reports each as an error until then). */
  todo: string[];
  /** Other things worth knowing. */
  notes: string[];
}

/** A usage mistake in `new`: an unsafe or taken id, an unknown demand block or campaign. */
export class NewCampaignError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** A line with a comment aligned at column 40. */
const withComment = (line: string, comment: string) => `${line.padEnd(39)} # ${comment}`;

/**
 * The files of a new campaign: a skeleton that passes `check` once every field marked TODO is
 * written, or a copy of an existing campaign (and its translations) with a new id and date and no
 * signatories. Pure: reads only the project.
 */
export function planNewCampaign(project: Project, opts: NewCampaignOptions): NewCampaign {
  const { id } = opts;
  if (!isSafeId(id)) {
    const safe = id
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 64);
    throw new NewCampaignError(
      `"${id}" is not a safe campaign id`,
      `use lowercase letters, digits and "-"${safe ? `, e.g. "${safe}"` : ''}`,
    );
  }
  if (project.campaigns.has(id) || project.broken.campaigns.has(id))
    throw new NewCampaignError(`campaign "${id}" already exists`, `edit campaigns/${id}.yaml, or choose another id`);
  for (const ref of opts.demands ?? []) {
    const [block, variant] = ref.split('@') as [string, string | undefined];
    const b = project.demands.get(block);
    if (!b) {
      const g = closest(block, project.demands.keys());
      throw new NewCampaignError(
        `no demand block "${block}"`,
        g ? `did you mean "${g}"? (\`openletter demands\` lists them)` : '`openletter demands` lists the demand blocks',
      );
    }
    if (variant && !b.variants.has(variant))
      throw new NewCampaignError(
        `demand block "${block}" has no variant "${variant}"`,
        `its variants: ${[...b.variants.keys()].join(', ') || '(none)'}`,
      );
  }
  return opts.from ? copyCampaign(project, opts) : skeleton(project, opts);
}

/**
 * The parameters the chosen blocks use, each with its value from `--param`, or undefined (a TODO).
 * Never a value from another letter: "DPRK" in a letter to Belarus is worse than a TODO.
 */
function paramsFor(demands: string[], project: Project, given: ReadonlyMap<string, string> | undefined) {
  const names = new Set<string>();
  for (const ref of demands) {
    const [block, variant] = ref.split('@') as [string, string | undefined];
    const b = project.demands.get(block);
    if (!b) continue;
    b.params.forEach((p) => names.add(p));
    for (const el of (variant ? b.variants.get(variant) : b.text) ?? [])
      paramNames(el.text.text).names.forEach((n) => names.add(n));
  }
  return new Map<string, string | undefined>([...names].sort().map((n) => [n, given?.get(n)]));
}

/** The forms the chosen blocks' English asks of each parameter ({{country.in}} → country: in). */
function formsFor(demands: string[], project: Project): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const ref of demands) {
    const [block, variant] = ref.split('@') as [string, string | undefined];
    for (const el of (variant ? project.demands.get(block)?.variants.get(variant) : project.demands.get(block)?.text) ??
      [])
      for (const f of formsUsed(el.text.text)) out.set(f.name, (out.get(f.name) ?? new Set()).add(f.form));
  }
  return out;
}

/**
 * A parameter as `new` writes it: its value, or with the forms the texts ask for, `{ name: …, in: … }`;
 * a value or form not given (`--param country.in=…`) is a TODO, listed in `todo`.
 */
function paramValue(
  name: string,
  value: string | undefined,
  forms: ReadonlySet<string> | undefined,
  given: ReadonlyMap<string, string> | undefined,
  todo: string[],
): string | Record<string, string> {
  if (value === undefined) todo.push(`params.${name}`);
  const plain = value ?? `TODO: ${name}`;
  if (!forms?.size) return plain;
  const out: Record<string, string> = { name: plain };
  for (const form of [...forms].sort()) {
    const v = given?.get(`${name}.${form}`);
    if (v === undefined) todo.push(`params.${name}.${form}`);
    out[form] = v ?? `TODO: ${name}.${form}`;
  }
  return out;
}

/** `--param` names no chosen block uses: a typo, or a block left out. */
function unusedParams(used: ReadonlyMap<string, unknown>, given: ReadonlyMap<string, string> | undefined): void {
  for (const written of given?.keys() ?? []) {
    const name = written.split('.')[0]!;
    if (!used.has(name)) {
      const g = closest(name, used.keys());
      throw new NewCampaignError(
        `no chosen demand block uses the parameter "${name}"`,
        g ? `did you mean "${g}"?` : `parameters of these blocks: ${[...used.keys()].join(', ') || '(none)'}`,
      );
    }
  }
}

function skeleton(project: Project, opts: NewCampaignOptions): NewCampaign {
  const todo: string[] = [];
  const notes: string[] = [];
  const demands = opts.demands ?? [];
  const locales = opts.locales ?? [project.workspace.sourceLocale];
  const recipient = opts.recipient?.trim();
  const lines: string[] = [];
  const L = (s: string) => lines.push(s);
  L(schemaLine('campaign', 1).trimEnd());
  L(`# A new open letter. \`openletter check\` says what is still missing;`);
  L(`# \`openletter render ${opts.id} --format md\` shows it. The format: docs/workspace-format.md.`);
  L(`id: ${opts.id}`);
  L(withComment(`date: ${opts.today}`, `the letter's date, YYYY-MM-DD`));
  L(withComment(`locales: ${flowValue(locales)}`, `languages it is written in (locales/<lng>/)`));
  L(`paper: A4`);
  if (recipient) L(`title: ${flowValue(`Open letter to ${recipient}`)}`);
  else {
    L(`title: "TODO: the letter's title"`);
    todo.push('title');
  }
  const params = paramsFor(demands, project, opts.params);
  unusedParams(params, opts.params);
  const forms = formsFor(demands, project);
  if (params.size) {
    L(withComment(`params:`, `filled into {{name}} (and a form of it, {{name.in}}) in the texts`));
    for (const [k, v] of params) L(`  ${k}: ${flowValue(paramValue(k, v, forms.get(k), opts.params, todo))}`);
  }
  L(`recipient:`);
  L(withComment(`  kind: head-of-state`, `or head-of-mission, organisation: picks the formulas`));
  if (recipient) L(`  name: ${flowValue(recipient)}`);
  else {
    L(`  name: "TODO: the recipient's name"`);
    todo.push('recipient.name');
  }
  // Without it a packet is refused (delivery/unlocalised) only once missions are named: ask now.
  L(`  # How cover notes and e-mails to the missions name the recipient: never the bare name.`);
  L(`  styled: "TODO: His Excellency …, President of …"`);
  todo.push('recipient.styled');
  L(withComment(`  titles:`, `delete a TODO line the letter does without`));
  L(`    - "TODO: the recipient's title"`);
  L(withComment(`  address:`, `lines of the postal address`));
  L(`    - "TODO: street, city"`);
  L(`    - "TODO: country"`);
  todo.push('recipient.titles', 'recipient.address');
  if (recipient) L(`salutation: ${flowValue(`Dear ${recipient},`)}`);
  else {
    L(`salutation: "TODO: Dear …,"`);
    todo.push('salutation');
  }
  L(withComment(`opening:`, `paragraphs; "- item: …" makes a bullet`));
  L(`  - "We, the undersigned, write to urge you to take the following steps:"`);
  L(`numbered_sections: false`);
  if (demands.length) {
    L(`sections:`);
    L(`  - demands:                            # demand blocks from demands/ (\`openletter demands\`)`);
    for (const d of demands) L(`      - ${d}`);
  } else {
    L(`sections: []                            # add demand blocks: see \`openletter demands\``);
    notes.push('no demand blocks yet: add some under sections (`openletter demands` lists them)');
  }
  L(`closing:`);
  L(`  - Thank you for your consideration.`);
  L(withComment(`sign_off: sincerely`, `a key of sign_off in locales/<lng>/letter.yaml`));
  L(
    `signatories: []                         # roster ids; \`openletter signatories import FILE.csv --campaign ${opts.id}\``,
  );
  L(withComment(`missions: []`, `where it is delivered (missions.yaml ids)`));
  notes.push(`no signatories yet: import them with \`openletter signatories import FILE.csv --campaign ${opts.id}\``);
  for (const l of locales.filter((l) => l !== project.workspace.sourceLocale))
    notes.push(
      `the ${l} letter and its cover notes need a translation of each text, recipient.styled too: \`openletter translations export --lang ${l} --campaign ${opts.id}\` lists them`,
    );
  return { files: new Map([[`campaigns/${opts.id}.yaml`, `${lines.join('\n')}\n`]]), todo, notes };
}

function copyCampaign(project: Project, opts: NewCampaignOptions): NewCampaign {
  const from = project.campaigns.get(opts.from!);
  if (!from) {
    const g = closest(opts.from!, project.campaigns.keys());
    throw new NewCampaignError(
      `no campaign "${opts.from}" to copy`,
      g ? `did you mean "${g}"?` : `campaigns: ${[...project.campaigns.keys()].join(', ') || '(none)'}`,
    );
  }
  const source = project.files.get(from.span.file);
  if (source === undefined) throw new NewCampaignError(`cannot read ${from.span.file}`);
  const todo: string[] = [];
  const notes: string[] = [
    `copied from ${from.id}: every text is its text; the signatories are not copied (each letter needs its own sign-on)`,
  ];
  const edit = new YamlEdit(source);
  edit.setValue(['id'], opts.id);
  edit.setValue(['date'], opts.today);
  edit.setValue(['signatories'], []);
  if (opts.locales) edit.setValue(['locales'], opts.locales);
  const dropped: (string | number)[][] = [];
  if (opts.recipient) {
    edit.setValue(['recipient', 'name'], opts.recipient);
    edit.setValue(['salutation'], `Dear ${opts.recipient},`);
    dropped.push(['recipient', 'name'], ['salutation']);
    // How the copied letter styles and addresses its recipient names that recipient: a TODO now.
    for (const [field, marker] of [
      ['styled', 'TODO: His Excellency …, President of …'],
      ['address_as', "TODO: the recipient's title and name"],
    ] as const)
      if (field === 'styled' ? from.recipient.styled : from.recipient.addressAs) {
        edit.setValue(['recipient', field], marker);
        dropped.push(['recipient', field]);
        todo.push(`recipient.${field}`);
      }
    notes.push(`check title, recipient.titles and recipient.address: they are ${from.id}'s`);
  }
  if (opts.demands) {
    edit.remove(['sections']);
    edit.addKey([], 'sections', [{ demands: opts.demands }], { blockList: true });
    dropped.push(['sections']);
    const params = paramsFor(opts.demands, project, opts.params);
    unusedParams(params, opts.params);
    const forms = formsFor(opts.demands, project);
    const missing = [...params]
      .filter(([k]) => !from.params.has(k))
      .map(([k, v]) => [k, paramValue(k, v, forms.get(k), opts.params, todo)] as const);
    if (missing.length && !from.params.size) edit.addKey([], 'params', Object.fromEntries(missing));
    else for (const [k, v] of missing) edit.addKey(['params'], k, v);
  } else if (opts.params) unusedParams(from.params, opts.params);
  // --param replaces the copied letter's value (and its translations are asked for again).
  for (const [k, v] of opts.params ?? [])
    if (from.params.has(k)) {
      edit.setValue(['params', k], v);
      dropped.push(['params', k]);
    }
  let text = edit.toString();
  if (!text.startsWith('# yaml-language-server:')) text = schemaLine('campaign', 1) + text;
  const files = new Map([[`campaigns/${opts.id}.yaml`, text]]);
  // Translations come along, less the texts just replaced (so `check` asks for those).
  for (const lng of opts.locales ?? from.locales) {
    const rel = `locales/${lng}/campaigns/${from.id}.yaml`;
    const t = project.files.get(rel);
    if (t === undefined) continue;
    const tr = new YamlEdit(t);
    for (const p of dropped) tr.remove(p);
    files.set(`locales/${lng}/campaigns/${opts.id}.yaml`, tr.toString());
    if (dropped.length) notes.push(`locales/${lng}/campaigns/${opts.id}.yaml: translate the replaced texts again`);
  }
  return { files, todo, notes };
}
