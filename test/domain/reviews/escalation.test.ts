import {
  addRecommendation,
  agreeRecommendations,
  completeStep,
  escalate,
  nextEscalationStage,
  openReview,
  recordManagementResponse,
  reviewPolicyForPreset,
  SEDGEMOOR_REVIEW_POLICY,
  SOUTHAMPTON_REVIEW_POLICY,
  TORUS_REVIEW_POLICY,
  TRAFFORD_REVIEW_POLICY,
  type Review,
  type ReviewPolicy,
  type StepNumber,
} from '../../../src/domain/reviews';

function must(result: { ok: true; value: Review } | { ok: false; refusals: unknown[] }): Review {
  if (!result.ok) throw new Error(JSON.stringify(result.refusals));
  return result.value;
}

/** A review with management's response recorded, the point escalation starts from. */
function responded(policy: ReviewPolicy): Review {
  let review = must(
    openReview({
      id: 'r1',
      groupId: 'g1',
      title: 'Repairs',
      topicSource: 'complaints',
      depth: 'full',
      policy,
      openedOn: '2026-04-01',
    }),
  );
  for (const step of [1, 2, 3, 4] as StepNumber[])
    review = must(completeStep(review, step, 'o', '2026-04-02'));
  review = must(addRecommendation(review, { id: 'rec-1', text: 'Fix it first time' }));
  review = must(completeStep(review, 5, 'o', '2026-04-03'));
  review = must(
    agreeRecommendations(review, [{ recommendationId: 'rec-1', agreed: true }], 'o', '2026-04-03'),
  );
  review = must(completeStep(review, 6, 'o', '2026-04-03'));
  return must(
    recordManagementResponse(review, {
      receivedOn: '2026-04-04',
      responses: [{ recommendationId: 'rec-1', decision: 'reject', reason: 'Too costly' }],
    }),
  );
}

describe('escalation, by each group’s own terms', () => {
  it('Sedgemoor ToR 5.4: the panel (by its chair) to STAC, then STAC to independent mediation, then nothing more', () => {
    let review = responded(SEDGEMOOR_REVIEW_POLICY);
    expect(nextEscalationStage(review)).toMatchObject({ id: 'committee', raisedBy: ['chair'] });
    review = must(escalate(review, 'chair-1', '2026-04-05', 'Response ignores the evidence'));
    expect(nextEscalationStage(review)).toMatchObject({
      id: 'independent-mediation',
      raisedBy: ['committee'],
      source: 'Sedgemoor ToR 5.4',
    });
    review = must(escalate(review, 'stac-1', '2026-04-20', 'Still dissatisfied'));
    const exhausted = escalate(review, 'stac-1', '2026-04-21', 'Again');
    expect(!exhausted.ok && exhausted.refusals.map((r) => r.code)).toEqual([
      'review.escalation-exhausted',
    ]);
  });

  it('Trafford QIP ToR 5: the Chair of the Panel to the Chair of the Board or Chief Executive, then the regulator only after agreeing with them', () => {
    let review = responded(TRAFFORD_REVIEW_POLICY);
    expect(nextEscalationStage(review)).toMatchObject({
      id: 'board-chair-or-chief-executive',
      raisedBy: ['chair'],
      source: 'Trafford QIP ToR 5',
    });
    review = must(escalate(review, 'chair-1', '2026-04-05', 'Board decision not accepted'));
    const unagreed = escalate(review, 'chair-1', '2026-04-20', 'Still not resolved');
    expect(!unagreed.ok && unagreed.refusals.map((r) => r.code)).toEqual([
      'review.escalation-agreement-missing',
    ]);
    review = must(
      escalate(review, 'chair-1', '2026-04-20', 'Still not resolved', { agreed: true }),
    );
    expect(review.escalation.stage).toBe('regulator');
  });

  it.each([
    ['Torus', TORUS_REVIEW_POLICY],
    ['Southampton', SOUTHAMPTON_REVIEW_POLICY],
  ])(
    '%s: the terms set no escalation route, so none is borrowed and escalation is refused',
    (_name, policy) => {
      const review = responded(policy);
      expect(nextEscalationStage(review)).toBeUndefined();
      const refused = escalate(review, 'o', '2026-04-05', 'Unhappy');
      expect(!refused.ok && refused.refusals.map((r) => r.code)).toEqual([
        'review.escalation-no-route',
      ]);
      expect(!refused.ok && refused.refusals[0]?.message).toMatch(/terms set no escalation route/);
    },
  );

  it('each preset has its own review rules; only Sedgemoor’s set a meeting minimum (10.1)', () => {
    expect(reviewPolicyForPreset('torus-tims')?.escalationLadder).toEqual([]);
    expect(reviewPolicyForPreset('southampton-ti')?.escalationLadder).toEqual([]);
    expect(reviewPolicyForPreset('trafford-qip')?.minimumMeetings).toBeUndefined();
    expect(reviewPolicyForPreset('sedgemoor-scrutiny')?.minimumMeetings).toEqual({
      full: 4,
      'light-touch': 2,
    });
  });
});
