import {
  assignCheck,
  acceptCheck,
  declineCheck,
  offerCheckTo,
  submitCheckFindings,
} from '../../../src/app/checks/check-use-cases';
import { createGroup } from '../../../src/app/groups/create-group';
import { addMember } from '../../../src/app/people/add-member';
import { AuditTrail } from '../../../src/store/audit/audit-trail';
import {
  checkAssignmentModel,
  realityCheckModel,
} from '../../../src/store/checks/reality-check-model';
import { declarationModel } from '../../../src/store/declarations/declaration-model';
import { membershipModel } from '../../../src/store/people/membership-model';
import { seedOrganisation, seedPerson, useTestApp } from '../../support/app';

const app = useTestApp('2026-03-02T10:00:00Z');

/** A Southampton inspector team with members ready to take part (trained, agreements signed). */
async function southampton(memberCount: number) {
  const ctx = app.ctx();
  const org = await seedOrganisation(ctx);
  const officer = await seedPerson(ctx, org._id, 'Fay Facilitator', { officer: true });
  const created = await createGroup(ctx, officer, {
    name: 'Tenant Inspectors',
    presetKey: 'southampton-ti',
  });
  if (!created.ok) throw new Error('group');
  const group = created.value;
  const members = [];
  for (let i = 0; i < memberCount; i += 1) {
    const person = await seedPerson(ctx, org._id, `Inspector ${i}`);
    const added = await addMember(ctx, officer, {
      groupId: group._id,
      personId: person.personId,
      roles: ['member'],
      tenure: 'tenant',
      tenancyStartedOn: '2020-01-01',
      homeArea: i === 0 ? 'Thornhill' : 'Shirley',
      facts: { over18Confirmed: true, trainedOn: '2025-01-10' },
    });
    if (!added.ok) throw new Error(JSON.stringify(added.refusals));
    await membershipModel(ctx.db).updateOne(
      { _id: added.value._id },
      {
        $set: {
          trainingDoneOn: '2025-01-10',
          codeOfConductSignedOn: '2025-01-10',
          confidentialitySignedOn: '2025-01-10',
        },
      },
    );
    members.push(person);
  }
  return { ctx, org, officer, group, members };
}

const emptyHome = (groupId: string, personId: string) => ({
  groupId,
  personId,
  title: 'Empty home at 4 Elm Road',
  kind: 'empty-home-inspection',
  dueOn: '2026-03-20',
  area: 'Portswood',
});

