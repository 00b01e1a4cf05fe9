import { diag, type Diagnostic, type Result } from '../diagnostics/diagnostic.js';
import { inlineText, type Block, type Inline, type LetterDocument } from '../model/letter-document.js';
import type { Body, Campaign, Project, Quotation, Signatory } from '../model/project.js';
import { composeMaps, wholeMap, type OffsetMap } from '../model/offset-map.js';
import { spanWithin, type Origin, type Span, type SourcedText, type TracedText } from '../model/span.js';
import { messageDiagnostics } from '../diagnostics/message-diagnostics.js';
import { formatMessage, messageArguments, type MessageArgs, type MessageProblem } from '../text/message.js';
import { formatDigits, numberingTag } from '../text/digits.js';
import { memo } from '../util/memo.js';
import { fillParams, paramArguments, paramNames, withoutParams } from './fill-params.js';
import { PARTICLE_PAIRS } from '../text/korean-particles.js';
import { formatLetterDate } from './format-date.js';
import { parseInline } from './inline-markdown.js';
import { findPlaceholders } from './placeholders.js';
import { insertText, noteOffset, noteText } from './quotation-note.js';
import { applyTypography, curlQuotes } from './typography.js';
import { signatureList } from './signature-list.js';
import { createTranslator, type Translator } from './translator.js';
import {
  bodyKey,
  campaignKey,
  chromeKey,
  demandBodyKey,
  keyName,
  paramFormOf,
  parseKey,
} from '../model/translation-key.js';

/**
 * {@link parseInline}, once per distinct text in a process: every letter of a campaign, and every
 * paper size and packet of `deliver`, parses the same wording again. Results are never mutated;
 * past 20,000 texts the memo starts over, so a long batch of letters cannot grow it without bound.
 */
const parseInlineOnce = memo(parseInline, { max: 20_000 });

/** A composed letter plus every final string with its origin and offsets (for glyph and hygiene checks). */
export interface ComposedLetter {
  doc: LetterDocument;
  texts: TracedText[];
}

type TracedTextBody = Omit<TracedText, 'origin'>;

/** A text with its arguments filled (`failed`: some could not be; `text` then leaves them out). */
/** `own`: the text with parameter values blanked out (placeholders in a value are its own parameter's). */
type Filled = TracedTextBody & { failed: boolean; own?: string };

/** A text's characters → its file: its own map, or the whole value for each character. */
const fileMap = (t: SourcedText): OffsetMap =>
  t.offsets ?? wholeMap(t.span.start, t.span.end - t.span.start, t.text.length);

/**
 * Build the LetterDocument for one campaign in one language: look up every text, fill
 * parameters, parse inline markup, and report anything that would print wrong. Pure.
 */
export function composeLetter(
  project: Project,
  campaignId: string,
  localeCode: string,
): Result<ComposedLetter | undefined> {
  const campaign = project.campaigns.get(campaignId);
  const locale = project.locales.get(localeCode);
  if (!campaign || !locale) return { value: undefined, diagnostics: [] };
  const ctx = new Composer(project, campaign, createTranslator(locale, project.workspace.sourceLocale));
  const doc = ctx.compose();
  return { value: { doc, texts: ctx.texts }, diagnostics: ctx.diagnostics };
}

class Composer {
  readonly diagnostics: Diagnostic[] = [];
  readonly texts: TracedText[] = [];
  private readonly params = new Map<string, string>();
  /** Each parameter's text (the language's, or the source's), to report a placeholder at the value itself. */
  private readonly paramTexts = new Map<string, SourcedText>();
  private readonly paramsChecked = new Set<string>();
  /** The forms of each parameter in this language ("country" → "in" → "au Bélarus"), and their texts. */
  private readonly forms = new Map<string, Map<string, string>>();
  private readonly formTexts = new Map<string, SourcedText>();

