import type { Campaign, Project } from '../model/project.js';
import type { SourcedText } from '../model/span.js';
import { allSourceTexts, campaignTexts, demandKeysUsedBy } from '../compose/source-texts.js';
import { formArgument, formsUsed } from '../compose/fill-params.js';
import { messageArguments } from '../text/message.js';
import { particlePair } from '../text/korean-particles.js';
import { campaignKey, paramFormOf } from '../model/translation-key.js';

/** A form of a campaign's parameter that a language's texts ask for, to be written by its translator. */
export interface ParamFormText {
  /** "campaigns:<id>.params.<param>.<form>": where the translation file holds it. */
  key: string;
  campaign: string;
  param: string;
  form: string;
  /** What it is a form of: the English form of that name, else the parameter's English value. */
  source: SourcedText;
  /** How the language's texts ask for it: "{{country.in}}" in a text, "{country_in}" in letter.yaml. */
  asked: string[];
}

/**
 * The forms of each campaign's parameters that a language's letter asks for: `{{country.in}}` in
 * the texts it prints (its translation where there is one, else the English it stands in for) and
 * `{country_in}` in its letter.yaml. A form is the language's own grammar, not a translation of the
 * English one, so it is a text the translator writes from the parameter's value. Korean particle
 * forms (`{{country.을}}`) are chosen by the tool and never asked for.
 */
export function paramFormTexts(project: Project, lng: string, campaign?: string): ParamFormText[] {
  const locale = project.locales.get(lng);
  if (!locale || lng === project.workspace.sourceLocale) return [];
  const sources = allSourceTexts(project);
  const chromeArguments = [...locale.chrome.values()].flatMap((t) => messageArguments(t.text).uses.map((u) => u.name));
  const out = new Map<string, ParamFormText>();
  for (const c of project.campaigns.values()) {
    if ((campaign !== undefined && c.id !== campaign) || !c.locales.includes(lng) || !c.params.size) continue;
    const ask = (param: string, form: string, asked: string) => {
      if (!c.params.has(param) || particlePair(form)) return;
      const key = campaignKey(c.id, 'params', param, form);
      const known = out.get(key);
      if (known) {
        if (!known.asked.includes(asked)) known.asked.push(asked);
        return;
      }
      out.set(key, { key, campaign: c.id, param, form, source: formSource(c, param, form)!, asked: [asked] });
    };
    for (const key of [...campaignTexts(c).keys(), ...demandKeysUsedBy(c, project)]) {
      const text = locale.translations.get(key)?.text ?? sources.get(key)?.text ?? '';
      for (const f of formsUsed(text)) ask(f.name, f.form, `{{${f.name}.${f.form}}}`);
    }
    for (const name of new Set(chromeArguments)) {
      const f = formArgument(name, c.params);
      if (f) ask(f.name, f.form, `{${name}}`);
    }
  }
  return [...out.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * What a translation of `key` ("campaigns:<id>.params.country.in") is a form of, when it names a form
 * of an existing parameter: the English form of that name, else the parameter's English value.
 */
export function paramFormSource(project: Project, key: string): SourcedText | undefined {
  const f = paramFormOf(key);
  const c = f && project.campaigns.get(f.campaign);
  return c && f ? formSource(c, f.param, f.form) : undefined;
}

function formSource(c: Campaign, param: string, form: string): SourcedText | undefined {
  return c.paramForms.get(param)?.get(form) ?? c.params.get(param);
}
