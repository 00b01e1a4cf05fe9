import { isMap, isSeq, parseDocument } from 'yaml';
import type { ImportPlan } from './plan-signatory-import.js';
import { YamlEdit } from './yaml-edit.js';

/** Ids of roster entries that have a `signed:` list (only those get the campaign added to it). */
export function idsWithSigned(rosterText: string): Set<string> {
  const out = new Set<string>();
  const list = parseDocument(rosterText).get('signatories', true);
  if (!isSeq(list)) return out;
  for (const item of list.items)
    if (isMap(item) && item.has('signed') && typeof item.get('id') === 'string') out.add(item.get('id') as string);
  return out;
}

/**
 * The new texts of signatories.yaml and the campaign file after an import, comments, order and
 * layout kept: entries appended to the roster, ids appended to the campaign's `signatories:`,
 * aliases, contact details and `signed:` added to existing entries.
 */
export function applyImport(
  plan: ImportPlan,
  rosterText: string,
  campaignText: string,
): { roster: string; campaign: string } {
  const roster = new YamlEdit(rosterText);
  const indexOf = new Map<string, number>();
  const list = roster.doc.get('signatories', true);
  if (isSeq(list))
    list.items.forEach(
      (item, i) => isMap(item) && typeof item.get('id') === 'string' && indexOf.set(item.get('id') as string, i),
    );
  const entryPath = (id: string) => ['signatories', indexOf.get(id)!] as const;
  for (const [id, aliases] of plan.aliasAdds) {
    if (!indexOf.has(id)) continue;
    const entry = roster.doc.getIn(entryPath(id), true);
    if (isMap(entry) && entry.has('aliases')) roster.append([...entryPath(id), 'aliases'], aliases);
    else roster.addKey(entryPath(id), 'aliases', aliases);
  }
  for (const id of plan.signedAdds) {
    if (!indexOf.has(id)) continue;
    const signed = roster.doc.getIn([...entryPath(id), 'signed']);
    if (!(isSeq(signed) && signed.items.some((i) => String((i as { value?: unknown }).value) === plan.campaign)))
      roster.append([...entryPath(id), 'signed'], [plan.campaign]);
  }
  for (const [id, contact] of plan.contactAdds) {
    if (!indexOf.has(id)) continue;
    const entry = roster.doc.getIn(entryPath(id), true);
    if (isMap(entry) && entry.has('contact'))
      for (const [k, v] of Object.entries(contact)) roster.addKey([...entryPath(id), 'contact'], k, v);
    else roster.addKey(entryPath(id), 'contact', contact);
  }
  roster.append(
    ['signatories'],
    // Keys in the roster's usual order, `signed` last.
    plan.newEntries.map(({ id, name, kind, country, aliases, contact, signed }) => ({
      id,
      name,
      kind,
      ...(country ? { country } : {}),
      ...(aliases ? { aliases } : {}),
      ...(contact ? { contact } : {}),
      signed,
    })),
  );
  const campaign = new YamlEdit(campaignText);
  campaign.append(['signatories'], plan.campaignAdds);
  return { roster: roster.toString(), campaign: campaign.toString() };
}
