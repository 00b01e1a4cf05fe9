import { parse } from 'csv-parse/sync';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../model/span.js';
import { closest } from '../util/closest.js';
import { RTL_LETTER } from '../load/control-scan.js';
import { describeChar, findControls } from '../util/control-chars.js';
import { countryCode } from './countries.js';
import { fold } from '../text/fold.js';

/** What a sign-on column can hold. `first_name` + `last_name` make the name of an individual. */
export const FIELDS = ['name', 'country', 'kind', 'person', 'email', 'first_name', 'last_name', 'ignore'] as const;
export type Field = (typeof FIELDS)[number];

export interface ColumnMapping {
  /** 0-based column index. */
  column: number;
  header: string;
  field: Field | undefined;
  /** `uncertain`: the header reads like several fields (`candidates`); the import asks for a --map. */
  how: 'given' | 'guessed' | 'uncertain' | 'unmapped';
  candidates?: Field[];
}

/** One valid sign-on row. */
export interface SignOnRow {
  /** Spreadsheet row number (the header is row 1). */
  row: number;
  /** The row's line in SignOnCsv.text (never the CSV itself: that holds contact details). */
  span: Span;
  name: string;
  country: string | undefined;
  kind: 'organisation' | 'individual';
  person: string | undefined;
  email: string | undefined;
}

export interface SignOnCsv {
  columns: ColumnMapping[];
  rows: SignOnRow[];
  /** Rows not imported, with the reason. */
  rejected: { row: number; name: string; reason: string }[];
  /** Rows rejected, columns missing, --map mistakes. */
  diagnostics: Diagnostic[];
  /** What diagnostics quote as the file: one line per row, contact cells hidden (see readSignOnCsv). */
  text: string;
}

export interface ReadOptions {
  /** `--map "Organisation name=name,Country=country"`. */
  map?: string;
  /** Kind for rows without a kind column (default organisation). */
  kind?: 'organisation' | 'individual';
}

/**
 * Header words for each field, in the languages sign-on forms are written in. Compared after
 * folding case, accents and punctuation; "exact" words must be the whole header, "contains" words
 * a part of it.
 */
