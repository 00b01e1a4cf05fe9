/** A letter date in a language's own style, through Intl (never hand-written month tables). */
export function formatLetterDate(isoDate: string, tag: string, options: Intl.DateTimeFormatOptions): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  return new Intl.DateTimeFormat(tag, { ...options, timeZone: 'UTC' }).format(d);
}
