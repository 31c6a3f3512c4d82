import type { LocalDate } from '../calendar/local-date';
import type { Refusal, Result } from '../shared/result';
import { unlessRefused } from '../shared/result';
import type { Actor, Recommendation, Review } from './review';
import { isStepDone } from './review';
import { actorRefusals, notBeforeOpened } from './review-refusals';
import { FINAL_REPORT_STEP, REPORT_STEP, stepLabel } from './review-steps';

export interface NewRecommendation {
  id: string;
  text: string;
}

/**
 * Sedgemoor ToR 4.3(5): the panel compiles "a written report with evidence-based
 * recommendations", so recommendations are written until that report (step 5) is done.
 */
export function addRecommendation(review: Review, input: NewRecommendation): Result<Review> {
  const refusals: Refusal[] = [];
  const id = input.id.trim();
  const text = input.text.trim();
  if (!id)
    refusals.push({
      code: 'review.recommendation-id-missing',
      message: 'A recommendation needs an id.',
    });
  if (!text)
    refusals.push({
      code: 'review.recommendation-text-missing',
      message: 'A recommendation needs its wording.',
    });
  if (id && findRecommendation(review, id))
    refusals.push({
      code: 'review.recommendation-duplicate',
      message: `There is already a recommendation ${id} in this review.`,
    });
  if (isStepDone(review, REPORT_STEP))
    refusals.push({
      code: 'review.recommendations-closed',
      message: `Recommendations are written into the report, and ${stepLabel(REPORT_STEP)} is already done.`,
    });
  return unlessRefused(refusals, () => ({
    ...review,
    recommendations: [...review.recommendations, { id, text }],
  }));
}

export interface RecommendationDecision {
  recommendationId: string;
  agreed: boolean;
}

/**
 * The committee agrees (or not) each recommendation once the report exists and before the
 * final report: Sedgemoor ToR 4.3(6) sends the draft to STAC "for approval", 4.3(7) allows
 * clarification, and 6.2 has management respond to "the agreed recommendations". A decision
 * can change until management has responded to it.
 */
export function agreeRecommendations(
  review: Review,
  decisions: readonly RecommendationDecision[],
  by: Actor,
  on: LocalDate,
): Result<Review> {
  const refusals: Refusal[] = [
    ...actorRefusals(by),
    ...notBeforeOpened(review, on, 'An agreement'),
  ];
  if (decisions.length === 0)
    refusals.push({
      code: 'review.agreement-empty',
      message: 'Say which recommendations the committee agreed or did not agree.',
    });
  if (!isStepDone(review, REPORT_STEP))
    refusals.push({
      code: 'review.agreement-too-early',
      message: `Recommendations are agreed once the report is written; ${stepLabel(REPORT_STEP)} is not done yet.`,
    });
  if (isStepDone(review, FINAL_REPORT_STEP))
    refusals.push({
      code: 'review.agreement-too-late',
      message: `The final report (${stepLabel(FINAL_REPORT_STEP)}) is done, so its recommendations can't be changed.`,
    });
  const responded = new Set(review.managementResponse?.responses.map((r) => r.recommendationId));
  for (const decision of decisions) {
    const found = findRecommendation(review, decision.recommendationId);
    if (!found) refusals.push(unknownRecommendation(decision.recommendationId));
    else if (responded.has(found.id) && found.agreed !== decision.agreed)
      refusals.push({
        code: 'review.recommendation-already-answered',
        message: `Senior management have already responded to recommendation ${found.id}, so the committee's decision on it stands.`,
      });
  }
  return unlessRefused(refusals, () => {
    const byId = new Map(decisions.map((d) => [d.recommendationId, d.agreed]));
    return {
      ...review,
      recommendations: review.recommendations.map((r): Recommendation => {
        const agreed = byId.get(r.id);
        return agreed === undefined ? r : { ...r, agreed, decidedBy: by, decidedOn: on };
      }),
    };
  });
}

/**
 * Recommendations are numbered 1, 2, 3 within their review, so a committee can say "agreed 1
 * and 3" in chat. Never reused: the next is one past the highest number given so far.
 */
export function nextRecommendationId(review: Review): string {
  // Reviews stored before numbering carry 24-character record ids; those are not counted.
  const numbers = review.recommendations
    .filter((r) => /^\d{1,6}$/.test(r.id))
    .map((r) => Number(r.id));
  return String(Math.max(0, ...numbers) + 1);
}

export function findRecommendation(review: Review, id: string): Recommendation | undefined {
  return review.recommendations.find((r) => r.id === id);
}

export function agreedRecommendations(review: Review): Recommendation[] {
  return review.recommendations.filter((r) => r.agreed === true);
}

export function unknownRecommendation(id: string): Refusal {
  return {
    code: 'review.recommendation-unknown',
    message: `There is no recommendation ${id} in this review.`,
  };
}

export function notAgreedRecommendation(id: string): Refusal {
  return {
    code: 'review.recommendation-not-agreed',
    message: `Recommendation ${id} has not been agreed by the committee.`,
  };
}
