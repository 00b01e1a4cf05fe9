import type { Campaign, QuotationForm } from '../model/project.js';
import type { WrittenCampaign } from './schemas.js';
import { normalizeBody } from './normalize-body.js';
import { keySpanAt, sourcedAt, spanAt, type YamlFile } from './yaml-file.js';

/** Written campaign → resolved campaign. Never mutates its input. */
export function normalizeCampaign(file: YamlFile, c: WrittenCampaign): Campaign {
  const s = (path: (string | number)[], text: string) => sourcedAt(file, path, text);
  return {
    id: c.id,
    date: c.date,
    dateSpan: spanAt(file, ['date']),
    locales: [...c.locales],
    localesSpan: spanAt(file, ['locales']),
    paper: c.paper,
    title: s(['title'], c.title),
    params: new Map(
      Object.entries(c.params).map(([k, v]) => [
        k,
        typeof v === 'string' ? s(['params', k], v) : s(['params', k, 'name'], v.name),
      ]),
    ),
    paramForms: new Map(
      Object.entries(c.params).flatMap(([k, v]) =>
        typeof v === 'string'
          ? []
          : [[k, new Map(Object.entries(v).flatMap(([f, t]) => (f === 'name' ? [] : [[f, s(['params', k, f], t)]])))]],
      ),
    ),
    recipient: {
      kind: c.recipient.kind,
      name: s(['recipient', 'name'], c.recipient.name),
      addressAs:
        c.recipient.address_as === undefined ? undefined : s(['recipient', 'address_as'], c.recipient.address_as),
      styled: c.recipient.styled === undefined ? undefined : s(['recipient', 'styled'], c.recipient.styled),
      titles: c.recipient.titles.map((t, i) => s(['recipient', 'titles', i], t)),
      address: c.recipient.address.map((t, i) => s(['recipient', 'address', i], t)),
    },
    salutation: c.salutation === undefined ? undefined : s(['salutation'], c.salutation),
    opening: normalizeBody(file, ['opening'], c.opening),
    numberedSections: c.numbered_sections,
    sections: c.sections.map((sec, i) => ({
      heading: sec.heading === undefined ? undefined : s(['sections', i, 'heading'], sec.heading),
      intro: normalizeBody(file, ['sections', i, 'intro'], sec.intro),
      demands: sec.demands.map((ref, j) => {
        const [id, variant] = ref.split('@') as [string, string | undefined];
        return { id, variant, span: spanAt(file, ['sections', i, 'demands', j]) };
      }),
      outro: normalizeBody(file, ['sections', i, 'outro'], sec.outro),
    })),
    closing: normalizeBody(file, ['closing'], c.closing),
    signOff: c.sign_off,
    signOffSpan: spanAt(file, ['sign_off']),
    signatoryOrder: c.signatory_order,
    signatoryCountry: c.signatory_country,
    countryNames: new Map(Object.entries(c.country_names).map(([k, v]) => [k, s(['country_names', k], v)])),
    signatories: c.signatories.map((ref, i) => {
      const span = spanAt(file, ['signatories', i]);
      if (typeof ref === 'string') return { id: ref, span, as: undefined, sortAs: undefined, country: undefined };
      return {
        id: ref.id,
        span,
        as: ref.as === undefined ? undefined : s(['signatories', i, 'as'], ref.as),
        sortAs: ref.sort_as,
        country:
          ref.country === undefined || ref.country === false
            ? ref.country
            : s(['signatories', i, 'country'], ref.country),
      };
    }),
    signatoriesSpan: file.doc.has('signatories')
      ? keySpanAt(file, ['signatories'])
      : { file: file.path, start: 0, end: 1 },
    cc: c.cc.map((e, i) => ({
      name: s(['cc', i, 'name'], e.name),
      lines: e.lines.map((l, j) => s(['cc', i, 'lines', j], l)),
    })),
    quotations: c.quotations.map((q, i) => ({
      id: q.id,
      text: s(['quotations', i, 'text'], q.text),
      source: s(['quotations', i, 'source'], q.source),
      forms: new Map(
        Object.entries(q.languages).map(([lng, f]): [string, QuotationForm] => [
          lng,
          'official' in f
            ? {
                kind: 'official',
                text: s(['quotations', i, 'languages', lng, 'official'], f.official),
                source: s(['quotations', i, 'languages', lng, 'source'], f.source),
              }
            : { kind: 'unofficial', print: f.unofficial, span: spanAt(file, ['quotations', i, 'languages', lng]) },
        ]),
      ),
      span: spanAt(file, ['quotations', i]),
    })),
    missions: c.missions.map((id, i) => ({ id, span: spanAt(file, ['missions', i]) })),
    span: { file: file.path, start: 0, end: 1 },
  };
}
