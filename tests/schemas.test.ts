import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SCHEMA_GLOBS } from '../src/draft/init-workspace.js';
import { knownFontIds } from '../src/fonts/font-files.js';
import { MINI, REPO, readText, runCli, tempWorkspace } from './helpers/workspace.js';

/** One ajv per schema folder: the JSON Schemas as an editor's YAML language server would use them. */
function validators(schemaDir: string) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return new Map(
    Object.keys(SCHEMA_GLOBS).map((name) => [
      name,
      ajv.compile(JSON.parse(readFileSync(join(schemaDir, `${name}.schema.json`), 'utf8'))),
    ]),
  );
}

/** The files of a workspace that each schema's globs match (`*` is one path segment). */
function filesFor(root: string, globs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string, parts: string[]) => {
    const [head, ...rest] = parts;
    const re = new RegExp(`^${head!.replace(/\./g, '\\.').replace(/\*/g, '[^/]*')}$`);
    for (const name of readdirSync(join(root, dir))) {
      if (!re.test(name)) continue;
      const rel = dir ? `${dir}/${name}` : name;
      if (rest.length) {
        try {
          walk(rel, rest);
        } catch {
          // a file where a folder was expected
        }
      } else out.push(rel);
    }
  };
  for (const g of globs) walk('', g.split('/'));
  return out.sort();
}

function expectValid(root: string, schemaDir: string): number {
  const v = validators(schemaDir);
  let n = 0;
  for (const [name, globs] of Object.entries(SCHEMA_GLOBS))
    for (const rel of filesFor(root, globs)) {
      const validate = v.get(name)!;
      const ok = validate(parse(readFileSync(join(root, rel), 'utf8')));
      expect(ok, `${rel} against ${name}.schema.json: ${JSON.stringify(validate.errors)}`).toBe(true);
      n++;
    }
  return n;
}

describe('the JSON Schemas accept what the tool accepts', () => {
  it('every file of the bundled workspace validates against its schema (ajv, draft 2020-12)', () => {
    expect(expectValid(REPO, join(REPO, 'schemas'))).toBeGreaterThan(45);
  });
  it('every file of an init workspace validates against the schemas init copied', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'openletter-schemas-')), 'ws');
    expect((await runCli(['init', dir])).code).toBe(0);
    expect(expectValid(dir, join(dir, 'schemas'))).toBeGreaterThan(40);
    // The editor settings map the same globs to the same schemas.
    const settings = JSON.parse(readFileSync(join(dir, '.vscode/settings.json'), 'utf8'));
    expect(settings['yaml.schemas']).toEqual(
      Object.fromEntries(Object.entries(SCHEMA_GLOBS).map(([name, globs]) => [`./schemas/${name}.schema.json`, globs])),
    );
  });
});

describe('the JSON Schemas reject what the tool rejects', () => {
  const v = validators(join(REPO, 'schemas'));
  const file = (rel: string) => parse(readFileSync(join(MINI, rel), 'utf8')) as Record<string, unknown>;
  const campaign = () => file('campaigns/2020-test-letter.yaml');
  it.each([
    [
      'a missing required field (tests/errors/missing-field)',
      'campaign',
      () => ({ ...campaign(), sign_off: undefined }),
    ],
    ['a mistyped key (tests/errors/unknown-key)', 'demand', () => ({ ...file('demands/join-ilo.yaml'), titel: 'x' })],
    [
      'a value of the wrong type (tests/errors/wrong-type)',
      'campaign',
      () => ({ ...campaign(), numbered_sections: 'yes please' }),
    ],
    ['a value out of a closed set (tests/errors/wrong-type)', 'campaign', () => ({ ...campaign(), paper: 'A5' })],
    [
      'an id unsafe as a file name (tests/errors/unsafe-id)',
      'signatories',
      () => {
        const r = file('signatories.yaml') as { signatories: { id: string }[] };
        r.signatories[0]!.id = '../han-voice';
        return r;
      },
    ],
    ['an impossible date', 'campaign', () => ({ ...campaign(), date: '2018-02-30' })],
    [
      'a country code that is not ISO 3166-1',
      'missions',
      () => {
        const m = file('missions.yaml') as { missions: { country: string }[] };
        m.missions[0]!.country = 'UK';
        return m;
      },
    ],
    ['a font that is not bundled', 'locale', () => ({ ...file('locales/ko/locale.yaml'), fonts: ['comic-sans'] })],
  ])('%s', (_, schema, make) => {
    const value = JSON.parse(JSON.stringify(make())); // drops undefined, as YAML would not have the key
    expect(v.get(schema)!(value)).toBe(false);
  });
});

describe('the tool refuses what the schema refuses', () => {
  it('a country code that is not ISO 3166-1 (UK for GB) is a located error in check too', async () => {
    const ws = tempWorkspace(MINI, {
      'missions.yaml': readText(join(MINI, 'missions.yaml')).replace(/country: GB/, 'country: UK'),
    });
    const r = await runCli(['check'], { cwd: ws });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^missions\.yaml:\d+:\d+: error: .*is not an ISO 3166-1 alpha-2 country code/m);
  });
});

describe('the JSON Schemas explain every field', () => {
  it('every property of every schema has a description (shown on hover)', () => {
    const missing: string[] = [];
    const visit = (node: unknown, path: string) => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      for (const [k, child] of Object.entries((n.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        if (typeof child.description !== 'string' || !child.description) missing.push(`${path}.${k}`);
        visit(child, `${path}.${k}`);
      }
      for (const k of ['items', 'additionalProperties']) visit(n[k], `${path}[]`);
      for (const k of ['anyOf', 'oneOf', 'allOf'])
        for (const [i, c] of ((n[k] ?? []) as unknown[]).entries()) visit(c, `${path}|${i}`);
    };
    for (const f of readdirSync(join(REPO, 'schemas')))
      visit(JSON.parse(readFileSync(join(REPO, 'schemas', f), 'utf8')), f);
    expect(missing).toEqual([]);
  });
  it('dates are format: date, fonts a bundled font id or a font file under fonts/', () => {
    const campaign = JSON.parse(readFileSync(join(REPO, 'schemas/campaign.schema.json'), 'utf8'));
    expect(campaign.properties.date).toMatchObject({ type: 'string', format: 'date' });
    const locale = JSON.parse(readFileSync(join(REPO, 'schemas/locale.schema.json'), 'utf8'));
    const [name, faces] = locale.properties.fonts.items.anyOf;
    expect(name.anyOf[0].enum).toEqual(knownFontIds());
    expect(new RegExp(name.anyOf[1].pattern).test('fonts/NotoSansThai-Regular.ttf')).toBe(true);
    expect(new RegExp(name.anyOf[1].pattern).test('../NotoSansThai-Regular.ttf')).toBe(false);
    expect(faces.required).toEqual(['regular']);
  });
});
