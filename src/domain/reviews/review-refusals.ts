import { DateTime } from 'luxon';
import type { LocalDate } from '../calendar/local-date';
import { compareLocalDates } from '../calendar/local-date';
import type { Refusal } from '../shared/result';
import type { Review } from './review';

/** Checks several transitions share, so each says the same thing the same way. */

/** '3 March 2026': how a day reads in a chat sentence to a UK tenant. */
export function readableDate(date: LocalDate): string {
  return DateTime.fromISO(date, { zone: 'utc' }).setLocale('en-GB').toFormat('d MMMM yyyy');
}

/** Every record says who acted (domain.md: the record must show who, when and why). */
export function actorRefusals(by: string): Refusal[] {
  return by.trim()
    ? []
    : [{ code: 'review.actor-missing', message: 'Say who is recording this, for the record.' }];
}

/** Nothing in a review happens before it was opened. */
export function notBeforeOpened(review: Review, on: LocalDate, what: string): Refusal[] {
  if (compareLocalDates(on, review.openedOn) >= 0) return [];
  return [
    {
      code: 'review.date-before-opened',
      message: `${what} can't be dated ${readableDate(on)}, before the review was opened on ${readableDate(review.openedOn)}.`,
    },
  ];
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
