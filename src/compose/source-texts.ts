import type { Body, Campaign, DemandBlock, Project } from '../model/project.js';
import type { SourcedText } from '../model/span.js';

/**
 * Every translatable source text, by its translation key. Keys mirror the source file's shape:
 * "demands:<id>.title", "demands:<id>.text.0", "demands:<id>.variants.2018.1",
 * "campaigns:<id>.opening.0", "campaigns:<id>.sections.2.heading", …
 * The translation files use the same shape, so a translator sees the source structure.
 */
export function demandTexts(block: DemandBlock): Map<string, SourcedText> {
  const out = new Map<string, SourcedText>();
  const p = `demands:${block.id}`;
  out.set(`${p}.title`, block.title);
  addBody(out, `${p}.text`, block.text);
  for (const [name, body] of block.variants) addBody(out, `${p}.variants.${name}`, body);
  return out;
}

export function campaignTexts(c: Campaign): Map<string, SourcedText> {
  const out = new Map<string, SourcedText>();
  const p = `campaigns:${c.id}`;
  out.set(`${p}.title`, c.title);
  for (const [k, v] of c.params) out.set(`${p}.params.${k}`, v);
  out.set(`${p}.recipient.name`, c.recipient.name);
  c.recipient.titles.forEach((t, i) => out.set(`${p}.recipient.titles.${i}`, t));
  c.recipient.address.forEach((t, i) => out.set(`${p}.recipient.address.${i}`, t));
  out.set(`${p}.salutation`, c.salutation);
  addBody(out, `${p}.opening`, c.opening);
  c.sections.forEach((s, i) => {
    if (s.heading) out.set(`${p}.sections.${i}.heading`, s.heading);
    addBody(out, `${p}.sections.${i}.intro`, s.intro);
    addBody(out, `${p}.sections.${i}.outro`, s.outro);
  });
  addBody(out, `${p}.closing`, c.closing);
  c.cc.forEach((e, i) => {
    out.set(`${p}.cc.${i}.name`, e.name);
    e.lines.forEach((l, j) => out.set(`${p}.cc.${i}.lines.${j}`, l));
  });
  return out;
}

/** The demand-block keys one campaign uses (only the variants it picks, plus titles). */
export function demandKeysUsedBy(c: Campaign, project: Project): Set<string> {
  const keys = new Set<string>();
  for (const s of c.sections)
    for (const ref of s.demands) {
      const block = project.demands.get(ref.id);
      if (!block) continue;
      const body = ref.variant ? block.variants.get(ref.variant) : block.text;
      const base = ref.variant ? `demands:${block.id}.variants.${ref.variant}` : `demands:${block.id}.text`;
      body?.forEach((_, i) => keys.add(`${base}.${i}`));
    }
  return keys;
}

/** All source texts of the workspace. */
export function allSourceTexts(project: Project): Map<string, SourcedText> {
  const out = new Map<string, SourcedText>();
  for (const b of project.demands.values()) for (const [k, v] of demandTexts(b)) out.set(k, v);
  for (const c of project.campaigns.values()) for (const [k, v] of campaignTexts(c)) out.set(k, v);
  return out;
}

function addBody(out: Map<string, SourcedText>, prefix: string, body: Body): void {
  body.forEach((el, i) => out.set(`${prefix}.${i}`, el.text));
}

/** Keys whose source element is a bullet item (a translation writes them as `{ item: … }`). */
export function itemKeys(project: Project): Set<string> {
  const out = new Set<string>();
  const add = (prefix: string, body: Body) => body.forEach((el, i) => el.kind === 'item' && out.add(`${prefix}.${i}`));
  for (const b of project.demands.values()) {
    add(`demands:${b.id}.text`, b.text);
    for (const [n, body] of b.variants) add(`demands:${b.id}.variants.${n}`, body);
  }
  for (const c of project.campaigns.values()) {
    const p = `campaigns:${c.id}`;
    add(`${p}.opening`, c.opening);
    add(`${p}.closing`, c.closing);
    c.sections.forEach((s, i) => {
      add(`${p}.sections.${i}.intro`, s.intro);
      add(`${p}.sections.${i}.outro`, s.outro);
    });
  }
  return out;
}

/** A human description of where a text is used, for translators. */
export function describeKey(project: Project, key: string): string {
  const m = /^demands:([^.]+)\.(.*)$/.exec(key);
  if (m) {
    const b = project.demands.get(m[1]!);
    return `demand block "${m[1]}"${b ? ` (${b.title.text})` : ''}, ${m[2]}`;
  }
  const c = /^campaigns:([^.]+)\.(.*)$/.exec(key);
  return c ? `campaign ${c[1]}, ${c[2]}` : key;
}
