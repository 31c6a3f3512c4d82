import { DateTime } from 'luxon';
import type { LocalDate } from '../calendar/local-date';

/** '3 March 2026': how a day reads in a chat sentence to a UK tenant. */
export function readableDate(date: LocalDate): string {
  return DateTime.fromISO(date, { zone: 'utc' }).setLocale('en-GB').toFormat('d MMMM yyyy');
}
