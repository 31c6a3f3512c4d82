import { DateTime, IANAZone } from 'luxon';
import type { BankHoliday } from './bank-holidays';
import { holidaysOf } from './bank-holidays';
import type { LocalDate } from './local-date';
import {
  assertLocalDate,
  assertWhole,
  fromEpochDay,
  isoWeekdayOfEpochDay,
  plusDays,
  plusMonths,
  toEpochDay,
  yearOf,
} from './local-date';
import type { Region } from './regions';
import { DEFAULT_ZONE } from './regions';

export interface CalendarSettings {
  region: Region;
  /** IANA zone the organisation keeps its days in. */
  zone?: string;
}

/**
 * Working days skip weekends and the region's bank holidays (docs/domain.md, "Deadlines the
 * bot must chase"). Days are local to the organisation's zone: a request received at 23:30
 * on a Friday in London is a Friday request, whatever the UTC date.
 */
export interface WorkingDayCalendar {
  readonly region: Region;
  readonly zone: string;
  isWorkingDay(date: LocalDate): boolean;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: LocalDate): LocalDate;
  /** The last working day strictly before `date`. */
  previousWorkingDay(date: LocalDate): LocalDate;
  /**
   * Counts n working days starting with the first working day after the local date of
   * `from` (the day of receipt is never day one). Negative n counts back the same way; 0
   * returns the local date of `from` unchanged.
   */
  addWorkingDays(from: Date | LocalDate, n: number): LocalDate;
  addCalendarDays(date: LocalDate, n: number): LocalDate;
  addMonths(date: LocalDate, n: number): LocalDate;
  bankHolidaysIn(year: number): readonly BankHoliday[];
  localDateOf(at: Date): LocalDate;
  /** 23:59:59.999 on that day in the zone, as an instant: when a deadline on that day lapses. */
  endOfLocalDay(date: LocalDate): Date;
}

export function createWorkingDayCalendar(settings: CalendarSettings): WorkingDayCalendar {
  const region = settings.region;
  const zone = settings.zone ?? DEFAULT_ZONE;
  if (!IANAZone.isValidZone(zone)) throw new RangeError(`Not an IANA time zone: ${zone}`);

  function isWorkingEpochDay(epochDay: number): boolean {
    if (isoWeekdayOfEpochDay(epochDay) >= 6) return false;
    const date = fromEpochDay(epochDay);
    return !holidaysOf(region, yearOf(date)).dates.has(date);
  }

  function stepWorkingDays(start: LocalDate, n: number): LocalDate {
    assertWhole(n, 'working days');
    const step = n < 0 ? -1 : 1;
    let day = toEpochDay(start);
    for (let left = Math.abs(n); left > 0;) {
      day += step;
      if (isWorkingEpochDay(day)) left -= 1;
    }
    return fromEpochDay(day);
  }

  function localDateOf(at: Date): LocalDate {
    const local = DateTime.fromJSDate(at, { zone }).toISODate();
    if (local === null) throw new RangeError(`Not a valid instant: ${String(at)}`);
    return local;
  }

  return {
    region,
    zone,
    isWorkingDay: (date) => isWorkingEpochDay(toEpochDay(date)),
    nextWorkingDay: (date) => stepWorkingDays(date, 1),
    previousWorkingDay: (date) => stepWorkingDays(date, -1),
    addWorkingDays: (from, n) =>
      stepWorkingDays(from instanceof Date ? localDateOf(from) : from, n),
    addCalendarDays: plusDays,
    addMonths: plusMonths,
    bankHolidaysIn: (year) => {
      assertWhole(year, 'year');
      return holidaysOf(region, year).list;
    },
    localDateOf,
    endOfLocalDay: (date) => {
      assertLocalDate(date);
      return DateTime.fromISO(date, { zone }).endOf('day').toJSDate();
    },
  };
}
