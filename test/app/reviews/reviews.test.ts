import { createGroup } from '../../../src/app/groups/create-group';
import { addMember } from '../../../src/app/people/add-member';
import {
  escalateReview,
  openReview,
  recordReviewMeeting,
} from '../../../src/app/reviews/review-use-cases';
import { AuditTrail } from '../../../src/store/audit/audit-trail';
import { reviewModel } from '../../../src/store/reviews/review-model';
import { seedOrganisation, seedPerson, useTestApp } from '../../support/app';

const app = useTestApp('2026-04-13T10:00:00Z');

async function setUp() {
  const ctx = app.ctx();
  const org = await seedOrganisation(ctx);
  const officer = await seedPerson(ctx, org._id, 'Rhiannon Officer', { officer: true });
  const created = await createGroup(ctx, officer, {
    name: 'Customer-led scrutiny',
    presetKey: 'sedgemoor-scrutiny',
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
});
