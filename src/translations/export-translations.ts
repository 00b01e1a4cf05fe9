import type { Project } from '../model/project.js';
import { describeKey } from '../compose/source-texts.js';
import { sourceHash } from './source-hash.js';
import { translationStatus } from './translation-status.js';
import type { UnitFile } from './translation-units.js';

/**
 * What a translator needs: the missing and stale texts of one language (or every text with
 * `all`), each with its English source, where it is used, and the current translation if any; a
 * stale text also with the English it was translated from, when recorded.
 */
export function exportUnits(project: Project, lng: string, opts: { campaign?: string; all?: boolean } = {}): UnitFile {
  const { rows } = translationStatus(project, opts.campaign ? { campaign: opts.campaign } : {});
  const units = rows
    .filter((r) => r.locale === lng && (opts.all || r.state !== 'translated'))
    .filter((r) => opts.all || r.usedBy.length > 0 || r.state === 'missing')
    .map((r) => ({
      key: r.key,
      context: `${describeKey(project, r.key)}${r.usedBy.length ? `; used in ${r.usedBy.join(', ')}` : '; not used by any campaign yet'}${r.state === 'stale' ? `; STALE: the English changed since this was translated${r.sourceThen === undefined ? ' (the earlier English was not recorded)' : ''}` : ''}`,
      source: r.source.text,
      sourceHash: sourceHash(r.source.text),
      target: r.translation?.text ?? '',
      ...(r.sourceThen === undefined ? {} : { previousSource: r.sourceThen }),
      state:
        r.state === 'missing'
          ? ('new' as const)
          : r.state === 'translated'
            ? ('translated' as const)
            : ('needs-review' as const),
    }));
  return { sourceLanguage: project.workspace.sourceLocale, targetLanguage: lng, units };
}
