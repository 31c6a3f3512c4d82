import { DateTime } from 'luxon';
import { DEFAULT_ZONE } from '../calendar';

/** '3 March 2026': how dates read in a chat sentence to a UK tenant. */
export function formatLongDate(at: Date, zone: string = DEFAULT_ZONE): string {
  return DateTime.fromJSDate(at, { zone }).setLocale('en-GB').toFormat('d MMMM yyyy');
}
