import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Project, Signatory } from '../model/project.js';
import { NameIndex } from '../text/name-index.js';
import { compareNames, prepareName, type PreparedName } from '../text/name-match.js';
import type { SignOnRow } from './read-signon-csv.js';
import { idFromName } from './slug.js';

/** A roster entry the import creates (what signatories.yaml will hold). */
export interface NewEntry {
  id: string;
  name: string;
  kind: 'organisation' | 'individual';
  country?: string;
  /** Spellings of later rows accepted as this entry (--accept-near). */
  aliases?: string[];
  contact?: { person?: string; email?: string };
  signed: string[];
}

/** What a near-duplicate row looks like: a roster entry, or an earlier row of the same file. */
export interface NearCandidate {
  /** The roster entry; absent for an earlier row not yet in the roster. */
  id?: string;
  /** The earlier row, when the likeness is within the file. */
  row?: number;
  spelling: string;
  why: string;
}

/** What happened to one CSV row. */
export type RowOutcome =
  | { row: number; name: string; action: 'new'; id: string }
  | {
      row: number;
      name: string;
      action: 'existing';
      id: string;
      how: 'exact' | 'alias' | 'near (accepted)';
      already: boolean;
    }
  | { row: number; name: string; action: 'near'; candidates: NearCandidate[] }
  | { row: number; name: string; action: 'duplicate'; firstRow: number };

/** Everything an import would change; computed without touching the disk. */
export interface ImportPlan {
  campaign: string;
  outcomes: RowOutcome[];
  /** New roster entries, in CSV order. */
  newEntries: NewEntry[];
  /** Ids to append to the campaign's `signatories:` list, in CSV order. */
  campaignAdds: string[];
  /** Per existing roster entry: spellings to add to its aliases (accepted near-duplicates). */
  aliasAdds: Map<string, string[]>;
  /** Per existing roster entry: contact details it lacked. */
  contactAdds: Map<string, { person?: string; email?: string }>;
  /** Existing entries whose `signed:` list gets the campaign. */
  signedAdds: string[];
  diagnostics: Diagnostic[];
}

export interface PlanOptions {
  campaign: string;
  /** Accept near-duplicates of roster entries as those entries. */
  acceptNear?: boolean;
  /** The roster file's parsed `signed:` presence per id (entries without it are left alone). */
  hasSigned?: ReadonlySet<string>;
}

/**
 * Match sign-on rows against the roster and the campaign: exact spelling or alias → that entry;
 * a near-duplicate → reported for a person to decide (or taken with `acceptNear`); otherwise a new
 * entry. Rows repeating an earlier row are skipped. Pure.
 */
