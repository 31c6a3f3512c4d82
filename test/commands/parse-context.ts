import type { LocalDate } from '../../src/domain/calendar/local-date';
import {
  isoWeekdayOfEpochDay,
  fromEpochDay,
  toEpochDay,
} from '../../src/domain/calendar/local-date';

/** Monday 2 March 2026: a fixed "today" so every relative date has one right answer. */
export const TODAY = '2026-03-02';

/**
 * A stand-in for the group's working-day calendar: skips Saturdays and Sundays only, and
 * records each call so tests can see the parser asked for the right count from the right day.
 */
export function fakeContext(today: LocalDate = TODAY) {
  const calls: Array<{ from: LocalDate; n: number }> = [];
  const addWorkingDays = (from: LocalDate, n: number): LocalDate => {
    calls.push({ from, n });
    let day = toEpochDay(from);
    for (let left = n; left > 0;) {
      day += 1;
      if (isoWeekdayOfEpochDay(day) <= 5) left -= 1;
    }
    return fromEpochDay(day);
  };
  return { today, addWorkingDays, calls };
}
