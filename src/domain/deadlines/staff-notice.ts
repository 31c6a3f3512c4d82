import type { LocalDate, WorkingDayCalendar } from '../calendar';
import type { Result } from '../shared/result';
import { ok, refuse } from '../shared/result';
import { DEADLINE_RULES } from './deadline-rules';
import { formatLongDate } from './long-dates';

const NOTICE = DEADLINE_RULES['staff-attendance-notice'].period as { amount: number };

/**
 * Sedgemoor 6.1 and Trafford: staff are called to a meeting with at least 10 working days'
 * notice. The last day to invite is the meeting's local date counted back 10 working days,
 * so an invitation on Monday 1 June 2026 is enough for a meeting on Monday 15 June.
 */
export function latestInviteDate(meetingAt: Date, calendar: WorkingDayCalendar): LocalDate {
  return calendar.addWorkingDays(calendar.localDateOf(meetingAt), -NOTICE.amount);
}

/** Any time on the last day to invite is still in time, as with every deadline here. */
export function hasEnoughNotice(
  invitedAt: Date,
  meetingAt: Date,
  calendar: WorkingDayCalendar,
): boolean {
  return (
    invitedAt.getTime() <= calendar.endOfLocalDay(latestInviteDate(meetingAt, calendar)).getTime()
  );
}

/** The same check with a sentence for the officer when the notice is too short. */
export function checkStaffNotice(
  invitedAt: Date,
  meetingAt: Date,
  calendar: WorkingDayCalendar,
): Result<true> {
  if (hasEnoughNotice(invitedAt, meetingAt, calendar)) return ok(true);
  const latest = calendar.endOfLocalDay(latestInviteDate(meetingAt, calendar));
  return refuse(
    'notice-too-short',
    `Staff must get at least ${NOTICE.amount} working days' notice to attend a meeting; for a meeting on ${formatLongDate(meetingAt, calendar.zone)} the invitation had to go by ${formatLongDate(latest, calendar.zone)}.`,
  );
}
