import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../src/load/decode-text.js';
import { controlsInText } from '../src/load/control-scan.js';
import { memoryIo } from '../src/io/memory-io.js';
import { readTextFile } from '../src/load/read-text-file.js';
import { escapeForTerminal } from '../src/util/control-chars.js';
import { fromXliff, toXliff } from '../src/translations/xliff.js';
import { NameIndex } from '../src/text/name-index.js';
import { compareNames, prepareName } from '../src/text/name-match.js';
import { run } from '../src/cli/main.js';
import { MINI, readText, workspaceFiles } from './helpers/workspace.js';
import { join } from 'node:path';
import type { TranslationUnit, UnitFile } from '../src/translations/translation-units.js';

/**
 * Issue 13, item 9: a property test per class of hostile input — encodings, control characters,
 * translator files (concurrent runs: tests/concurrency.test.ts). Each runs a fixed number of
 * cases from a fixed seed, so a failure is repeatable; fast-check prints the smallest input that
 * fails.
 */
const SEED = 13;

/** Raw control characters, bidi controls and line separators: nothing of these may reach a terminal. */
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
/** The same in a report of several lines: all but the line feed. */
const UNSAFE_IN_OUTPUT = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

describe('property: encodings', () => {
  // Words a sign-on form in each language holds, every letter in the encoding's repertoire.
  const words = {
    'windows-1252': [
      'Société',
      'Générale',
      'Müller',
      'Straße',
      'Zürich',
      'Ñandú',
      'Côte',
      'Ærø',
      'Åsa',
      'Œuvre',
      'naïve',
      'Peace',
      'Justice',
    ],
    shift_jis: ['人権', '拉致被害者', '家族会', 'ネットワーク', '東京', 'こんにちは', '北朝鮮', '難民', '救う会'],
    'euc-kr': ['열린북한', '인권', '시민연합', '서울', '북한인권', '탈북자', '가족회', '네트워크'],
  } as const;
  // The name decodeText gives each encoding (Excel's Windows supersets).
  const canonical = { 'windows-1252': 'windows-1252', shift_jis: 'cp932', 'euc-kr': 'cp949' } as const;
  const csvOf = (names: string[]) =>
    `Name,Country\n${names.map((n, i) => `${n},${['FR', 'JP', 'KR'][i % 3]}`).join('\n')}\n`;
  const sheet = (lang: keyof typeof words) =>
    fc
      .array(fc.array(fc.constantFrom(...words[lang]), { minLength: 1, maxLength: 4 }), { minLength: 3, maxLength: 12 })
      .map((rows) => csvOf(rows.map((w) => w.join(' '))));
  // Any text but the few code points no encoder writes: lone surrogates, and U+FFFD, which an
  // import refuses on purpose (it is what a wrong decoding leaves).
  const anyText = fc.string({ unit: 'grapheme', maxLength: 200 }).filter((s) => !/[\uD800-\uDFFF\uFFFD]/u.test(s));

  it('UTF-8, with or without a byte order mark, reads back as written, for every kind of file', () => {
    fc.assert(
      fc.property(
        anyText,
        fc.boolean(),
        fc.constantFrom('table', 'xml', 'workspace') as fc.Arbitrary<'table' | 'xml' | 'workspace'>,
        (text, withBom, kind) => {
          const bytes = Buffer.concat([
            withBom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0),
            Buffer.from(text, 'utf8'),
          ]);
          const r = decodeText(bytes, 'f.csv', kind);
          // A text of ASCII with NULs between may look like UTF-16: then it is refused or read as
          // that, never read as anything else silently.
          if (r.value?.encoding.startsWith('utf-16') || !r.value) return;
          expect(r.value.text).toBe(text.replace(/^\uFEFF/, ''));
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('UTF-16 with a byte order mark reads back as written in a table, and a workspace file is refused naming UTF-16', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom('utf-16le', 'utf-16be'), (text, encoding) => {
        const body = iconv.encode(text, encoding, { addBOM: true });
        expect(decodeText(body, 's.csv', 'table').value?.text).toBe(text.replace(/^\uFEFF/, ''));
        const ws = decodeText(body, 'campaigns/x.yaml', 'workspace');
        expect(ws.value).toBeUndefined();
        expect(ws.diagnostics.map((d) => [d.code, d.span?.file])).toEqual([['file/encoding', 'campaigns/x.yaml']]);
        expect(ws.diagnostics[0]!.message).toContain('UTF-16');
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it.each(['windows-1252', 'shift_jis', 'euc-kr'] as const)(
    'a sign-on sheet Excel saved in %s is read as written, refused naming the file, or read as a detected encoding that names the right one when it is uncertain',
    (encoding) => {
      fc.assert(
        fc.property(sheet(encoding), (csv) => {
          const bytes = iconv.encode(csv, encoding);
          // As `signatories import` reads it: a text holding U+FFFD is refused too.
          const io = memoryIo({ files: { '/s/signon.csv': bytes } });
          const table = readTextFile('/s/signon.csv', 'signon.csv', 'table', { source: io });
          const refused = !table.value || table.diagnostics.some((d) => d.severity === 'error');
          if (refused) expect(table.diagnostics.map((d) => d.span?.file)).toContain('signon.csv');
          // A detected encoding either reads the text as written, or is uncertain and names the
          // right one among the others (a short French sheet: Windows-1250 "naďve" or Windows-1252
          // "naïve"), so that `--write` refuses to write it on the guess.
          else if (table.value!.text !== csv) {
            expect(table.value!.how).toBe('detected');
            expect(table.value!.others).toContain(canonical[encoding]);
          }
          // A workspace file must be UTF-8: refused, naming the file, whatever it looks like.
          const ws = decodeText(bytes, 'signatories.yaml', 'workspace');
          expect(ws.value).toBeUndefined();
          expect(ws.diagnostics[0]!.message).toMatch(/^signatories\.yaml is not UTF-8/);
        }),
        { seed: SEED, numRuns: 150 },
      );
    },
  );
});

const unsafe = fc.constantFrom(
  '\u0000',
  '\u0007',
  '\u0008',
  '\u001B',
  '\u001B[2J',
  '\u001B]0;owned\u0007',
  '\u007F',
  '\u0085',
  '\u009B',
  '\u202A',
  '\u202E',
  '\u2066',
  '\u2069',
  '\u2028',
);
const safe = fc.constantFrom('Han', ' ', 'Voice', 'Société', '열린북한', '人権', '-', '(', ')', '😀', 'x');
/** A text with one or more unsafe characters among ordinary words. */
const hostile = fc
  .tuple(fc.array(fc.oneof(safe, unsafe), { maxLength: 12 }), unsafe, fc.nat())
  .map(([parts, one, at]) => {
    parts.splice(at % (parts.length + 1), 0, one);
    return parts.join('');
  });

describe('property: control characters', () => {
  it('whatever a string holds, escapeForTerminal leaves no control or bidi character, and changes nothing else', () => {
    fc.assert(
      fc.property(fc.oneof(hostile, fc.string({ unit: 'binary', maxLength: 60 })), (s) => {
        const shown = escapeForTerminal(s);
        expect(shown).not.toMatch(UNSAFE);
        if (!UNSAFE.test(s)) expect(shown).toBe(s);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('every control in a text file is reported at its place (bidi ones unless the line is right-to-left)', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const text = `Dear {{name}},\n${s}\n`;
        const found = controlsInText('t.hbs', text).map((d) => d.span!.start);
        const expected = [
          ...text.matchAll(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/gu),
        ].map((m) => m.index);
        expect(found).toEqual(expected);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('property: check on control characters in names and texts, end to end', () => {
  // In this process, on a memory copy of the mini workspace: a spawned `openletter check` per case
  // costs seconds, and fifty of them under vitest's fork pool outlasted its RPC timeout.
  const files = Object.fromEntries(workspaceFiles(MINI).map(([rel, data]) => [`/ws/${rel}`, data]));
  const roster = readText(join(MINI, 'signatories.yaml'));
  const demand = readText(join(MINI, 'demands/join-ilo.yaml'));
  /** `s` as a YAML double-quoted scalar, every control written as an escape (raw ones are YAML errors). */
  const quoted = (s: string) =>
    `"${s.replace(/["\\]/g, '\\$&').replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
  const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

  it('flags each at its file and line, exits 1, and prints no raw control to the terminal', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, fc.constantFrom('signatory name', 'demand text'), async (s, where) => {
        const [rel, text] =
          where === 'signatory name'
            ? ['signatories.yaml', roster.replace('name: Han Voice', `name: ${quoted(s)}`)]
            : ['demands/join-ilo.yaml', demand.replace(/- item: .*/, (m) => `- item: ${quoted(s)}`)];
        const io = memoryIo({
          files: { ...files, [`/ws/${rel}`]: text },
          cwd: '/ws',
          env: { OPENLETTER_TODAY: '2026-11-23' },
        });
        const code = await run(['check'], io);
        expect(code).toBe(1);
        const line = lineOf(text, where === 'signatory name' ? 'name: "' : '- item: "');
        expect(io.stdout.text).toMatch(
          new RegExp(`^${rel}:${line}:\\d+: error: .*\\[text/(control-char|bidi-control)\\]$`, 'm'),
        );
        expect(io.stdout.text + io.stderr.text).not.toMatch(UNSAFE_IN_OUTPUT);
        expect(io.stderr.text).not.toMatch(/\n\s+at /);
      }),
      { seed: SEED, numRuns: 20 },
    );
  }, 180_000);
});

describe('property: translator files', () => {
  // Text as translators meet it: words in several scripts, XML's special characters, no-break
  // spaces, and the codes export protects — {{parameters}}, **bold**, *italic*, [links](…).
  const piece = fc.oneof(
    fc.constantFrom(
      'Dear',
      ' ',
      'Mr. Chairman',
      '위원장님',
      '委員長',
      'Société',
      '<',
      '>',
      '&',
      '"',
      "'",
      '\u00A0',
      '—',
      '😀',
      ', ',
    ),
    fc.constantFrom('{{country}}', '{{country.in}}', '{{을/를}}', '**', '*', '[UN report](https://www.ohchr.org/x)'),
  );
  const text = fc.array(piece, { maxLength: 14 }).map((p) => p.join(''));
  const unit = fc.record({ key: fc.constantFrom('a.b', 'c.text.0', 'd.closing'), source: text, target: text });
  const file = fc.uniqueArray(unit, { selector: (u) => u.key, minLength: 1, maxLength: 3 }).map((us): UnitFile => ({
    sourceLanguage: 'en',
    targetLanguage: 'ko',
    units: us.map((u): TranslationUnit => ({ ...u, context: 'context', sourceHash: 'h', state: 'translated' })),
  }));
  /** How a CAT tool may rewrite a target: segment markers, <g> around text, codes as <bpt>/<ept>, character references. */
  const tool = fc.record({
    segment: fc.boolean(),
    wrapText: fc.boolean(),
    pairCodes: fc.boolean(),
    charRefs: fc.boolean(),
  });

  it('export → a CAT tool → import gives back every target unchanged', () => {
    fc.assert(
      fc.property(file, tool, (f, how) => {
        const xml = toXliff(f).replace(
          /(<target[^>]*>)([\s\S]*?)(<\/target>)/g,
          (_, open: string, body: string, close: string) => `${open}${rewriteTarget(body, how)}${close}`,
        );
        const back = fromXliff(xml);
        expect(back.units.map((u) => [u.key, u.source, u.target, u.state])).toEqual(
          f.units.map((u) => [u.key, u.source, u.target, 'translated']),
        );
        expect(back.droppedCodes).toBe(0);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('property: the name index of a sign-on import', () => {
  // Few words, so that names share most of them (as sign-on sheets do), and short words to drop.
  const WORDS = ['anna', 'ana', 'kim', 'lee', 'li', 'na', 'of', 'for', 'human', 'rights', 'watch', 'seoul', 'citizens'];
  const word = fc.constantFrom(...WORDS);
  const letter = fc.constantFrom(...'aeiknrst');
  /** One edit as hurried typing makes it: a letter changed, added or lost, two words joined or split, a word dropped. */
  const edit = fc.tuple(fc.constantFrom('change', 'add', 'lose', 'join', 'split', 'drop'), fc.nat(), letter);
  const written = fc.tuple(fc.array(word, { minLength: 1, maxLength: 5 }), fc.array(edit, { maxLength: 3 }));
  /** A name and two copies of it as mistyped on other rows (each copy 0–3 edits away). */
  const names = fc
    .tuple(written, fc.array(edit, { maxLength: 3 }), fc.array(edit, { maxLength: 3 }))
    .map(([[words, edits], a, b]) => {
      const first = edits.reduce(applyEdit, words.join(' '));
      return [first, a.reduce(applyEdit, first), b.reduce(applyEdit, first)];
    });

  it('finds every pair of names the plain pairwise comparison calls alike', () => {
    let typos = 0;
    fc.assert(
      fc.property(fc.array(names, { minLength: 50, maxLength: 80 }), (rows) => {
        const names = rows.flat().map(prepareName);
        const index = new NameIndex();
        names.forEach((n, i) => index.add(n, i));
        names.forEach((a, i) => {
          const found = new Set(index.candidates(a));
          names.forEach((b, j) => {
            const alike = compareNames(a, b);
            if (i === j || !alike) return;
            if (alike.kind === 'near' && alike.why === 'a small spelling difference') typos++;
            expect(found.has(j), `"${a.trimmed}" ~ "${b.trimmed}"`).toBe(true);
          });
        });
      }),
      { seed: SEED, numRuns: 12 },
    );
    // Not vacuous: the edits make hundreds of pairs only the typo rule calls alike.
    expect(typos).toBeGreaterThan(300);
  });
});

/** `name` with one edit at position `at` (taken modulo its length). */
function applyEdit(name: string, [kind, at, letter]: [string, number, string]): string {
  const i = at % (name.length + 1);
  const spaces = [...name.matchAll(/ /g)].map((m) => m.index);
  const words = name.split(' ');
  switch (kind) {
    case 'change':
      return i < name.length && name[i] !== ' ' ? name.slice(0, i) + letter + name.slice(i + 1) : name;
    case 'add':
      return name.slice(0, i) + letter + name.slice(i);
    case 'lose':
      return i < name.length && name[i] !== ' ' ? name.slice(0, i) + name.slice(i + 1) : name;
    case 'join': {
      const s = spaces[at % Math.max(1, spaces.length)];
      return s === undefined ? name : name.slice(0, s) + name.slice(s + 1);
    }
    case 'split':
      return i > 0 && i < name.length && name[i - 1] !== ' ' && name[i] !== ' '
        ? `${name.slice(0, i)} ${name.slice(i)}`
        : name;
    default:
      return words.length > 1 ? words.filter((_, w) => w !== at % words.length).join(' ') : name;
  }
}

/** The target's XML as Trados, memoQ or OmegaT may write it back (see `tool` above). */
function rewriteTarget(
  body: string,
  how: { segment: boolean; wrapText: boolean; pairCodes: boolean; charRefs: boolean },
): string {
  let id = 100;
  const parts = body.split(/(<ph [^>]*>[\s\S]*?<\/ph>)/);
  const out = parts
    .map((p, i) => {
      if (i % 2 === 1) {
        if (!how.pairCodes) return p;
        // A code as one side of a paired tag: memoQ writes formatting as <bpt>/<ept>.
        const code = /<ph [^>]*>([\s\S]*?)<\/ph>/.exec(p)![1]!;
        return i % 4 === 1 ? `<bpt id="${id++}">${code}</bpt>` : `<ept id="${id++}">${code}</ept>`;
      }
      if (!p) return p;
      const refs = how.charRefs ? p.replace(/\u00A0|[가-힣]|é/g, (c) => `&#${c.codePointAt(0)};`) : p;
      return how.wrapText ? `<g id="${id++}">${refs}</g>` : refs;
    })
    .join('');
  return how.segment ? `<mrk mtype="seg" mid="1">${out}</mrk>` : out;
}
