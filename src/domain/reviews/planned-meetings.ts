import type { LocalDate, WorkingDayCalendar } from '../calendar';
import { compareLocalDates } from '../calendar/local-date';
import type { Refusal, Result } from '../shared/result';
import { unlessRefused } from '../shared/result';
import type { Actor, PlannedMeeting, Review } from './review';
import { actorRefusals, notBeforeOpened, plural, readableDate } from './review-refusals';

export interface NewPlannedMeeting {
  on: LocalDate;
  /** Person ids of the staff called to it. */
  invited: readonly string[];
  by: Actor;
  today: LocalDate;
}

/**
 * The working days' notice staff are owed, from the group's policy (Sedgemoor ToR 6.1,
 * Trafford QIP ToR 7: 10). Undefined where the terms set none: no notice is enforced.
 */
export interface StaffNoticeRule {
  workingDays: number;
  calendar: Pick<WorkingDayCalendar, 'addWorkingDays'>;
}

/** The first day a meeting can be held with staff invited today, counted in working days. */
export function earliestWithNotice(today: LocalDate, rule: StaffNoticeRule): LocalDate {
  return rule.calendar.addWorkingDays(today, rule.workingDays);
}

function noticeRefusals(input: NewPlannedMeeting, rule: StaffNoticeRule | undefined): Refusal[] {
  if (!rule || input.invited.length === 0) return [];
  const earliest = earliestWithNotice(input.today, rule);
  if (compareLocalDates(input.on, earliest) >= 0) return [];
  return [
    {
      code: 'review.staff-notice-too-short',
      message: `Staff must get at least ${plural(rule.workingDays, 'working day')}' notice of a meeting; with staff invited today, the earliest it can be is ${readableDate(earliest)}.`,
    },
  ];
}

/**
 * Plans a meeting, calling staff to it on the notice the group's terms give them. A second
 * plan for the same day adds its invitees to that meeting rather than making another.
 */
export function planMeeting(
  review: Review,
  input: NewPlannedMeeting,
  notice?: StaffNoticeRule,
): Result<Review> {
  const refusals: Refusal[] = [
    ...actorRefusals(input.by),
    ...notBeforeOpened(review, input.on, 'A meeting'),
  ];
  // A day already past needs no notice sum on top: it cannot be planned at all.
  if (compareLocalDates(input.on, input.today) < 0)
    refusals.push({
      code: 'review.meeting-plan-in-past',
      message: `${readableDate(input.on)} has passed; to record a meeting already held, use \`review held\`.`,
    });
  else refusals.push(...noticeRefusals(input, notice));
  return unlessRefused(refusals, () => {
    const planned = review.plannedMeetings ?? [];
    const same = planned.find((m) => m.on === input.on);
    const invited = [...new Set([...(same?.invited ?? []), ...input.invited])];
    const meeting: PlannedMeeting = {
      on: input.on,
      invited,
      plannedBy: same?.plannedBy ?? input.by,
      plannedOn: same?.plannedOn ?? input.today,
    };
    const others = planned.filter((m) => m.on !== input.on);
    const plannedMeetings = [...others, meeting].sort((a, b) => compareLocalDates(a.on, b.on));
    return { ...review, plannedMeetings };
  });
}

/** Planned meetings no held meeting has been recorded for (a held one is dated the same day). */
export function meetingsStillPlanned(review: Review): PlannedMeeting[] {
  const held = new Set(review.meetings.map((m) => m.on));
  return (review.plannedMeetings ?? []).filter((m) => !held.has(m.on));
}
