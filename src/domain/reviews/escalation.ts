import type { LocalDate } from '../calendar/local-date';
import type { Refusal, Result } from '../shared/result';
import { unlessRefused } from '../shared/result';
import type { Actor, Review } from './review';
import { actorRefusals, notBeforeOpened } from './review-refusals';
import type { EscalationStage } from './review-policy';
import { NO_ESCALATION } from './review-policy';

/** The rung the review is on, or undefined while it is not escalated. */
export function currentEscalationStage(review: Review): EscalationStage | undefined {
  return review.policy.escalationLadder.find((s) => s.id === review.escalation.stage);
}

/** The rung an escalation would reach next, or undefined at the top of the ladder. */
export function nextEscalationStage(review: Review): EscalationStage | undefined {
  const ladder = review.policy.escalationLadder;
  if (review.escalation.stage === NO_ESCALATION) return ladder[0];
  const at = ladder.findIndex((s) => s.id === review.escalation.stage);
  return at < 0 ? undefined : ladder[at + 1];
}

/**
 * One rung up the policy's ladder. Sedgemoor ToR 5.4: the panel, "dissatisfied with SMT
 * response", goes to STAC, then STAC "may seek independent mediation". Trafford QIP ToR 5: the
 * panel chair meets the Chair of the Board or the Chief Executive, then the regulator "after
 * agreeing with the Chair of the Board and Chief Executive". Both start from management's
 * answer, so there must be a recorded response to be unhappy with. A group whose terms set no
 * route (Torus, Southampton) has an empty ladder and is refused: no route is borrowed.
 * Who may take each rung is the caller's check (EscalationStage.raisedBy).
 */
export function escalate(
  review: Review,
  by: Actor,
  on: LocalDate,
  reason: string,
  agreement: { agreed: boolean } = { agreed: false },
): Result<Review> {
  if (review.policy.escalationLadder.length === 0)
    return {
      ok: false,
      refusals: [noEscalationRoute(review)],
    };
  const refusals: Refusal[] = [
    ...actorRefusals(by),
    ...notBeforeOpened(review, on, 'An escalation'),
  ];
  const why = reason.trim();
  if (!why)
    refusals.push({
      code: 'review.escalation-reason-missing',
      message: 'Say why the panel is not satisfied; the next stage needs the reason.',
    });
  if (!review.managementResponse)
    refusals.push({
      code: 'review.escalation-before-response',
      message: "Escalation starts from management's response, and none has been recorded yet.",
    });
  const next = nextEscalationStage(review);
  if (!next) {
    const last = currentEscalationStage(review);
    refusals.push({
      code: 'review.escalation-exhausted',
      message: last
        ? `This review has already reached ${last.label}, the last stage in ${review.policy.name}'s terms.`
        : `${review.policy.name} has no escalation stages.`,
    });
  } else if (next.afterAgreeingWith && !agreement.agreed)
    refusals.push({
      code: 'review.escalation-agreement-missing',
      message: `Going to ${next.label} needs agreeing with ${next.afterAgreeingWith} first (${next.source}); confirm that agreement.`,
    });
  return unlessRefused(refusals, () => {
    const stage = (next as EscalationStage).id;
    return {
      ...review,
      escalation: {
        stage,
        history: [...review.escalation.history, { stage, reason: why, by, on }],
      },
    };
  });
}

/** Torus and Southampton: the terms name nobody to escalate to, so nothing is invented. */
export function noEscalationRoute(review: Review): Refusal {
  return {
    code: 'review.escalation-no-route',
    message: `${review.policy.name}'s terms set no escalation route, so this review can't be escalated.`,
  };
}
