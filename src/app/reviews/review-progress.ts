import { z } from 'zod';
import {
  addImprovementAction,
  addRecommendation,
  agreeImprovementPlan,
  agreedRecommendations,
  agreeRecommendations,
  completeStep,
  recordManagementResponse,
  skipStep,
  STEP_NUMBERS,
  type Review,
  type StepNumber,
} from '../../domain/reviews';
import { ok, type Result } from '../../domain/shared/result';
import { DeadlineBook } from '../../store/deadlines/deadline-book';
import { newId } from '../../store/model-registry';
import type { ReviewRecord } from '../../store/reviews/review-model';
import { startDeadline } from '../deadlines/start-deadline';
import { localToday } from '../people/standing';
import type { Actor } from '../shared/actor';
import type { AppContext } from '../shared/context';
import { localDate, optionalText, recordId, requiredText } from '../shared/inputs';
import { defineUseCase } from '../shared/use-case';
import { changeReview } from './review-use-cases';

const reviewRef = requiredText(20);
const step = z
  .number()
  .int()
  .refine((n): n is StepNumber => (STEP_NUMBERS as readonly number[]).includes(n), {
    error: 'expected a step from 1 to 10',
  });
const officerOrChair = {
  roles: ['officer', 'chair'] as Array<'officer' | 'chair'>,
  doing: 'move a review on',
};
const officerOnly = {
  roles: ['officer'] as Array<'officer' | 'chair'>,
  doing: 'record that for a review',
};

async function today(ctx: AppContext, actor: Actor) {
  return localToday(ctx, actor.organisationId);
}

/** Sedgemoor ToR 4.3: one of the ten steps done. */
export const completeReviewStep = defineUseCase({
  name: 'completeReviewStep',
  input: z.object({ reviewRef, step }),
  async run(ctx, actor, input) {
    const on = await today(ctx, actor);
    return changeReview(ctx, actor, input.reviewRef, officerOrChair, 'review.step-done', (review) =>
      completeStep(review, input.step as StepNumber, actor.personId, on),
    );
  },
});

/** Sedgemoor ToR 4.4: an optional step of a light-touch review skipped, with the reason. */
export const skipReviewStep = defineUseCase({
  name: 'skipReviewStep',
  input: z.object({ reviewRef, step, reason: requiredText(500) }),
  async run(ctx, actor, input) {
    const on = await today(ctx, actor);
    return changeReview(
      ctx,
      actor,
      input.reviewRef,
      officerOrChair,
      'review.step-skipped',
      (review) => skipStep(review, input.step as StepNumber, actor.personId, on, input.reason),
      input.reason,
    );
  },
});

/** Sedgemoor ToR 4.3(5): an evidence-based recommendation in the panel's report. */
export const addReviewRecommendation = defineUseCase({
  name: 'addReviewRecommendation',
  input: z.object({ reviewRef, text: requiredText(2000) }),
  async run(ctx, actor, input) {
    return changeReview(
      ctx,
      actor,
      input.reviewRef,
      officerOrChair,
      'review.recommendation-added',
      (review) => addRecommendation(review, { id: newId(), text: input.text }),
    );
  },
});

/**
 * Sedgemoor ToR 4.3(6): the committee agrees (or not) each recommendation. 6.2: "A response to
 * the agreed recommendations, triggering a formal duty on SMT to respond within 28 days by way
 * of an improvement plan", so the 28-day clock starts the first time any recommendation is
 * agreed, owned by the officer recording it (who chases the service). Later decisions on the
 * same review do not restart it.
 */
export const decideReviewRecommendations = defineUseCase({
  name: 'decideReviewRecommendations',
  input: z.object({
    reviewRef,
    decisions: z.array(z.object({ recommendationId: recordId, agreed: z.boolean() })).min(1),
  }),
  async run(ctx, actor, input) {
    const on = await today(ctx, actor);
    const result = await changeReview(
      ctx,
      actor,
      input.reviewRef,
      officerOnly,
      'review.recommendations-decided',
      (review) => agreeRecommendations(review, input.decisions, actor.personId, on),
    );
    if (!result.ok) return result;
    if (agreedRecommendations(result.value.review).length > 0) {
      const started = await new DeadlineBook(ctx.db).forSubject('review', result.value._id);
      if (!started.some((d) => d.kind === 'improvement-plan'))
        await startDeadline(ctx, {
          organisationId: actor.organisationId,
          groupId: result.value.groupId,
          kind: 'improvement-plan',
          subject: { kind: 'review', id: result.value._id },
          ownerId: actor.personId,
          from: ctx.now(),
          startedBy: actor.personId,
        });
    }
    return result;
  },
});

/**
 * Sedgemoor ToR 4.3(6): senior management's response to the agreed recommendations. It starts
 * no clock: the 28-day improvement plan runs from the agreement (6.2), started above.
 */
export const recordReviewManagementResponse = defineUseCase({
  name: 'recordReviewManagementResponse',
  input: z.object({
    reviewRef,
    receivedOn: localDate,
    responses: z
      .array(
        z.object({
          recommendationId: recordId,
          decision: z.enum(['accept', 'reject']),
          reason: optionalText(2000),
        }),
      )
      .min(1),
  }),
  async run(ctx, actor, input) {
    return changeReview(
      ctx,
      actor,
      input.reviewRef,
      officerOnly,
      'review.management-response',
      (review) =>
        recordManagementResponse(review, {
          receivedOn: input.receivedOn,
          responses: input.responses,
        }),
    );
  },
});

/** Sedgemoor ToR 6.2: an action with its lead staff member and timescale. */
export const addReviewImprovementAction = defineUseCase({
  name: 'addReviewImprovementAction',
  input: z.object({
    reviewRef,
    recommendationId: recordId,
    action: requiredText(2000),
    ownerPersonId: recordId,
    dueOn: localDate,
  }),
  async run(ctx, actor, input) {
    return changeReview(ctx, actor, input.reviewRef, officerOnly, 'review.action-added', (review) =>
      addImprovementAction(review, {
        id: newId(),
        recommendationId: input.recommendationId,
        action: input.action,
        owner: input.ownerPersonId,
        dueOn: input.dueOn,
      }),
    );
  },
});

/**
 * The committee agrees the improvement plan; the plan comes back for review after 6 months
 * (up to 12, Southampton TI ToR), so that deadline opens here.
 */
export const agreeReviewImprovementPlan = defineUseCase({
  name: 'agreeReviewImprovementPlan',
  input: z.object({ reviewRef, reviewAfterMonths: z.number().int().min(6).max(12).default(6) }),
  async run(ctx, actor, input): Promise<Result<ReviewRecord>> {
    const on = await today(ctx, actor);
    const result = await changeReview(
      ctx,
      actor,
      input.reviewRef,
      officerOnly,
      'review.plan-agreed',
      (review: Review) => agreeImprovementPlan(review, actor.personId, on),
    );
    if (!result.ok) return result;
    await startDeadline(ctx, {
      organisationId: actor.organisationId,
      groupId: result.value.groupId,
      kind: 'action-plan-review',
      subject: { kind: 'review', id: result.value._id },
      ownerId: actor.personId,
      from: ctx.now(),
      reviewAfterMonths: input.reviewAfterMonths,
      startedBy: actor.personId,
    });
    return ok(result.value);
  },
});
