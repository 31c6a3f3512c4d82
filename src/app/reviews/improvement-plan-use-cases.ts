import { z } from 'zod';
import {
  completeAction,
  returnPlan,
  setFollowUpReview,
  submitPlan,
  type Review,
} from '../../domain/reviews';
import { ok, refuse, type Result } from '../../domain/shared/result';
import { DeadlineBook } from '../../store/deadlines/deadline-book';
import type { ReviewRecord } from '../../store/reviews/review-model';
import { CHANGED_MEANWHILE } from '../../store/versioned-update';
import { calendarOf } from '../organisations/register-organisation';
import { localToday } from '../people/standing';
import { localDate, requiredText } from '../shared/inputs';
import { defineUseCase } from '../shared/use-case';
import { managementOrOfficer } from './review-progress';
import {
  improvementActionSubject,
  meetDeadlinesAbout,
  planReceiptSubject,
  startSignOffClock,
} from './review-deadlines';
import { changeReview } from './review-use-cases';

/**
 * The improvement plan after the committee agrees the recommendations (Sedgemoor ToR 6.2):
 * management hand it in, the committee signs it off or returns it, each action is completed by
 * its lead, and where the terms ask for it the plan is reviewed later (Southampton).
 */

const reviewRef = requiredText(20);
/** Actions are numbered A1, A2… in their review; people may type 2, A2 or A-2. */
const actionId = z
  .string()
  .trim()
  .regex(/^[Aa]?-?[1-9]\d{0,3}$/, { error: 'expected an action number such as A2' })
  .transform((typed) => `A${typed.replace(/^[Aa]?-?/, '')}`);

/**
 * An action is done by its lead staff member (Sedgemoor ToR 6.2), by the management owner who
 * answers for the whole plan, or recorded by an officer. Completing it meets its deadline, so
 * the reminders stop.
 */
export const completeReviewImprovementAction = defineUseCase({
  name: 'completeReviewImprovementAction',
  input: z.object({ reviewRef, actionId }),
  async run(ctx, actor, input) {
    const on = await localToday(ctx, actor.organisationId);
    const result = await changeReview(
      ctx,
      actor,
      input.reviewRef,
      (review: Review) => {
        const lead = review.improvementPlan.actions.find((a) => a.id === input.actionId)?.owner;
        const management = managementOrOfficer('mark an improvement action done')(review);
        return {
          ...management,
          doing: `mark an improvement action done (so can the action's lead and the member of senior management named for the plan)`,
          people: [...(management.people ?? []), ...(lead ? [lead] : [])],
        };
      },
      'review.action-done',
      (review) => completeAction(review, input.actionId, actor.personId, on),
    );
    if (!result.ok) return result;
    await meetDeadlinesAbout(
      ctx,
      actor,
      improvementActionSubject(result.value._id, input.actionId),
      'improvement-action',
    );
    return result;
  },
});

/**
 * Management hand the plan in (Sedgemoor ToR 4.3(9) "Receipt of the improvement plan"). It
 * answers the 28-day duty of 6.2, so that deadline is met, and the committee's 10 days "of
 * receipt" start where the group's policy sets them, again on each hand-in after a return.
 */
export const submitReviewPlan = defineUseCase({
  name: 'submitReviewPlan',
  input: z.object({ reviewRef }),
  async run(ctx, actor, input): Promise<Result<{ record: ReviewRecord; signOffDue?: Date }>> {
    const on = await localToday(ctx, actor.organisationId);
    const result = await changeReview(
      ctx,
      actor,
      input.reviewRef,
      managementOrOfficer('hand an improvement plan in'),
      'review.plan-submitted',
      (review) => submitPlan(review, actor.personId, on),
    );
    if (!result.ok) return result;
    const record = result.value;
    await meetDeadlinesAbout(ctx, actor, { kind: 'review', id: record._id }, 'improvement-plan');
    const receipt = record.review.improvementPlan.submissions?.length ?? 1;
    const clock = await startSignOffClock(ctx, actor, record, on, receipt);
    return ok({ record, ...(clock ? { signOffDue: clock.dueAt } : {}) });
  },
});

/**
 * Sedgemoor ToR 6.2: the committee returns the plan "to SMT for further improvement". That
 * answers this receipt's sign-off clock; the plan is management's again until handed back in.
 */
export const returnReviewPlan = defineUseCase({
  name: 'returnReviewPlan',
  input: z.object({ reviewRef, reason: requiredText(1000) }),
  async run(ctx, actor, input) {
    const on = await localToday(ctx, actor.organisationId);
    const result = await changeReview(
      ctx,
      actor,
      input.reviewRef,
      { roles: ['officer', 'chair'], doing: 'return an improvement plan for the committee' },
      'review.plan-returned',
      (review) => returnPlan(review, actor.personId, on, input.reason),
      input.reason,
    );
    if (!result.ok) return result;
    const receipt = result.value.review.improvementPlan.submissions?.length ?? 0;
    await meetDeadlinesAbout(
      ctx,
      actor,
      planReceiptSubject(result.value._id, receipt),
      'committee-sign-off',
    );
    return result;
  },
});

/**
 * Southampton: the action plan is "reviewed at a later date (6 months–1 year)". An officer sets
 * the day within the window; the follow-up deadline opened at sign-off moves to it.
 */
export const setReviewFollowUp = defineUseCase({
  name: 'setReviewFollowUp',
  input: z.object({ reviewRef, on: localDate }),
  async run(ctx, actor, input) {
    const result = await changeReview(
      ctx,
      actor,
      input.reviewRef,
      { roles: ['officer'], doing: 'set the follow-up review of an improvement plan' },
      'review.follow-up-set',
      (review) => setFollowUpReview(review, input.on),
    );
    if (!result.ok) return result;
    const book = new DeadlineBook(ctx.db);
    const calendar = await calendarOf(ctx, actor.organisationId);
    const owed = (await book.forSubject('review', result.value._id)).filter(
      (d) => d.kind === 'action-plan-review' && (d.state === 'open' || d.state === 'missed'),
    );
    for (const deadline of owed) {
      const moved = await book.save({ ...deadline, dueAt: calendar.endOfLocalDay(input.on) });
      if (!moved) return refuse(CHANGED_MEANWHILE.code, CHANGED_MEANWHILE.message);
      // The sweep plans reminders for the new date the next time it looks.
      await book.replanAt(moved._id, ctx.now());
    }
    return result;
  },
});