  constructor(
    private readonly project: Project,
    private readonly c: Campaign,
    private readonly tr: Translator,
  ) {
    for (const [k, v] of c.params) {
      const t = this.lookup(campaignKey(c.id, 'params', k), v).text;
      this.params.set(k, t.text);
      this.paramTexts.set(k, t);
    }
    // Each language writes the forms its own grammar needs ("in", "gen"); they are not translations of
    // the source's forms, so none is borrowed from another language.
    const forms = tr.isSource
      ? c.paramForms
      : [...tr.locale.translations].flatMap(([key, t]) => {
          const f = paramFormOf(key);
          return f && f.campaign === c.id ? [[f.param, new Map([[f.form, t]])] as const] : [];
        });
    for (const [param, byForm] of forms)
      for (const [form, t] of byForm) {
        const own = this.forms.get(param) ?? new Map<string, string>();
        this.forms.set(param, own.set(form, t.text));
        this.formTexts.set(`${param}.${form}`, t);
      }
    // Only a formula or text that uses {address_as} needs it in this language (reported there).
    const addressAs =
      c.recipient.addressAs && tr.text(campaignKey(c.id, 'recipient', 'address_as'), c.recipient.addressAs);
    if (addressAs) this.params.set('address_as', addressAs.text);
  }

  compose(): LetterDocument {
    const { c, tr } = this;
    const key = (...path: (string | number)[]) => campaignKey(c.id, ...path);
    const blocks: Block[] = [];
    blocks.push({
      kind: 'date',
      text: formatLetterDate(c.date, tr.locale.tag, tr.locale.dateFormat, tr.locale.monthNames, tr.locale.dayNames),
    });
    const name = this.plain(key('recipient', 'name'), c.recipient.name);
    const recipient = this.recipientLines(
      name,
      c.recipient.titles.map((t, i) => this.plain(key('recipient', 'titles', i), t)),
      c.recipient.address.map((t, i) => this.plain(key('recipient', 'address', i), t)),
    );
    blocks.push({ kind: 'recipient', lines: recipient });
    // Japanese greets in the recipient block, its 宛名 (…委員長 / 金正恩閣下): no salutation line as well.
    if (tr.locale.salutation === 'line')
      blocks.push({
        kind: 'salutation',
        content: c.salutation ? this.inline(key('salutation'), c.salutation) : this.formula('salutation', c.span),
      });
    // The opening formula the sign-off answers (拝啓 … 敬具), on its own line, where the language has one.
    if (this.formulaKey(`opening.${c.signOff}`))
      blocks.push({ kind: 'salutation', content: this.formula(`opening.${c.signOff}`, c.signOffSpan) });
    blocks.push(...this.body(key('opening'), c.opening));
    let number = 0;
    c.sections.forEach((s, i) => {
      if (s.heading) {
        number++;
        blocks.push({
          kind: 'heading',
          // In the language's digits, as its page numbers (digits: arabext → ۱.).
          number: c.numberedSections ? `${formatDigits(number, this.tr.locale.digits)}.` : undefined,
          content: this.inline(key('sections', i, 'heading'), s.heading),
        });
      }
      const flow: { key: string; el: Body[number] }[] = [];
      s.intro.forEach((el, j) => flow.push({ key: key('sections', i, 'intro', j), el }));
      for (const ref of s.demands) {
        const block = this.project.demands.get(ref.id);
        const body = block && (ref.variant ? block.variants.get(ref.variant) : block.text);
        if (!block || !body) continue; // reported by check-references
        const base = demandBodyKey(block.id, ref.variant);
        body.forEach((el, j) => flow.push({ key: bodyKey(base, j), el }));
      }
      s.outro.forEach((el, j) => flow.push({ key: key('sections', i, 'outro', j), el }));
      blocks.push(...this.group(flow));
    });
    blocks.push(...this.body(key('closing'), c.closing));
    blocks.push({ kind: 'sign-off', text: inlineText(this.formula(`sign_off.${c.signOff}`, c.signOffSpan)) });
    const signers = c.signatories
      .map((r) => this.project.signatories.get(r.id))
      .filter((s): s is Signatory => s !== undefined);
    const unique = [...new Map(signers.map((s) => [s.id, s])).values()];
    const listed = signatureList(unique, tr.locale, c.signatoryOrder, {
      forms: new Map(
        c.signatories.map((r) => [r.id, { as: r.as?.text, sortAs: r.sortAs, country: r.country && r.country.text }]),
      ),
      countryNames: new Map([...c.countryNames].map(([code, t]) => [code, t.text])),
      style: c.signatoryCountry,
      source: tr.isSource,
      sourceTag: this.project.locales.get(this.project.workspace.sourceLocale)?.tag,
    });
    // Names keep their spelling; their apostrophes and quotes are printed curled, one mark for one.
    const countryAffix = this.countryAffix();
    const joiner = tr.chrome('country_inside_brackets')?.text;
    const entries = listed.map((e) => ({ ...e, name: curlQuotes(e.name, tr.locale.quotes).text }));
    entries.forEach((e, i) => {
      this.texts.push({ ...this.signatoryName(e.id, listed[i]?.name ?? e.name), text: e.name });
      if (e.country) this.texts.push(this.signatoryCountry(e.id, e.country));
    });
    blocks.push({ kind: 'signatures', entries });
    if (c.cc.length) {
      blocks.push({
        kind: 'cc',
        label: this.chrome('cc', c.span),
        entries: c.cc.map((e, i) => ({
          name: this.plain(key('cc', i, 'name'), e.name),
          lines: e.lines.map((l, j) => this.plain(key('cc', i, 'lines', j), l)),
        })),
      });
    }
    const title = this.plain(key('title'), c.title);
    // The page label is filled per page by the renderer: hand it {page} and {pages} markers.
    const pageLabel = this.chrome('page', c.span, { page: '{page}', pages: '{pages}' });
    return {
      campaignId: c.id,
      locale: tr.locale.code,
      lang: tr.locale.tag,
      title,
      author: this.project.workspace.name,
      subject: name,
      date: c.date,
      paper: c.paper,
      pageLabel,
      ...(tr.locale.digits === undefined ? {} : { digits: tr.locale.digits }),
      fonts: tr.locale.fonts,
      countryAffix,
      ...(joiner === undefined ? {} : { countryInsideBrackets: joiner }),
      lineBreak: tr.locale.lineBreak,
      typography: tr.locale.typography,
      blocks,
    };
  }

