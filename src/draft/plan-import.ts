import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Project, Signatory } from '../model/project.js';
import { compareNames, prepareName, type PreparedName } from '../text/name-match.js';
import type { SignOnRow } from './read-signon-csv.js';
import { idFromName } from './slug.js';

/** A roster entry the import creates (what signatories.yaml will hold). */
export interface NewEntry {
  id: string;
  name: string;
  kind: 'organisation' | 'individual';
  country?: string;
  contact?: { person?: string; email?: string };
  signed: string[];
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
  | { row: number; name: string; action: 'near'; candidates: { id: string; spelling: string; why: string }[] }
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
export function planImport(project: Project, rows: SignOnRow[], opts: PlanOptions): ImportPlan {
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
  const roster = [...project.signatories.values()].map((s) => ({ s, names: spellingsOf(project, s) }));
  const taken = new Set([...project.signatories.keys(), ...project.broken.signatories]);
  const seen: { row: number; name: PreparedName }[] = [];

  for (const r of rows) {
    const name = prepareName(r.name);
    // The same name again (up to case, accents, punctuation) is a repeated submission; a merely
    // similar one ("Kim Min-ji" / "Kim Min-jin") may be someone else: a person decides.
    const earlier = seen.find((x) => x.name.trimmed === name.trimmed || (!!name.norm && x.name.norm === name.norm));
    const similar = earlier ? undefined : seen.find((x) => compareNames(x.name, name));
    if (similar)
      plan.diagnostics.push(
        diag(
          'import/near-duplicate',
          r.span,
          `row ${r.row}: "${r.name}" looks like row ${similar.row}; imported as a separate signatory`,
          {
            hint: 'if they are the same body, delete one of the two rows',
          },
        ),
      );
    if (earlier) {
      plan.outcomes.push({ row: r.row, name: r.name, action: 'duplicate', firstRow: earlier.row });
      plan.diagnostics.push(
        diag('import/duplicate-row', r.span, `row ${r.row}: "${r.name}" repeats row ${earlier.row}; skipped`, {
          hint: 'delete one of the two rows',
        }),
      );
      continue;
    }
    seen.push({ row: r.row, name });
    const exact = roster.find((x) => x.names.some((n) => n.kind === 'name' && n.prepared.trimmed === name.trimmed));
    const alias = exact ?? roster.find((x) => x.names.some((n) => n.prepared.trimmed === name.trimmed));
    let target: Signatory | undefined = alias?.s;
    let how: 'exact' | 'alias' | 'near (accepted)' = exact ? 'exact' : 'alias';
    if (!target) {
      const candidates = roster
        .map((x) => {
          // The most telling spelling: a typo of an alias says more than an acronym of the name.
          let best: { id: string; spelling: string; why: string; rank: number } | undefined;
          for (const n of x.names) {
            const m = compareNames(n.prepared, name);
            const why = m && (m.kind === 'exact' ? 'same spelling' : m.why);
            const rank = why === undefined ? Infinity : why.includes('acronym') ? 2 : why.includes('spelling') ? 1 : 0;
            if (why !== undefined && (!best || rank < best.rank))
              best = { id: x.s.id, spelling: n.prepared.trimmed, why, rank };
          }
          return best && { id: best.id, spelling: best.spelling, why: best.why };
        })
        .filter((c): c is { id: string; spelling: string; why: string } => c !== undefined);
      if (candidates.length === 1 && opts.acceptNear) {
        target = project.signatories.get(candidates[0]!.id);
        how = 'near (accepted)';
        const aliases = plan.aliasAdds.get(candidates[0]!.id) ?? [];
        aliases.push(r.name);
        plan.aliasAdds.set(candidates[0]!.id, aliases);
      } else if (candidates.length) {
        plan.outcomes.push({ row: r.row, name: r.name, action: 'near', candidates });
        const list = candidates.map((c) => `"${c.spelling}" (${c.id}: ${c.why})`).join(', ');
        plan.diagnostics.push(
          diag('import/near-duplicate', r.span, `row ${r.row}: "${r.name}" looks like ${list}; not imported`, {
            hint:
              candidates.length > 1
                ? 'several entries match: correct the name in the CSV to the exact roster spelling of the one meant'
                : `if it is the same body, run again with --accept-near (the spelling becomes an alias); if not, change the name in the CSV`,
          }),
        );
        continue;
      }
    }
    if (target) {
      const already = signing.has(target.id) || plan.campaignAdds.includes(target.id);
      plan.outcomes.push({ row: r.row, name: r.name, action: 'existing', id: target.id, how, already });
      if (!already) plan.campaignAdds.push(target.id);
      if (opts.hasSigned?.has(target.id) && !plan.signedAdds.includes(target.id)) plan.signedAdds.push(target.id);
      const lacks = {
        person: target.contact?.person ? undefined : r.person,
        email: target.contact?.email ? undefined : r.email,
      };
      if (lacks.person || lacks.email) plan.contactAdds.set(target.id, clean(lacks));
      continue;
    }
    const id = idFromName(r.name, taken);
    taken.add(id);
    // Keys in the roster's usual order, `signed` last.
    const entry: NewEntry = {
      id,
      name: r.name,
      kind: r.kind,
      ...(r.country ? { country: r.country } : {}),
      ...(r.person || r.email ? { contact: clean({ person: r.person, email: r.email }) } : {}),
      signed: [opts.campaign],
    };
    plan.newEntries.push(entry);
    plan.campaignAdds.push(id);
    plan.outcomes.push({ row: r.row, name: r.name, action: 'new', id });
  }
  return plan;
}

function clean(c: { person?: string | undefined; email?: string | undefined }): { person?: string; email?: string } {
  const out: { person?: string; email?: string } = {};
  if (c.person) out.person = c.person;
  if (c.email) out.email = c.email;
  return out;
}

/** The spellings a row may match: the printed name, aliases, names in other languages. */
function spellingsOf(project: Project, s: Signatory): { kind: 'name' | 'alias'; prepared: PreparedName }[] {
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
