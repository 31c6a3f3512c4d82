import type { LocalDate } from '../calendar/local-date';
import { plusDays, plusMonths } from '../calendar/local-date';
import type { MembershipPolicy } from '../groups/membership-policy';

/**
 * The last day of a fixed term that starts on the given day, or undefined when the group sets
 * no term. Trafford QIP ToR 7: "a fixed term of three years", so a term starting 1 April 2025
 * runs to 31 March 2028 inclusive.
 * A term from 29 February 2024 runs to 28 February 2027.
 */
export function termEndFor(
  policy: MembershipPolicy,
  termStartsOn: LocalDate,
): LocalDate | undefined {
  if (policy.termYears === undefined) return undefined;
  const anniversary = plusMonths(termStartsOn, policy.termYears * 12);
  // A term from 29 February has no anniversary day; plusMonths lands on 28 February, which is
  // then the term's last day rather than the day before it.
  const clamped = anniversary.slice(8) !== termStartsOn.slice(8);
  return clamped ? anniversary : plusDays(anniversary, -1);
}
