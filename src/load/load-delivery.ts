import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diag } from '../diagnostics/diagnostic.js';
import { nodeIo } from '../io/node-io.js';
import {
  TEMPLATE_FILES,
  type DeliveryTexts,
  type DeliveryWording,
  type TemplateName,
  type TemplateSource,
} from '../model/project.js';
import { keyName } from '../model/translation-key.js';
import { deliveryStringsSchema } from './delivery-schema.js';
import { flattenYaml } from './flatten-yaml.js';
import { FileReader } from './read-files.js';
import type { FileSource } from './read-text-file.js';
import { validateFile } from './validate.js';

/** Root of the openletter package: its templates/ and locales/<lng>/delivery.yaml are the defaults. */
const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * templates/*.hbs and locales/<lng>/delivery.yaml: the workspace's, else the ones openletter ships
 * (read from the installed package, their paths shown as "(bundled) …"). A workspace's own
 * delivery.yaml wins even when broken: its errors are reported, not bypassed. Problems and file
 * texts go to `reader`, as for every workspace file.
 */
export function loadDelivery(
  reader: FileReader,
  packageRoot = PACKAGE_ROOT,
  packageSource: FileSource = nodeIo(),
): DeliveryTexts {
  const readers = [reader];
  if (resolve(packageRoot) !== resolve(reader.root))
    readers.push(new FileReader(packageRoot, packageSource, '(bundled) '));

  const templates = {} as Record<TemplateName, TemplateSource | undefined>;
  for (const [name, file] of Object.entries(TEMPLATE_FILES) as [TemplateName, string][]) {
    const rel = `templates/${file}`;
    const from = readers.find((r) => r.exists(rel));
    const text = from?.text(rel);
    templates[name] = from && text !== undefined ? { file: from.label + rel, text } : undefined;
    if (!from)
      reader.diagnostics.push(
        diag('delivery/template', undefined, `${rel} does not exist`, {
          hint: 'copy templates/ from the openletter package into the workspace',
        }),
      );
  }

  const wordings = new Map<string, DeliveryWording>();
  const seen = new Set<string>();
  for (const r of readers)
    for (const code of r.list('locales', { dirs: true })) {
      const rel = `locales/${code}/delivery.yaml`;
      if (seen.has(code) || !r.exists(rel)) continue;
      seen.add(code);
      const f = r.yaml(rel);
      const v = f && validateFile(f, deliveryStringsSchema);
      reader.diagnostics.push(...(v?.diagnostics ?? []));
      if (!f || !v?.value) continue;
      // flattenYaml keys every leaf in a namespace ("chrome:cover_note.body"); keyName gives back its path.
      const texts = new Map([...flattenYaml(f, 'chrome').leaves].map(([k, t]) => [keyName(k), t]));
      for (const k of texts.keys()) if (k.startsWith('language_names.')) texts.delete(k);
      wordings.set(code, { file: f.path, texts, languageNames: new Map(Object.entries(v.value.language_names ?? {})) });
    }
  for (const r of readers.slice(1)) {
    reader.diagnostics.push(...r.diagnostics.splice(0));
    for (const [path, text] of r.files) reader.files.set(path, text);
  }
  return { wordings, templates };
}
