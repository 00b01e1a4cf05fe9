import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { FileReader } from '../load/read-files.js';
import { validateFile } from '../load/validate.js';
import { messageDiagnostics } from '../diagnostics/message-diagnostics.js';
import { flattenYaml } from '../load/flatten-yaml.js';
import type { YamlFile } from '../load/yaml-file.js';
import { keyName } from '../model/translation-key.js';
import { checkMessage } from '../text/message.js';
import { deliveryStringsSchema, textArguments, type DeliveryStrings } from './delivery-strings.js';
import { textCalls } from './render-template.js';

/** The three delivery templates, by file name in templates/. */
export const TEMPLATE_FILES = { coverNote: 'cover-note.hbs', faxCover: 'fax-cover.hbs', email: 'email.hbs' } as const;
export type TemplateName = keyof typeof TEMPLATE_FILES;

/** A template's source text and where it came from (workspace-relative, or `(bundled) …`). */
export interface TemplateSource {
  file: string;
  text: string;
}

/** Everything delivery reads besides the project: wording per language and the templates. */
export interface DeliveryTexts {
  /** Delivery wording by locale code, for every language that has a delivery.yaml. */
  strings: Map<string, { strings: DeliveryStrings; file: string }>;
  templates: Record<TemplateName, TemplateSource | undefined>;
  /** Texts of the files read, by the path diagnostics use (for source lines). */
  files: Map<string, string>;
  diagnostics: Diagnostic[];
}

/** Root of the openletter package: its templates/ and locales/<lng>/delivery.yaml are the defaults. */
const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Reads templates/*.hbs and locales/<lng>/delivery.yaml from the workspace, falling back to the
 * files bundled with openletter for any the workspace lacks. The only disk access of delivery
 * before writing.
 */
export function loadDeliveryTexts(workspaceRoot: string, packageRoot = PACKAGE_ROOT): DeliveryTexts {
  const sources = [new FileReader(resolve(workspaceRoot))];
  if (resolve(packageRoot) !== resolve(workspaceRoot)) sources.push(new FileReader(resolve(packageRoot)));
  const label = (reader: FileReader, rel: string) => (reader === sources[0] ? rel : `(bundled) ${rel}`);
  const files = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];

  const templates = {} as Record<TemplateName, TemplateSource | undefined>;
  for (const [name, file] of Object.entries(TEMPLATE_FILES) as [TemplateName, string][]) {
    const rel = `templates/${file}`;
    const reader = sources.find((r) => r.exists(rel));
    const text = reader === undefined ? undefined : readTemplate(reader, rel);
    if (reader === undefined || text === undefined) {
      diagnostics.push(
        diag('delivery/template', undefined, `${rel} does not exist`, {
          hint: 'copy templates/ from the openletter package into the workspace',
        }),
      );
      templates[name] = undefined;
      continue;
    }
    templates[name] = { file: label(reader, rel), text };
    files.set(label(reader, rel), text);
  }

  const named = textCalls(Object.values(templates).flatMap((t) => (t ? [t.text] : [])));
  const strings = new Map<string, { strings: DeliveryStrings; file: string }>();
  // A workspace's own delivery.yaml wins, even when broken (its errors are reported, not bypassed).
  const seen = new Set<string>();
  for (const reader of sources) {
    for (const code of reader.list('locales', { dirs: true })) {
      const rel = `locales/${code}/delivery.yaml`;
      if (seen.has(code) || !reader.exists(rel)) continue;
      seen.add(code);
      const before = reader.diagnostics.length;
      const f = reader.yaml(rel, { required: false });
      const v = f ? validateFile(f, deliveryStringsSchema) : undefined;
      const found = [...reader.diagnostics.slice(before), ...(v?.diagnostics ?? [])];
      if (f && v?.value) found.push(...messageProblems(f, named));
      const shown = label(reader, rel);
      const text = reader.files.get(rel);
      if (text !== undefined) files.set(shown, text);
      diagnostics.push(...found.map((d) => (d.span ? { ...d, span: { ...d.span, file: shown } } : d)));
      if (v?.value) strings.set(code, { strings: v.value, file: shown });
    }
  }
  return { strings, templates, files, diagnostics };
}

/** Each text of a delivery.yaml that is not a valid message or uses an argument it is not given. */
function messageProblems(file: YamlFile, named: ReadonlyMap<string, ReadonlySet<string>>): Diagnostic[] {
  const out: Diagnostic[] = [];
  // flattenYaml keys texts as chrome ("chrome:cover_note.body"); keyName gives the path back.
  for (const [k, t] of flattenYaml(file, 'chrome').leaves) {
    const key = keyName(k);
    if (key.startsWith('language_names.')) continue; // names, not messages
    const problems = checkMessage(t.text, textArguments(key, named.get(key)));
    out.push(...messageDiagnostics(t, problems, `delivery text "${key}"`));
  }
  return out;
}

/** A template file's text (BOM dropped); undefined if it cannot be read. */
function readTemplate(reader: FileReader, relPath: string): string | undefined {
  try {
    const text = readFileSync(join(reader.root, relPath), 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}
