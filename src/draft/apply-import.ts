import { isMap, isSeq, parseDocument } from 'yaml';
import type { ImportPlan } from './plan-signatory-import.js';
import { flowValue, YamlEdit } from './yaml-edit.js';

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
  // Keys in the roster's usual order, `signed` last.
  const entries = plan.newEntries.map(({ id, name, kind, country, aliases, contact, signed }) => ({
    id,
    name,
    kind,
    ...(country ? { country } : {}),
    ...(aliases ? { aliases } : {}),
    ...(contact ? { contact } : {}),
    signed,
  }));
  return {
    roster: appendToList(roster.toString(), 'signatories', entries),
    campaign: appendToList(campaignText, 'signatories', plan.campaignAdds),
  };
}

/**
 * `text` with `values` appended to the block list under the top-level `key`, written as YamlEdit
 * writes them, in one splice: an import of 100,000 rows appends as many entries, and YamlEdit
 * (a Document node per value, then the whole file serialised and parsed again to check it) is
 * ×13–16 slower: 20,000 entries appended to the bundled roster took 0.56–0.67 s of CPU here against
 * 8.5–9.2 s through YamlEdit.append, the same text to the byte (BENCHMARKS.md, "Roster append").
 * Any other shape of list (flow, missing, empty) goes through YamlEdit.
 */
function appendToList(text: string, key: string, values: unknown[]): string {
  if (!values.length) return text;
  const doc = parseDocument(text);
  const list = doc.get(key, true);
  if (!isSeq(list) || list.flow || !list.range || !list.items.length) {
    const edit = new YamlEdit(text);
    edit.append([key], values);
    return edit.toString();
  }
  const pad = ' '.repeat(list.range[0] - (text.lastIndexOf('\n', list.range[0] - 1) + 1));
  let at = list.range[1];
  while (at > 0 && /\s/.test(text[at - 1]!)) at--;
  const nl = text.indexOf('\n', at);
  const lines = values.map((v) => blockItem(v, pad)).join('');
  return nl < 0 ? `${text}\n${lines}` : text.slice(0, nl + 1) + lines + text.slice(nl + 1);
}

/** One list item as block YAML (`- id: …` and its keys below), lists of scalars in flow style. */
function blockItem(value: unknown, pad: string): string {
  if (!isPlainObject(value)) return `${pad}- ${scalar(value)}\n`;
  let out = '';
  const write = (obj: Record<string, unknown>, indent: string, first: string) => {
    let lead = first;
    for (const [k, v] of Object.entries(obj)) {
      if (isPlainObject(v)) {
        out += `${lead}${k}:\n`;
        write(v, `${indent}  `, `${indent}  `);
      } else if (Array.isArray(v)) out += `${lead}${k}: [${v.map(flowItem).join(', ')}]\n`;
      else out += `${lead}${k}: ${scalar(v)}\n`;
      lead = indent;
    }
  };
  write(value, `${pad}  `, `${pad}- `);
  return out;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Words, digits, spaces and a little punctuation, starting with a letter: yaml writes such a
 * string unquoted, in a block and inside `[…]` alike. Anything else is written by yaml itself.
 */
const PLAIN = /^\p{L}[\p{L}\p{M}\p{N} .'’()&/_-]*[\p{L}\p{M}\p{N}.)]$|^\p{L}$/u;
const KEYWORD = /^(null|true|false)$/i;

function scalar(v: unknown): string {
  return typeof v === 'string' && PLAIN.test(v) && !KEYWORD.test(v) ? v : flowValue(v);
}

function flowItem(v: unknown): string {
  return typeof v === 'string' && PLAIN.test(v) && !KEYWORD.test(v) ? v : flowValue([v]).slice(1, -1);
}