const EXACT: Record<Exclude<Field, 'ignore'> | 'ignore', string[]> = {
  name: [
    'name',
    'organisation',
    'organization',
    'organisation name',
    'organization name',
    'name of organisation',
    'name of organization',
    'group',
    'group name',
    'signatory',
    'signer',
    'org',
    'org name',
    'nom',
    'nombre',
    'organisation organisation',
    'nom de l organisation',
    'nombre de la organizacion',
    'organizacion',
    'organisation name as it should appear',
    'name as it should appear',
    'name of your organisation',
    'name of your organization',
    'your organisation',
    'your organization',
    'your organisation s name',
    'your organization s name',
    'nom de votre organisation',
    'nombre de su organizacion',
    'name der organisation',
    'название',
    'название организации',
    'наименование организации',
    'организация',
    'ваша организация',
    'назва організації',
    'назва арганізацыі',
    '단체',
    '단체명',
    '단체 이름',
    '기관',
    '기관명',
    '이름',
    '서명자',
    '団体名',
    '組織名',
    '名前',
    '名称',
    '组织',
    '组织名称',
    '机构名称',
  ],
  country: [
    'country',
    'country region',
    'nation',
    'pays',
    'pais',
    'land',
    'country of registration',
    'based in',
    'your country',
    'страна',
    'страна регистрации',
    'країна',
    'краіна',
    '국가',
    '나라',
    '国',
    '国名',
    '国家',
    '国家 地区',
  ],
  kind: [
    'type',
    'kind',
    'signing as',
    'organisation or individual',
    'organization or individual',
    'individual or organisation',
    'individual or organization',
    'тип',
    'вид',
    'type de signataire',
    'art',
    'tipo',
    '유형',
    '구분',
    '種別',
    '类型',
  ],
  person: [
    'contact',
    'contact person',
    'contact name',
    'your name',
    'representative',
    'name of contact',
    'your full name',
    'ansprechpartner',
    'контактное лицо',
    'ваше имя',
    'фио',
    'personne de contact',
    'persona de contacto',
    '담당자',
    '담당자 이름',
    '연락 담당자',
    '担当者',
    '联系人',
  ],
  email: [
    'email',
    'e mail',
    'email address',
    'e mail address',
    'mail',
    'courriel',
    'correo',
    'correo electronico',
    'электронная почта',
    'адрес электроннои почты',
    'эл почта',
    '이메일',
    '전자우편',
    'メール',
    'メールアドレス',
    '电子邮件',
    '邮箱',
  ],
  first_name: ['first name', 'first_name', 'given name', 'prenom', 'vorname', 'имя', '名'],
  last_name: [
    'last name',
    'last_name',
    'surname',
    'family name',
    'nom de famille',
    'apellido',
    'nachname',
    'фамилия',
    '姓',
  ],
  ignore: [
    'timestamp',
    'date',
    'submitted',
    'submitted at',
    'submission date',
    'horodateur',
    'marca temporal',
    'zeitstempel',
    'отметка времени',
    'временная метка',
    'дата',
    'role',
    'your role',
    'title',
    'job title',
    'your title',
    'position',
    'role title',
    'role or title',
    'your role title',
    'your role or title',
    'fonction',
    'titre',
    'poste',
    'cargo',
    'должность',
    'роль',
    'comment',
    'comments',
    'any comments',
    'remarks',
    'message',
    'notes',
    'commentaires',
    'remarques',
    'comentarios',
    'kommentar',
    'комментарии',
    'комментарий',
    'phone',
    'phone number',
    'telephone',
    'website',
    'телефон',
    'сайт',
    '직위',
    '직책',
    '의견',
    '비고',
    '役職',
    'コメント',
    '備考',
    '职位',
    '职务',
    '备注',
    '타임스탬프',
    'タイムスタンプ',
    '时间戳',
  ],
};
const CONTAINS: [Field, RegExp][] = [
  ['email', /mail|почт|메일|전자우편|メール|邮/],
  ['person', /contact|контакт|담당|担当|联系/],
  ['country', /country|pays|pais|стран|краін|країн|국가|나라|国/],
  ['kind', /individual|individuel|particulier|частн|физическ|개인|個人|个人/],
  ['ignore', /\b(role|title|position|comments?|remarks?|phone|website)\b|должност|коммент|телефон/],
  ['name', /organi[sz]ation|organizacion|организац|group|name|nom|назван|наименован|단체|기관|団体|組織|组织|名/],
];

/**
 * The question sign-on forms ask for the kind: "Are you signing as an organisation or as an
 * individual?", "Vous signez en tant que…", "Вы подписываете как организация или как частное
 * лицо?", "단체/개인". It names organisations, so without this it would read as the name column.
 */
const KIND_QUESTION = [
  /\b(sign|signing|signs)\b.*\bas\b/,
  /\b(organi[sz]ation|group)\b.*\bor\b.*\b(individual|person)\b/,
  /\b(individual|person)\b.*\bor\b.*\b(organi[sz]ation|group)\b/,
  /\ben tant que\b|\bsignez\b|\bfirma como\b/,
  /организаци\p{L}* или|или (как )?организаци|\bв качестве\b|\bподписываете\b/u,
  /단체.*개인|개인.*단체|団体.*個人|個人.*団体|组织.*个人|个人.*组织/,
];

/** Header words whose question is not about the signatory: parenthetical remarks, "(required)", "*", "?". */
const headerCore = (h: string) =>
  h
    .replace(/\([^)]*\)|\[[^\]]*\]|（[^）]*）/g, ' ')
    .replace(/[*?:？：]+\s*$/g, '')
    .trim();

