import { DateTime } from 'luxon';
import type { LocalDate } from '../calendar/local-date';
import { compareLocalDates } from '../calendar/local-date';
import { DEFAULT_ZONE } from '../calendar/regions';

/**
 * Declarations are re-confirmed yearly (domain.md "Declarations of interest"; the terms of
 * reference each review membership annually, e.g. Torus TIMS ToR Safeguards). Due one year after
 * the last confirmation, on the landlord's calendar (29 February falls back to 28 February).
 */
export function reconfirmationDueOn(lastConfirmedAt: Date, zone: string = DEFAULT_ZONE): LocalDate {
  const due = DateTime.fromJSDate(lastConfirmedAt, { zone }).plus({ years: 1 }).toISODate();
  if (due === null) throw new RangeError(`Not a valid date: ${String(lastConfirmedAt)}`);
  return due;
}

export function isReconfirmationDue(lastConfirmedAt: Date, asOf: LocalDate): boolean {
  return compareLocalDates(reconfirmationDueOn(lastConfirmedAt), asOf) <= 0;
}
