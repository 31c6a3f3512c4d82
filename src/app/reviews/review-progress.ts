import { z } from 'zod';
import {
  addImprovementAction,
  addRecommendation,
  agreeImprovementPlan,
  agreedRecommendations,
  agreeRecommendations,
  completeStep,
  followUpWindow,
  IMPROVEMENT_PLAN_STEP,
  nextRecommendationId,
  recordManagementResponse,
  skipStep,
  STEP_NUMBERS,
  type Review,
  type StepNumber,
} from '../../domain/reviews';
import { ok, refuse, type Result } from '../../domain/shared/result';
import { GroupBook } from '../../store/groups/group-book';
import { DeadlineBook } from '../../store/deadlines/deadline-book';
import type { ReviewRecord } from '../../store/reviews/review-model';
import { startDeadline } from '../deadlines/start-deadline';
import { calendarOf } from '../organisations/register-organisation';
import { localToday, policyOf } from '../people/standing';
import type { Actor } from '../shared/actor';
import { requireGroupRole } from '../shared/authorise';
import type { AppContext } from '../shared/context';
import { localDate, optionalText, recordId, requiredText } from '../shared/inputs';
import { defineUseCase } from '../shared/use-case';
import { whyNotManagement } from './management-owner';
import {
  improvementActionSubject,
  meetDeadlinesAbout,
  planReceiptSubject,
} from './review-deadlines';
import { changeReview, reviewByReference, type ReviewActors } from './review-use-cases';

const reviewRef = requiredText(20);
/** Numbered 1, 2, 3 within the review; reviews stored earlier carry record ids. */
const recommendationId = z.union(
  [
    recordId,
    z
      .string()
      .trim()
      .regex(/^[1-9]\d{0,5}$/),
  ],
  {
    error: 'expected a recommendation number such as 1',
  },
);
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
      (review) => addRecommendation(review, { id: nextRecommendationId(review), text: input.text }),
    );
  },
});

/**
 * Sedgemoor ToR 4.3(6): the committee agrees (or not) each recommendation. 6.2: "A response to
 * the agreed recommendations, triggering a formal duty on SMT to respond within 28 days by way
 * of an improvement plan", so the clock starts the first time any recommendation is agreed and
 * is owned by the person named for management, who must answer it, not by the officer who
 * records the decision. Its length is the group's improvementPlanDays, counted in calendar
 * days; where the group's terms set none, no clock starts (nothing is borrowed from 6.2).
 * Later decisions on the same review do not restart it.
 */
export const decideReviewRecommendations = defineUseCase({
  name: 'decideReviewRecommendations',
  input: z.object({
    reviewRef,
    decisions: z.array(z.object({ recommendationId, agreed: z.boolean() })).min(1),
    managementPersonId: recordId.optional(),
  }),
  async run(ctx, actor, input) {
    const on = await today(ctx, actor);
    const found = await reviewByReference(ctx, actor.organisationId, input.reviewRef);
    // Who may record the decision is settled before whom they name for management.
    const refusals = found
      ? await requireGroupRole(ctx, actor, found.groupId, officerOnly.roles, officerOnly.doing)
      : [];
    if (refusals.length === 0 && input.managementPersonId)
      refusals.push(
        ...(await whyNotManagement(ctx, actor.organisationId, input.managementPersonId)),
      );
    if (refusals.length > 0) return { ok: false, refusals };
    const group = found ? await new GroupBook(ctx.db).get(found.groupId) : undefined;
    const planDays = group ? policyOf(group).improvementPlanDays : undefined;
    const result = await changeReview(
      ctx,
      actor,
      input.reviewRef,
      officerOnly,
      'review.recommendations-decided',
      (review) => {
        const decided = agreeRecommendations(review, input.decisions, actor.personId, on);
        if (!decided.ok) return decided;
        const owner = input.managementPersonId ?? review.managementOwnerId;
        if (planDays && !owner && agreedRecommendations(decided.value).length > 0)
          return refuse(
            'review.management-owner-missing',
            `Name who in management answers the agreed recommendations, e.g. management:@person: the group's terms give them ${planDays} days to send an improvement plan.`,
          );
        return ok(owner ? { ...decided.value, managementOwnerId: owner } : decided.value);
      },
    );
    if (!result.ok) return result;
    const owner = result.value.review.managementOwnerId;
    if (planDays && owner && agreedRecommendations(result.value.review).length > 0) {
      const started = await new DeadlineBook(ctx.db).forSubject('review', result.value._id);
      if (!started.some((d) => d.kind === 'improvement-plan')) {
        const calendar = await calendarOf(ctx, actor.organisationId);
        await startDeadline(ctx, {
          organisationId: actor.organisationId,
          groupId: result.value.groupId,
          kind: 'improvement-plan',
          subject: { kind: 'review', id: result.value._id },
          ownerId: owner,
          from: ctx.now(),
          dueOn: calendar.addCalendarDays(on, planDays),
          startedBy: actor.personId,
        });
      }
    }
    return result;
  },
});

