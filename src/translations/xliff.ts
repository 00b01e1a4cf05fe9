import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { formatWordDiff, wordDiff } from '../text/word-diff.js';
import { splitCodes } from './inline-codes.js';
import type { TranslationUnit, UnitFile } from './translation-units.js';

const xmlEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A text as XLIFF content: `{{parameters}}` and Markdown markers become `<ph>` inline codes
 * holding the marker itself, so CAT tools protect them and the import gets them back verbatim.
 * Codes are numbered in the source; the same code in the target keeps its number.
 */
function inlineXml(text: string, ids: Map<string, number[]> = new Map()): { xml: string; ids: Map<string, number[]> } {
  const used = new Map<string, number>();
  let next = Math.max(0, ...[...ids.values()].flat()) + 1;
  const own = new Map<string, number[]>();
  const xml = splitCodes(text)
    .map((part) => {
      if ('text' in part) return xmlEscape(part.text);
      const nth = used.get(part.code) ?? 0;
      used.set(part.code, nth + 1);
      const id = ids.get(part.code)?.[nth] ?? next++;
      own.set(part.code, [...(own.get(part.code) ?? []), id]);
      return `<ph id="${id}" ctype="x-${part.kind}">${xmlEscape(part.code)}</ph>`;
    })
    .join('');
  return { xml, ids: own };
}

const STATE = { new: 'new', 'needs-review': 'needs-review-translation', translated: 'translated' } as const;

/**
 * XLIFF 1.2: what professional CAT tools (Trados, memoQ, OmegaT, Weblate) open. A stale text
 * carries the English its translation was made from twice: as the standard `<alt-trans
 * alttranstype="previous-version">` (old source and translation, which tools that read alt-trans
 * offer as a match beside the new source), and as a note with the word diff, which every tool
 * shows as a comment.
 */
export function toXliff(f: UnitFile): string {
  const units = f.units.map((u) => {
    const source = inlineXml(u.source);
    return `      <trans-unit id="${xmlEscape(u.key)}" resname="${xmlEscape(u.key)}" xml:space="preserve">
        <source>${source.xml}</source>
        <target state="${STATE[u.state ?? 'new']}">${inlineXml(u.target, source.ids).xml}</target>
${u.previousSource === undefined ? '' : previousVersion(u, u.previousSource, f.sourceLanguage)}        <note from="context">${xmlEscape(u.context)}</note>
        <note from="source-hash">${u.sourceHash}</note>
      </trans-unit>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="openletter" datatype="plaintext" source-language="${xmlEscape(f.sourceLanguage)}" target-language="${xmlEscape(f.targetLanguage)}">
    <body>
${units.join('\n')}
    </body>
  </file>
</xliff>
`;
}

function previousVersion(u: TranslationUnit, before: string, lang: string): string {
  const old = inlineXml(before);
  const changes = formatWordDiff(wordDiff(before, u.source, lang), { context: Infinity });
  return `        <alt-trans alttranstype="previous-version">
          <source>${old.xml}</source>
          <target>${inlineXml(u.target, old.ids).xml}</target>
        </alt-trans>
        <note from="source-change">The English changed since this was translated: ${xmlEscape(changes)}</note>
`;
}

/** A node of fast-xml-parser's ordered tree: one element name → children, attributes under ":@". */
type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const nameOf = (n: XmlNode) => Object.keys(n).find((k) => k !== ':@')!;
const childrenOf = (n: XmlNode) => (n[nameOf(n)] as XmlNode[] | undefined) ?? [];
const attr = (n: XmlNode, a: string) => n[':@']?.[`@${a}`];
/** Elements are matched without a namespace prefix ("xliff:target" is "target"). */
const local = (name: string) => name.replace(/^.*:/, '');

/** A file is not XLIFF 1.2 the way openletter can read it; the message says why. */
export class XliffError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly col?: number,
  ) {
    super(message);
  }
}

/**
 * The text of a mixed-content element as openletter writes it: text and character references
 * as they are; `<mrk>` (Trados and memoQ segments) and `<g>` (formatting of the original)
 * by their content; `<ph>`, `<bpt>`, `<ept>`, `<it>` by the native code they hold (where
 * `{{parameters}}` and Markdown markers travel); `<x/>`, `<bx/>`, `<ex/>` hold no code and are
 * counted, so an import can say they were dropped.
 */
function inline(nodes: XmlNode[], dropped: { n: number }): string {
  let out = '';
  for (const n of nodes) {
    const name = nameOf(n);
    if (name === '#text') out += String(n['#text'] ?? '');
    else
      switch (local(name)) {
        case 'mrk':
        case 'g':
          out += inline(childrenOf(n), dropped);
          break;
        case 'ph':
        case 'bpt':
        case 'ept':
        case 'it':
          // Their content is the native code; a <sub> inside is translatable text of another flow.
          out += inline(
            childrenOf(n).filter((c) => local(nameOf(c)) !== 'sub'),
            dropped,
          );
          break;
        case 'x':
        case 'bx':
        case 'ex':
          dropped.n++;
          break;
        default:
          out += inline(childrenOf(n), dropped);
      }
  }
  return out;
}

