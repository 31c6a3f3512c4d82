import {
  addRecommendation,
  completeStep,
  nextRecommendationId,
  openReview,
  recordMeeting,
  recordReport,
  SEDGEMOOR_REVIEW_POLICY,
  skipStep,
  agreeScope,
  TRAFFORD_REVIEW_POLICY,
  type Review,
  type ReviewPolicy,
  type StepNumber,
} from '../../../src/domain/reviews';

function opened(policy: ReviewPolicy, depth: 'full' | 'light-touch' = 'full'): Review {
  const result = openReview({
    id: 'r1',
    groupId: 'g1',
    title: 'Repairs',
    topicSource: 'complaints',
    depth,
    policy,
    openedOn: '2026-04-01',
  });
  if (!result.ok) throw new Error(JSON.stringify(result.refusals));
  return result.value;
}

function must(result: { ok: true; value: Review } | { ok: false; refusals: unknown[] }): Review {
  if (!result.ok) throw new Error(JSON.stringify(result.refusals));
  return result.value;
}

/** Steps 1 to 7 settled, ready for the final report. */
function upToFinal(policy: ReviewPolicy): Review {
  let review = must(agreeScope(opened(policy), 'Repairs by phone', 'o1', '2026-04-02'));
  for (const step of [2, 3, 4] as StepNumber[])
    review = must(completeStep(review, step, 'o1', '2026-04-03'));
  review = must(recordReport(review, 'draft', 'o1', '2026-04-04'));
  for (const step of [6, 7] as StepNumber[])
    review = must(completeStep(review, step, 'o1', '2026-04-05'));
  return review;
}

describe('scope, reports and recommendation numbers', () => {
  it('Sedgemoor ToR 4.3(1): agreeing the scope stores it and completes step 1, once', () => {
    const review = must(
      agreeScope(opened(SEDGEMOOR_REVIEW_POLICY), ' Phone repairs ', 'o1', '2026-04-02'),
    );
    expect(review.scope).toBe('Phone repairs');
    expect(review.steps[0]).toEqual({ number: 1, state: 'done', by: 'o1', on: '2026-04-02' });
    const again = agreeScope(review, 'Other', 'o1', '2026-04-02');
    expect(!again.ok && again.refusals.map((r) => r.code)).toEqual(['review.step-already-settled']);
    const empty = agreeScope(opened(SEDGEMOOR_REVIEW_POLICY), '  ', 'o1', '2026-04-02');
    expect(!empty.ok && empty.refusals.map((r) => r.code)).toEqual(['review.scope-missing']);
  });

  it('Sedgemoor ToR 10.1: the final report waits for 4 meetings in a full review; Trafford sets no minimum', () => {
    const early = recordReport(upToFinal(SEDGEMOOR_REVIEW_POLICY), 'final', 'o1', '2026-04-06');
    expect(!early.ok && early.refusals.map((r) => r.code)).toEqual(['review.meetings-too-few']);
    let met = upToFinal(SEDGEMOOR_REVIEW_POLICY);
    for (const on of ['2026-04-02', '2026-04-03', '2026-04-04', '2026-04-05'])
      met = must(recordMeeting(met, { on, attendees: 5 }));
    const final = must(
      recordReport(met, 'final', 'o1', '2026-04-06', 'https://docs.example/final'),
    );
    expect(final.steps[7]?.state).toBe('done');
    expect(final.reports?.final).toEqual({
      by: 'o1',
      on: '2026-04-06',
      link: 'https://docs.example/final',
    });
    expect(recordReport(upToFinal(TRAFFORD_REVIEW_POLICY), 'final', 'o1', '2026-04-06').ok).toBe(
      true,
    );
  });

  it('a report link must be https, and nothing is recorded otherwise', () => {
    const review = must(agreeScope(opened(TRAFFORD_REVIEW_POLICY), 'x', 'o1', '2026-04-02'));
    const settled = [2, 3, 4].reduce<Review>(
      (r, step) => must(skipStep(r, step as StepNumber, 'o1', '2026-04-02', 'not needed')),
      { ...review, depth: 'light-touch' as const },
    );
    const bad = recordReport(settled, 'draft', 'o1', '2026-04-03', 'http://docs.example/draft');
    expect(!bad.ok && bad.refusals.map((r) => r.code)).toEqual(['review.report-link-invalid']);
  });

  it('recommendations are numbered 1, 2, 3 within the review, never reusing a number', () => {
    let review = opened(SEDGEMOOR_REVIEW_POLICY);
    expect(nextRecommendationId(review)).toBe('1');
    review = must(addRecommendation(review, { id: nextRecommendationId(review), text: 'A' }));
    review = must(addRecommendation(review, { id: nextRecommendationId(review), text: 'B' }));
    expect(review.recommendations.map((r) => r.id)).toEqual(['1', '2']);
    // Reviews stored before numbering carry record ids, which are not counted.
    const mixed = {
      ...review,
      recommendations: [{ id: 'a'.repeat(24), text: 'old' }, ...review.recommendations],
    };
    expect(nextRecommendationId(mixed)).toBe('3');
  });
});
