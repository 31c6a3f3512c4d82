import {
  addImprovementAction,
  addRecommendation,
  agreeImprovementPlan,
  agreeRecommendations,
  completeAction,
  completeStep,
  followUpWindow,
  markOverdueActions,
  openReview,
  planState,
  recordManagementResponse,
  returnPlan,
  skipStep,
  SEDGEMOOR_REVIEW_POLICY,
  setFollowUpReview,
  SOUTHAMPTON_REVIEW_POLICY,
  submitPlan,
  type Review,
  type ReviewPolicy,
  type StepNumber,
} from '../../../src/domain/reviews';

function must(result: { ok: true; value: Review } | { ok: false; refusals: unknown[] }): Review {
  if (!result.ok) throw new Error(JSON.stringify(result.refusals));
  return result.value;
}

function codes(result: { ok: boolean; refusals?: readonly { code: string }[] }): string[] {
  return result.ok ? [] : (result.refusals ?? []).map((r) => r.code);
}

/** Two recommendations agreed: management accept 1 and reject 2, with a reason. */
function responded(policy: ReviewPolicy = SEDGEMOOR_REVIEW_POLICY): Review {
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
  review = must(addRecommendation(review, { id: '1', text: 'Fix it first time' }));
  review = must(addRecommendation(review, { id: '2', text: 'Text before each visit' }));
  review = must(completeStep(review, 5, 'o', '2026-04-03'));
  review = must(
    agreeRecommendations(
      review,
      [
        { recommendationId: '1', agreed: true },
        { recommendationId: '2', agreed: true },
      ],
      'o',
      '2026-04-03',
    ),
  );
  review = must(completeStep(review, 6, 'o', '2026-04-03'));
  return must(
    recordManagementResponse(review, {
      receivedOn: '2026-04-04',
      responses: [
        { recommendationId: '1', decision: 'accept' },
        { recommendationId: '2', decision: 'reject', reason: 'No text service yet' },
      ],
    }),
  );
}

function withAction(review: Review, id = 'A1', dueOn = '2026-06-30'): Review {
  return must(
    addImprovementAction(review, {
      id,
      recommendationId: '1',
      action: 'Stock vans with common parts',
      owner: 'lead-1',
      dueOn,
    }),
  );
}

describe('handing the improvement plan in and the committee’s answer (Sedgemoor ToR 6.2)', () => {
  it('a plan is drafted, handed in, returned with a reason, handed in again and signed off', () => {
    let review = withAction(responded());
    expect(planState(review.improvementPlan)).toBe('drafting');
    review = must(submitPlan(review, 'smt-1', '2026-04-20'));
    expect(planState(review.improvementPlan)).toBe('submitted');
    review = must(returnPlan(review, 'officer-1', '2026-04-25', 'Say how vans are restocked'));
    expect(planState(review.improvementPlan)).toBe('drafting');
    expect(review.improvementPlan.returns).toEqual([
      { by: 'officer-1', on: '2026-04-25', reason: 'Say how vans are restocked' },
    ]);
    // Returned "for further improvement": management may change it again.
    review = withAction(review, 'A2', '2026-07-31');
    review = must(submitPlan(review, 'smt-1', '2026-04-28'));
    expect(review.improvementPlan.submissions).toEqual([
      { by: 'smt-1', on: '2026-04-20' },
      { by: 'smt-1', on: '2026-04-28' },
    ]);
    review = must(agreeImprovementPlan(review, 'officer-1', '2026-05-05'));
    expect(planState(review.improvementPlan)).toBe('signed-off');
  });

  it('a plan cannot be handed in before management answer, empty, or twice; nor changed while with the committee', () => {
    const { managementResponse: _answered, ...noResponse } = responded();
    void _answered;
    expect(codes(submitPlan(noResponse, 'smt-1', '2026-04-20'))).toEqual(
      expect.arrayContaining(['review.plan-before-response', 'review.plan-empty']),
    );
    const submitted = must(submitPlan(withAction(responded()), 'smt-1', '2026-04-20'));
    expect(codes(submitPlan(submitted, 'smt-1', '2026-04-21'))).toEqual([
      'review.plan-already-submitted',
    ]);
    expect(
      codes(
        addImprovementAction(submitted, {
          id: 'A2',
          recommendationId: '1',
          action: 'More',
          owner: 'lead-1',
          dueOn: '2026-07-01',
        }),
      ),
    ).toEqual(['review.plan-closed']);
  });

  it('the committee signs off only a plan it received, and returns one only with a reason', () => {
    const drafting = withAction(responded());
    expect(codes(agreeImprovementPlan(drafting, 'officer-1', '2026-04-20'))).toEqual([
      'review.plan-not-submitted',
    ]);
    expect(codes(returnPlan(drafting, 'officer-1', '2026-04-20', 'Too thin'))).toEqual([
      'review.plan-not-submitted',
    ]);
    const submitted = must(submitPlan(drafting, 'smt-1', '2026-04-20'));
    expect(codes(returnPlan(submitted, 'officer-1', '2026-04-21', '  '))).toEqual([
      'review.return-reason-missing',
    ]);
    const signed = must(agreeImprovementPlan(submitted, 'officer-1', '2026-04-22'));
    expect(codes(returnPlan(signed, 'officer-1', '2026-04-23', 'Late thoughts'))).toEqual([
      'review.plan-already-agreed',
    ]);
  });

  it('every accepted recommendation needs an action; a rejected one does not', () => {
    const review = responded();
    const onlyRejected = must(
      addImprovementAction(review, {
        id: 'A1',
        recommendationId: '2',
        action: 'Look at text services',
        owner: 'lead-1',
        dueOn: '2026-06-30',
      }),
    );
    const refused = submitPlan(onlyRejected, 'smt-1', '2026-04-20');
    expect(codes(refused)).toEqual(['review.plan-incomplete']);
    expect(!refused.ok && refused.refusals[0]?.message).toMatch(/answers 1\b/);
  });
});

