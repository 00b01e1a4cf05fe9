import type { GlossaryTerm } from '../model/project.js';
import { diag } from '../diagnostics/diagnostic.js';
import type { FileReader } from './read-files.js';
import { glossarySchema } from './schemas.js';
import { validateFile } from './validate.js';
import { spanAt } from './yaml-file.js';

/** glossary.yaml (optional): preferred terms and their variants. A variant listed twice, or also preferred, is reported. */
export function loadGlossary(reader: FileReader): GlossaryTerm[] {
  const f = reader.yaml('glossary.yaml', { required: false });
  if (!f) return [];
  const v = validateFile(f, glossarySchema);
  reader.diagnostics.push(...v.diagnostics);
  if (!v.value) return [];
  const terms = v.value.terms.map((t, i): GlossaryTerm => ({
    preferred: t.preferred,
    variants: t.variants,
    languages: t.languages ?? [],
    note: t.note,
    span: spanAt(f, ['terms', i, 'preferred']),
  }));
  const preferred = new Set(terms.map((t) => t.preferred.toLowerCase()));
  const seen = new Set<string>();
  terms.forEach((t, i) =>
    t.variants.forEach((variant, j) => {
      const k = `${t.languages.join(',')}|${variant.toLowerCase()}`;
      const problem = preferred.has(variant.toLowerCase())
        ? 'is also a preferred term'
        : seen.has(k)
          ? 'is listed twice'
          : undefined;
      seen.add(k);
      if (problem)
        reader.diagnostics.push(
          diag('glossary/invalid', spanAt(f, ['terms', i, 'variants', j]), `variant "${variant}" ${problem}`, {
            hint: 'a spelling is either preferred or a variant of one term',
          }),
        );
    }),
  );
  return terms;
}
