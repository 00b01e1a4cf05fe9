import { dateFormat } from '../text/intl.js';

/**
 * A letter date in a language's own style, through Intl; `monthNames` (January first) replace Intl's
 * long month names where the language's usage differs: UN Arabic writes "6 حزيران/يونيه 2018", CLDR
 * has "6 يونيو 2018".
 */
export function formatLetterDate(
  isoDate: string,
  tag: string,
  options: Intl.DateTimeFormatOptions,
  monthNames?: readonly string[],
): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  const format = dateFormat(tag, { ...options, timeZone: 'UTC' });
  if (monthNames === undefined || options.month !== 'long') return format.format(date);
  const month = monthNames[date.getUTCMonth()] ?? '';
  return format
    .formatToParts(date)
    .map((p) => (p.type === 'month' ? month : p.value))
    .join('');
}
