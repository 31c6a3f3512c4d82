import type { LocalDate } from '../calendar/local-date';
import { compareLocalDates } from '../calendar/local-date';
import type { Refusal, Result } from '../shared/result';
import { unlessRefused } from '../shared/result';
import { managementDecisionOn } from './management-response';
import {
  agreedRecommendations,
  findRecommendation,
  notAgreedRecommendation,
  unknownRecommendation,
} from './recommendations';
import type { Actor, ImprovementAction, ImprovementPlan, Review } from './review';
import { actorRefusals, notBeforeOpened, readableDate } from './review-refusals';

/** Owner and due date are optional here only so that leaving them out is refused, not a crash. */
export interface NewImprovementAction {
  id: string;
  recommendationId: string;
  action: string;
  owner?: string;
  dueOn?: LocalDate;
}

/**
 * Sedgemoor ToR 6.2: the improvement plan has "actions to be completed, lead staff member and
 * anticipated timescale for completion", and responds to "the agreed recommendations".
 */
export function addImprovementAction(review: Review, input: NewImprovementAction): Result<Review> {
  const refusals: Refusal[] = [];
  const id = input.id.trim();
  const action = input.action.trim();
  const owner = input.owner?.trim() ?? '';
  if (!id) refusals.push({ code: 'review.action-id-missing', message: 'An action needs an id.' });
  else if (review.improvementPlan.actions.some((a) => a.id === id))
    refusals.push({
      code: 'review.action-duplicate',
      message: `There is already an action ${id} in the improvement plan.`,
    });
  if (!action)
    refusals.push({ code: 'review.action-text-missing', message: 'Say what the action is.' });
  if (!owner)
    refusals.push({
      code: 'review.action-owner-missing',
      message: 'Every action needs a lead staff member who owns it.',
    });
  if (!input.dueOn)
    refusals.push({
      code: 'review.action-due-missing',
      message: 'Every action needs a date it is due to be completed by.',
    });
  else refusals.push(...notBeforeOpened(review, input.dueOn, 'An action'));
  // The committee judges the plan it received (6.2); it changes again only once returned.
  const state = planState(review.improvementPlan);
  if (state !== 'drafting')
    refusals.push({
      code: 'review.plan-closed',
      message:
        state === 'submitted'
          ? 'The improvement plan is with the committee; it can be changed if they return it.'
          : 'The improvement plan is signed off; its actions can be completed, not added to.',
    });
  const recommendation = findRecommendation(review, input.recommendationId);
  if (!recommendation) refusals.push(unknownRecommendation(input.recommendationId));
  else if (recommendation.agreed !== true)
    refusals.push(notAgreedRecommendation(recommendation.id));

  return unlessRefused(refusals, () => {
    const added: ImprovementAction = {
      id,
      recommendationId: input.recommendationId,
      action,
      owner,
      dueOn: input.dueOn as LocalDate,
      state: 'open',
    };
    return {
      ...review,
      improvementPlan: {
        ...review.improvementPlan,
        actions: [...review.improvementPlan.actions, added],
      },
    };
  });
}

/**
 * Sedgemoor ToR 6.2: the committee signs the plan off "as addressing all recommendations", so
 * every agreed recommendation management did not reject needs at least one action, and it signs
 * off what it received: the plan must have been handed in and not returned since. The date
 * starts the follow-up window (Southampton).
 */
export function agreeImprovementPlan(review: Review, by: Actor, on: LocalDate): Result<Review> {
  const refusals: Refusal[] = [...actorRefusals(by), ...notBeforeOpened(review, on, 'The plan')];
  const plan = review.improvementPlan;
  if (plan.agreedOn)
    refusals.push({
      code: 'review.plan-already-agreed',
      message: `The improvement plan was already agreed on ${readableDate(plan.agreedOn)}.`,
    });
  else if (planState(plan) !== 'submitted')
    refusals.push({
      code: 'review.plan-not-submitted',
      message:
        'Senior management have not handed the improvement plan in, so there is nothing to sign off yet.',
    });
  refusals.push(...coverageRefusals(review));
  return unlessRefused(refusals, () => ({
    ...review,
    improvementPlan: { ...plan, agreedOn: on, agreedBy: by },
  }));
}

/** An overdue action can still be completed; late is better than never. */
export function completeAction(
  review: Review,
  actionId: string,
  by: Actor,
  on: LocalDate,
): Result<Review> {
  const refusals: Refusal[] = [...actorRefusals(by)];
  const found = review.improvementPlan.actions.find((a) => a.id === actionId);
  if (!found)
    refusals.push({
      code: 'review.action-unknown',
      message: `There is no action ${actionId} in the improvement plan.`,
    });
  else if (found.state === 'done')
    refusals.push({
      code: 'review.action-already-done',
      message: `Action ${actionId} was already completed on ${readableDate(found.doneOn ?? on)}.`,
    });
  refusals.push(...notBeforeOpened(review, on, 'A completed action'));
  return unlessRefused(refusals, () =>
    withActions(review, (a) =>
      a.id === actionId ? { ...a, state: 'done', doneBy: by, doneOn: on } : a,
    ),
  );
}

