import type { LocalDate } from '../calendar/local-date';
import type { Refusal, Result } from '../shared/result';
import { unlessRefused } from '../shared/result';
import type { Review, ReviewMeeting } from './review';
import { notBeforeOpened, plural } from './review-refusals';
import { minimumMeetingsFor } from './review-policy';

export interface NewMeeting {
  on: LocalDate;
  attendees: number;
  notes?: string;
}

/** Records a panel meeting; the count gates the final report (Sedgemoor ToR 10.1). */
export function recordMeeting(review: Review, meeting: NewMeeting): Result<Review> {
  const refusals: Refusal[] = [...notBeforeOpened(review, meeting.on, 'A meeting')];
  if (!Number.isInteger(meeting.attendees) || meeting.attendees < 1)
    refusals.push({
      code: 'review.meeting-attendees-invalid',
      message: `A meeting needs at least one person there; ${meeting.attendees} is not a number of attendees.`,
    });
  return unlessRefused(refusals, () => {
    const notes = meeting.notes?.trim();
    const held: ReviewMeeting = {
      on: meeting.on,
      attendees: meeting.attendees,
      ...(notes ? { notes } : {}),
    };
    return { ...review, meetings: [...review.meetings, held] };
  });
}

/** Undefined where the group's policy sets no minMeetingsPerReview (the rule is off). */
export function meetingsNeeded(review: Review): number | undefined {
  return minimumMeetingsFor(review.policy, review.depth);
}

/**
 * Sedgemoor ToR 10.1: "a full scrutiny review will require a minimum of 4 meetings and a
 * light-touch review a minimum of 2 meetings", counted before the report is final and before
 * the review can complete. `what` says which of the two is being held back.
 */
export function tooFewMeetings(review: Review, what = 'before the report is final'): Refusal[] {
  const held = review.meetings.length;
  const needed = meetingsNeeded(review);
  if (needed === undefined || held >= needed) return [];
  return [
    {
      code: 'review.meetings-too-few',
      message: `A ${review.depth} review needs at least ${plural(needed, 'meeting')} ${what}; ${heldSoFar(held)}.`,
    },
  ];
}

function heldSoFar(held: number): string {
  if (held === 0) return 'none has been held';
  return `only ${held} ${held === 1 ? 'has' : 'have'} been held`;
}
