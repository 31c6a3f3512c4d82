import {
  markMissedDeadlines,
  meetDeadline,
  waiveDeadline,
} from '../../src/app/deadlines/deadline-use-cases';
import { startDeadline } from '../../src/app/deadlines/start-deadline';
import { AuditTrail } from '../../src/store/audit/audit-trail';
import { deadlineModel } from '../../src/store/deadlines/deadline-model';
import { seedOrganisation, seedPerson, useTestApp } from '../support/app';

const app = useTestApp('2026-10-14T10:00:00Z');

async function setUp() {
  const ctx = app.ctx();
  const org = await seedOrganisation(ctx);
  const officer = await seedPerson(ctx, org._id, 'Olive Officer', { officer: true });
  const lead = await seedPerson(ctx, org._id, 'Sam Servicelead');
  const member = await seedPerson(ctx, org._id, 'Mo Member');
  return { ctx, org, officer, lead, member };
}

describe('deadlines as stored records', () => {
  it('Sedgemoor ToR: an information request made on 14 October 2026 is due 10 working days later, across the clock change, at the end of 28 October in London', async () => {
    const { ctx, org, officer, lead } = await setUp();
    const deadline = await startDeadline(ctx, {
      organisationId: org._id,
      kind: 'information-request',
      subject: { kind: 'evidence-request', id: 'req-1' },
      ownerId: lead.personId,
      from: ctx.now(),
      startedBy: officer.personId,
    });
    // 15 Oct is day 1; BST ends on 25 Oct, so 28 Oct ends at 23:59:59.999 GMT.
    expect(deadline.dueAt.toISOString()).toBe('2026-10-28T23:59:59.999Z');
    expect(deadline.state).toBe('open');
    const audit = await new AuditTrail(ctx.db).forSubject('deadline', deadline._id);
    expect(audit.map((e) => e.action)).toEqual(['deadline.opened']);
  });

  it('the same deadline started 20 times at once is stored once', async () => {
    const { ctx, org, officer, lead } = await setUp();
    const started = await Promise.all(
      Array.from({ length: 20 }, () =>
        startDeadline(ctx, {
          organisationId: org._id,
          kind: 'information-request',
          subject: { kind: 'evidence-request', id: 'req-race' },
          ownerId: lead.personId,
          from: ctx.now(),
          startedBy: officer.personId,
        }),
      ),
    );
    expect(new Set(started.map((d) => d._id)).size).toBe(1);
    expect(await deadlineModel(ctx.db).countDocuments({ 'subject.id': 'req-race' })).toBe(1);
  });

  it('the owner meets it; a member who is not the owner is refused and nothing changes', async () => {
    const { ctx, org, officer, lead, member } = await setUp();
    const deadline = await startDeadline(ctx, {
      organisationId: org._id,
      kind: 'information-request',
      subject: { kind: 'evidence-request', id: 'req-2' },
      ownerId: lead.personId,
      from: ctx.now(),
      startedBy: officer.personId,
    });
    const refused = await meetDeadline(ctx, member, { deadlineId: deadline._id });
    expect(refused).toEqual({
      ok: false,
      refusals: [expect.objectContaining({ code: 'not-allowed' })],
    });
    expect((await deadlineModel(ctx.db).findById(deadline._id).lean())?.state).toBe('open');

    const met = await meetDeadline(ctx, lead, { deadlineId: deadline._id });
    expect(met.ok && met.value.state).toBe('met');
    const again = await meetDeadline(ctx, lead, { deadlineId: deadline._id });
    expect(again.ok).toBe(false);
    expect(!again.ok && again.refusals[0]?.code).toBe('deadline-closed');
  });

  it('waiving needs an officer and a reason; the reason is kept in the audit trail', async () => {
    const { ctx, org, officer, lead } = await setUp();
    const deadline = await startDeadline(ctx, {
      organisationId: org._id,
      kind: 'information-request',
      subject: { kind: 'evidence-request', id: 'req-3' },
      ownerId: lead.personId,
      from: ctx.now(),
      startedBy: officer.personId,
    });
    const noReason = await waiveDeadline(ctx, officer, { deadlineId: deadline._id, reason: ' ' });
    expect(!noReason.ok && noReason.refusals[0]).toEqual({
      code: 'invalid-input',
      message: 'Please check: reason: required.',
      field: 'reason',
    });
    const byLead = await waiveDeadline(ctx, lead, { deadlineId: deadline._id, reason: 'n/a' });
    expect(!byLead.ok && byLead.refusals[0]?.code).toBe('not-allowed');

    const waived = await waiveDeadline(ctx, officer, {
      deadlineId: deadline._id,
      reason: 'Review paused by the committee',
    });
    expect(waived.ok && waived.value).toMatchObject({
      state: 'waived',
      waivedBy: officer.personId,
      waivedReason: 'Review paused by the committee',
    });
    const audit = await new AuditTrail(ctx.db).forSubject('deadline', deadline._id);
    expect(audit.at(-1)).toMatchObject({
      action: 'deadline.waived',
      actorId: officer.personId,
      reason: 'Review paused by the committee',
    });
  });

  it('the sweep marks open deadlines past due as missed, and only those', async () => {
    const { ctx, org, officer, lead } = await setUp();
    const due = await startDeadline(ctx, {
      organisationId: org._id,
      kind: 'information-request',
      subject: { kind: 'evidence-request', id: 'req-4' },
      ownerId: lead.personId,
      from: ctx.now(),
      startedBy: officer.personId,
    });
    const later = await startDeadline(ctx, {
      organisationId: org._id,
      kind: 'improvement-plan',
      subject: { kind: 'review', id: 'rev-4' },
      ownerId: lead.personId,
      from: new Date('2026-10-20T10:00:00Z'),
      startedBy: officer.personId,
    });
    app.setNow('2026-10-29T00:30:00Z');
    const missed = await markMissedDeadlines(app.ctx());
    expect(missed.map((d) => d._id)).toContain(due._id);
    expect(missed.map((d) => d._id)).not.toContain(later._id);
    expect((await deadlineModel(ctx.db).findById(later._id).lean())?.state).toBe('open');
    app.setNow('2026-10-14T10:00:00Z');
  });
});