describe('actions of the plan', () => {
  it('open actions past their date are overdue; a done one is not, even late', () => {
    let review = withAction(withAction(responded()), 'A2', '2026-05-31');
    review = must(completeAction(review, 'A1', 'lead-1', '2026-07-02'));
    const marked = markOverdueActions(review, '2026-07-03');
    expect(marked.improvementPlan.actions.map((a) => [a.id, a.state])).toEqual([
      ['A1', 'done'],
      ['A2', 'overdue'],
    ]);
    expect(codes(completeAction(review, 'A1', 'lead-1', '2026-07-03'))).toEqual([
      'review.action-already-done',
    ]);
  });
});

describe('the follow-up review (Southampton: 6 months to 1 year after the plan is agreed)', () => {
  function signedOff(policy: ReviewPolicy): Review {
    const submitted = must(submitPlan(withAction(responded(policy)), 'smt-1', '2026-04-20'));
    return must(agreeImprovementPlan(submitted, 'officer-1', '2026-05-01'));
  }

  it('Southampton: the window runs 6 to 12 months from sign-off, both ends included', () => {
    const review = signedOff(SOUTHAMPTON_REVIEW_POLICY);
    expect(followUpWindow(review)).toEqual({ from: '2026-11-01', to: '2027-05-01' });
    expect(must(setFollowUpReview(review, '2027-05-01')).followUpReviewOn).toBe('2027-05-01');
    expect(codes(setFollowUpReview(review, '2026-10-31'))).toEqual([
      'review.follow-up-outside-window',
    ]);
  });

  it('Sedgemoor’s terms ask for none, so none is set', () => {
    const review = signedOff(SEDGEMOOR_REVIEW_POLICY);
    expect(followUpWindow(review)).toBeUndefined();
    expect(codes(setFollowUpReview(review, '2026-11-01'))).toEqual([
      'review.follow-up-not-in-terms',
    ]);
  });
});

describe('management respond to a light-touch review that skipped step 6 (Sedgemoor 4.4)', () => {
  it('takes the response once step 6 is skipped, and not while it is pending', () => {
    let review = must(
      openReview({
        id: 'r2',
        groupId: 'g1',
        title: 'Lettings',
        topicSource: 'complaints',
        depth: 'light-touch',
        policy: SEDGEMOOR_REVIEW_POLICY,
        openedOn: '2026-04-01',
      }),
    );
    review = must(completeStep(review, 1, 'o', '2026-04-02'));
    review = must(skipStep(review, 2, 'o', '2026-04-02', 'Information already held'));
    for (const step of [3, 4] as StepNumber[])
      review = must(completeStep(review, step, 'o', '2026-04-02'));
    review = must(addRecommendation(review, { id: '1', text: 'Call back within a day' }));
    review = must(completeStep(review, 5, 'o', '2026-04-03'));
    review = must(
      agreeRecommendations(review, [{ recommendationId: '1', agreed: true }], 'o', '2026-04-03'),
    );
    const response = {
      receivedOn: '2026-04-10',
      responses: [{ recommendationId: '1', decision: 'accept' as const }],
    };
    expect(codes(recordManagementResponse(review, response))).toEqual([
      'review.response-before-draft',
    ]);
    review = must(
      skipStep(
        review,
        6,
        'o',
        '2026-04-04',
        'Proportionate: the committee saw the report directly',
      ),
    );
    expect(codes(recordManagementResponse(review, response))).toEqual([]);
  });
});