  /**
   * What goes around a signatory's country in this language: the separator (", ", "、") after
   * the name, or the parentheses (" (…)", "（…）") written as `country_parentheses` with {country}.
   */
  private countryAffix(): { before: string; after: string } {
    const parentheses = this.c.signatoryCountry === 'parentheses';
    const key = parentheses ? 'country_parentheses' : 'country_separator';
    const t = this.tr.chrome(key);
    const [before = '', after = ''] = (t?.text ?? (parentheses ? ' ({country})' : ', ')).split('{country}');
    // Checked as one text ("（）" is balanced), though printed around each country.
    if (t)
      this.texts.push({
        text: before + after,
        origin: { span: t.span, kind: 'chrome', lang: this.tr.locale.code, key: chromeKey(key) },
        offsets: wholeMap(t.span.start, t.span.end - t.span.start, before.length + after.length),
      });
    return { before, after };
  }

  /**
   * A printed country: as the letter wrote it (the campaign; in a translation, a place signed
   * with), the language's own form (countries.yaml), else Intl's name.
   */
  private signatoryCountry(id: string, country: string): TracedText {
    const ref = this.c.signatories.find((r) => r.id === id);
    const code = this.project.signatories.get(id)?.country;
    const signedWith = ref?.country || undefined;
    const locale = this.tr.locale;
    const written = this.tr.isSource ? (signedWith ?? (code ? this.c.countryNames.get(code) : undefined)) : signedWith;
    const own =
      (signedWith && locale.placeNames.get(signedWith.text)) ?? (code ? locale.countryNames.get(code) : undefined);
    for (const [t, kind] of [
      [written, 'source'],
      [own, 'translation'],
    ] as const)
      if (t?.text === country)
        return { text: country, origin: { span: t.span, kind, lang: locale.code }, offsets: fileMap(t) };
    const span = this.signatorySpan(id);
    return {
      text: country,
      origin: { span, kind: 'intl-country', lang: this.tr.locale.code },
      offsets: wholeMap(span.start, span.end - span.start, country.length),
    };
  }

  /** A printed signatory name, traced to the language's own name for it, else to the roster. */
  private signatoryName(id: string, name: string): TracedText {
    const { locale } = this.tr;
    const roster = this.project.signatories.get(id);
    const local = locale.signatoryNames.has(id) || roster?.names.has(locale.code);
    const span = this.signatorySpan(id);
    const origin: Origin = {
      span,
      kind: 'roster-name',
      lang: local ? locale.code : this.project.workspace.sourceLocale,
    };
    const as = this.c.signatories.find((r) => r.id === id)?.as;
    if (!local && as?.text === name) return { text: name, origin: { ...origin, span: as.span }, offsets: fileMap(as) };
    const offsets =
      !local && roster?.name.text === name
        ? fileMap(roster.name)
        : wholeMap(span.start, span.end - span.start, name.length);
    return { text: name, origin, offsets };
  }

