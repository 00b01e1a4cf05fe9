import { dateFormat } from '../text/intl.js';

/**
 * A letter date in a language's own style, through Intl; `monthNames` (January first) replace Intl's
 * long month names where the language's usage differs: UN Arabic writes "6 حزيران/يونيه 2018", CLDR
 * has "6 يونيو 2018". `dayNames` replace a day of the month Intl writes as a bare number: French
 * writes the first "1er octobre 2011", Intl "1 octobre 2011".
 */
export function formatLetterDate(
  isoDate: string,
  tag: string,
  options: Intl.DateTimeFormatOptions,
  monthNames?: readonly string[],
  dayNames?: Readonly<Record<number, string>>,
): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  const format = dateFormat(tag, { ...options, timeZone: 'UTC' });
  const month = options.month === 'long' ? monthNames?.[date.getUTCMonth()] : undefined;
  const day = options.day === 'numeric' ? dayNames?.[date.getUTCDate()] : undefined;
  if (month === undefined && day === undefined) return format.format(date);
  return format
    .formatToParts(date)
    .map((p) => (p.type === 'month' ? (month ?? p.value) : p.type === 'day' ? (day ?? p.value) : p.value))
    .join('');
}
