import type { LocalDate, WorkingDayCalendar } from '../calendar';
import type { Result } from '../shared/result';
import { ok, refuse } from '../shared/result';
import type { DeadlineKind, DeadlinePeriod } from './deadline-rules';
import { DEADLINE_RULES } from './deadline-rules';

export interface DueOptions {
  /** Southampton: an action plan is reviewed 6 months to 1 year later; the default is 6. */
  reviewAfterMonths?: number;
}

const REVIEW = DEADLINE_RULES['action-plan-review'].period as { amount: number; upTo: number };

/** For the officer who picks a review interval in chat. */
export function checkReviewAfterMonths(months: number): Result<number> {
  if (Number.isInteger(months) && months >= REVIEW.amount && months <= REVIEW.upTo) {
    return ok(months);
  }
  return refuse(
    'review-interval-out-of-range',
    `Southampton's terms say an action plan is reviewed ${REVIEW.amount} months to 1 year after it is agreed, so pick a whole number of months from ${REVIEW.amount} to ${REVIEW.upTo} (not ${months}).`,
  );
}

/** The next quarter end strictly after `date`, so a report filed on 30 June is next due 30 September. */
export function nextQuarterEnd(date: LocalDate, calendar: WorkingDayCalendar): LocalDate {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const quarterEndMonth = Math.ceil(month / 3) * 3;
  const lastDayOfQuarter = calendar.addCalendarDays(
    calendar.addMonths(`${year}-${String(quarterEndMonth).padStart(2, '0')}-01`, 1),
    -1,
  );
  if (lastDayOfQuarter !== date) return lastDayOfQuarter;
  return calendar.addCalendarDays(calendar.addMonths(calendar.addCalendarDays(date, 1), 3), -1);
}

function dueDay(
  period: DeadlinePeriod,
  from: Date,
  calendar: WorkingDayCalendar,
  options: DueOptions,
): LocalDate {
  const start = calendar.localDateOf(from);
  switch (period.unit) {
    case 'working-days':
      return calendar.addWorkingDays(
        start,
        period.counted === 'before' ? -period.amount : period.amount,
      );
    case 'calendar-days':
      return calendar.addCalendarDays(start, period.amount);
    case 'months': {
      const months =
        period.upTo === undefined ? period.amount : (options.reviewAfterMonths ?? period.amount);
      return calendar.addMonths(start, months);
    }
    case 'quarter-end':
      return nextQuarterEnd(start, calendar);
  }
}

/**
 * When a deadline of this kind counted from `from` falls due: the end of its due day
 * (23:59:59.999) in the calendar's zone, because the documents give days, not hours, and
 * "within 10 working days" includes all of the tenth. Calendar-day deadlines are not moved
 * off weekends or bank holidays: no document says they should be.
 */
export function dueFor(
  kind: DeadlineKind,
  from: Date,
  calendar: WorkingDayCalendar,
  options: DueOptions = {},
): Date {
  if (options.reviewAfterMonths !== undefined) {
    const checked = checkReviewAfterMonths(options.reviewAfterMonths);
    if (!checked.ok) throw new RangeError(checked.refusals[0]?.message);
  }
  return calendar.endOfLocalDay(dueDay(DEADLINE_RULES[kind].period, from, calendar, options));
}