describe('reality checks, stored', () => {
  it('an officer offers a check to a member; it gets a short reference, the member accepts, and the audit trail shows both', async () => {
    const { ctx, officer, group, members } = await southampton(1);
    const member = members[0]!;
    const assigned = await assignCheck(ctx, officer, emptyHome(group._id, member.personId));
    if (!assigned.ok) throw new Error(JSON.stringify(assigned.refusals));
    expect(assigned.value.check.reference).toMatch(/^C-\d+$/);
    const accepted = await acceptCheck(ctx, member, {
      checkRef: assigned.value.check.reference.toLowerCase().replace('-', ''),
    });
    if (!accepted.ok) throw new Error(JSON.stringify(accepted.refusals));
    expect(accepted.value.assignment.status).toBe('accepted');
    const actions = (
      await new AuditTrail(ctx.db).forSubject('check', assigned.value.check._id)
    ).map((e) => e.action);
    expect(actions).toEqual(['check.created', 'check.offered', 'check.accepted']);
  });

  it('someone else cannot accept or decline a member’s check, and nothing changes', async () => {
    const { ctx, group, officer, members } = await southampton(2);
    const assigned = await assignCheck(ctx, officer, emptyHome(group._id, members[0]!.personId));
    if (!assigned.ok) throw new Error('assign');
    const ref = assigned.value.check.reference;
    const refused = await acceptCheck(ctx, members[1]!, { checkRef: ref });
    expect(refused).toEqual({
      ok: false,
      refusals: [
        { code: 'check.someone-elses', message: 'That check was offered to someone else.' },
      ],
    });
    const declined = await declineCheck(ctx, members[1]!, { checkRef: ref, reason: 'busy' });
    expect(declined.ok).toBe(false);
    const stored = await checkAssignmentModel(ctx.db)
      .findOne({ checkId: assigned.value.check._id })
      .lean();
    expect(stored?.status).toBe('offered');
  });

  it('Southampton Code of Conduct: a member is not sent to inspect their own area', async () => {
    const { ctx, group, officer, members } = await southampton(1);
    const refused = await assignCheck(ctx, officer, {
      ...emptyHome(group._id, members[0]!.personId),
      area: 'Thornhill',
    });
    expect(!refused.ok && refused.refusals.map((r) => r.code)).toEqual(['declarations.home-area']);
    expect(await realityCheckModel(ctx.db).countDocuments({ groupId: group._id })).toBe(0);
  });

  it('a member excluded from a check by a declaration decision cannot be offered it; a suspended member is refused too', async () => {
    const { ctx, org, group, officer, members } = await southampton(2);
    const assigned = await assignCheck(ctx, officer, emptyHome(group._id, members[0]!.personId));
    if (!assigned.ok) throw new Error('assign');
    await declarationModel(ctx.db).create({
      organisationId: org._id,
      groupId: group._id,
      personId: members[1]!.personId,
      kind: 'contractor-or-supplier-link',
      detail: 'My brother works for the voids contractor',
      declaredAt: new Date('2026-03-01T09:00:00Z'),
      declaredBy: members[1]!.personId,
      decision: {
        outcome: 'excluded',
        from: { kind: 'check', id: assigned.value.check._id },
        decidedBy: officer.personId,
        decidedAt: new Date('2026-03-01T10:00:00Z'),
      },
    });
    const excluded = await offerCheckTo(ctx, officer, {
      checkRef: assigned.value.check.reference,
      personId: members[1]!.personId,
    });
    expect(!excluded.ok && excluded.refusals.map((r) => r.code)).toEqual(['declarations.excluded']);

    await membershipModel(ctx.db).updateOne(
      { groupId: group._id, personId: members[1]!.personId },
      { $set: { status: { kind: 'suspended', reason: 'live complaint', since: '2026-03-01' } } },
    );
    const suspended = await offerCheckTo(ctx, officer, {
      checkRef: assigned.value.check.reference,
      personId: members[1]!.personId,
    });
    expect(!suspended.ok && suspended.refusals.map((r) => r.code)).toEqual(
      expect.arrayContaining(['declarations.excluded']),
    );
    expect(!suspended.ok && suspended.refusals.length).toBeGreaterThan(1);
  });

  it('Southampton TI ToR: "a limit of 12 members for any one inspection", with 14 offered at once', async () => {
    const { ctx, group, officer, members } = await southampton(15);
    const assigned = await assignCheck(ctx, officer, emptyHome(group._id, members[0]!.personId));
    if (!assigned.ok) throw new Error('assign');
    const results = await Promise.all(
      members.slice(1).map((m) =>
        offerCheckTo(ctx, officer, {
          checkRef: assigned.value.check.reference,
          personId: m.personId,
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(11);
    expect(
      await checkAssignmentModel(ctx.db).countDocuments({ checkId: assigned.value.check._id }),
    ).toBe(12);
  });

  it('declining frees the place and is recorded with the reason; findings need the check accepted and valid answers', async () => {
    const { ctx, group, officer, members } = await southampton(1);
    const assigned = await assignCheck(ctx, officer, emptyHome(group._id, members[0]!.personId));
    if (!assigned.ok) throw new Error('assign');
    const ref = assigned.value.check.reference;
    const early = await submitCheckFindings(ctx, members[0]!, { checkRef: ref, answers: {} });
    expect(!early.ok && early.refusals.map((r) => r.code)).toContain('check.not-accepted');
    const badLink = await submitCheckFindings(ctx, members[0]!, {
      checkRef: ref,
      answers: {},
      evidenceLinks: ['http://insecure.example'],
    });
    expect(!badLink.ok && badLink.refusals[0]?.code).toBe('invalid-input');
    const declined = await declineCheck(ctx, members[0]!, {
      checkRef: ref,
      reason: 'In hospital that week',
    });
    expect(declined.ok && declined.value.assignment.status).toBe('declined');
    const entries = await new AuditTrail(ctx.db).forSubject('check', assigned.value.check._id);
    expect(entries.at(-1)).toMatchObject({
      action: 'check.declined',
      reason: 'In hospital that week',
    });
  });
});