const foldHeader = (h: string) =>
  fold(h)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Parse a sign-on CSV (already decoded: Excel quoting, `,` `;` or tab separated) and map and
 * validate its rows.
 *
 * Contact details never reach a diagnostic: `text`, the file diagnostics quote, is not the CSV
 * but one line per CSV row (line N is row N) holding only the name, country and kind cells, every
 * other non-empty cell shown as "…". A diagnostic about row N therefore points at line N.
 */
export function readSignOnCsv(input: string, file: string, opts: ReadOptions = {}): SignOnCsv {
  const diagnostics: Diagnostic[] = [];
  const source = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let records: string[][];
  try {
    records = parse(source, {
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      delimiter: sniffDelimiter(source),
    }) as string[][];
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const at = { file, start: 0, end: 1 };
    diagnostics.push(
      diag('import/column', at, `${file} is not a readable CSV file: ${msg}`, {
        hint: 'export the form responses as CSV (comma-separated values)',
      }),
    );
    return { columns: [], rows: [], rejected: [], diagnostics, text: '' };
  }
  const header = records[0] ?? [];
  const headerLine = header.map(displayCell).join(',');
  const headerSpan: Span = { file, start: 0, end: Math.max(1, headerLine.length) };
  if (!header.length || header.every((h) => !h.trim())) {
    diagnostics.push(
      diag('import/column', headerSpan, `${file} is empty`, { hint: 'the first row must name the columns' }),
    );
    return { columns: [], rows: [], rejected: [], diagnostics, text: headerLine };
  }
  const columns = mapColumns(header, opts.map, diagnostics, headerSpan);
  const col = (f: Field) => columns.find((c) => c.field === f)?.column;
  const nameCol = col('name');
  const first = col('first_name');
  const last = col('last_name');
  // The cells a diagnostic may show: what is printed in a letter anyway. First and last name are
  // the signatory's name only when no name column exists; otherwise they name the contact person.
  const shown = new Set<number>(
    [nameCol, col('country'), col('kind'), ...(nameCol === undefined ? [first, last] : [])].filter(
      (c): c is number => c !== undefined,
    ),
  );
  const lines: string[] = [headerLine];
  // Each row's span is its whole line (column 1): columns of the shown text are not the file's.
  const rowSpans: Span[] = [];
  let offset = headerLine.length + 1;
  for (const r of records.slice(1)) {
    const line = r.map((c, i) => (shown.has(i) ? displayCell(c) : c.trim() ? '…' : '')).join(',');
    rowSpans.push({ file, start: offset, end: offset + Math.max(1, line.length) });
    lines.push(line);
    offset += line.length + 1;
  }
  const text = lines.join('\n');
  const uncertain = uncertainColumns(columns, records.slice(1));
  for (const u of uncertain)
    diagnostics.push(
      diag(
        'import/column',
        headerSpan,
        `cannot tell what column ${u.column.column + 1} ("${u.column.header}") holds: ${u.why}; nothing imported`,
        {
          hint: `say what every column holds, e.g. ${mapOption(columns)} (fields: ${FIELDS.join(', ')})`,
        },
      ),
    );
  if (uncertain.length) return { columns, rows: [], rejected: [], diagnostics, text };
  if (nameCol === undefined && first === undefined && last === undefined) {
    diagnostics.push(
      diag(
        'import/column',
        headerSpan,
        `no column holds the signatory's name (columns: ${header.map((h) => `"${h}"`).join(', ')})`,
        {
          hint: 'name it with --map, e.g. --map "Organisation=name"',
        },
      ),
    );
    return { columns, rows: [], rejected: [], diagnostics, text };
  }
  const rows: SignOnRow[] = [];
  const rejected: { row: number; name: string; reason: string }[] = [];
  const individuals =
    nameCol === undefined ||
    /^(your name|name of contact|contact|contact person|contact name)$/.test(foldHeader(header[nameCol] ?? ''));
  const countries = new Map<string, ReturnType<typeof countryCode>>();
  records.slice(1).forEach((r, i) => {
    const cells = r.map((c) => c.replace(/\s+/g, ' ').trim());
    if (cells.every((c) => !c)) return; // a blank line
    const row = i + 2;
    const span = rowSpans[i]!;
    const get = (c: number | undefined) => (c === undefined ? '' : (cells[c] ?? ''));
    const kindText = get(col('kind'));
    const kind = kindText ? kindOf(kindText) : (opts.kind ?? (individuals ? 'individual' : 'organisation'));
    const personName = get(col('person')) || [get(first), get(last)].filter(Boolean).join(' ');
    // "Name of your organisation (leave blank if you sign as an individual)": an individual's
    // name is the person's; an organisation with no name is rejected, never named after its contact.
    const name = get(nameCol) || (nameCol === undefined || kind === 'individual' ? personName : '');
    const reject = (message: string, hint: string) => {
      rejected.push({ row, name, reason: message });
      diagnostics.push(
        diag('import/rejected-row', span, `row ${row}${name ? ` ("${name}")` : ''}: ${message}`, { hint }),
      );
    };
    if (!kind) return reject(`unknown kind "${kindText}"`, 'write organisation or individual');
    if (!name)
      return reject(
        kind === 'organisation' && personName ? 'no organisation name (only a contact person)' : 'no name',
        kind === 'organisation' && personName
          ? 'fill in the organisation, or, if the person signs for themselves, write individual in its kind cell'
          : 'fill in the name, or delete the row',
      );
    for (const [label, c] of [
      ['name', nameCol ?? first ?? last],
      ['country', col('country')],
    ] as const) {
      const bad = findControls(get(c))[0];
      if (bad && !(bad.kind === 'bidi' && RTL_LETTER.test(get(c))))
        return reject(
          `the ${label} holds ${describeChar(bad.char)}, ${bad.kind === 'bidi' ? 'a bidirectional control' : 'a control character'} (character ${bad.index + 1}); not imported`,
          bad.kind === 'bidi'
            ? 'it reorders the text around it: retype the name without it'
            : 'a form answer with terminal escapes or control characters is not a name: check it and retype it',
        );
    }
    const countryText = get(col('country'));
    let country: string | undefined;
    if (countryText) {
      const c = countries.get(countryText) ?? countryCode(countryText);
      countries.set(countryText, c);
      if (!c.code)
        return reject(
          `unknown country "${countryText}"`,
          c.suggestion
            ? `did you mean ${c.suggestion}? write a country name or an ISO code such as KR`
            : 'write a country name or an ISO code such as KR, JP or US',
        );
      country = c.code;
    }
    const emailText = get(col('email'));
    let email: string | undefined = emailText || undefined;
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      // The address itself is contact data: say which row, never what it holds.
      diagnostics.push(
        diag(
          'import/rejected-row',
          span,
          `row ${row} ("${name}"): the e-mail cell does not hold an e-mail address; the row is imported without it`,
          { hint: 'correct it in the roster later', severity: 'warning' },
        ),
      );
      email = undefined;
    }
    // The person who signs as themselves is the name, not a contact besides it.
    const person = (personName && personName !== name ? personName : undefined) || undefined;
    rows.push({ row, span, name, country, kind, person, email });
  });
  return { columns, rows, rejected, diagnostics, text };
}