/**
 * The management owner named when the recommendations were agreed answers for senior
 * management (Sedgemoor ToR 6.2: "a formal duty on SMT"); an officer may record it for them.
 */
export function managementOrOfficer(doing: string) {
  return (review: Review): ReviewActors => ({
    roles: ['officer'],
    doing: `${doing} (so can the member of senior management named when the recommendations were agreed)`,
    people: review.managementOwnerId ? [review.managementOwnerId] : [],
  });
}

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
          recommendationId,
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
      managementOrOfficer("record senior management's response"),
      'review.management-response',
      (review) =>
        recordManagementResponse(review, {
          receivedOn: input.receivedOn,
          responses: input.responses,
        }),
    );
  },
});

/**
 * Sedgemoor ToR 6.2: an action with its lead staff member and timescale. Its date is a deadline
 * owned by that lead, so the usual reminders chase them, not the officer. Actions are numbered
 * A1, A2… within the review, so people can name one in chat.
 */
export const addReviewImprovementAction = defineUseCase({
  name: 'addReviewImprovementAction',
  input: z.object({
    reviewRef,
    recommendationId,
    action: requiredText(2000),
    ownerPersonId: recordId,
    dueOn: localDate,
  }),
  async run(ctx, actor, input) {
    let actionId = '';
    const result = await changeReview(
      ctx,
      actor,
      input.reviewRef,
      managementOrOfficer('add actions to an improvement plan'),
      'review.action-added',
      (review) => {
        actionId = `A${review.improvementPlan.actions.length + 1}`;
        return addImprovementAction(review, {
          id: actionId,
          recommendationId: input.recommendationId,
          action: input.action,
          owner: input.ownerPersonId,
          dueOn: input.dueOn,
        });
      },
    );
    if (!result.ok) return result;
    await startDeadline(ctx, {
      organisationId: actor.organisationId,
      groupId: result.value.groupId,
      kind: 'improvement-action',
      subject: improvementActionSubject(result.value._id, actionId),
      ownerId: input.ownerPersonId,
      from: ctx.now(),
      dueOn: input.dueOn,
      startedBy: actor.personId,
    });
    return result;
  },
});

/**
 * Sedgemoor ToR 6.2: the committee signs the plan off "as addressing all recommendations". The
 * officer or the panel's chair records the committee's decision. It answers the receipt's
 * sign-off clock, and with it step 9 ("Receipt of the improvement plan", 4.3(9)) is done if
 * every earlier step is settled. Where the group's terms ask for a follow-up review
 * (Southampton: "reviewed at a later date (6 months–1 year)"), its deadline opens at the start
 * of the window, owned by the officer who opened the review; elsewhere none is invented.
 */
export const agreeReviewImprovementPlan = defineUseCase({
  name: 'agreeReviewImprovementPlan',
  input: z.object({ reviewRef }),
  async run(ctx, actor, input): Promise<Result<ReviewRecord>> {
    const on = await today(ctx, actor);
    const result = await changeReview(
      ctx,
      actor,
      input.reviewRef,
      { roles: ['officer', 'chair'], doing: 'sign an improvement plan off for the committee' },
      'review.plan-agreed',
      (review: Review) => {
        const agreed = agreeImprovementPlan(review, actor.personId, on);
        if (!agreed.ok) return agreed;
        const step9 = completeStep(agreed.value, IMPROVEMENT_PLAN_STEP, actor.personId, on);
        return ok(step9.ok ? step9.value : agreed.value);
      },
    );
    if (!result.ok) return result;
    const record = result.value;
    const receipt = record.review.improvementPlan.submissions?.length ?? 0;
    await meetDeadlinesAbout(
      ctx,
      actor,
      planReceiptSubject(record._id, receipt),
      'committee-sign-off',
    );
    const window = followUpWindow(record.review);
    if (window)
      await startDeadline(ctx, {
        organisationId: actor.organisationId,
        groupId: record.groupId,
        kind: 'action-plan-review',
        subject: { kind: 'review', id: record._id },
        ownerId: record.createdBy,
        from: ctx.now(),
        dueOn: window.from,
        startedBy: actor.personId,
      });
    return ok(record);
  },
});
