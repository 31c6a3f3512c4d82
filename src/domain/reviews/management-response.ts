import type { LocalDate } from '../calendar/local-date';
import { compareLocalDates } from '../calendar/local-date';
import type { Refusal, Result } from '../shared/result';
import { unlessRefused } from '../shared/result';
import type { ManagementDecision, RecommendationResponse, Review } from './review';
import { stepOf } from './review';
import {
  agreedRecommendations,
  findRecommendation,
  notAgreedRecommendation,
  unknownRecommendation,
} from './recommendations';
import { readableDate } from './review-refusals';
import { DRAFT_TO_MANAGEMENT_STEP, stepLabel } from './review-steps';

export interface NewRecommendationResponse {
  recommendationId: string;
  decision: ManagementDecision;
  reason?: string;
}

export interface NewManagementResponse {
  receivedOn: LocalDate;
  responses: readonly NewRecommendationResponse[];
}

/**
 * Sedgemoor ToR 4.3(6) sends the draft to senior management "for consideration and management
 * response", and management answer "the agreed recommendations" (6.2). So the draft must have
 * gone (step 6), every agreed recommendation needs an answer, and a rejection needs a reason
 * the panel can weigh before deciding to escalate (5.4). Recording it starts no clock: the
 * 28-day improvement-plan duty runs from the agreement of the recommendations (6.2).
 */
export function recordManagementResponse(
  review: Review,
  input: NewManagementResponse,
): Result<Review> {
  const refusals: Refusal[] = [];
  if (review.managementResponse)
    refusals.push({
      code: 'review.response-already-recorded',
      message: `Senior management's response was already recorded on ${readableDate(review.managementResponse.receivedOn)}.`,
    });
  // A light-touch review may skip step 6 (Sedgemoor 4.4: "aspects of 4, 6, 7 and 8"); its
  // agreed recommendations still need management's answer, so the skip counts as sent.
  const draft = stepOf(review, DRAFT_TO_MANAGEMENT_STEP);
  if (draft.state === 'pending')
    refusals.push({
      code: 'review.response-before-draft',
      message: `Senior management respond to the draft report, which goes to them at ${stepLabel(DRAFT_TO_MANAGEMENT_STEP)}; that step is not done or skipped yet.`,
    });
  else if (compareLocalDates(input.receivedOn, draft.on) < 0)
    refusals.push({
      code: 'review.response-before-draft-sent',
      message: `A response received on ${readableDate(input.receivedOn)} would be before the draft was sent on ${readableDate(draft.on)}.`,
    });

  const seen = new Set<string>();
  for (const response of input.responses) {
    const id = response.recommendationId;
    const found = findRecommendation(review, id);
    if (seen.has(id))
      refusals.push({
        code: 'review.response-duplicate',
        message: `Recommendation ${id} has more than one response; give one.`,
      });
    seen.add(id);
    if (!found) refusals.push(unknownRecommendation(id));
    else if (found.agreed !== true) refusals.push(notAgreedRecommendation(id));
    if (response.decision === 'reject' && !response.reason?.trim())
      refusals.push({
        code: 'review.response-reason-missing',
        message: `Senior management rejected recommendation ${id}; record their reason.`,
      });
  }
  const unanswered = agreedRecommendations(review)
    .map((r) => r.id)
    .filter((id) => !seen.has(id));
  if (unanswered.length > 0)
    refusals.push({
      code: 'review.response-incomplete',
      message: `The response must answer every agreed recommendation; it does not answer ${unanswered.join(', ')}.`,
    });
  if (agreedRecommendations(review).length === 0)
    refusals.push({
      code: 'review.response-nothing-agreed',
      message:
        'The committee has not agreed any recommendations yet, so there is nothing to respond to.',
    });

  return unlessRefused(refusals, () => ({
    ...review,
    managementResponse: {
      receivedOn: input.receivedOn,
      responses: input.responses.map((r): RecommendationResponse => {
        const reason = r.reason?.trim();
        return {
          recommendationId: r.recommendationId,
          decision: r.decision,
          ...(reason ? { reason } : {}),
        };
      }),
    },
  }));
}

export function managementDecisionOn(
  review: Review,
  recommendationId: string,
): ManagementDecision | undefined {
  return review.managementResponse?.responses.find((r) => r.recommendationId === recommendationId)
    ?.decision;
}
