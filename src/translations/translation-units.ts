import { XMLParser } from 'fast-xml-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';

/** One text handed to a translator and back. */
export interface TranslationUnit {
  key: string;
  context: string;
  source: string;
  /** Fingerprint of `source`, so an import can refuse a file made from older English. */
  sourceHash: string;
  /** The translation ("" when none yet). */
  target: string;
  state: 'new' | 'needs-review' | 'translated';
}

export interface UnitFile {
  sourceLanguage: string;
  targetLanguage: string;
  units: TranslationUnit[];
}

const xmlEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** XLIFF 1.2: what professional CAT tools (Trados, memoQ, OmegaT, Weblate) open. */
export function toXliff(f: UnitFile): string {
  const state = { new: 'new', 'needs-review': 'needs-review-translation', translated: 'translated' } as const;
  const units = f.units.map(
    (u) => `      <trans-unit id="${xmlEscape(u.key)}" resname="${xmlEscape(u.key)}" xml:space="preserve">
        <source>${xmlEscape(u.source)}</source>
        <target state="${state[u.state]}">${xmlEscape(u.target)}</target>
        <note from="context">${xmlEscape(u.context)}</note>
        <note from="source-hash">${u.sourceHash}</note>
      </trans-unit>`,
  );
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

/** CSV for volunteers in a spreadsheet: UTF-8 with a BOM so Excel shows Hangul and kana. */
export function toCsv(f: UnitFile): string {
  const rows = f.units.map((u) => [u.key, u.context, u.source, u.target, u.sourceHash, f.targetLanguage]);
  return `\uFEFF${stringifyCsv([['key', 'context', 'source (en)', `translation`, 'source_hash', 'language'], ...rows], { quoted_match: /[\s,;"]/, record_delimiter: 'windows' })}`;
}

export function parseUnitFile(text: string, kind: 'xliff' | 'csv'): UnitFile {
  return kind === 'xliff' ? fromXliff(text) : fromCsv(text);
}

function fromXliff(text: string): UnitFile {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
    isArray: (name) => name === 'trans-unit' || name === 'note' || name === 'file',
  });
  const doc = parser.parse(text) as { xliff?: { file?: XliffFile[] } };
  const file = doc.xliff?.file?.[0];
  if (!file) throw new Error('not an XLIFF 1.2 file (no <xliff><file>)');
  const units = (file.body?.['trans-unit'] ?? []).map((u): TranslationUnit => {
    const notes = u.note ?? [];
    const note = (from: string) => {
      const n = notes.find((x) => typeof x === 'object' && x['@from'] === from);
      return typeof n === 'object' ? String(n['#text'] ?? '') : '';
    };
    const target = text_(u.target);
    return {
      key: u['@id'],
      context: note('context'),
      source: text_(u.source),
      sourceHash: note('source-hash'),
      target,
      state: target ? 'translated' : 'new',
    };
  });
  return { sourceLanguage: file['@source-language'] ?? '', targetLanguage: file['@target-language'] ?? '', units };
}

const text_ = (v: unknown): string =>
  typeof v === 'object' && v !== null ? String((v as { '#text'?: unknown })['#text'] ?? '') : String(v ?? '');

interface XliffFile {
  '@source-language'?: string;
  '@target-language'?: string;
  body?: {
    'trans-unit'?: {
      '@id': string;
      source: unknown;
      target?: unknown;
      note?: ({ '@from'?: string; '#text'?: string } | string)[];
    }[];
  };
}

function fromCsv(text: string): UnitFile {
  const rows = parseCsv(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  const [head, ...body] = rows;
  if (!head || head[0] !== 'key') throw new Error('not an openletter translation CSV (the first column must be "key")');
  const lang = body[0]?.[5] ?? '';
  return {
    sourceLanguage: 'en',
    targetLanguage: lang,
    units: body.map((r) => ({
      key: r[0] ?? '',
      context: r[1] ?? '',
      source: r[2] ?? '',
      target: r[3] ?? '',
      sourceHash: r[4] ?? '',
      state: r[3] ? 'translated' : 'new',
    })),
  };
}
