import type { Body, Campaign, DemandBlock, Project } from '../model/project.js';
import type { SourcedText } from '../model/span.js';
import { bodyKey, campaignKey, demandBodyKey, demandKey, parseKey } from '../model/translation-key.js';

/**
 * Every translatable source text, by its translation key (see translation-key.ts). The translation
 * files use the same shape, so a translator sees the source structure.
 */
export function demandTexts(block: DemandBlock): Map<string, SourcedText> {
  const out = new Map<string, SourcedText>();
  out.set(demandKey(block.id, 'title'), block.title);
  addBody(out, demandBodyKey(block.id, undefined), block.text);
  for (const [name, body] of block.variants) addBody(out, demandBodyKey(block.id, name), body);
  return out;
}

export function campaignTexts(c: Campaign): Map<string, SourcedText> {
  const out = new Map<string, SourcedText>();
  const k = (...path: (string | number)[]) => campaignKey(c.id, ...path);
  out.set(k('title'), c.title);
  for (const [name, v] of c.params) out.set(k('params', name), v);
  out.set(k('recipient', 'name'), c.recipient.name);
  if (c.recipient.addressAs) out.set(k('recipient', 'address_as'), c.recipient.addressAs);
  if (c.recipient.styled) out.set(k('recipient', 'styled'), c.recipient.styled);
  c.recipient.titles.forEach((t, i) => out.set(k('recipient', 'titles', i), t));
  c.recipient.address.forEach((t, i) => out.set(k('recipient', 'address', i), t));
  if (c.salutation) out.set(k('salutation'), c.salutation);
  addBody(out, k('opening'), c.opening);
  c.sections.forEach((s, i) => {
    if (s.heading) out.set(k('sections', i, 'heading'), s.heading);
    addBody(out, k('sections', i, 'intro'), s.intro);
    addBody(out, k('sections', i, 'outro'), s.outro);
  });
  addBody(out, k('closing'), c.closing);
  c.cc.forEach((e, i) => {
    out.set(k('cc', i, 'name'), e.name);
    e.lines.forEach((l, j) => out.set(k('cc', i, 'lines', j), l));
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
      const base = demandBodyKey(block.id, ref.variant);
      body?.forEach((_, i) => keys.add(bodyKey(base, i)));
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

function addBody(out: Map<string, SourcedText>, base: string, body: Body): void {
  body.forEach((el, i) => out.set(bodyKey(base, i), el.text));
}

/** Keys whose source element is a bullet item (a translation writes them as `{ item: … }`). */
export function itemKeys(project: Project): Set<string> {
  const out = new Set<string>();
  const add = (base: string, body: Body) => body.forEach((el, i) => el.kind === 'item' && out.add(bodyKey(base, i)));
  for (const b of project.demands.values()) {
    add(demandBodyKey(b.id, undefined), b.text);
    for (const [n, body] of b.variants) add(demandBodyKey(b.id, n), body);
  }
  for (const c of project.campaigns.values()) {
    add(campaignKey(c.id, 'opening'), c.opening);
    add(campaignKey(c.id, 'closing'), c.closing);
    c.sections.forEach((s, i) => {
      add(campaignKey(c.id, 'sections', i, 'intro'), s.intro);
      add(campaignKey(c.id, 'sections', i, 'outro'), s.outro);
    });
  }
  return out;
}

/** A human description of where a text is used, for translators. */
export function describeKey(project: Project, key: string): string {
  const k = parseKey(key);
  if (k?.ns === 'demands') {
    const b = project.demands.get(k.owner);
    return `demand block "${k.owner}"${b ? ` (${b.title.text})` : ''}, ${k.path.join('.')}`;
  }
  return k?.ns === 'campaigns' ? `campaign ${k.owner}, ${k.path.join('.')}` : key;
}
