import { createGroup } from '../../../src/app/groups/create-group';
import { addMember } from '../../../src/app/people/add-member';
import {
  escalateReview,
  openReview,
  recordReviewMeeting,
} from '../../../src/app/reviews/review-use-cases';
import {
  completeReviewStep,
  addReviewRecommendation,
  decideReviewRecommendations,
  recordReviewManagementResponse,
} from '../../../src/app/reviews/review-progress';
import type { PresetKey } from '../../../src/domain/groups';
import { AuditTrail } from '../../../src/store/audit/audit-trail';
import { reviewModel } from '../../../src/store/reviews/review-model';
import { seedOrganisation, seedPerson, useTestApp } from '../../support/app';

const app = useTestApp('2026-04-13T10:00:00Z');

async function setUp(presetKey: PresetKey = 'sedgemoor-scrutiny') {
  const ctx = app.ctx();
  const org = await seedOrganisation(ctx);
  const officer = await seedPerson(ctx, org._id, 'Rhiannon Officer', { officer: true });
  const created = await createGroup(ctx, officer, {
    name: 'Customer-led scrutiny',
    presetKey,
  });
  if (!created.ok) throw new Error('group');
  const member = await seedPerson(ctx, org._id, 'Moira Member');
  await addMember(ctx, officer, {
    groupId: created.value._id,
    personId: member.personId,
    roles: ['member'],
    tenure: 'tenant',
    tenancyStartedOn: '2018-01-01',
    facts: { over18Confirmed: true },
  });
  return { ctx, org, officer, member, group: created.value };
}

describe('reviews, stored', () => {
  it('Sedgemoor ToR 4: an officer opens a light-touch review with ten steps pending and a short reference', async () => {
    const { ctx, officer, group } = await setUp();
    const opened = await openReview(ctx, officer, {
      groupId: group._id,
      topic: 'Repairs: first-time fixes',
      depth: 'light-touch',
    });
    if (!opened.ok) throw new Error(JSON.stringify(opened.refusals));
    expect(opened.value.reference).toMatch(/^R-\d+$/);
    const review = opened.value.review;
    expect(review.depth).toBe('light-touch');
    expect(review.steps).toHaveLength(10);
    expect(review.steps.every((s) => s.state === 'pending')).toBe(true);
  });

  it('20 reviews opened at once get 20 different references', async () => {
    const { ctx, officer, group } = await setUp();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        openReview(ctx, officer, { groupId: group._id, topic: `Topic ${i}`, depth: 'full' }),
      ),
    );
    const refs = results.map((r) => (r.ok ? r.value.reference : 'refused'));
    expect(new Set(refs).size).toBe(20);
    expect(refs).not.toContain('refused');
  });

  it('a member cannot open a review or escalate one; nothing is stored', async () => {
    const { ctx, officer, member, group } = await setUp();
    const refused = await openReview(ctx, member, {
      groupId: group._id,
      topic: 'Anything',
      depth: 'full',
    });
    expect(!refused.ok && refused.refusals[0]?.message).toBe('Only an officer can open a review.');
    expect(await reviewModel(ctx.db).countDocuments({ groupId: group._id })).toBe(0);
    const opened = await openReview(ctx, officer, {
      groupId: group._id,
      topic: 'Voids',
      depth: 'full',
    });
    if (!opened.ok) throw new Error('open');
    const escalation = await escalateReview(ctx, member, {
      reviewRef: opened.value.reference,
      reason: 'No response',
    });
    expect(escalation.ok).toBe(false);
  });

  it('Sedgemoor ToR 10.1: meetings are recorded against the review, each audited; a meeting before the review opened is refused', async () => {
    const { ctx, officer, group } = await setUp();
    const opened = await openReview(ctx, officer, {
      groupId: group._id,
      topic: 'ASB case handling',
      depth: 'full',
    });
    if (!opened.ok) throw new Error('open');
    const ref = opened.value.reference.toLowerCase();
    const first = await recordReviewMeeting(ctx, officer, {
      reviewRef: ref,
      on: '2026-04-20',
      attendees: 6,
    });
    expect(first.ok && first.value.review.meetings).toHaveLength(1);
    const early = await recordReviewMeeting(ctx, officer, {
      reviewRef: ref,
      on: '2026-03-01',
      attendees: 6,
    });
    expect(early.ok).toBe(false);
    const actions = (await new AuditTrail(ctx.db).forSubject('review', opened.value._id)).map(
      (e) => e.action,
    );
    expect(actions).toEqual(['review.opened', 'review.meeting-recorded']);
  });

  it('Trafford QIP ToR 4, Sedgemoor ToR 3.2: the topic source is stored as given, and "not-stated" when none is given', async () => {
    const { ctx, officer, group } = await setUp();
    const given = await openReview(ctx, officer, {
      groupId: group._id,
      topic: 'Complaint handling',
      depth: 'full',
      topicSource: 'complaints',
    });
    expect(given.ok && given.value.review.topicSource).toBe('complaints');
    const unsaid = await openReview(ctx, officer, {
      groupId: group._id,
      topic: 'Estate services',
      depth: 'full',
    });
    expect(unsaid.ok && unsaid.value.review.topicSource).toBe('not-stated');
  });
});

