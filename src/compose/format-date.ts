/** Formatters by tag and options: building one costs ~1 ms of ICU work, and letters reuse a handful. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** A letter date in a language's own style, through Intl (never hand-written month tables). */
export function formatLetterDate(isoDate: string, tag: string, options: Intl.DateTimeFormatOptions): string {
  const key = `${tag}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(tag, { ...options, timeZone: 'UTC' })));
  return f.format(new Date(`${isoDate}T00:00:00Z`));
}
