import { DateTime } from 'luxon';
import type { LocalDate, WorkingDayCalendar } from '../calendar';

/**
 * How politely the bot chases (docs/domain.md, "Deadlines the bot must chase"): reminders a few
 * working days before, on the morning a thing is due, each working morning while it is overdue
 * up to a limit, then escalation. Only in working hours on working days.
 */
export interface NudgePolicy {
  /** Local "HH:mm": nudges go from the start of the working day, and not after its end. */
  workingHours: { start: string; end: string };
  /** Working days before the due day that get a reminder, e.g. [3, 1]. */
  daysBefore: readonly number[];
  /** Working mornings of overdue reminders before escalation. */
  overdueNudges: number;
}

export const DEFAULT_NUDGE_POLICY: NudgePolicy = {
  workingHours: { start: '09:00', end: '17:30' },
  daysBefore: [3, 1],
  overdueNudges: 3,
};

export type NudgeAudience = 'owner' | 'escalation';

export interface ScheduledNudge {
  /** Stable within one due date: `before-3`, `due`, `overdue-2`, `escalation`… */
  stage: string;
  /** The working morning it is meant for. */
  on: LocalDate;
  at: Date;
  audience: NudgeAudience;
}

function atLocalTime(date: LocalDate, time: string, zone: string): Date {
  return DateTime.fromISO(`${date}T${time}`, { zone }).toJSDate();
}

/**
 * Every nudge a deadline due at `dueAt` gets, in order. A due day that is not a working day
 * (an officer may set one) has its "due" reminder on the working morning before, which then
 * stands in for the one-day-before reminder rather than sending two on the same morning.
 */
export function nudgeTimetable(
  dueAt: Date,
  calendar: WorkingDayCalendar,
  policy: NudgePolicy = DEFAULT_NUDGE_POLICY,
): ScheduledNudge[] {
  const dueOn = calendar.localDateOf(dueAt);
  const planned: Array<Omit<ScheduledNudge, 'at'>> = [];
  for (const n of [...policy.daysBefore].sort((a, b) => b - a))
    planned.push({
      stage: `before-${n}`,
      on: calendar.addWorkingDays(dueOn, -n),
      audience: 'owner',
    });
  planned.push({
    stage: 'due',
    on: calendar.isWorkingDay(dueOn) ? dueOn : calendar.previousWorkingDay(dueOn),
    audience: 'owner',
  });
  for (let k = 1; k <= policy.overdueNudges; k++)
    planned.push({
      stage: `overdue-${k}`,
      on: calendar.addWorkingDays(dueOn, k),
      audience: 'owner',
    });
  planned.push({
    stage: 'escalation',
    on: calendar.addWorkingDays(dueOn, policy.overdueNudges + 1),
    audience: 'escalation',
  });
  // One nudge a morning: where two fall on the same day, the later (more pressing) one stays.
  const byDay = new Map<LocalDate, Omit<ScheduledNudge, 'at'>>();
  for (const nudge of planned) byDay.set(nudge.on, nudge);
  return [...byDay.values()]
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
    .map((nudge) => ({
      ...nudge,
      at: atLocalTime(nudge.on, policy.workingHours.start, calendar.zone),
    }));
}

/** Inside the working day, on a working day, in the organisation's zone. */
export function isWorkingTime(
  now: Date,
  calendar: WorkingDayCalendar,
  policy: NudgePolicy = DEFAULT_NUDGE_POLICY,
): boolean {
  const today = calendar.localDateOf(now);
  if (!calendar.isWorkingDay(today)) return false;
  const start = atLocalTime(today, policy.workingHours.start, calendar.zone);
  const end = atLocalTime(today, policy.workingHours.end, calendar.zone);
  return now >= start && now < end;
}

/** The next moment nudges may go out: now if it is working time, else the next working morning. */
export function nextWorkingTime(
  now: Date,
  calendar: WorkingDayCalendar,
  policy: NudgePolicy = DEFAULT_NUDGE_POLICY,
): Date {
  if (isWorkingTime(now, calendar, policy)) return now;
  const today = calendar.localDateOf(now);
  const startToday = atLocalTime(today, policy.workingHours.start, calendar.zone);
  if (calendar.isWorkingDay(today) && now < startToday) return startToday;
  return atLocalTime(calendar.nextWorkingDay(today), policy.workingHours.start, calendar.zone);
}

export interface NudgeDecision {
  /** What to send now, if anything: the latest stage that has come and not been sent. */
  send?: ScheduledNudge;
  /** How far through the timetable the deadline is once `send` is sent (index of the stage). */
  through: number;
  /** When to look at this deadline again; undefined when nothing is left to send. */
  nextAt?: Date;
}

/**
 * What a sweep does with one deadline. Stages that came while the bot was down are not sent
 * late one by one: the latest that has come stands for them. Outside working time nothing goes
 * and the deadline is looked at again at the next working morning.
 */
export function decideNudge(
  timetable: readonly ScheduledNudge[],
  /** Index of the last stage already handled; -1 for none. */
  handledThrough: number,
  now: Date,
  calendar: WorkingDayCalendar,
  policy: NudgePolicy = DEFAULT_NUDGE_POLICY,
): NudgeDecision {
  let latest = -1;
  for (let i = handledThrough + 1; i < timetable.length; i++)
    if ((timetable[i] as ScheduledNudge).at <= now) latest = i;
  if (latest === -1) {
    const upcoming = timetable[handledThrough + 1];
    return { through: handledThrough, ...(upcoming ? { nextAt: upcoming.at } : {}) };
  }
  if (!isWorkingTime(now, calendar, policy))
    return { through: handledThrough, nextAt: nextWorkingTime(now, calendar, policy) };
  const following = timetable[latest + 1];
  return {
    send: timetable[latest] as ScheduledNudge,
    through: latest,
    ...(following ? { nextAt: following.at } : {}),
  };
}

/**
 * Where a new deadline starts in its timetable: reminders whose morning had already passed when
 * it was set (a request due in two days has no "three days before") are counted as handled.
 */
export function handledAtStart(timetable: readonly ScheduledNudge[], createdAt: Date): number {
  let through = -1;
  timetable.forEach((nudge, i) => {
    if (nudge.at <= createdAt) through = i;
  });
  return through;
}
