import { diag, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Signatory } from '../../model/project.js';
import type { Span } from '../../model/span.js';
import { isSignedPlace } from '../../text/country-names.js';
import { languageName } from '../../text/language-setting.js';
import { compareNames, prepareName, type PreparedName } from '../../text/name-match.js';
import type { Rule } from './rule.js';
import { checkScope } from './scope.js';

/** Every spelling of a roster entry, prepared for comparison: its printed name and its aliases. */
export function spellings(s: Signatory): PreparedName[] {
  return [s.name.text, ...s.aliases].map(prepareName);
}

/** Why two entries (given by their prepared spellings) look like the same body, or undefined. */
export function sameBody(a: PreparedName[], b: PreparedName[]): { a: string; b: string; why: string } | undefined {
  for (const x of a)
    for (const y of b) {
      const m = compareNames(x, y);
      if (m) return { a: x.trimmed, b: y.trimmed, why: m.kind === 'exact' ? 'the same spelling' : m.why };
    }
  return undefined;
}

/**
 * signatory/near-duplicate: two roster entries that look like one body, and one letter listing two
 * such entries. (The same id listed twice is signatory/duplicate, reported when loading.)
 */
export const nearDuplicateSignatories: Rule = (ctx) => {
  const { project } = ctx;
  const scope = checkScope(ctx);
  const out: Diagnostic[] = [];
  const roster = [...project.signatories.values()];
  const prepared = roster.map(spellings);
  const pairs = new Map<string, { why: string; a: string; b: string }>();
  for (let i = 0; i < roster.length; i++)
    for (let j = i + 1; j < roster.length; j++) {
      const m = sameBody(prepared[i]!, prepared[j]!) ?? sameEmail(roster[i]!, roster[j]!);
      if (m) pairs.set(`${roster[i]!.id}|${roster[j]!.id}`, m);
    }
  const pairOf = (x: string, y: string) => pairs.get(`${x}|${y}`) ?? flip(pairs.get(`${y}|${x}`));
  if (scope.whole)
    for (let i = 0; i < roster.length; i++)
      for (let j = i + 1; j < roster.length; j++) {
        const [a, b] = [roster[i]!, roster[j]!];
        const m = pairOf(a.id, b.id);
        if (!m) continue;
        out.push(
          diag(
            'signatory/near-duplicate',
            b.name.span,
            `roster entries "${a.id}" and "${b.id}" look like the same body: "${m.a}" / "${m.b}" (${m.why})`,
            {
              related: [{ message: `"${a.id}" is here`, span: a.name.span }],
              hint: `if they are one body, keep one entry, add the other spelling to its aliases, and replace "${b.id}" in every campaign`,
            },
          ),
        );
      }
  for (const c of project.campaigns.values()) {
    if (!scope.campaigns.has(c.id)) continue;
    const listed: { id: string; span: Span }[] = [];
    for (const ref of c.signatories) {
      for (const prev of listed) {
        if (prev.id === ref.id) continue;
        const m = pairOf(prev.id, ref.id);
        if (m)
          out.push(
            diag(
              'signatory/near-duplicate',
              ref.span,
              `"${ref.id}" and "${prev.id}" in ${c.id} look like the same body: "${m.b}" / "${m.a}" (${m.why})`,
              {
                related: [{ message: `"${prev.id}" is listed here`, span: prev.span }],
                hint: 'if they are one body, list it once',
              },
            ),
          );
      }
      if (project.signatories.has(ref.id)) listed.push(ref);
    }
  }
  return out;
};

/** Two entries with one contact address, whatever their names: a typo'd second sign-on, usually. */
function sameEmail(a: Signatory, b: Signatory): { a: string; b: string; why: string } | undefined {
  const [x, y] = [a.contact?.email?.trim().toLowerCase(), b.contact?.email?.trim().toLowerCase()];
  // The address itself is contact data: the message names only that it is shared.
  return x && x === y ? { a: a.name.text, b: b.name.text, why: 'the same contact e-mail address' } : undefined;
}

function flip(m: { why: string; a: string; b: string } | undefined) {
  return m && { why: m.why, a: m.b, b: m.a };
}

/**
 * signatory/unknown-spelling: a letter signed "as" a name the roster does not know for that body;
 * as an alias it keeps matching sign-on forms and near-duplicates.
 */
export const unknownSignedSpelling: Rule = (ctx) => {
  const scope = checkScope(ctx);
  const out: Diagnostic[] = [];
  for (const c of ctx.project.campaigns.values()) {
    if (!scope.campaigns.has(c.id)) continue;
    for (const ref of c.signatories) {
      const s = ctx.project.signatories.get(ref.id);
      if (!s || !ref.as || [s.name.text, ...s.aliases].includes(ref.as.text)) continue;
      out.push(
        diag(
          'signatory/unknown-spelling',
          ref.as.span,
          `${c.id} prints "${ref.id}" as "${ref.as.text}", which is neither its roster name nor one of its aliases`,
          {
            related: [{ message: `"${ref.id}" is here`, span: s.name.span }],
            hint: `add "${ref.as.text}" to its aliases in signatories.yaml, so imports and check recognise that spelling`,
          },
        ),
      );
    }
  }
  return out;
};

/**
 * signatory/untranslated-place: a signatory signed with a place that is not its state ("Kashmir"),
 * which translations print as signed, never as the state; one warning per entry, naming the
 * languages whose countries.yaml has no form of it (they print it as written).
 */
export const untranslatedSignedPlace: Rule = (ctx) => {
  const { project } = ctx;
  const scope = checkScope(ctx);
  const source = project.workspace.sourceLocale;
  const tags = [project.locales.get(source)?.tag ?? 'en', 'en'];
  const out: Diagnostic[] = [];
  for (const c of project.campaigns.values()) {
    if (!scope.campaigns.has(c.id)) continue;
    for (const ref of c.signatories) {
      const s = project.signatories.get(ref.id);
      const place = ref.country || undefined;
      if (!s || !place) continue;
      const letters = s.country ? c.countryNames.get(s.country)?.text : undefined;
      if (!isSignedPlace(place.text, s.country, tags, letters ? [letters] : [])) continue;
      const lacking = c.locales.filter((l) => l !== source && !project.locales.get(l)?.placeNames.has(place.text));
      if (!lacking.length) continue;
      const names = lacking.map((l) => `${languageName(l, 'en')} (${l})`).join(', ');
      out.push(
        diag(
          'signatory/untranslated-place',
          place.span,
          `"${ref.id}" signed ${c.id} from "${place.text}", a place that is not its state: the letter in ${names} prints it as written, having no form of it`,
          {
            hint: `add "${place.text}: …" under places: in ${lacking.map((l) => `locales/${l}/countries.yaml`).join(', ')}`,
          },
        ),
      );
    }
  }
  return out;
};

/** signatory/none: a campaign with nobody signing it. */
export const campaignWithoutSignatories: Rule = (ctx) => {
  const scope = checkScope(ctx);
  const out: Diagnostic[] = [];
  for (const c of ctx.project.campaigns.values()) {
    if (!scope.campaigns.has(c.id) || c.signatories.length) continue;
    out.push(
      diag('signatory/none', c.signatoriesSpan, `campaign ${c.id} has no signatories`, {
        hint: `import them with \`openletter signatories import FILE.csv --campaign ${c.id}\`, or list roster ids under "signatories:"`,
      }),
    );
  }
  return out;
};