const CONFIRMED = new Set(['translated', 'signed-off', 'final']);
const UNREVIEWED = new Set(['needs-review-translation', 'needs-review-adaptation', 'needs-review-l10n']);
/** Trados (`<sdl:seg conf>`) and memoQ (`mq:status`) keep confirmation outside `state`. */
const TOOL_CONFIRMED = new Set([
  'Translated',
  'ApprovedTranslation',
  'ApprovedSignOff',
  'ManuallyConfirmed',
  'Proofread',
  'Reviewer1Confirmed',
  'Reviewer2Confirmed',
]);
const TOOL_DRAFT = new Set([
  'Draft',
  'RejectedTranslation',
  'RejectedSignOff',
  'Edited',
  'PartiallyEdited',
  'NotStarted',
]);

/** What a unit's tool says: confirmed, a draft, or nothing (undefined). */
function toolStatus(unit: XmlNode, kids: XmlNode[]): 'translated' | 'needs-review' | undefined {
  const found: string[] = [];
  const mq = attr(unit, 'mq:status');
  if (mq) found.push(mq);
  for (const defs of kids.filter((k) => local(nameOf(k)) === 'seg-defs'))
    for (const seg of childrenOf(defs)) {
      const conf = local(nameOf(seg)) === 'seg' ? attr(seg, 'conf') : undefined;
      found.push(conf ?? 'Draft');
    }
  if (!found.length) return undefined;
  if (found.every((f) => TOOL_CONFIRMED.has(f))) return 'translated';
  return found.some((f) => TOOL_DRAFT.has(f)) ? 'needs-review' : undefined;
}

/** Read an XLIFF 1.2 file: every `<file>`, `<group>` and `<trans-unit>`, mixed content included. */
export function fromXliff(text: string): UnitFile & { droppedCodes: number } {
  if (/<!DOCTYPE|<!ENTITY/i.test(text))
    throw new XliffError('XLIFF files have no DOCTYPE or entity declarations; refusing to expand them');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new XliffError(`not well-formed XML: ${valid.err.msg}`, valid.err.line, valid.err.col);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
    htmlEntities: true, // numeric character references (&#160;, &#x4E00;)
  });
  const tree = parser.parse(text) as XmlNode[];
  const root = tree.find((n) => local(nameOf(n)) === 'xliff');
  if (!root) throw new XliffError('not an XLIFF file (no <xliff> element)');
  const version = attr(root, 'version') ?? '';
  if (version.startsWith('2'))
    throw new XliffError(`this is XLIFF ${version}; openletter reads XLIFF 1.2 (export again, or save as XLIFF 1.2)`);
  const files = childrenOf(root).filter((n) => local(nameOf(n)) === 'file');
  if (!files.length) throw new XliffError('not an XLIFF 1.2 file (no <file> element)');
  const targets = [...new Set(files.map((f) => attr(f, 'target-language') ?? ''))];
  if (targets.length > 1)
    throw new XliffError(`the file holds several target languages (${targets.join(', ')}); import one at a time`);
  const dropped = { n: 0 };
  const units: TranslationUnit[] = [];
  const walk = (nodes: XmlNode[]) => {
    for (const n of nodes) {
      const name = local(nameOf(n));
      if (name === 'group' || name === 'body') walk(childrenOf(n));
      if (name !== 'trans-unit') continue;
      const kids = childrenOf(n);
      const child = (el: string) => kids.find((k) => local(nameOf(k)) === el);
      const notes = kids.filter((k) => local(nameOf(k)) === 'note');
      const note = (from: string) => {
        const found = notes.find((x) => attr(x, 'from') === from);
        return found ? inline(childrenOf(found), { n: 0 }).trim() : '';
      };
      const target = child('target');
      const state = target ? attr(target, 'state') : undefined;
      const tool = toolStatus(n, kids);
      units.push({
        key: attr(n, 'resname') ?? attr(n, 'id') ?? '',
        context: note('context'),
        source: inline(childrenOf(child('source') ?? { source: [] }), { n: 0 }),
        sourceHash: note('source-hash'),
        target: target ? inline(childrenOf(target), dropped) : '',
        state:
          attr(n, 'approved') === 'yes' || (state && CONFIRMED.has(state)) || tool === 'translated'
            ? 'translated'
            : (state && UNREVIEWED.has(state)) || tool === 'needs-review'
              ? 'needs-review'
              : state
                ? 'new'
                : undefined,
      });
    }
  };
  for (const f of files) walk(childrenOf(f));
  // Where each unit is, for diagnostics: its id attribute, searched in file order.
  let from = 0;
  for (const u of units) {
    const at = text.indexOf(`"${xmlEscape(u.key)}"`, from);
    if (at >= 0) [u.offset, from] = [at + 1, at + 1];
  }
  return {
    sourceLanguage: attr(files[0]!, 'source-language') ?? '',
    targetLanguage: targets[0] ?? '',
    units,
    droppedCodes: dropped.n,
  };
}
