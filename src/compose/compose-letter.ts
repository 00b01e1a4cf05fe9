import { diag, type Diagnostic, type Result } from '../diagnostics/diagnostic.js';
import { inlineText, type Block, type Inline, type LetterDocument } from '../model/letter-document.js';
import type { Body, Campaign, Project, Signatory } from '../model/project.js';
import type { Span, SourcedText } from '../model/span.js';
import { subSpan } from '../load/yaml-file.js';
import { fillParams } from './fill-params.js';
import { formatLetterDate } from './format-date.js';
import { parseInline } from './inline-markdown.js';
import { findPlaceholders } from './placeholders.js';
import { applyPunctuationSpace } from './typography.js';
import { signatureList } from './signature-list.js';
import { createTranslator, type Translator } from './translator.js';
import { bodyKey, campaignKey, demandBodyKey, keyName, parseKey } from '../model/translation-key.js';

/** A composed letter plus every final string with the span it came from (for glyph and hygiene checks). */
export interface ComposedLetter {
  doc: LetterDocument;
  texts: SourcedText[];
}

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
  readonly texts: SourcedText[] = [];
  private readonly params = new Map<string, string>();

  constructor(
    private readonly project: Project,
    private readonly c: Campaign,
    private readonly tr: Translator,
  ) {
    for (const [k, v] of c.params) this.params.set(k, this.lookup(campaignKey(c.id, 'params', k), v).text);
  }

  compose(): LetterDocument {
    const { c, tr } = this;
    const key = (...path: (string | number)[]) => campaignKey(c.id, ...path);
    const blocks: Block[] = [];
    blocks.push({ kind: 'date', text: formatLetterDate(c.date, tr.locale.tag, tr.locale.dateFormat) });
    const recipient = [this.plain(key('recipient', 'name'), c.recipient.name)];
    c.recipient.titles.forEach((t, i) => recipient.push(this.plain(key('recipient', 'titles', i), t)));
    c.recipient.address.forEach((t, i) => recipient.push(this.plain(key('recipient', 'address', i), t)));
    blocks.push({ kind: 'recipient', lines: recipient });
    blocks.push({ kind: 'salutation', content: this.inline(key('salutation'), c.salutation) });
    blocks.push(...this.body(key('opening'), c.opening));
    let number = 0;
    c.sections.forEach((s, i) => {
      if (s.heading) {
        number++;
        blocks.push({
          kind: 'heading',
          number: c.numberedSections ? `${number}.` : undefined,
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
    const signOff = this.chrome(`sign_off.${c.signOff}`, c.signOffSpan);
    blocks.push({ kind: 'sign-off', text: signOff });
    const signers = c.signatories
      .map((r) => this.project.signatories.get(r.id))
      .filter((s): s is Signatory => s !== undefined);
    const unique = [...new Map(signers.map((s) => [s.id, s])).values()];
    const entries = signatureList(unique, tr.locale, c.signatoryOrder);
    const sep = this.tr.chrome('country_separator');
    const separator = sep ? this.check(sep, sep.text) : ', ';
    if (sep) this.texts.push({ text: separator, span: sep.span });
    for (const e of entries) {
      this.texts.push({ text: e.name, span: this.signatorySpan(e.id) });
      if (e.country) this.texts.push({ text: e.country, span: this.signatorySpan(e.id) });
    }
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
    const pageLabel = this.chrome(
      'page',
      c.span,
      new Map([
        ['page', '{page}'],
        ['pages', '{pages}'],
      ]),
    );
    return {
      campaignId: c.id,
      locale: tr.locale.code,
      lang: tr.locale.tag,
      title,
      author: this.project.workspace.name,
      subject: recipient[0] ?? '',
      date: c.date,
      paper: c.paper,
      pageLabel,
      fonts: tr.locale.fonts,
      countrySeparator: separator,
      lineBreak: tr.locale.lineBreak,
      blocks,
    };
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

  private chrome(key: string, usedAt: Span, params: ReadonlyMap<string, string> = this.params): string {
    const t = this.tr.chrome(key);
    if (!t) {
      this.diagnostics.push(
        diag('ref/unknown-chrome', usedAt, `locale "${this.tr.locale.code}" has no "${key}" in letter.yaml`, {
          hint: `add "${key}" to locales/${this.tr.locale.code}/letter.yaml`,
        }),
      );
      return key;
    }
    return this.check(t, t.text, params);
  }

  /** Translate a text (reporting a missing translation, falling back to the source to keep going). */
  private lookup(key: string, source: SourcedText): SourcedText {
    const t = this.tr.text(key, source);
    if (t) return t;
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
    return source;
  }

  private plain(key: string, source: SourcedText): string {
    return inlineText(this.inline(key, source));
  }

  private inline(key: string, source: SourcedText): Inline[] {
    const t = this.lookup(key, source);
    const filled = this.check(t, t.text);
    const { inlines, problems } = parseInline(filled);
    for (const p of problems)
      this.diagnostics.push(
        diag('text/markup', t.span, p, { hint: 'close the markup, or escape a literal character with a backslash' }),
      );
    this.texts.push({ text: inlineText(inlines), span: t.span });
    return inlines;
  }

  /** Fill parameters and refuse leftovers. Returns the final text. */
  private check(t: SourcedText, raw: string, params: ReadonlyMap<string, string> = this.params): string {
    const files = this.project.files;
    const r = fillParams(raw, params);
    if (r.syntaxError)
      this.diagnostics.push(
        diag('text/placeholder', t.span, `text is not a valid template: ${r.syntaxError}`, {
          hint: 'write parameters as {{name}}',
        }),
      );
    for (const name of r.unknown)
      this.diagnostics.push(
        diag(
          'text/unknown-param',
          subSpan(files, t.span, `{{${name}}}`),
          `parameter "{{${name}}}" has no value in campaign ${this.c.id}`,
          {
            hint: `add "${name}:" under params in campaigns/${this.c.id}.yaml`,
          },
        ),
      );
    const final = r.syntaxError || r.unknown.length ? raw.replace(/\{\{\s*[A-Za-z_][A-Za-z0-9_]*\s*\}\}/g, '') : r.text;
    for (const p of findPlaceholders(final))
      this.diagnostics.push(
        diag(
          'text/placeholder',
          subSpan(files, t.span, p.match),
          `unrendered placeholder "${p.match}" would be printed`,
          { hint: 'replace it with the intended words' },
        ),
      );
    if (r.syntaxError || r.unknown.length) return raw;
    const typo = applyPunctuationSpace(r.text, this.tr.locale.punctuationSpace);
    for (const m of typo.missing)
      this.diagnostics.push(
        diag(
          'text/typography',
          subSpan(files, t.span, m),
          `"${m}": ${this.tr.locale.name} typography puts a space between a word and "${m.slice(-1)}"`,
          {
            hint: `write a space (or a no-break space) before "${m.slice(-1)}"; openletter makes it unbreakable`,
          },
        ),
      );
    return typo.text;
  }
}
