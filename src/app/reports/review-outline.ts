import type { LocalDate } from '../../domain/calendar';
import {
  markOverdueActions,
  planState,
  stepLabel,
  type ImprovementAction,
  type Review,
} from '../../domain/reviews';
import type { Blinding } from '../checks/findings-views';
import { outward } from './report-text';

/**
 * What every report says about a review's recommendations and its plan, worked out once so the
 * review report, the quarterly and annual reports and "you said, we did" cannot disagree.
 */

export interface RecommendationLine {
  number: string;
  text: string;
  committee: 'agreed' | 'not agreed' | 'not yet decided';
  management: 'accepted' | 'rejected' | 'no response yet' | 'not asked';
  managementReason?: string;
}

export interface ActionLine {
  id: string;
  recommendation: string;
  action: string;
  /** The lead's person id; the caller names them where the report may. */
  ownerId: string;
  dueOn: string;
  state: ImprovementAction['state'];
  doneOn?: string;
}

const STATE_ORDER: Record<ImprovementAction['state'], number> = { overdue: 0, open: 1, done: 2 };

/** Where the review is: the first step neither done nor skipped, or finished. */
export function reviewStage(review: Review): string {
  const next = review.steps.find((s) => s.state === 'pending');
  return next ? `at ${stepLabel(next.number)}` : 'all steps done';
}

export function recommendationLines(review: Review, blinding: Blinding): RecommendationLine[] {
  const responses = new Map(
    (review.managementResponse?.responses ?? []).map((r) => [r.recommendationId, r]),
  );
  return review.recommendations.map((r) => {
    const response = responses.get(r.id);
    const committee =
      r.agreed === true ? 'agreed' : r.agreed === false ? 'not agreed' : 'not yet decided';
    return {
      number: r.id,
      text: outward(r.text, blinding),
      committee,
      management: response
        ? response.decision === 'accept'
          ? 'accepted'
          : 'rejected'
        : r.agreed === true
          ? 'no response yet'
          : 'not asked',
      ...(response?.reason && { managementReason: outward(response.reason, blinding) }),
    };
  });
}

/** Every action, overdue first, as of `asOf` (an action past its date and not done is overdue). */
export function actionLines(review: Review, asOf: LocalDate, blinding: Blinding): ActionLine[] {
  const marked = markOverdueActions(review, asOf);
  return marked.improvementPlan.actions
    .map((a, index) => ({ a, index }))
    .sort((x, y) => STATE_ORDER[x.a.state] - STATE_ORDER[y.a.state] || x.index - y.index)
    .map(({ a }) => ({
      id: a.id,
      recommendation: a.recommendationId,
      action: outward(a.action, blinding),
      ownerId: a.owner,
      dueOn: a.dueOn,
      state: a.state,
      ...(a.doneOn && { doneOn: a.doneOn }),
    }));
}

export function planStateText(review: Review): string {
  const plan = review.improvementPlan;
  if (plan.actions.length === 0 && (plan.submissions ?? []).length === 0) return 'no plan yet';
  switch (planState(plan)) {
    case 'signed-off':
      return `signed off on ${plan.agreedOn ?? ''}`.trim();
    case 'submitted':
      return 'with the committee for sign-off';
    case 'drafting':
      return (plan.returns ?? []).length > 0
        ? 'returned to management for further improvement'
        : 'being drafted by management';
  }
}

export const ACTION_STATE_TEXT: Record<ImprovementAction['state'], string> = {
  overdue: 'Overdue',
  open: 'Open',
  done: 'Done',
};
