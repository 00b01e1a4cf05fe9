import { headInPost } from './heads-of-mission.js';
import type { Campaign, LocaleInfo, Mission, Project } from './project.js';
import type { Span } from './span.js';
import { campaignKey } from './translation-key.js';

/**
 * The names a delivery text prints, in the language it is worded in: the recipient as the
 * language styles him (title, name and honorific in its order: 김정은 국무위원장, Son Excellence …),
 * the coalition, the mission and its head. Never a bare name, never English inside another
 * language: what a language lacks is listed, and `check` reports it (code delivery/unlocalised).
 */
export interface LocalisedNames {
  recipient: string;
  sender: string;
  /** The coalition's return address as the language writes it, else as workspace.yaml gives it. */
  returnAddress: string[];
  mission: string;
  /** The mission's city (La Habana, Genève, 제네바). */
  city: string;
  /** The head of mission's name and title; undefined when the record knows nobody in post on the letter's date. */
  head: { name: string; title: string; gender: 'female' | 'male' | undefined } | undefined;
  /** The postal address as the wording language writes it (the local script where the record has it). */
  address: string[] | undefined;
}

/** A name or title a delivery text needs in `lang` and the data lacks. */
export interface Unlocalised {
  /** The field, as written in its file: "recipient.styled", "head_of_mission.title". */
  field: string;
  lang: string;
  /** Where the form belongs (the record, or the text in the source language). */
  span: Span;
  /** The file to add it to. */
  file: string;
}

/**
 * The names of `campaign`'s packet for `mission` worded in `lang`. A language written in Latin
 * script may print a person's, the mission's, its city's or the coalition's name as the source
 * language has it (Jo Chol Su, Geneva); titles and the recipient's style are words, and must be in
 * the language.
 */
export function localisedNames(
  project: Project,
  campaign: Campaign,
  mission: Mission,
  lang: string,
): { names: LocalisedNames; missing: Unlocalised[] } {
  const missing: Unlocalised[] = [];
  const source = project.workspace.sourceLocale;
  const latin = lang === source || writtenInLatin(project.locales.get(lang), lang);
  const need = (field: string, span: Span, file: string) => missing.push({ field, lang, span, file });

  const styled = recipientStyle(project, campaign, lang);
  if (styled === undefined)
    need(
      'recipient.styled',
      campaign.recipient.name.span,
      // Written first in the source language, then in each translation.
      campaignFile(campaign.id, lang === source || !campaign.recipient.styled ? undefined : lang),
    );

  const ws = project.workspace;
  const sender = lang === source ? ws.name : (ws.names?.get(lang) ?? (latin ? ws.name : undefined));
  if (sender === undefined)
    need('names', ws.nameSpan ?? { file: 'workspace.yaml', start: 0, end: 0 }, 'workspace.yaml');

  const missionName = lang === source ? mission.name : (mission.names?.get(lang) ?? (latin ? mission.name : undefined));
  if (missionName === undefined) need('names', mission.span, 'missions.yaml');

  const address = mission.addressLocal?.get(lang) ?? mission.address;
  // Printed only where the record has no address (the cover note then gives the mission and its city).
  const city = lang === source ? mission.city : (mission.cities?.get(lang) ?? (latin ? mission.city : undefined));
  if (city === undefined && address === undefined)
    need('cities', mission.printed.get('city')?.span ?? mission.span, 'missions.yaml');

  // The head in post on the letter's date: a letter of 2011 names the head of 2011, or none.
  let head: LocalisedNames['head'];
  const holder = headInPost(mission, campaign.date);
  if (holder) {
    const name = holder.name.get(lang) ?? (latin ? holder.name.get(source) : undefined);
    const title = holder.title.get(lang);
    if (name === undefined) need('head_of_mission.name', holder.nameSpan, 'missions.yaml');
    if (title === undefined) need('head_of_mission.title', holder.titleSpan, 'missions.yaml');
    head = { name: name ?? '', title: title ?? '', gender: holder.gender };
  }

  return {
    names: {
      recipient: styled ?? campaign.recipient.name.text,
      sender: sender ?? ws.name,
      returnAddress: ws.returnAddressLocal?.get(lang) ?? ws.returnAddress,
      mission: missionName ?? mission.name,
      city: city ?? mission.city,
      head,
      address,
    },
    missing,
  };
}

/**
 * How a delivery text in `lang` names the campaign's recipient: recipient.styled in that language,
 * else (reported by check) the name as the source gives it.
 */
export function styledRecipient(project: Project, campaign: Campaign, lang: string): string {
  return recipientStyle(project, campaign, lang) ?? campaign.recipient.name.text;
}

/** Whether `lang` is written in Latin script: its locale's `scripts`, else its likely script (fr → Latn). */
function writtenInLatin(locale: LocaleInfo | undefined, lang: string): boolean {
  if (locale?.scripts.length) return locale.scripts.includes('Latin');
  try {
    return new Intl.Locale(lang).maximize().script === 'Latn';
  } catch {
    return false;
  }
}

/** The campaign's recipient.styled in `lang`: the source text, or its translation. */
function recipientStyle(project: Project, campaign: Campaign, lang: string): string | undefined {
  const styled = campaign.recipient.styled;
  if (styled === undefined) return undefined;
  if (lang === project.workspace.sourceLocale) return styled.text;
  return translation(project.locales.get(lang), campaignKey(campaign.id, 'recipient', 'styled'));
}

function translation(locale: LocaleInfo | undefined, key: string): string | undefined {
  return locale?.translations.get(key)?.text;
}

function campaignFile(id: string, lang: string | undefined): string {
  return lang === undefined ? `campaigns/${id}.yaml` : `locales/${lang}/campaigns/${id}.yaml`;
}
