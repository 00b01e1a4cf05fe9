import { diag, scopeFrom, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Campaign, Project } from '../model/project.js';
import type { Span } from '../model/span.js';
import { closest } from '../util/closest.js';

/** Cross-file rules: every id a campaign names exists, and nothing is listed twice. */
export function checkReferences(p: Project): Diagnostic[] {
  const out: Diagnostic[] = [];
  const didYouMean = (word: string, known: Iterable<string>) => {
    const g = closest(word, known);
    return g ? `did you mean "${g}"?` : undefined;
  };
  for (const c of p.campaigns.values()) {
    const from = out.length;
    checkCampaign(p, c, out, didYouMean);
    scopeFrom(out, from, { kind: 'letter', campaign: c.id });
  }
  return out;
}

/** One campaign's references; problems about its missions concern their packets, the rest its letters. */
function checkCampaign(
  p: Project,
  c: Campaign,
  out: Diagnostic[],
  didYouMean: (word: string, known: Iterable<string>) => string | undefined,
): void {
  // The same wording listed twice would print its paragraphs twice: never what a letter means
  // (two variants of one block are two texts).
  const listed = new Map<string, Span>();
  for (const s of c.sections)
    for (const ref of s.demands) {
      const written = ref.variant ? `${ref.id}@${ref.variant}` : ref.id;
      const earlier = listed.get(written);
      if (earlier)
        out.push(
          diag('ref/duplicate-id', ref.span, `demand block "${written}" is listed twice in ${c.id}`, {
            related: [{ message: 'first listed here', span: earlier }],
            hint: 'remove one of the two (a block is printed once per listing)',
          }),
        );
      else listed.set(written, ref.span);
      const block = p.demands.get(ref.id);
      if (!block && p.broken.demands.has(ref.id)) continue;
      if (!block) {
        out.push(
          diag('ref/unknown-demand', ref.span, `unknown demand block "${ref.id}"`, {
            hint: didYouMean(ref.id, p.demands.keys()) ?? `add demands/${ref.id}.yaml`,
          }),
        );
      } else if (ref.variant && !block.variants.has(ref.variant)) {
        const known = [...block.variants.keys()];
        out.push(
          diag('ref/unknown-variant', ref.span, `demand block "${ref.id}" has no variant "${ref.variant}"`, {
            hint:
              didYouMean(ref.variant, known) ??
              (known.length ? `its variants: ${known.join(', ')}` : 'it has no variants; drop "@…"'),
          }),
        );
      }
    }
  const seen = new Map<string, Span>();
  for (const ref of c.signatories) {
    if (!p.signatories.has(ref.id) && !p.broken.signatories.has(ref.id)) {
      out.push(
        diag('ref/unknown-signatory', ref.span, `unknown signatory "${ref.id}"`, {
          hint: didYouMean(ref.id, p.signatories.keys()) ?? 'add it to signatories.yaml',
        }),
      );
    }
    const first = seen.get(ref.id);
    if (first)
      out.push(
        diag('signatory/duplicate', ref.span, `signatory "${ref.id}" is listed twice in ${c.id}`, {
          related: [{ message: 'first listed here', span: first }],
          hint: 'remove one of the two',
        }),
      );
    else seen.set(ref.id, ref.span);
  }
  for (const m of c.missions) {
    const mission = p.missions.get(m.id);
    if (!mission && p.broken.missions.has(m.id)) continue;
    if (!mission)
      out.push(
        diag('ref/unknown-mission', m.span, `unknown mission "${m.id}"`, {
          hint: didYouMean(m.id, p.missions.keys()) ?? 'add it to missions.yaml',
          scope: { kind: 'packet', mission: m.id },
        }),
      );
    else if (mission.status === 'closed')
      out.push(
        diag(
          'mission/closed',
          m.span,
          `mission "${m.id}" closed${mission.closedOn ? ` on ${mission.closedOn}` : ''}; nothing can be delivered there`,
          {
            hint: 'remove it from this campaign',
            related: [{ message: 'marked closed here', span: mission.span }],
            scope: { kind: 'packet', mission: m.id },
          },
        ),
      );
  }
  const twice = c.locales.filter((code, i) => c.locales.indexOf(code) !== i);
  for (const code of new Set(twice))
    out.push(
      diag('ref/duplicate-id', c.localesSpan, `campaign ${c.id} lists language "${code}" twice`, {
        hint: 'list each language once',
      }),
    );
  c.locales.forEach((code) => {
    if (!p.locales.has(code))
      out.push(
        diag(
          'ref/unknown-locale',
          c.localesSpan,
          `campaign ${c.id} asks for language "${code}", which has no locales/${code}/ folder`,
          {
            hint: didYouMean(code, p.locales.keys()) ?? `create locales/${code}/ (see README, "Adding a language")`,
            scope: { kind: 'letter', campaign: c.id, locale: code },
          },
        ),
      );
  });
}
