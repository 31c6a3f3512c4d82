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
import type { Actor, ImprovementAction, Review } from './review';
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
 * every agreed recommendation management did not reject needs at least one action. The date
 * starts the follow-up window.
 */
export function agreeImprovementPlan(review: Review, by: Actor, on: LocalDate): Result<Review> {
  const refusals: Refusal[] = [...actorRefusals(by), ...notBeforeOpened(review, on, 'The plan')];
  const plan = review.improvementPlan;
  if (plan.agreedOn)
    refusals.push({
      code: 'review.plan-already-agreed',
      message: `The improvement plan was already agreed on ${readableDate(plan.agreedOn)}.`,
    });
  if (plan.actions.length === 0)
    refusals.push({
      code: 'review.plan-empty',
      message: 'The improvement plan has no actions yet.',
    });
  else {
    const uncovered = agreedRecommendations(review)
      .filter((r) => managementDecisionOn(review, r.id) !== 'reject')
      .filter((r) => !plan.actions.some((a) => a.recommendationId === r.id))
      .map((r) => r.id);
    if (uncovered.length > 0)
      refusals.push({
        code: 'review.plan-incomplete',
        message: `The plan must address every agreed recommendation; none of its actions answers ${uncovered.join(', ')}.`,
      });
  }
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
