import { dateFormat } from '../util/intl.js';

/** A letter date in a language's own style, through Intl (never hand-written month tables). */
export function formatLetterDate(isoDate: string, tag: string, options: Intl.DateTimeFormatOptions): string {
  return dateFormat(tag, { ...options, timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}