/**
 * Open actions past their due date become overdue, for the committee's monitoring
 * (Sedgemoor ToR 4.3(9), 6.2). Pure: the caller passes today's date.
 */
export function markOverdueActions(review: Review, asOf: LocalDate): Review {
  return withActions(review, (a) =>
    a.state === 'open' && compareLocalDates(a.dueOn, asOf) < 0 ? { ...a, state: 'overdue' } : a,
  );
}

function withActions(
  review: Review,
  change: (action: ImprovementAction) => ImprovementAction,
): Review {
  return {
    ...review,
    improvementPlan: {
      ...review.improvementPlan,
      actions: review.improvementPlan.actions.map(change),
    },
  };
}

/** Where the plan stands: management drafting it, with the committee, or signed off. */
export type PlanState = 'drafting' | 'submitted' | 'signed-off';

export function planState(plan: ImprovementPlan): PlanState {
  if (plan.agreedOn) return 'signed-off';
  const submitted = plan.submissions?.length ?? 0;
  const returned = plan.returns?.length ?? 0;
  // Each return answers the submission before it, so an unanswered hand-in is one more.
  return submitted > returned ? 'submitted' : 'drafting';
}

/** The latest hand-in, when the plan is with the committee: the sign-off clock counts from it. */
export function pendingSubmission(plan: ImprovementPlan) {
  return planState(plan) === 'submitted' ? plan.submissions?.at(-1) : undefined;
}

/** Every agreed recommendation management accepted needs an action (Sedgemoor ToR 6.2). */
function coverageRefusals(review: Review): Refusal[] {
  const plan = review.improvementPlan;
  if (plan.actions.length === 0)
    return [{ code: 'review.plan-empty', message: 'The improvement plan has no actions yet.' }];
  const uncovered = agreedRecommendations(review)
    .filter((r) => managementDecisionOn(review, r.id) !== 'reject')
    .filter((r) => !plan.actions.some((a) => a.recommendationId === r.id))
    .map((r) => r.id);
  if (uncovered.length === 0) return [];
  return [
    {
      code: 'review.plan-incomplete',
      message: `The plan must address every agreed recommendation; none of its actions answers ${uncovered.join(', ')}.`,
    },
  ];
}

/**
 * Management hand the plan to the committee (Sedgemoor ToR 4.3(9) "Receipt of the improvement
 * plan"; 6.2 "respond within 28 days by way of an improvement plan"). It must answer
 * management's response first, and cover every accepted recommendation, so the committee is not
 * sent a plan it could only return. Handing in again after a return is how the plan comes back.
 */
export function submitPlan(review: Review, by: Actor, on: LocalDate): Result<Review> {
  const refusals: Refusal[] = [...actorRefusals(by), ...notBeforeOpened(review, on, 'The plan')];
  const plan = review.improvementPlan;
  const state = planState(plan);
  if (state === 'signed-off')
    refusals.push({
      code: 'review.plan-already-agreed',
      message: `The improvement plan was already signed off on ${readableDate(plan.agreedOn ?? on)}.`,
    });
  else if (state === 'submitted')
    refusals.push({
      code: 'review.plan-already-submitted',
      message: `The improvement plan was handed in on ${readableDate(plan.submissions?.at(-1)?.on ?? on)} and is with the committee.`,
    });
  if (!review.managementResponse)
    refusals.push({
      code: 'review.plan-before-response',
      message:
        'Answer each agreed recommendation (accept, or reject with a reason) before handing the plan in.',
    });
  if (state === 'drafting') refusals.push(...coverageRefusals(review));
  return unlessRefused(refusals, () => ({
    ...review,
    improvementPlan: { ...plan, submissions: [...(plan.submissions ?? []), { by, on }] },
  }));
}

/**
 * Sedgemoor ToR 6.2: the committee may return the plan "to SMT for further improvement"
 * instead of signing it off; the reason is recorded so management know what to improve.
 */
export function returnPlan(
  review: Review,
  by: Actor,
  on: LocalDate,
  reason: string,
): Result<Review> {
  const refusals: Refusal[] = [...actorRefusals(by), ...notBeforeOpened(review, on, 'A return')];
  const plan = review.improvementPlan;
  const state = planState(plan);
  if (state === 'signed-off')
    refusals.push({
      code: 'review.plan-already-agreed',
      message: `The improvement plan was already signed off on ${readableDate(plan.agreedOn ?? on)}.`,
    });
  else if (state === 'drafting')
    refusals.push({
      code: 'review.plan-not-submitted',
      message:
        'The improvement plan is with management, not the committee, so it cannot be returned.',
    });
  const why = reason.trim();
  if (!why)
    refusals.push({
      code: 'review.return-reason-missing',
      message: 'Say what management should improve in the plan.',
    });
  return unlessRefused(refusals, () => ({
    ...review,
    improvementPlan: { ...plan, returns: [...(plan.returns ?? []), { by, on, reason: why }] },
  }));
}
