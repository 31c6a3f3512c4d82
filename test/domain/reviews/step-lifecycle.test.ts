import {
  completeStep,
  isReviewComplete,
  openReview,
  recordMeeting,
  SEDGEMOOR_REVIEW_POLICY,
  skipStep,
  TRAFFORD_REVIEW_POLICY,
  type Review,
  type StepNumber,
} from '../../../src/domain/reviews';

function opened(depth: 'full' | 'light-touch'): Review {
  const result = openReview({
    id: 'r1',
    groupId: 'g1',
    title: 'Repairs',
    topicSource: 'complaints',
    depth,
    policy: SEDGEMOOR_REVIEW_POLICY,
    openedOn: '2026-04-01',
  });
  if (!result.ok) throw new Error(JSON.stringify(result.refusals));
  return result.value;
}

function must(result: { ok: true; value: Review } | { ok: false; refusals: unknown[] }): Review {
  if (!result.ok) throw new Error(JSON.stringify(result.refusals));
  return result.value;
}

describe('review steps', () => {
  it('Sedgemoor ToR 4.4: a light-touch review with only steps 1, 3 and 5 done (the rest skipped with reasons) and 2 meetings is complete', () => {
    let review = opened('light-touch');
    review = must(recordMeeting(review, { on: '2026-04-02', attendees: 5 }));
    review = must(recordMeeting(review, { on: '2026-04-09', attendees: 5 }));
    for (const step of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as StepNumber[]) {
      review = [1, 3, 5].includes(step)
        ? must(completeStep(review, step, 'officer-1', '2026-04-10'))
        : must(
            skipStep(review, step, 'officer-1', '2026-04-10', 'Not needed for a light-touch look'),
          );
    }
    expect(isReviewComplete(review)).toBe(true);
  });

  it('Sedgemoor ToR 4.4: step 3 of a light-touch review cannot be skipped; in a full review no step can', () => {
    let light = opened('light-touch');
    light = must(completeStep(light, 1, 'o', '2026-04-02'));
    light = must(skipStep(light, 2, 'o', '2026-04-02', 'Information already held'));
    const refused = skipStep(light, 3, 'o', '2026-04-02', 'No time');
    expect(!refused.ok && refused.refusals.map((r) => r.code)).toEqual(['review.step-required']);
    const full = skipStep(opened('full'), 1, 'o', '2026-04-02', 'x');
    expect(!full.ok && full.refusals.map((r) => r.code)).toEqual(['review.step-required']);
  });

  it('steps go in order: step 3 cannot be done while step 2 is pending', () => {
    let review = opened('full');
    review = must(completeStep(review, 1, 'o', '2026-04-02'));
    const refused = completeStep(review, 3, 'o', '2026-04-02');
    expect(!refused.ok && refused.refusals.map((r) => r.code)).toEqual([
      'review.earlier-steps-open',
    ]);
  });

  it('Sedgemoor ToR 10.1: the final report of a full review waits for 4 meetings', () => {
    let review = opened('full');
    for (const step of [1, 2, 3, 4, 5, 6, 7] as StepNumber[])
      review = must(completeStep(review, step, 'o', '2026-04-02'));
    review = must(recordMeeting(review, { on: '2026-04-03', attendees: 6 }));
    const early = completeStep(review, 8, 'o', '2026-04-04');
    expect(!early.ok && early.refusals.map((r) => r.code)).toEqual(['review.meetings-too-few']);
    for (const on of ['2026-04-10', '2026-04-17', '2026-04-24'])
      review = must(recordMeeting(review, { on, attendees: 6 }));
    expect(completeStep(review, 8, 'o', '2026-04-25').ok).toBe(true);
  });

  it('a step already done is not done again, and a step before the review opened is refused', () => {
    let review = opened('full');
    review = must(completeStep(review, 1, 'o', '2026-04-02'));
    const again = completeStep(review, 1, 'o', '2026-04-03');
    expect(!again.ok && again.refusals.map((r) => r.code)).toEqual(['review.step-already-settled']);
    const early = completeStep(opened('full'), 1, 'o', '2026-03-01');
    expect(!early.ok && early.refusals.map((r) => r.code)).toEqual(['review.date-before-opened']);
  });
});

describe('Sedgemoor ToR 10.1: the minimum meetings before a review completes', () => {
  function lightTouchToStep10(review: Review): Review {
    let at = review;
    for (const step of [1, 2, 3, 4, 5, 6, 7, 8, 9] as StepNumber[])
      at = [1, 3, 5].includes(step)
        ? must(completeStep(at, step, 'o', '2026-04-10'))
        : must(skipStep(at, step, 'o', '2026-04-10', 'Not needed for a light-touch look'));
    return at;
  }

  it('a light-touch review with no meetings cannot complete by skipping step 8; with 2 it can', () => {
    const review = lightTouchToStep10(opened('light-touch'));
    const skipped = skipStep(review, 10, 'o', '2026-04-10', 'Nothing to publicise');
    expect(!skipped.ok && skipped.refusals.map((r) => r.code)).toEqual(['review.meetings-too-few']);
    expect(!skipped.ok && skipped.refusals[0]?.message).toBe(
      'A light-touch review needs at least 2 meetings before it can be completed; none has been held.',
    );
    const done = completeStep(review, 10, 'o', '2026-04-10');
    expect(!done.ok && done.refusals.map((r) => r.code)).toEqual(['review.meetings-too-few']);
    let met = must(recordMeeting(review, { on: '2026-04-02', attendees: 5 }));
    met = must(recordMeeting(met, { on: '2026-04-09', attendees: 5 }));
    expect(isReviewComplete(must(completeStep(met, 10, 'o', '2026-04-10')))).toBe(true);
  });

  it('a group whose policy sets no minimum (minimumMeetings absent) completes without meetings', () => {
    const noMinimum = { ...opened('light-touch'), policy: { ...TRAFFORD_REVIEW_POLICY } };
    const review = lightTouchToStep10(noMinimum);
    expect(isReviewComplete(must(completeStep(review, 10, 'o', '2026-04-10')))).toBe(true);
  });
});
