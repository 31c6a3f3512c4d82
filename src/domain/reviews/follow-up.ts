import type { LocalDate } from '../calendar/local-date';
import { compareLocalDates, plusMonths } from '../calendar/local-date';
import type { Refusal, Result } from '../shared/result';
import { unlessRefused } from '../shared/result';
import type { Review } from './review';
import { readableDate } from './review-refusals';

/** The earliest and latest follow-up dates, or undefined until the plan is agreed. */
export function followUpWindow(review: Review): { from: LocalDate; to: LocalDate } | undefined {
  const agreedOn = review.improvementPlan.agreedOn;
  const months = review.policy.followUpWindowMonths;
  if (!agreedOn || !months) return undefined;
  return { from: plusMonths(agreedOn, months.from), to: plusMonths(agreedOn, months.to) };
}

/**
 * Southampton tenant-inspectors terms: the action plan "is agreed with Housing and reviewed at
 * a later date (6 months–1 year)". The window counts from when the plan was agreed, both ends
 * included.
 */
export function setFollowUpReview(review: Review, on: LocalDate): Result<Review> {
  const refusals: Refusal[] = [];
  const window = followUpWindow(review);
  if (!review.policy.followUpWindowMonths)
    refusals.push({
      code: 'review.follow-up-not-in-terms',
      message:
        "This group's terms ask for no follow-up review of the plan; an officer can set one with `group policy set follow-up-review-months:6-12`.",
    });
  else if (!window)
    refusals.push({
      code: 'review.plan-not-agreed',
      message:
        'A follow-up review is set once the improvement plan is agreed, and it is not agreed yet.',
    });
  else if (compareLocalDates(on, window.from) < 0 || compareLocalDates(on, window.to) > 0) {
    const months = review.policy.followUpWindowMonths;
    refusals.push({
      code: 'review.follow-up-outside-window',
      message: `The follow-up review must be ${months.from} to ${months.to} months after the plan was agreed: between ${readableDate(window.from)} and ${readableDate(window.to)}, not ${readableDate(on)}.`,
    });
  }
  return unlessRefused(refusals, () => ({ ...review, followUpReviewOn: on }));
}
