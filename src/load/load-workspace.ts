import { resolve } from 'node:path';
import { isMap, isScalar, isSeq } from 'yaml';
import type { Campaign, DemandBlock, Project, Workspace } from '../model/project.js';
import { diag, scopeFrom, type Result, type Scope } from '../diagnostics/diagnostic.js';
import { loadLocales } from './load-locales.js';
import { normalizeCampaign } from './normalize-campaign.js';
import { normalizeDemand } from './normalize-demand.js';
import { normalizeMission, normalizeSignatory } from './normalize-roster.js';
import { FileReader } from './read-files.js';
import type { FileSource } from './read-text-file.js';
import { z, type ZodType } from 'zod';
import type { Span } from '../model/span.js';
import { campaignSchema, demandSchema, missionSchema, signatorySchema, isSafeId, workspaceSchema } from './schemas.js';
import { validateFile, validateValue } from './validate.js';
import { keySpanAt, spanAt, type YamlFile } from './yaml-file.js';
import { checkReferences } from './check-references.js';
import { loadGlossary } from './load-glossary.js';
import { loadDelivery } from './load-delivery.js';
import { loadTemplates } from './load-templates.js';

/**
 * Read a workspace folder into a Project. Reports every problem it finds (syntax, schema,
 * cross-file references) and keeps going, so one run shows them all. Every file it reads comes
 * through `source`, or `packageSource` for the defaults openletter ships (workspace-cache.ts relies
 * on that).
 */
export function loadWorkspace(rootDir: string, source?: FileSource, packageSource?: FileSource): Result<Project> {
  const reader = new FileReader(resolve(rootDir), source);
  const broken: Project['broken'] = {
    demands: new Set(),
    campaigns: new Set(),
    signatories: new Set(),
    missions: new Set(),
  };
  const workspace = loadWorkspaceFile(reader);
  const demands = loadEach(reader, 'demands', demandSchema, normalizeDemand, broken.demands);
  const campaigns = loadEach(reader, 'campaigns', campaignSchema, normalizeCampaign, broken.campaigns, (id) => ({
    kind: 'letter',
    campaign: id,
  }));
  const signatories = loadList(
    reader,
    'signatories.yaml',
    'signatories',
    signatorySchema,
    normalizeSignatory,
    broken.signatories,
  );
  // The mission registry concerns delivery only: a broken record stops that mission's packet.
  const missions = reader.within({ kind: 'packet' }, () =>
    loadList(
      reader,
      'missions.yaml',
      'missions',
      missionSchema,
      (file, i, m) => normalizeMission(file, i, m, workspace.sourceLocale),
      broken.missions,
      false,
      (id) => ({
        kind: 'packet',
        mission: id,
      }),
    ),
  );
  const locales = loadLocales(reader);
  const glossary = loadGlossary(reader);
  const templates = reader.within({ kind: 'packet' }, () => loadTemplates(reader));
  const delivery = reader.within({ kind: 'packet' }, () => loadDelivery(reader, undefined, packageSource));
  const project: Project = {
    root: reader.root,
    workspace,
    campaigns,
    demands,
    signatories,
    missions,
    locales,
    files: reader.files,
    broken,
    glossary,
    templates,
    delivery,
  };
  reader.diagnostics.push(...checkReferences(project));
  return { value: project, diagnostics: reader.diagnostics };
}

function loadWorkspaceFile(reader: FileReader): Workspace {
  const fallback: Workspace = {
    name: '',
    shortName: '',
    returnAddress: [],
    contactEmail: undefined,
    sourceLocale: 'en',
  };
  const f = reader.yaml('workspace.yaml');
  if (!f) return fallback;
  const texts = topLevelTexts(f);
  const v = validateFile(f, workspaceSchema);
  reader.diagnostics.push(...v.diagnostics);
  if (!v.value) return { ...fallback, texts };
  return {
    name: v.value.name,
    shortName: v.value.short_name,
    returnAddress: v.value.return_address,
    contactEmail: v.value.contact_email,
    sourceLocale: v.value.source_locale,
    names: new Map(Object.entries(v.value.names ?? {})),
    returnAddressLocal: new Map(Object.entries(v.value.return_address_local ?? {})),
    nameSpan: spanAt(f, ['name']),
    texts,
  };
}

/** The strings at the top level of a YAML file, alone or in a list, each with its key and place. */
function topLevelTexts(f: YamlFile): NonNullable<Workspace['texts']> {
  const out: NonNullable<Workspace['texts']> = [];
  if (!isMap(f.doc.contents)) return out;
  for (const { key, value } of f.doc.contents.items) {
    if (!isScalar(key)) continue;
    for (const s of isSeq(value) ? value.items : [value])
      if (isScalar(s) && typeof s.value === 'string' && s.range)
        out.push({ key: String(key.value), text: s.value, span: { file: f.path, start: s.range[0], end: s.range[1] } });
  }
  return out;
}