  /** Where a printed signatory name comes from: the language's own name for it, else the roster's. */
  private signatorySpan(id: string): Span {
    return this.tr.locale.signatoryNames.get(id)?.span ?? this.project.signatories.get(id)?.name.span ?? this.c.span;
  }

  /** Paragraphs and bullet items in order; consecutive items become one bullet list. */
  private group(flow: { key: string; el: Body[number] }[]): Block[] {
    const out: Block[] = [];
    for (const { key, el } of flow) {
      const content = this.inline(key, el.text);
      const last = out[out.length - 1];
      if (el.kind === 'item') {
        if (last?.kind === 'bullets') last.items.push(content);
        else out.push({ kind: 'bullets', items: [content] });
      } else out.push({ kind: 'paragraph', content });
    }
    return out;
  }

  private body(prefix: string, body: Body): Block[] {
    return this.group(body.map((el, i) => ({ key: bodyKey(prefix, i), el })));
  }

  /**
   * The recipient block's lines, in the language's order (letter.yaml `recipient_block`, per kind of
   * recipient): a message whose lines are {name}, {titles} (one a line), {address} and
   * {address_reversed} (from the country down, as Chinese and Japanese write it) around the
   * language's words ("{name}閣下"). Without it: the name, the titles, the address.
   */
  private recipientLines(name: string, titles: string[], address: string[]): string[] {
    const found = this.formulaKey('recipient_block');
    if (!found) return [name, ...titles, ...address];
    const block = this.chromeText(found, this.tr.chrome(found)!, {
      name,
      titles: titles.join('\n'),
      address: address.join('\n'),
      address_reversed: [...address].reverse().join('\n'),
    });
    return block.text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
  }

  /** The chrome key of a formula for this recipient: "<key>.<kind>", else "<key>" for every kind. */
  private formulaKey(key: string): string | undefined {
    const kind = `${key}.${this.c.recipient.kind}`;
    return this.tr.chrome(kind) ? kind : this.tr.chrome(key) ? key : undefined;
  }

  /** A formula of the letter (salutation, opening, sign-off) for this kind of recipient, filled and parsed. */
  private formula(key: string, usedAt: Span): Inline[] {
    const found = this.formulaKey(key);
    const kind = this.c.recipient.kind;
    if (!found) {
      this.diagnostics.push(
        diag(
          'ref/unknown-chrome',
          usedAt,
          `locale "${this.tr.locale.code}" has no "${key}" for a ${kind} recipient in letter.yaml`,
          {
            hint: `add "${key}" (one text, or one per kind: ${kind}: …) to locales/${this.tr.locale.code}/letter.yaml`,
          },
        ),
      );
      return [{ kind: 'text', text: key }];
    }
    const t = this.tr.chrome(found)!;
    if (/\{\s*address_as\s*[,}]/.test(t.text) && !this.params.has('address_as')) {
      const lng = this.tr.locale.code;
      this.diagnostics.push(
        diag(
          'text/unknown-param',
          t.span,
          `the ${lng} letter addresses the recipient as {address_as}, and campaign ${this.c.id} has no recipient.address_as in ${lng}`,
          {
            hint: this.tr.isSource
              ? `add "address_as:" under recipient in campaigns/${this.c.id}.yaml (e.g. Chairman Kim Jong Un)`
              : `add "address_as:" under recipient in locales/${lng}/campaigns/${this.c.id}.yaml (and in campaigns/${this.c.id}.yaml)`,
          },
        ),
      );
      return [{ kind: 'text', text: t.text }];
    }
    const filled = this.chromeText(found, t);
    const { inlines, offsets } = parseInlineOnce(filled.text);
    this.texts.push({
      text: inlineText(inlines),
      origin: { span: t.span, kind: 'chrome', lang: this.tr.locale.code, key: chromeKey(found) },
      offsets: composeMaps(offsets, filled.offsets),
    });
    return inlines;
  }

  /** The letter.yaml text `key`, formatted as a message with the campaign's parameters (and `extra`). */
  private chrome(key: string, usedAt: Span, extra: MessageArgs = {}): string {
    const t = this.tr.chrome(key);
    if (!t) {
      this.diagnostics.push(
        diag('ref/unknown-chrome', usedAt, `locale "${this.tr.locale.code}" has no "${key}" in letter.yaml`, {
          hint: `add "${key}" to locales/${this.tr.locale.code}/letter.yaml`,
        }),
      );
      return key;
    }
    return this.chromeText(key, t, extra).text;
  }

