import {
  markEvidenceSent,
  openRequestsFor,
  requestEvidence,
} from '../../../src/app/evidence/evidence-use-cases';
import { createGroup } from '../../../src/app/groups/create-group';
import { AuditTrail } from '../../../src/store/audit/audit-trail';
import { deadlineModel } from '../../../src/store/deadlines/deadline-model';
import { evidenceRequestModel } from '../../../src/store/evidence/evidence-request-model';
import { seedOrganisation, seedPerson, useTestApp } from '../../support/app';

const app = useTestApp('2026-12-18T11:00:00Z');

async function setUp() {
  const ctx = app.ctx();
  const org = await seedOrganisation(ctx);
  const officer = await seedPerson(ctx, org._id, 'Iris Officer', { officer: true });
  const lead = await seedPerson(ctx, org._id, 'Sam Servicelead');
  const created = await createGroup(ctx, officer, {
    name: 'Scrutiny Panel',
    presetKey: 'sedgemoor-scrutiny',
  });
  if (!created.ok) throw new Error('group');
  return { ctx, org, officer, lead, group: created.value };
}

describe('information requests to staff, stored', () => {
  it('Sedgemoor ToR: a request made on Friday 18 December 2026 is due in 10 working days, skipping Christmas, the Boxing Day substitute on 28 December and New Year: end of 6 January 2027', async () => {
    const { ctx, officer, lead, group } = await setUp();
    const requested = await requestEvidence(ctx, officer, {
      groupId: group._id,
      personId: lead.personId,
      what: 'Repair satisfaction figures for Q3',
    });
    if (!requested.ok) throw new Error(JSON.stringify(requested.refusals));
    expect(requested.value.reference).toMatch(/^E-\d+$/);
    expect(requested.value.dueAt.toISOString()).toBe('2027-01-06T23:59:59.999Z');
    const deadline = await deadlineModel(ctx.db).findById(requested.value.deadlineId).lean();
    expect(deadline).toMatchObject({
      kind: 'information-request',
      ownerId: lead.personId,
      state: 'open',
    });
    expect(
      (await openRequestsFor(ctx, officer.organisationId, lead.personId)).map((r) => r.reference),
    ).toEqual([requested.value.reference]);
  });

  it('the person asked marks it sent with a link; the deadline is met and the request leaves their list', async () => {
    const { ctx, officer, lead, group } = await setUp();
    const requested = await requestEvidence(ctx, officer, {
      groupId: group._id,
      personId: lead.personId,
      what: 'Void inspection records',
    });
    if (!requested.ok) throw new Error('request');
    const sent = await markEvidenceSent(ctx, lead, {
      requestRef: requested.value.reference.toLowerCase(),
      link: 'https://files.example/voids.xlsx',
    });
    expect(sent.ok && sent.value.state).toBe('sent');
    expect((await deadlineModel(ctx.db).findById(requested.value.deadlineId).lean())?.state).toBe(
      'met',
    );
    expect(await openRequestsFor(ctx, officer.organisationId, lead.personId)).toEqual([]);
    const actions = (
      await new AuditTrail(ctx.db).forSubject('evidence-request', requested.value._id)
    ).map((e) => e.action);
    expect(actions).toEqual(['evidence.requested', 'evidence.sent']);
  });

  it('a member who is not an officer cannot request information; a due date in the past is refused; nothing is stored', async () => {
    const { ctx, org, officer, lead, group } = await setUp();
    const member = await seedPerson(ctx, org._id, 'Pam Panel');
    const refused = await requestEvidence(ctx, member, {
      groupId: group._id,
      personId: lead.personId,
      what: 'Anything',
    });
    expect(!refused.ok && refused.refusals[0]?.code).toBe('not-allowed');
    const past = await requestEvidence(ctx, officer, {
      groupId: group._id,
      personId: lead.personId,
      what: 'Anything',
      dueOn: '2026-12-01',
    });
    expect(!past.ok && past.refusals[0]?.code).toBe('evidence.due-in-past');
    expect(await evidenceRequestModel(ctx.db).countDocuments({ groupId: group._id })).toBe(0);
  });

  it('an officer may set the date instead of the rule, due at the end of that day in London', async () => {
    const { ctx, officer, lead, group } = await setUp();
    const requested = await requestEvidence(ctx, officer, {
      groupId: group._id,
      personId: lead.personId,
      what: 'Complaints log',
      dueOn: '2027-01-15',
    });
    expect(requested.ok && requested.value.dueAt.toISOString()).toBe('2027-01-15T23:59:59.999Z');
  });
});