export function planSignatoryImport(project: Project, rows: SignOnRow[], opts: PlanOptions): ImportPlan {
  const plan: ImportPlan = {
    campaign: opts.campaign,
    outcomes: [],
    newEntries: [],
    campaignAdds: [],
    aliasAdds: new Map(),
    contactAdds: new Map(),
    signedAdds: [],
    diagnostics: [],
  };
  const campaign = project.campaigns.get(opts.campaign);
  const signing = new Set(campaign?.signatories.map((r) => r.id) ?? []);
  const roster = new Roster(project);
  const taken = new Set([...project.signatories.keys(), ...project.broken.signatories]);
  const seen = new Rows(roster.index);
  const adding = new Set<string>();
  const signedAdding = new Set<string>();
  const fresh = new Map<string, NewEntry>();
  const emailOf = (e: string | undefined) => e?.trim().toLowerCase() || undefined;

  // One verdict per row: a repeat, an existing entry, a near-duplicate (not imported), or new.
  for (const r of rows) {
    const name = prepareName(r.name);
    const email = emailOf(r.email);
    // The same name again (up to case, accents, punctuation) is a repeated submission.
    const earlier = seen.repeated(name);
    if (earlier) {
      plan.outcomes.push({ row: r.row, name: r.name, action: 'duplicate', firstRow: earlier.row });
      plan.diagnostics.push(
        diag('import/duplicate-row', r.span, `row ${r.row}: "${r.name}" repeats row ${earlier.row}; skipped`, {
          hint: 'delete one of the two rows',
        }),
      );
      continue;
    }
    const exact = roster.byName.get(name.trimmed);
    let target: Signatory | undefined = exact ?? roster.bySpelling.get(name.trimmed);
    let how: 'exact' | 'alias' | 'near (accepted)' = exact ? 'exact' : 'alias';
    let joinsRow: SeenRow | undefined;
    if (!target) {
      const inRoster = roster.candidates(name, email);
      // An earlier row that became one of those entries says nothing more.
      const inFile = seen.candidates(name, email).filter((c) => !inRoster.some((x) => x.id === c.id));
      const candidates = [...inRoster, ...inFile];
      const only = candidates.length === 1 ? candidates[0]! : undefined;
      if (only && opts.acceptNear && only.id !== undefined && only.row === undefined) {
        target = project.signatories.get(only.id);
        how = 'near (accepted)';
        plan.aliasAdds.set(only.id, [...(plan.aliasAdds.get(only.id) ?? []), r.name]);
      } else if (only && opts.acceptNear && seen.at(only.row!)?.id) {
        joinsRow = seen.at(only.row!);
      } else if (inRoster.length) {
        plan.outcomes.push({ row: r.row, name: r.name, action: 'near', candidates });
        plan.diagnostics.push(nearDiagnostic(r, candidates));
        seen.add({ row: r.row, name, email, id: undefined });
        continue;
      } else if (inFile.length)
        // Like an earlier row only: two people may be called "Kim Min-ji" and "Kim Min-jin", and
        // one person may sign for themselves and for their organisation from one address.
        plan.diagnostics.push(
          diag(
            'import/near-duplicate',
            r.span,
            `row ${r.row}: "${r.name}" looks like ${inFile.map((c) => `row ${c.row} (${c.why})`).join(', ')}; imported as a separate signatory`,
            { hint: 'if they are the same body, delete one of the two rows, or run again with --accept-near' },
          ),
        );
    }
    if (joinsRow) {
      // Accepted as the body of an earlier row: that row's entry, this spelling one of its aliases.
      const id = joinsRow.id!;
      const entry = fresh.get(id);
      if (entry) entry.aliases = [...(entry.aliases ?? []), r.name];
      else plan.aliasAdds.set(id, [...(plan.aliasAdds.get(id) ?? []), r.name]);
      plan.outcomes.push({ row: r.row, name: r.name, action: 'existing', id, how: 'near (accepted)', already: true });
      seen.add({ row: r.row, name, email, id });
      continue;
    }
    if (target) {
      const already = signing.has(target.id) || adding.has(target.id);
      plan.outcomes.push({ row: r.row, name: r.name, action: 'existing', id: target.id, how, already });
      seen.add({ row: r.row, name, email, id: target.id });
      if (!already) {
        plan.campaignAdds.push(target.id);
        adding.add(target.id);
      }
      if (opts.hasSigned?.has(target.id) && !signedAdding.has(target.id)) {
        plan.signedAdds.push(target.id);
        signedAdding.add(target.id);
      }
      const lacks = {
        person: target.contact?.person ? undefined : r.person,
        email: target.contact?.email ? undefined : r.email,
      };
      if (lacks.person || lacks.email) plan.contactAdds.set(target.id, clean(lacks));
      continue;
    }
    const id = idFromName(r.name, taken);
    taken.add(id);
    seen.add({ row: r.row, name, email, id });
    const entry: NewEntry = {
      id,
      name: r.name,
      kind: r.kind,
      ...(r.country ? { country: r.country } : {}),
      ...(r.person || r.email ? { contact: clean({ person: r.person, email: r.email }) } : {}),
      signed: [opts.campaign],
    };
    plan.newEntries.push(entry);
    fresh.set(id, entry);
    plan.campaignAdds.push(id);
    adding.add(id);
    plan.outcomes.push({ row: r.row, name: r.name, action: 'new', id });
  }
  return plan;
}

type Spelling = { kind: 'name' | 'alias'; prepared: PreparedName };

/** The roster, indexed by every spelling of its entries and by contact e-mail address. */
class Roster {
  private readonly entries: { s: Signatory; names: Spelling[] }[];
  /** The first entry (in roster order) printed under a spelling, and the first with it as any spelling. */
  readonly byName = new Map<string, Signatory>();
  readonly bySpelling = new Map<string, Signatory>();
  readonly index = new NameIndex();
  private readonly byEmail = new Map<string, number[]>();

  constructor(project: Project) {
    this.entries = [...project.signatories.values()].map((s) => ({ s, names: spellingsOf(project, s) }));
    this.entries.forEach(({ s, names }, i) => {
      for (const n of names) {
        if (n.kind === 'name' && !this.byName.has(n.prepared.trimmed)) this.byName.set(n.prepared.trimmed, s);
        if (!this.bySpelling.has(n.prepared.trimmed)) this.bySpelling.set(n.prepared.trimmed, s);
        this.index.add(n.prepared, i);
      }
      const email = s.contact?.email?.trim().toLowerCase();
      if (email) this.byEmail.set(email, [...(this.byEmail.get(email) ?? []), i]);
    });
  }