  private chromeText(key: string, t: SourcedText, extra: MessageArgs = {}): TracedTextBody {
    const used = messageArguments(t.text).uses.map((u) => u.name);
    const { args, unknownForms } = paramArguments(this.params, this.forms, used);
    const r = formatMessage(t.text, numberingTag(this.tr.locale.tag, this.tr.locale.digits), { ...args, ...extra });
    // A faulty message is reported once, as such; its text is then printed-checked no further.
    if (r.problems.length) {
      const form = (p: MessageProblem) =>
        p.kind === 'unknown-argument' ? unknownForms.find((f) => f.argument === p.argument) : undefined;
      for (const p of r.problems) {
        const f = form(p);
        if (f) this.unknownForm(f.name, f.form, spanWithin(t.span, fileMap(t), p.index, p.length));
      }
      this.diagnostics.push(
        ...messageDiagnostics(
          t,
          r.problems.filter((p) => !form(p)),
          `text "${key}"`,
        ),
      );
      return { text: t.text, offsets: fileMap(t) };
    }
    return this.finalText(t, { ...r, failed: false });
  }

  /** Translate a text (reporting a missing translation, falling back to the source to keep going). */
  private lookup(key: string, source: SourcedText): { text: SourcedText; origin: Origin } {
    const t = this.tr.text(key, source);
    const sourceLang = this.project.workspace.sourceLocale;
    if (t)
      return {
        text: t,
        origin: this.tr.isSource
          ? { span: t.span, kind: 'source', lang: sourceLang, key }
          : { span: t.span, kind: 'translation', lang: this.tr.locale.code, key },
      };
    const file =
      parseKey(key)?.ns === 'demands'
        ? `locales/${this.tr.locale.code}/demands.yaml`
        : `locales/${this.tr.locale.code}/campaigns/${this.c.id}.yaml`;
    this.diagnostics.push(
      diag(
        'i18n/missing',
        source.span,
        `no ${this.tr.locale.code} translation of "${keyName(key)}" (campaign ${this.c.id} asks for ${this.tr.locale.code})`,
        {
          hint: `add it to ${file}, or run \`openletter translations export --lang ${this.tr.locale.code}\``,
        },
      ),
    );
    return { text: source, origin: { span: source.span, kind: 'source', lang: sourceLang, key } };
  }

  /** The quotation in this source text that this language prints with its "unofficial translation" note. */
  private noteQuotation(source: SourcedText): Quotation | undefined {
    if (this.tr.isSource) return undefined;
    return this.c.quotations.find((q) => {
      const form = q.forms.get(this.tr.locale.code);
      return form?.kind === 'unofficial' && form.print === 'note' && source.text.includes(q.text.text);
    });
  }

  private plain(key: string, source: SourcedText): string {
    return inlineText(this.inline(key, source));
  }

  private inline(key: string, source: SourcedText): Inline[] {
    const { text: t, origin } = this.lookup(key, source);
    const filled = this.finalText(t, this.fill(t), origin.kind !== 'source' || this.tr.isSource);
    const { inlines, problems, offsets } = parseInlineOnce(filled.text);
    for (const p of problems)
      this.diagnostics.push(
        diag('text/markup', t.span, p, { hint: 'close the markup, or escape a literal character with a backslash' }),
      );
    const plain = inlineText(inlines);
    this.texts.push({ text: plain, origin, offsets: composeMaps(offsets, filled.offsets) });
    // The note is the letter's wording, not the translator's: added after the text is recorded.
    const quotation = this.noteQuotation(source);
    if (!quotation) return inlines;
    const note = noteText(this.chrome('unofficial_translation', source.span));
    return insertText(inlines, noteOffset(source.text, quotation.text.text, plain), note);
  }

