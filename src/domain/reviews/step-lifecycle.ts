import type { LocalDate } from '../calendar/local-date';
import type { Refusal, Result } from '../shared/result';
import { unlessRefused } from '../shared/result';
import { tooFewMeetings } from './meetings';
import { isStepRequired } from './review-policy';
import { actorRefusals, notBeforeOpened } from './review-refusals';
import { FINAL_REPORT_STEP, stepLabel, type StepNumber } from './review-steps';
import { stepOf, withStep, type Actor, type Review } from './review';

/**
 * Steps are worked in order (Sedgemoor ToR 4.3 numbers them 1 to 10): a step can be done once
 * every earlier step is done or was skipped. Nothing is undone silently; a step's record says
 * who did it and when.
 */
function earlierOpen(review: Review, step: StepNumber): Refusal[] {
  const open = review.steps.filter((s) => s.number < step && s.state === 'pending');
  if (open.length === 0) return [];
  return [
    {
      code: 'review.earlier-steps-open',
      message: `Finish or skip ${open.map((s) => stepLabel(s.number)).join(', ')} first.`,
    },
  ];
}

function stillPending(review: Review, step: StepNumber): Refusal[] {
  const current = stepOf(review, step);
  return current.state === 'pending'
    ? []
    : [
        {
          code: 'review.step-already-settled',
          message: `${stepLabel(step)} was already ${current.state === 'done' ? 'done' : 'skipped'} on ${current.on}.`,
        },
      ];
}

/**
 * Sedgemoor ToR 10.1: the minimum meetings hold back the final report and the review's
 * completion. Settling the last open step completes the review, whether it is done or skipped,
 * so both paths check: a light-touch review may skip step 8 (4.4), and must not thereby finish
 * with fewer meetings than the group's policy requires.
 */
function meetingsBeforeSettling(
  review: Review,
  step: StepNumber,
  settling: 'done' | 'skipped',
): Refusal[] {
  const completes = review.steps.every((s) => s.number === step || s.state !== 'pending');
  if (completes) return tooFewMeetings(review, 'before it can be completed');
  if (step === FINAL_REPORT_STEP && settling === 'done') return tooFewMeetings(review);
  return [];
}

/** Marks a step done. The final report waits for the minimum meetings (Sedgemoor ToR 10.1). */
export function completeStep(
  review: Review,
  step: StepNumber,
  by: Actor,
  on: LocalDate,
): Result<Review> {
  const refusals: Refusal[] = [
    ...actorRefusals(by),
    ...notBeforeOpened(review, on, 'A step'),
    ...stillPending(review, step),
    ...earlierOpen(review, step),
  ];
  refusals.push(...meetingsBeforeSettling(review, step, 'done'));
  return unlessRefused(refusals, () => withStep(review, { number: step, state: 'done', by, on }));
}

/**
 * Skips a step with a reason. Sedgemoor ToR 4.4: a light-touch review includes steps 1, 3 and
 * 5 and "aspects of" the others, so only those may be skipped, and only in a light-touch review.
 */
export function skipStep(
  review: Review,
  step: StepNumber,
  by: Actor,
  on: LocalDate,
  reason: string,
): Result<Review> {
  const refusals: Refusal[] = [
    ...actorRefusals(by),
    ...notBeforeOpened(review, on, 'A step'),
    ...stillPending(review, step),
    ...earlierOpen(review, step),
  ];
  if (isStepRequired(review.policy, review.depth, step))
    refusals.push({
      code: 'review.step-required',
      message: `${stepLabel(step)} cannot be skipped in a ${review.depth} review.`,
    });
  if (!reason.trim())
    refusals.push({ code: 'review.skip-reason-missing', message: 'Say why the step is skipped.' });
  refusals.push(...meetingsBeforeSettling(review, step, 'skipped'));
  return unlessRefused(refusals, () =>
    withStep(review, { number: step, state: 'skipped', by, on, reason: reason.trim() }),
  );
}

/** Every step done or skipped, and the policy's minimum meetings held (Sedgemoor ToR 10.1). */
export function isReviewComplete(review: Review): boolean {
  return (
    review.steps.every((s) => s.state !== 'pending') &&
    tooFewMeetings(review, 'before it can be completed').length === 0
  );
}
