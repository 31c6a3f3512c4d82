import { DateTime } from 'luxon';
import { z } from 'zod';

/**
 * The span a quarterly or annual report covers, in the organisation's time zone. Quarters and
 * years are calendar ones: none of the four documents defines its reporting year (Torus TIMS
 * reports "quarterly", Trafford's Panel submits "an annual report on its activities to Board",
 * neither says from when), and every report names its dates so no reader has to guess.
 */
export interface ReportPeriod {
  /** "2026-Q3" or "2026": also the files' names. */
  key: string;
  /** "July to September 2026". */
  label: string;
  from: string;
  to: string;
  startsAt: Date;
  /** The first instant after the period. */
  endsAt: Date;
}

export const quarterKey = z
  .string()
  .trim()
  .regex(/^\d{4}-?[Qq][1-4]$/, 'write a quarter as 2026-Q3')
  .transform((q) => q.toUpperCase().replace(/^(\d{4})-?Q/, '$1-Q'));
export const yearKey = z.coerce
  .number()
  .int('write a year as 2026')
  .min(2000, 'write a year as 2026')
  .max(2100, 'write a year as 2026');

function periodOf(start: DateTime, end: DateTime, key: string): ReportPeriod {
  const last = end.minus({ days: 1 });
  const label =
    start.year === last.year && start.month === last.month
      ? start.toFormat('LLLL yyyy')
      : start.year === last.year
        ? `${start.toFormat('LLLL')} to ${last.toFormat('LLLL yyyy')}`
        : `${start.toFormat('LLLL yyyy')} to ${last.toFormat('LLLL yyyy')}`;
  return {
    key,
    label,
    from: start.toISODate() ?? '',
    to: last.toISODate() ?? '',
    startsAt: start.toJSDate(),
    endsAt: end.toJSDate(),
  };
}

export function quarterPeriod(key: string, zone: string): ReportPeriod {
  const [year, quarter] = key.split('-Q').map(Number);
  const start = DateTime.fromObject(
    { year: year ?? 2000, month: ((quarter ?? 1) - 1) * 3 + 1, day: 1 },
    { zone, locale: 'en-GB' },
  );
  return periodOf(start, start.plus({ months: 3 }), key);
}

/** The last quarter that has ended by `now`: the one a quarterly report is usually about. */
export function lastCompleteQuarter(now: Date, zone: string): string {
  const previous = DateTime.fromJSDate(now, { zone }).startOf('quarter').minus({ days: 1 });
  return `${previous.year}-Q${previous.quarter}`;
}

export function yearPeriod(year: number, zone: string): ReportPeriod {
  const start = DateTime.fromObject({ year, month: 1, day: 1 }, { zone, locale: 'en-GB' });
  return periodOf(start, start.plus({ years: 1 }), String(year));
}

/** The last calendar year that has ended by `now`. */
export function lastCompleteYear(now: Date, zone: string): number {
  return DateTime.fromJSDate(now, { zone }).year - 1;
}
