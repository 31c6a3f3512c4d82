import type { WorkingDayCalendar } from '../calendar';
import { DEFAULT_ZONE } from '../calendar';
import type { Refusal, Result } from '../shared/result';
import { unlessRefused } from '../shared/result';
import type { DeadlineKind } from './deadline-rules';
import type { DueOptions } from './due-dates';
import { dueFor } from './due-dates';
import { formatLongDate } from './long-dates';

export const DEADLINE_STATES = ['open', 'met', 'missed', 'waived'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

export interface Deadline {
  kind: DeadlineKind;
  /** What the deadline is about, e.g. { kind: 'information-request', id }. */
  subject: { kind: string; id: string };
  /** Who must act, and who the bot nudges. */
  ownerId: string;
  dueAt: Date;
  state: DeadlineState;
  metAt?: Date;
  missedAt?: Date;
  waivedBy?: string;
  waivedReason?: string;
}

export interface OpenDeadlineInput {
  kind: DeadlineKind;
  subject: { kind: string; id: string };
  ownerId: string;
  /** What the rule counts from: receipt, agreement, the meeting, the last report. */
  from: Date;
  calendar: WorkingDayCalendar;
  options?: DueOptions;
}

export function openDeadline(input: OpenDeadlineInput): Deadline {
  return {
    kind: input.kind,
    subject: { ...input.subject },
    ownerId: input.ownerId,
    dueAt: dueFor(input.kind, input.from, input.calendar, input.options),
    state: 'open',
  };
}

function closedRefusal(deadline: Deadline, zone: string): Refusal | undefined {
  switch (deadline.state) {
    case 'met':
      return {
        code: 'deadline-closed',
        message: deadline.metAt
          ? `This deadline was already met on ${formatLongDate(deadline.metAt, zone)}.`
          : 'This deadline was already met.',
      };
    case 'waived':
      return {
        code: 'deadline-closed',
        message: deadline.waivedReason
          ? `This deadline was already waived: ${deadline.waivedReason}`
          : 'This deadline was already waived.',
      };
    default:
      return undefined;
  }
}

/**
 * A late answer still closes a missed deadline: the bot must stop chasing, and metAt after
 * dueAt (with missedAt kept) shows it was late. `zone` only shapes the dates in refusals.
 */
export function meet<D extends Deadline>(
  deadline: D,
  at: Date,
  zone: string = DEFAULT_ZONE,
): Result<D> {
  const closed = closedRefusal(deadline, zone);
  return unlessRefused(closed ? [closed] : [], () => ({
    ...deadline,
    state: 'met' as const,
    metAt: at,
  }));
}

export function markMissed<D extends Deadline>(
  deadline: D,
  now: Date,
  zone: string = DEFAULT_ZONE,
): Result<D> {
  const refusals: Refusal[] = [];
  const closed = closedRefusal(deadline, zone);
  if (closed) refusals.push(closed);
  else if (deadline.state === 'missed') {
    refusals.push({
      code: 'deadline-already-missed',
      message: deadline.missedAt
        ? `This deadline was already marked missed on ${formatLongDate(deadline.missedAt, zone)}.`
        : 'This deadline was already marked missed.',
    });
  } else if (now.getTime() <= deadline.dueAt.getTime()) {
    refusals.push({
      code: 'deadline-not-yet-due',
      message: `This deadline runs to the end of ${formatLongDate(deadline.dueAt, zone)}, so it cannot be missed yet.`,
    });
  }
  return unlessRefused(refusals, () => ({ ...deadline, state: 'missed' as const, missedAt: now }));
}

/** A waiver needs a name and a reason because it is the one way round a document's rule. */
export function waive<D extends Deadline>(
  deadline: D,
  by: string,
  reason: string,
  zone: string = DEFAULT_ZONE,
): Result<D> {
  const refusals: Refusal[] = [];
  const closed = closedRefusal(deadline, zone);
  if (closed) refusals.push(closed);
  if (by.trim() === '') {
    refusals.push({ code: 'waiver-needs-person', message: 'Say who is waiving this deadline.' });
  }
  if (reason.trim() === '') {
    refusals.push({
      code: 'waiver-needs-reason',
      message: 'Give a reason for waiving this deadline; it is kept on the record.',
    });
  }
  return unlessRefused(refusals, () => ({
    ...deadline,
    state: 'waived' as const,
    waivedBy: by.trim(),
    waivedReason: reason.trim(),
  }));
}

/** Still owed and past its due instant; a missed deadline is still owed until met or waived. */
export function isOverdue(deadline: Deadline, now: Date): boolean {
  const owed = deadline.state === 'open' || deadline.state === 'missed';
  return owed && now.getTime() > deadline.dueAt.getTime();
}

/**
 * Open, not yet past due, and due on or before the day `withinWorkingDays` working days
 * from today: 0 means due today, 2 on a Friday reaches the Tuesday after.
 */
export function dueSoon(
  deadline: Deadline,
  now: Date,
  withinWorkingDays: number,
  calendar: WorkingDayCalendar,
): boolean {
  if (!Number.isInteger(withinWorkingDays) || withinWorkingDays < 0) {
    throw new RangeError(
      `withinWorkingDays must be a whole number of 0 or more, got ${withinWorkingDays}`,
    );
  }
  if (deadline.state !== 'open' || now.getTime() > deadline.dueAt.getTime()) return false;
  const horizon = calendar.endOfLocalDay(calendar.addWorkingDays(now, withinWorkingDays));
  return deadline.dueAt.getTime() <= horizon.getTime();
}
