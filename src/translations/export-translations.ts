import type { Project } from '../model/project.js';
import { describeKey } from '../compose/source-texts.js';
import { sourceHash } from './source-hash.js';
import { paramFormTexts } from './param-form-units.js';
import { translationStatus } from './translation-status.js';
import type { UnitFile } from './translation-units.js';

/**
 * What a translator needs: the missing and stale texts of one language (or every text with
 * `all`), each with its English source, where it is used, and the current translation if any; a
 * stale text also with the English it was translated from, when recorded; and the forms of the
 * campaigns' parameters the language's texts ask for ({{country.in}}) that it does not write yet.
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
  const translations = project.locales.get(lng)?.translations;
  const forms = paramFormTexts(project, lng, opts.campaign)
    .filter((f) => opts.all || !translations?.has(f.key))
    .map((f) => {
      const target = translations?.get(f.key)?.text ?? '';
      return {
        key: f.key,
        context: `campaign ${f.campaign}: the form "${f.form}" of the parameter ${f.param}, which your texts ask for as ${f.asked.join(', ')}; not a translation of the English, but the words your language needs there, with its preposition, article or case ("au Bélarus", "в Беларуси")`,
        source: f.source.text,
        sourceHash: sourceHash(f.source.text),
        target,
        state: target ? ('translated' as const) : ('new' as const),
      };
    });
  return { sourceLanguage: project.workspace.sourceLocale, targetLanguage: lng, units: [...units, ...forms] };
}