/**
 * Columns whose role the import cannot tell: a header reading like several fields, or a name
 * column whose answers are kinds ("An organisation", "An individual"): the question it asked was
 * not the name.
 */
function uncertainColumns(columns: ColumnMapping[], records: string[][]): { column: ColumnMapping; why: string }[] {
  const out = columns
    .filter((c) => c.how === 'uncertain')
    .map((c) => ({ column: c, why: `it could be the ${c.candidates!.join(' or the ')}` }));
  const name = columns.find((c) => c.field === 'name' && c.how === 'guessed');
  if (name) {
    const answers = records.map((r) => (r[name.column] ?? '').trim()).filter(Boolean);
    const kinds = answers.filter((a) => kindOf(a, true) !== undefined);
    if (answers.length && kinds.length * 2 > answers.length) {
      name.how = 'uncertain';
      name.candidates = ['kind', 'name'];
      out.push({ column: name, why: 'it was read as the name, but its answers say organisation or individual' });
    }
  }
  return out;
}

/** A cell as it appears in the shown text: one line, quoted when it holds a separator or quote. */
function displayCell(c: string): string {
  const one = c.replace(/[\r\n]+/g, ' ').trim();
  return /[,;"\t]/.test(one) ? `"${one.replace(/"/g, '""')}"` : one;
}

/** Answers to "organisation or individual?", compared folded: the whole answer, or its first words. */
const ORGANISATION_ANSWERS = [
  'org',
  'organisation',
  'organization',
  'organizacion',
  'group',
  'ngo',
  'an organisation',
  'an organization',
  'as an organisation',
  'as an organization',
  'on behalf of an organisation',
  'on behalf of an organization',
  'on behalf of my organisation',
  'on behalf of my organization',
  'une organisation',
  'une association',
  'association',
  'una organizacion',
  'организация',
  'от имени организации',
  'организація',
  'арганізацыя',
  '단체',
  '기관',
  '団体',
  '組織',
  '组织',
];
const INDIVIDUAL_ANSWERS = [
  'ind',
  'individual',
  'person',
  'personal',
  'myself',
  'an individual',
  'as an individual',
  'in a personal capacity',
  'personal capacity',
  'individuo',
  'a titulo individual',
  'particulier',
  'un particulier',
  'a titre individuel',
  'individuel',
  'частное лицо',
  'физическое лицо',
  'лично',
  'индивидуально',
  'приватна особа',
  'прыватная асоба',
  '개인',
  '個人',
  '个人',
];

/** The kind an answer names; with `whole`, only when the answer is nothing but that ("An individual"). */
function kindOf(s: string, whole = false): 'organisation' | 'individual' | undefined {
  // A form has a few distinct answers and up to 100,000 rows: each answer is looked up once.
  const known = (whole ? kindsOfWhole : kindsOf).get(s);
  if (known !== undefined) return known || undefined;
  foldedAnswers ??= {
    organisation: ORGANISATION_ANSWERS.map(foldHeader),
    individual: INDIVIDUAL_ANSWERS.map(foldHeader),
  };
  const k = foldHeader(s);
  const says = (words: string[]) => words.some((w) => k === w || (!whole && k.startsWith(`${w} `)));
  const kind = says(foldedAnswers.organisation)
    ? 'organisation'
    : says(foldedAnswers.individual)
      ? 'individual'
      : undefined;
  (whole ? kindsOfWhole : kindsOf).set(s, kind ?? '');
  return kind;
}
let foldedAnswers: { organisation: string[]; individual: string[] } | undefined;
const kindsOf = new Map<string, 'organisation' | 'individual' | ''>();
const kindsOfWhole = new Map<string, 'organisation' | 'individual' | ''>();

/** The separator of the header line: the most frequent of , ; and tab outside quotes. */
function sniffDelimiter(text: string): string {
  const line = text.slice(0, (text.indexOf('\n') + 1 || text.length + 1) - 1);
  const counts = new Map([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]![1] > 0 ? [...counts].sort((a, b) => b[1] - a[1])[0]![0] : ',';
}

/**
 * The pairs of a --map value. A header may hold a comma ("Role, title=ignore"): a piece without
 * "=" belongs to the pair after it.
 */
function mapPairs(map: string): string[] {
  const pairs: string[] = [];
  let pending = '';
  for (const piece of map.split(',')) {
    const joined = pending ? `${pending},${piece}` : piece;
    if (piece.includes('=')) {
      pairs.push(joined.trim());
      pending = '';
    } else pending = joined;
  }
  if (pending.trim()) pairs.push(pending.trim());
  return pairs;
}

/** The --map that says what every column holds: what a user writes when the import cannot tell. */
export function mapOption(columns: ColumnMapping[]): string {
  const value = columns
    .filter((c) => c.header)
    .map((c) => `${c.header}=${c.field ?? c.candidates?.[0] ?? 'ignore'}`)
    .join(',');
  // Single quotes keep $, ` and " literal in a POSIX shell; a ' inside is written '\''.
  return /["$`\\]/.test(value) ? `--map '${value.replace(/'/g, `'\\''`)}'` : `--map "${value}"`;
}

/** Columns → fields: --map first, then a guess from the header words; each field once. */
function mapColumns(
  header: string[],
  map: string | undefined,
  diagnostics: Diagnostic[],
  headerSpan: Span,
): ColumnMapping[] {
  const columns: ColumnMapping[] = header.map((h, column) => ({
    column,
    header: h.trim(),
    field: undefined,
    how: 'unmapped',
  }));
  const taken = new Set<Field>();
  for (const pair of mapPairs(map ?? '')) {
    const eq = pair.lastIndexOf('=');
    const head = pair.slice(0, eq).trim();
    const field = pair.slice(eq + 1).trim() as Field;
    if (eq < 0 || !FIELDS.includes(field)) {
      diagnostics.push(
        diag(
          'import/column',
          headerSpan,
          `--map "${pair}": ${eq < 0 ? 'write "Column header=field"' : `unknown field "${field}"`}`,
          { hint: `fields: ${FIELDS.join(', ')}` },
        ),
      );
      continue;
    }
    const c = columns.find((x) => x.header === head) ?? columns.find((x) => foldHeader(x.header) === foldHeader(head));
    if (!c) {
      const guess = closest(head, header);
      diagnostics.push(
        diag('import/column', headerSpan, `--map names the column "${head}", which the CSV does not have`, {
          hint: guess ? `did you mean "${guess}"?` : `columns: ${header.join(', ')}`,
        }),
      );
      continue;
    }
    c.field = field;
    c.how = 'given';
    if (field !== 'ignore') taken.add(field);
  }
  const free = (f: Field) => f === 'ignore' || !taken.has(f);
  const place = (c: ColumnMapping, field: Field) => {
    c.field = field;
    c.how = 'guessed';
    if (field !== 'ignore') taken.add(field);
  };
  const core = (c: ColumnMapping) => foldHeader(headerCore(c.header));
  // The kind question first (it names organisations), then exact header words (so "Contact
  // person" is not taken for the name).
  for (const c of columns)
    if (!c.field && free('kind') && KIND_QUESTION.some((re) => re.test(core(c)))) place(c, 'kind');
  for (const c of columns) {
    if (c.field) continue;
    const field = (Object.entries(EXACT) as [Field, string[]][]).find(
      ([f, words]) => free(f) && words.some((w) => foldHeader(w) === core(c)),
    )?.[0];
    if (field) place(c, field);
  }
  // Then words contained: a header reading like one field still free is that field; one reading
  // like several waits for the others to be placed, and is left for the user to say if it still does.
  const candidatesOf = (c: ColumnMapping) => CONTAINS.filter(([f, re]) => free(f) && re.test(core(c))).map(([f]) => f);
  for (let placed = true; placed;) {
    placed = false;
    for (const c of columns) {
      const candidates = c.field ? [] : candidatesOf(c);
      if (candidates.length === 1) {
        place(c, candidates[0]!);
        placed = true;
      }
    }
  }
  for (const c of columns) {
    const candidates = c.field ? [] : candidatesOf(c);
    if (candidates.length > 1) {
      c.how = 'uncertain';
      c.candidates = candidates;
    }
  }
  // A form for individuals ("Your name", "Email"): the person is the signatory.
  const person = columns.find((c) => c.field === 'person' && c.how === 'guessed');
  if (
    person &&
    !columns.some(
      (c) => c.field === 'name' || c.field === 'first_name' || c.field === 'last_name' || c.how === 'uncertain',
    )
  )
    person.field = 'name';
  return columns;
}