  /** A letter text with the campaign's {{parameters}} filled; what cannot be filled is reported and left out. */
  private fill(t: SourcedText): Filled {
    const r = fillParams(t.text, this.params, this.forms);
    const at = (index: number, length: number) => spanWithin(t.span, fileMap(t), index, length);
    if (r.syntaxError)
      this.diagnostics.push(
        diag('text/placeholder', t.span, `text is not a valid template: ${r.syntaxError}`, {
          hint: 'write parameters as {{name}}, a form of one as {{name.form}}',
        }),
      );
    for (const { name, index, length } of r.unknown)
      this.diagnostics.push(
        diag('text/unknown-param', at(index, length), `parameter "{{${name}}}" has no value in campaign ${this.c.id}`, {
          hint: `add "${name}:" under params in campaigns/${this.c.id}.yaml`,
        }),
      );
    for (const { name, form, index, length } of r.unknownForms) this.unknownForm(name, form, at(index, length));
    for (const { written, index, length } of r.unknownParticles)
      this.diagnostics.push(
        diag('text/unknown-form', at(index, length), `"{{${written}}}" is not a Korean particle pair`, {
          hint: `write one of ${PARTICLE_PAIRS.map((p) => `{{${p}}}`).join(' ')}`,
        }),
      );
    const failed =
      r.syntaxError !== undefined || r.unknown.length > 0 || r.unknownForms.length > 0 || r.unknownParticles.length > 0;
    if (failed) return { ...withoutParams(t.text), failed };
    for (const name of paramNames(t.text).names) this.paramPlaceholders(name);
    return { ...r, failed };
  }

  /** A form a text asks of a parameter ({{country.gen}}) that this language does not define. */
  private unknownForm(name: string, form: string, span: Span): void {
    const lng = this.tr.locale.code;
    const defined = [...(this.forms.get(name)?.keys() ?? [])];
    const file = this.tr.isSource ? `campaigns/${this.c.id}.yaml` : `locales/${lng}/campaigns/${this.c.id}.yaml`;
    this.diagnostics.push(
      diag(
        'text/unknown-form',
        span,
        `form "${form}" of parameter "${name}" is not defined in ${lng}${defined.length ? ` (it has ${defined.join(', ')})` : ''}`,
        { hint: `write it in ${file}: params: { ${name}: { name: …, ${form}: … } }` },
      ),
    );
  }

  /** A placeholder in a parameter's value, reported once at the value ("TODO: country_short"), not in each text. */
  private paramPlaceholders(name: string): void {
    if (this.paramsChecked.has(name)) return;
    this.paramsChecked.add(name);
    const forms = [...(this.forms.get(name)?.keys() ?? [])].map((f) => this.formTexts.get(`${name}.${f}`)!);
    for (const t of [this.paramTexts.get(name), ...forms])
      if (t)
        for (const p of findPlaceholders(t.text))
          this.diagnostics.push(
            diag(
              'text/placeholder',
              spanWithin(t.span, fileMap(t), p.index, p.match.length),
              `unrendered placeholder "${p.match}" would be printed`,
              { hint: `write the value of the parameter "${name}"` },
            ),
          );
  }

  /**
   * Apply the language's typography to a filled text, and refuse leftovers. Returns the final
   * text with the map from it to the file.
   */
  private finalText(t: SourcedText, filled: Filled = this.fill(t), ownLanguage = true): TracedTextBody {
    const toFile = fileMap(t);
    const at = (m: OffsetMap, index: number, length: number) =>
      spanWithin(t.span, composeMaps(m, toFile), index, length);
    for (const p of findPlaceholders(filled.own ?? filled.text))
      this.diagnostics.push(
        diag(
          'text/placeholder',
          at(filled.offsets, p.index, p.match.length),
          `unrendered placeholder "${p.match}" would be printed`,
          { hint: 'replace it with the intended words' },
        ),
      );
    if (filled.failed) return { text: t.text, offsets: toFile };
    const typo = applyTypography(filled.text, this.tr.locale);
    const offsets = composeMaps(composeMaps(typo.offsets, filled.offsets), toFile);
    // The English standing in for a missing translation is not held to this language's typography.
    if (ownLanguage)
      typo.missing.forEach((m, k) =>
        this.diagnostics.push(
          diag(
            'text/typography',
            spanWithin(t.span, offsets, typo.missingAt?.[k] ?? 0, m.length),
            `"${m}": ${this.tr.locale.name} typography puts a space between a word and "${m.slice(-1)}"`,
            {
              hint: `write a space (or a no-break space) before "${m.slice(-1)}"; openletter makes it unbreakable`,
            },
          ),
        ),
      );
    return { text: typo.text, offsets };
  }
}