/** One entity per file in a folder (campaigns/, demands/); the id must equal the file name. */
function loadEach<W extends { id: string }, T>(
  reader: FileReader,
  dir: string,
  schema: ZodType<W, unknown>,
  normalize: (f: YamlFile, w: W) => T,
  broken: Set<string>,
  scopeOf: (id: string) => Scope = () => ({ kind: 'workspace' }),
): Map<string, T> {
  const out = new Map<string, T>();
  const files = new Map<string, string>();
  for (const name of reader.list(dir)) {
    const stem = name.replace(/\.ya?ml$/, '');
    const rel = `${dir}/${name}`;
    const twin = files.get(stem);
    if (twin) {
      reader.diagnostics.push(
        diag('ref/duplicate-id', { file: rel, start: 0, end: 1 }, `"${stem}" is defined twice, by ${twin} and ${rel}`, {
          hint: 'delete or rename one of the two files',
        }),
      );
      continue;
    }
    files.set(stem, rel);
    // A file that exists but does not load still defines its id: references to it are not "unknown".
    broken.add(stem);
    const value = reader.within(scopeOf(stem), () => loadOne(reader, rel, name, stem, schema, normalize));
    if (value === undefined) continue;
    out.set(stem, value);
    broken.delete(stem);
  }
  return out;
}

function loadOne<W extends { id: string }, T>(
  reader: FileReader,
  rel: string,
  name: string,
  stem: string,
  schema: ZodType<W, unknown>,
  normalize: (f: YamlFile, w: W) => T,
): T | undefined {
  const f = reader.yaml(rel);
  if (!f) return undefined;
  if (!isSafeId(stem)) {
    reader.diagnostics.push(
      diag('file/unsafe-name', { file: rel, start: 0, end: 1 }, `file name "${name}" is not a safe id`, {
        hint: 'use lowercase letters, digits and "-" only, e.g. 2026-open-letter.yaml',
      }),
    );
    return undefined;
  }
  const v = validateFile(f, schema);
  reader.diagnostics.push(...v.diagnostics);
  if (!v.value) return undefined;
  if (v.value.id !== stem) {
    reader.diagnostics.push(
      diag('file/id-mismatch', spanAt(f, ['id']), `id "${v.value.id}" differs from the file name "${name}"`, {
        hint: `rename the file to ${v.value.id}.yaml or set id: ${stem}`,
      }),
    );
    return undefined;
  }
  return normalize(f, v.value);
}

/**
 * A file holding a list of entities (signatories.yaml, missions.yaml). Each entry is validated on
 * its own, so one bad entry does not hide the others; ids must be unique.
 */
function loadList<T extends { id: string; span: Span }, W>(
  reader: FileReader,
  rel: string,
  key: string,
  itemSchema: ZodType<W, unknown>,
  normalize: (f: YamlFile, i: number, w: W) => T,
  broken: Set<string>,
  required = true,
  scopeOf: (id: string) => Scope = () => ({ kind: 'workspace' }),
): Map<string, T> {
  const out = new Map<string, T>();
  const f = reader.yaml(rel, { required });
  if (!f) return out;
  const top = validateFile(f, z.strictObject({ [key]: z.array(z.unknown()) }));
  reader.diagnostics.push(...top.diagnostics);
  const items = (top.value?.[key] ?? []) as unknown[];
  items.forEach((raw, i) => {
    const rawId = (raw as { id?: unknown } | null)?.id;
    const from = reader.diagnostics.length;
    const v = validateValue(f, raw, itemSchema, [key, i]);
    reader.diagnostics.push(...v.diagnostics);
    if (!v.value) {
      if (typeof rawId === 'string') {
        broken.add(rawId);
        scopeFrom(reader.diagnostics, from, scopeOf(rawId));
      }
      return;
    }
    const item = normalize(f, i, v.value);
    const first = out.get(item.id);
    if (first) {
      // Either record may be the true one: the problem concerns whatever uses that id.
      reader.diagnostics.push(
        diag('ref/duplicate-id', keySpanAt(f, [key, i, 'id']), `"${item.id}" is defined twice`, {
          related: [{ message: 'first defined here', span: first.span }],
          hint: 'merge the two entries or give one a different id',
          scope: scopeOf(item.id),
        }),
      );
      return;
    }
    out.set(item.id, item);
  });
  return out;
}

export type { Campaign, DemandBlock };
