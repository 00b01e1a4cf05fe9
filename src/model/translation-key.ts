/**
 * Translation keys: the one place they are built and taken apart. A key names a text by where it
 * sits in its source file, so a translator sees the source's structure:
 * "demands:<id>.text.0", "demands:<id>.variants.2018.1", "campaigns:<id>.sections.2.heading",
 * "chrome:sign_off.sincerely" (the fixed wording in locales/<lng>/letter.yaml).
 */
export type KeyNamespace = 'demands' | 'campaigns' | 'chrome';

export interface TranslationKey {
  ns: KeyNamespace;
  /** The demand block or campaign id ("" for chrome). */
  owner: string;
  /** Where the text sits inside its owner, as written in the key. */
  path: string[];
}

const SEP = '.';

export const demandKey = (id: string, ...path: (string | number)[]) => ['demands:' + id, ...path].join(SEP);
export const campaignKey = (id: string, ...path: (string | number)[]) => ['campaigns:' + id, ...path].join(SEP);
export const chromeKey = (...path: (string | number)[]) => 'chrome:' + path.join(SEP);

/**
 * A parameter written with its forms (`country: {name: Беларусь, in: в Беларуси}`) flattens to
 * "<campaign>.params.country.name" and ".params.country.in": the value itself is "params.country"
 * whichever way it is written; a form is "params.country.in". Returns the key of the value, or
 * undefined for any other key.
 */
export function paramValueKey(key: string): string | undefined {
  const k = parseKey(key);
  if (k?.ns !== 'campaigns' || k.path[0] !== 'params') return undefined;
  if (k.path.length === 2) return key;
  return k.path.length === 3 && k.path[2] === 'name' ? campaignKey(k.owner, 'params', k.path[1]!) : undefined;
}

/** A parameter's form written in a translation ("params.country.in" → {param: country, form: in}). */
export function paramFormOf(key: string): { campaign: string; param: string; form: string } | undefined {
  const k = parseKey(key);
  if (k?.ns !== 'campaigns' || k.path[0] !== 'params' || k.path.length !== 3 || k.path[2] === 'name') return undefined;
  return { campaign: k.owner, param: k.path[1]!, form: k.path[2]! };
}

/** The key of one paragraph or bullet item of a body: "<base>.<n>". */
export const bodyKey = (base: string, index: number) => `${base}${SEP}${index}`;

/** The keys of a demand reference's body: the default text, or the variant the campaign picks. */
export const demandBodyKey = (id: string, variant: string | undefined) =>
  variant === undefined ? demandKey(id, 'text') : demandKey(id, 'variants', variant);

/** A key from a namespace and the path of a text in its translation file (owner first, except for chrome). */
export function keyFromPath(ns: KeyNamespace, path: readonly (string | number)[]): string {
  return `${ns}:${path.join(SEP)}`;
}

export function parseKey(key: string): TranslationKey | undefined {
  const colon = key.indexOf(':');
  const ns = key.slice(0, colon);
  if (ns !== 'demands' && ns !== 'campaigns' && ns !== 'chrome') return undefined;
  const parts = key.slice(colon + 1).split(SEP);
  if (ns === 'chrome') return { ns, owner: '', path: parts };
  const [owner, ...path] = parts;
  return owner ? { ns, owner, path } : undefined;
}

/** A key as users read it in messages: without its namespace ("icrc-prison-visits.text.0"). */
export const keyName = (key: string) => key.slice(key.indexOf(':') + 1);