  /**
   * Roster entries a row looks like, in roster order: a similar spelling (the most telling one: a
   * typo of an alias says more than an acronym of the name), or the same contact e-mail address
   * under another name.
   */
  candidates(name: PreparedName, email: string | undefined): NearCandidate[] {
    const out: NearCandidate[] = [];
    const sameEmail = (email && this.byEmail.get(email)) || [];
    for (const i of [...new Set([...this.index.candidates(name), ...sameEmail])].sort((a, b) => a - b)) {
      const x = this.entries[i]!;
      let best: (NearCandidate & { rank: number }) | undefined;
      for (const n of x.names) {
        const m = compareNames(n.prepared, name);
        const why = m && (m.kind === 'exact' ? 'same spelling' : m.why);
        const rank = why === undefined ? Infinity : why.includes('acronym') ? 2 : why.includes('spelling') ? 1 : 0;
        if (why !== undefined && (!best || rank < best.rank))
          best = { id: x.s.id, spelling: n.prepared.trimmed, why, rank };
      }
      if (!best && sameEmail.includes(i))
        best = { id: x.s.id, spelling: x.s.name.text, why: 'the same contact e-mail address', rank: 3 };
      if (best) out.push({ id: best.id, spelling: best.spelling, why: best.why });
    }
    return out;
  }
}

/** A row so far, with the roster entry it became (the entry a later near-duplicate would join). */
interface SeenRow {
  row: number;
  name: PreparedName;
  email: string | undefined;
  id: string | undefined;
}

/** The rows planned so far, indexed like the roster. */
class Rows {
  private readonly rows: SeenRow[] = [];
  private readonly byRow = new Map<number, SeenRow>();
  private readonly firstByTrimmed = new Map<string, number>();
  private readonly firstByNorm = new Map<string, number>();
  private readonly index: NameIndex;
  private readonly byEmail = new Map<string, number[]>();

  /** The rows' index shares the roster's words: each row's name is read once. */
  constructor(roster: NameIndex) {
    this.index = new NameIndex(roster);
  }

  add(x: SeenRow): void {
    const i = this.rows.length;
    this.rows.push(x);
    this.byRow.set(x.row, x);
    if (!this.firstByTrimmed.has(x.name.trimmed)) this.firstByTrimmed.set(x.name.trimmed, i);
    if (!this.firstByNorm.has(x.name.norm)) this.firstByNorm.set(x.name.norm, i);
    this.index.add(x.name, i);
    if (x.email) this.byEmail.set(x.email, [...(this.byEmail.get(x.email) ?? []), i]);
  }

  at(row: number): SeenRow | undefined {
    return this.byRow.get(row);
  }

  /** The first earlier row with the same name, up to case, accents and punctuation. */
  repeated(name: PreparedName): SeenRow | undefined {
    const a = this.firstByTrimmed.get(name.trimmed);
    const b = name.norm ? this.firstByNorm.get(name.norm) : undefined;
    const first = a === undefined ? b : b === undefined ? a : Math.min(a, b);
    return first === undefined ? undefined : this.rows[first];
  }

  /** Earlier rows a row looks like ("Kim Min-ji" / "Kim Min-jin", or one e-mail address), in order. */
  candidates(name: PreparedName, email: string | undefined): NearCandidate[] {
    const out: NearCandidate[] = [];
    const sameEmail = (email && this.byEmail.get(email)) || [];
    for (const i of [...new Set([...this.index.candidates(name), ...sameEmail])].sort((a, b) => a - b)) {
      const x = this.rows[i]!;
      const m = compareNames(x.name, name);
      const why = m
        ? m.kind === 'exact'
          ? 'same spelling'
          : m.why
        : email && x.email === email
          ? 'the same e-mail address'
          : undefined;
      if (why) out.push({ ...(x.id ? { id: x.id } : {}), row: x.row, spelling: x.name.trimmed, why });
    }
    return out;
  }
}

/** The one message of a near-duplicate row: what it looks like, and how to decide. */
function nearDiagnostic(r: SignOnRow, candidates: NearCandidate[]): Diagnostic {
  // The e-mail address itself is contact data: the reason names only that it is shared.
  const list = candidates
    .map((c) => `"${c.spelling}" (${c.row !== undefined ? `row ${c.row}` : c.id}: ${c.why})`)
    .join(', ');
  return diag('import/near-duplicate', r.span, `row ${r.row}: "${r.name}" looks like ${list}; not imported`, {
    hint:
      candidates.length > 1
        ? 'several match: correct the name in the CSV to the exact spelling of the one meant, or delete the row'
        : `if it is the same body, run again with --accept-near (the spelling becomes an alias); if not, change the name in the CSV`,
  });
}

function clean(c: { person?: string | undefined; email?: string | undefined }): { person?: string; email?: string } {
  const out: { person?: string; email?: string } = {};
  if (c.person) out.person = c.person;
  if (c.email) out.email = c.email;
  return out;
}

/** The spellings a row may match: the printed name, aliases, names in other languages. */
function spellingsOf(project: Project, s: Signatory): Spelling[] {
  const other = [...s.aliases, ...s.names.values()];
  for (const l of project.locales.values()) {
    const local = l.signatoryNames.get(s.id);
    if (local) other.push(local.name);
  }
  return [
    { kind: 'name' as const, prepared: prepareName(s.name.text) },
    ...other.map((a) => ({ kind: 'alias' as const, prepared: prepareName(a) })),
  ];
}
