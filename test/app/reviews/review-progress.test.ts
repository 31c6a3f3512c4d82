import { createGroup } from '../../../src/app/groups/create-group';
import { seedOrganisation, seedPerson, useTestApp } from '../../support/app';
import { openReview, recordReviewMeeting } from '../../../src/app/reviews/review-use-cases';
import {
  addReviewImprovementAction,
  addReviewRecommendation,
  agreeReviewImprovementPlan,
  completeReviewStep,
  decideReviewRecommendations,
  recordReviewManagementResponse,
  skipReviewStep,
} from '../../../src/app/reviews/review-progress';
import { deadlineModel } from '../../../src/store/deadlines/deadline-model';
import { AuditTrail } from '../../../src/store/audit/audit-trail';
import { submitReviewPlan } from '../../../src/app/reviews/improvement-plan-use-cases';

const app = useTestApp('2026-05-04T09:00:00Z');

function must<T>(result: { ok: true; value: T } | { ok: false; refusals: unknown[] }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.refusals));
  return result.value;
}

describe('a review worked through, stored', () => {
  it('Sedgemoor ToR 4.3 and 6.2: steps, meetings, agreed recommendations starting the 28-day improvement plan clock, a management response, actions, and the plan handed in and signed off, with no follow-up review Sedgemoor does not ask for', async () => {
    const ctx = app.ctx();
    const org = await seedOrganisation(ctx);
    const officer = await seedPerson(ctx, org._id, 'Vera Officer', { officer: true });
    const lead = await seedPerson(ctx, org._id, 'Larry Lead');
    const group = must(
      await createGroup(ctx, officer, { name: 'Panel', presetKey: 'sedgemoor-scrutiny' }),
    );
    const review = must(
      await openReview(ctx, officer, {
        groupId: group._id,
        topic: 'Damp and mould',
        depth: 'full',
      }),
    );
    const ref = review.reference;
    for (const on of ['2026-05-05', '2026-05-12', '2026-05-19', '2026-05-26'])
      must(await recordReviewMeeting(ctx, officer, { reviewRef: ref, on, attendees: 7 }));
    for (const step of [1, 2, 3, 4])
      must(await completeReviewStep(ctx, officer, { reviewRef: ref, step }));
    const withRec = must(
      await addReviewRecommendation(ctx, officer, {
        reviewRef: ref,
        text: 'Inspect every reported damp case within 10 working days',
      }),
    );
    const recommendationId = withRec.review.recommendations[0]!.id;
    must(await completeReviewStep(ctx, officer, { reviewRef: ref, step: 5 }));
    must(
      await decideReviewRecommendations(ctx, officer, {
        reviewRef: ref,
        decisions: [{ recommendationId, agreed: true }],
        // Sedgemoor ToR 6.2: the duty is management's; an officer may answer for them.
        managementPersonId: officer.personId,
      }),
    );
    // 6.2: the 28 days run from the agreement (4 May), whenever the response is recorded.
    const planDeadlines = () =>
      deadlineModel(ctx.db).find({ 'subject.id': review._id, kind: 'improvement-plan' }).lean();
    expect((await planDeadlines()).map((d) => d.dueAt.toISOString())).toEqual([
      '2026-06-01T22:59:59.999Z',
    ]);
    app.setNow('2026-05-11T09:00:00Z');
    must(await completeReviewStep(ctx, officer, { reviewRef: ref, step: 6 }));
    must(
      await recordReviewManagementResponse(ctx, officer, {
        reviewRef: ref,
        receivedOn: '2026-05-11',
        responses: [{ recommendationId, decision: 'accept' }],
      }),
    );
    expect((await planDeadlines()).map((d) => d.dueAt.toISOString())).toEqual([
      '2026-06-01T22:59:59.999Z',
    ]);
    must(
      await addReviewImprovementAction(ctx, officer, {
        reviewRef: ref,
        recommendationId,
        action: 'Add a damp triage slot to the repairs diary',
        ownerPersonId: lead.personId,
        dueOn: '2026-08-31',
      }),
    );
    // 6.2: management hand the plan in, which meets the 28 days and starts the committee's 10.
    must(await submitReviewPlan(ctx, officer, { reviewRef: ref }));
    expect((await planDeadlines()).map((d) => d.state)).toEqual(['met']);
    const signOff = () =>
      deadlineModel(ctx.db).find({ kind: 'committee-sign-off', groupId: group._id }).lean();
    expect((await signOff()).map((d) => [d.dueAt.toISOString(), d.ownerId])).toEqual([
      ['2026-05-21T22:59:59.999Z', officer.personId],
    ]);
    must(await agreeReviewImprovementPlan(ctx, officer, { reviewRef: ref }));
    expect((await signOff()).map((d) => d.state)).toEqual(['met']);
    // Sedgemoor's terms ask for no follow-up review (only Southampton's do): none is invented.
    const followUp = await deadlineModel(ctx.db)
      .findOne({ 'subject.id': review._id, kind: 'action-plan-review' })
      .lean();
    expect(followUp).toBeNull();
    const actions = (await new AuditTrail(ctx.db).forSubject('review', review._id)).map(
      (e) => e.action,
    );
    expect(actions).toContain('review.management-response');
    expect(actions.at(-1)).toBe('review.plan-agreed');
  });

  it('a full review’s steps cannot be skipped, and a member cannot move the review on', async () => {
    const ctx = app.ctx();
    const org = await seedOrganisation(ctx);
    const officer = await seedPerson(ctx, org._id, 'Wyn Officer', { officer: true });
    const member = await seedPerson(ctx, org._id, 'Mo Member');
    const group = must(
      await createGroup(ctx, officer, { name: 'Panel', presetKey: 'sedgemoor-scrutiny' }),
    );
    const review = must(
      await openReview(ctx, officer, { groupId: group._id, topic: 'Lettings', depth: 'full' }),
    );
    const skipped = await skipReviewStep(ctx, officer, {
      reviewRef: review.reference,
      step: 1,
      reason: 'Obvious',
    });
    expect(!skipped.ok && skipped.refusals.map((r) => r.code)).toEqual(['review.step-required']);
    const byMember = await completeReviewStep(ctx, member, {
      reviewRef: review.reference,
      step: 1,
    });
    expect(!byMember.ok && byMember.refusals[0]?.code).toBe('not-allowed');
    const badStep = await completeReviewStep(ctx, officer, {
      reviewRef: review.reference,
      step: 11,
    });
    expect(!badStep.ok && badStep.refusals[0]?.message).toMatch(/step from 1 to 10/);
  });
});