/** A review of the group with management's response recorded, where escalation starts. */
async function respondedReview(presetKey: PresetKey) {
  const set = await setUp(presetKey);
  const { ctx, officer, group } = set;
  const opened = await openReview(ctx, officer, {
    groupId: group._id,
    topic: 'Repairs',
    depth: 'full',
  });
  if (!opened.ok) throw new Error(JSON.stringify(opened.refusals));
  const reviewRef = opened.value.reference;
  for (const step of [1, 2, 3, 4])
    expect((await completeReviewStep(ctx, officer, { reviewRef, step })).ok).toBe(true);
  const added = await addReviewRecommendation(ctx, officer, { reviewRef, text: 'Fix first time' });
  if (!added.ok) throw new Error(JSON.stringify(added.refusals));
  const recommendationId = added.value.review.recommendations[0]!.id;
  expect((await completeReviewStep(ctx, officer, { reviewRef, step: 5 })).ok).toBe(true);
  const decisions = [{ recommendationId, agreed: true }];
  const managementPersonId = officer.personId;
  expect(
    (await decideReviewRecommendations(ctx, officer, { reviewRef, decisions, managementPersonId }))
      .ok,
  ).toBe(true);
  expect((await completeReviewStep(ctx, officer, { reviewRef, step: 6 })).ok).toBe(true);
  const response = await recordReviewManagementResponse(ctx, officer, {
    reviewRef,
    receivedOn: '2026-04-13',
    responses: [{ recommendationId, decision: 'reject', reason: 'Too costly' }],
  });
  if (!response.ok) throw new Error(JSON.stringify(response.refusals));
  const chair = await seedPerson(ctx, set.org._id, 'Cath Chair');
  await addMember(ctx, officer, {
    groupId: group._id,
    personId: chair.personId,
    roles: ['member', 'chair'],
    tenure: 'tenant',
    tenancyStartedOn: '2018-01-01',
    facts: { over18Confirmed: true },
  });
  return { ...set, chair, reviewRef };
}

describe('escalating a review, by the group’s own terms', () => {
  it('Sedgemoor ToR 5.4: the panel’s chair takes it to STAC; the officer cannot, and mediation is STAC’s step', async () => {
    const { ctx, officer, chair, reviewRef } = await respondedReview('sedgemoor-scrutiny');
    const byOfficer = await escalateReview(ctx, officer, { reviewRef, reason: 'Ignored' });
    expect(!byOfficer.ok && byOfficer.refusals.map((r) => r.code)).toEqual(['not-allowed']);
    const byChair = await escalateReview(ctx, chair, { reviewRef, reason: 'Ignored' });
    if (!byChair.ok) throw new Error(JSON.stringify(byChair.refusals));
    expect(byChair.value.review.escalation.stage).toBe('committee');
    const mediation = await escalateReview(ctx, chair, { reviewRef, reason: 'Still ignored' });
    expect(!mediation.ok && mediation.refusals[0]?.message).toMatch(/independent mediation/);
  });

  it('Trafford QIP ToR 5: the Chair of the Panel goes to the Chair of the Board or Chief Executive, then the regulator after agreeing with them', async () => {
    const { ctx, chair, reviewRef } = await respondedReview('trafford-qip');
    const first = await escalateReview(ctx, chair, { reviewRef, reason: 'Not satisfied' });
    expect(first.ok && first.value.review.escalation.stage).toBe('board-chair-or-chief-executive');
    const unagreed = await escalateReview(ctx, chair, { reviewRef, reason: 'Unresolved' });
    expect(!unagreed.ok && unagreed.refusals.map((r) => r.code)).toEqual([
      'review.escalation-agreement-missing',
    ]);
    const agreed = await escalateReview(ctx, chair, {
      reviewRef,
      reason: 'Unresolved',
      agreed: true,
    });
    expect(agreed.ok && agreed.value.review.escalation.stage).toBe('regulator');
  });

  it.each(['torus-tims', 'southampton-ti'] as const)(
    '%s: the terms set no escalation route, so none is borrowed from Sedgemoor',
    async (presetKey) => {
      const { ctx, officer, chair, reviewRef } = await respondedReview(presetKey);
      for (const who of [officer, chair]) {
        const refused = await escalateReview(ctx, who, { reviewRef, reason: 'Unhappy' });
        expect(!refused.ok && refused.refusals.map((r) => r.code)).toEqual([
          'review.escalation-no-route',
        ]);
        expect(!refused.ok && refused.refusals[0]?.message).toMatch(
          /terms set no escalation route/,
        );
      }
    },
  );

  it('Sedgemoor ToR 10.1 only where the policy sets it: a Sedgemoor review keeps 4 and 2 meetings, a Trafford one has none', async () => {
    const sedgemoor = await setUp('sedgemoor-scrutiny');
    const s = await openReview(sedgemoor.ctx, sedgemoor.officer, {
      groupId: sedgemoor.group._id,
      topic: 'Voids',
      depth: 'light-touch',
    });
    expect(s.ok && s.value.review.policy.minimumMeetings).toEqual({ full: 4, 'light-touch': 2 });
    const trafford = await setUp('trafford-qip');
    const t = await openReview(trafford.ctx, trafford.officer, {
      groupId: trafford.group._id,
      topic: 'Voids',
      depth: 'light-touch',
    });
    expect(t.ok && t.value.review.policy.minimumMeetings).toBeUndefined();
  });
});
