import { createGroup } from '../../../src/app/groups/create-group';
import { editGroupPolicy } from '../../../src/app/groups/edit-group-policy';
import { recordMemberProgress } from '../../../src/app/people/member-progress';
import { addMember } from '../../../src/app/people/add-member';
import {
  barMember,
  liftMemberSuspension,
  suspendMember,
  withdrawMember,
} from '../../../src/app/people/member-status';
import { whyCannotTakePart } from '../../../src/app/people/standing';
import { AuditTrail } from '../../../src/store/audit/audit-trail';
import { groupModel } from '../../../src/store/groups/group-model';
import { membershipModel } from '../../../src/store/people/membership-model';
import { seedOrganisation, seedPerson, useTestApp } from '../../support/app';

const app = useTestApp('2026-03-02T10:00:00Z');

async function setUp(
  presetKey: 'southampton-ti' | 'trafford-qip' | 'torus-tims' | 'sedgemoor-scrutiny',
) {
  const ctx = app.ctx();
  const org = await seedOrganisation(ctx);
  const officer = await seedPerson(ctx, org._id, `Olive Officer ${presetKey}`, { officer: true });
  const created = await createGroup(ctx, officer, { name: `Panel ${presetKey}`, presetKey });
  if (!created.ok) throw new Error(JSON.stringify(created.refusals));
  return { ctx, org, officer, group: created.value };
}

const settledTenant = {
  tenure: 'tenant' as const,
  tenancyStartedOn: '2020-01-01',
  facts: { over18Confirmed: true },
};

describe('groups and membership, stored', () => {
  it('an officer creates a group from a preset and becomes its officer; the audit trail says so', async () => {
    const { ctx, officer, group } = await setUp('torus-tims');
    expect(group.presetKey).toBe('torus-tims');
    const membership = await membershipModel(ctx.db)
      .findOne({ groupId: group._id, personId: officer.personId })
      .lean();
    expect(membership?.roles).toEqual(['officer']);
    const entries = await new AuditTrail(ctx.db).forSubject('group', group._id);
    expect(entries.map((e) => e.action)).toEqual(['group.created']);
    expect(entries[0]?.actorId).toBe(officer.personId);
  });

  it('a member who is not an officer cannot create a group, and nothing is stored', async () => {
    const ctx = app.ctx();
    const org = await seedOrganisation(ctx);
    const member = await seedPerson(ctx, org._id, 'Nina Notofficer');
    const refused = await createGroup(ctx, member, {
      name: 'Shadow panel',
      presetKey: 'torus-tims',
    });
    expect(refused).toEqual({
      ok: false,
      refusals: [{ code: 'not-allowed', message: 'Only an officer can create a group.' }],
    });
    expect(await groupModel(ctx.db).countDocuments({ organisationId: org._id })).toBe(0);
  });

  it('a bad preset is refused with a sentence naming the field, and nothing is stored', async () => {
    const ctx = app.ctx();
    const org = await seedOrganisation(ctx);
    const officer = await seedPerson(ctx, org._id, 'Ola Officer', { officer: true });
    const refused = await createGroup(ctx, officer, { name: 'X', presetKey: 'made-up' });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.refusals[0]?.message).toMatch(/presetKey/);
    expect(await groupModel(ctx.db).countDocuments({ organisationId: org._id })).toBe(0);
  });

  it('the same group created 20 times at once is stored once; the others are told the name is taken', async () => {
    const ctx = app.ctx();
    const org = await seedOrganisation(ctx);
    const officer = await seedPerson(ctx, org._id, 'Rae Racer', { officer: true });
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        createGroup(ctx, officer, { name: 'Raced panel', presetKey: 'southampton-ti' }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await groupModel(ctx.db).countDocuments({ organisationId: org._id })).toBe(1);
  });

  it('Southampton TI ToR: staff without manager agreement and a tenancy under 12 months without training are refused with both reasons', async () => {
    const { ctx, org, officer, group } = await setUp('southampton-ti');
    const person = await seedPerson(ctx, org._id, 'Sid Staffer');
    const refused = await addMember(ctx, officer, {
      groupId: group._id,
      personId: person.personId,
      roles: ['member'],
      tenure: 'tenant',
      tenancyStartedOn: '2025-12-01',
      facts: { isStaff: true, managerAgreed: false, over18Confirmed: true },
    });
    expect(refused.ok).toBe(false);
    const codes = !refused.ok ? refused.refusals.map((r) => r.code) : [];
    expect(codes).toEqual(expect.arrayContaining(['membership.tenancy-too-short']));
    expect(codes.length).toBeGreaterThanOrEqual(2);
    expect(await membershipModel(ctx.db).countDocuments({ personId: person.personId })).toBe(0);
  });

  it('Trafford QIP ToR 7: 20 people added at once to a panel of at most 15 leave exactly 15 members', async () => {
    const { ctx, org, officer, group } = await setUp('trafford-qip');
    const people = await Promise.all(
      Array.from({ length: 20 }, (_, i) => seedPerson(ctx, org._id, `Trafford Tenant ${i}`)),
    );
    const results = await Promise.all(
      people.map((person) =>
        addMember(ctx, officer, {
          groupId: group._id,
          personId: person.personId,
          roles: ['member'],
          ...settledTenant,
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(15);
    expect(
      await membershipModel(ctx.db).countDocuments({ groupId: group._id, roles: 'member' }),
    ).toBe(15);
    const refused = results.find((r) => !r.ok);
    expect(!refused?.ok && refused?.refusals[0]?.code).toBe('membership.group-full');
  });

  it('Trafford QIP ToR 7: "a maximum of 2 places can be filled by leaseholders", raced 5 at once', async () => {
    const { ctx, org, officer, group } = await setUp('trafford-qip');
    const people = await Promise.all(
      Array.from({ length: 5 }, (_, i) => seedPerson(ctx, org._id, `Leaseholder ${i}`)),
    );
    const results = await Promise.all(
      people.map((person) =>
        addMember(ctx, officer, {
          groupId: group._id,
          personId: person.personId,
          roles: ['member'],
          ...settledTenant,
          tenure: 'leaseholder',
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(2);
  });

  it('a chair cannot add members; only an officer can', async () => {
    const { ctx, org, officer, group } = await setUp('sedgemoor-scrutiny');
    const chair = await seedPerson(ctx, org._id, 'Chris Chair');
    const added = await addMember(ctx, officer, {
      groupId: group._id,
      personId: chair.personId,
      roles: ['member', 'chair'],
      ...settledTenant,
    });
    expect(added.ok).toBe(true);
    const newcomer = await seedPerson(ctx, org._id, 'Nell Newcomer');
    const refused = await addMember(ctx, chair, {
      groupId: group._id,
      personId: newcomer.personId,
      roles: ['member'],
      ...settledTenant,
    });
    expect(!refused.ok && refused.refusals[0]?.message).toBe(
      'Only an officer can add people to a group.',
    );
  });

  it('Torus TIMS ToR: a new member cannot take part until agreements are signed and training is done', async () => {
    const { ctx, org, officer, group } = await setUp('torus-tims');
    const person = await seedPerson(ctx, org._id, 'Tia Torus');
    const added = await addMember(ctx, officer, {
      groupId: group._id,
      personId: person.personId,
      roles: ['member'],
      ...settledTenant,
    });
    expect(added.ok).toBe(true);
    const reasons = await whyCannotTakePart(ctx, {
      organisationId: org._id,
      groupId: group._id,
      personId: person.personId,
    });
    expect(reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^membership\./)]),
    );
    expect(reasons.length).toBeGreaterThan(0);
  });

  it('an officer adding an existing member as officer makes them an officer of the organisation', async () => {
    const { ctx, org, officer, group } = await setUp('sedgemoor-scrutiny');
    const person = await seedPerson(ctx, org._id, 'Pat Promoted');
    await addMember(ctx, officer, {
      groupId: group._id,
      personId: person.personId,
      roles: ['member'],
      ...settledTenant,
    });
    const promoted = await addMember(ctx, officer, {
      groupId: group._id,
      personId: person.personId,
      roles: ['officer'],
    });
    expect(promoted.ok && promoted.value.roles).toEqual(['member', 'officer']);
    const again = await createGroup(ctx, person, { name: 'Made by Pat', presetKey: 'torus-tims' });
    expect(again.ok).toBe(true);
  });
});

describe('membership status, stored', () => {
  it('Torus TIMS ToR Safeguards: a suspended member cannot take part until the suspension is lifted; both are audited with reasons', async () => {
    const { ctx, org, officer, group } = await setUp('torus-tims');
    const person = await seedPerson(ctx, org._id, 'Sue Spended');
    await addMember(ctx, officer, {
      groupId: group._id,
      personId: person.personId,
      roles: ['member'],
      ...settledTenant,
    });
    const suspended = await suspendMember(ctx, officer, {
      groupId: group._id,
      personId: person.personId,
      reason: 'Pending investigation of a tenancy breach',
    });
    expect(suspended.ok && suspended.value.status.kind).toBe('suspended');
    const reasons = await whyCannotTakePart(ctx, {
      organisationId: org._id,
      groupId: group._id,
      personId: person.personId,
    });
    expect(reasons.map((r) => r.code)).toContain('membership.suspended');
    const lifted = await liftMemberSuspension(ctx, officer, {
      groupId: group._id,
      personId: person.personId,
      reason: 'Investigation closed',
    });
    expect(lifted.ok && lifted.value.status.kind).toBe('active');
    const entries = await new AuditTrail(ctx.db).forGroup(group._id);
    expect(
      entries.filter((e) => e.action.startsWith('membership.s')).map((e) => [e.action, e.reason]),
    ).toEqual([
      ['membership.suspended', 'Pending investigation of a tenancy breach'],
      ['membership.suspension-lifted', 'Investigation closed'],
    ]);
  });

  it('Southampton Code of Conduct: a barred member is refused until the bar ends, then may take part again', async () => {
    const { ctx, org, officer, group } = await setUp('southampton-ti');
    const person = await seedPerson(ctx, org._id, 'Barry Barred');
    await addMember(ctx, officer, {
      groupId: group._id,
      personId: person.personId,
      roles: ['member'],
      ...settledTenant,
      facts: { over18Confirmed: true, trainedOn: '2025-01-01' },
    });
    const barred = await barMember(ctx, officer, {
      groupId: group._id,
      personId: person.personId,
      until: '2026-06-01',
      reason: 'Members voted to bar after three warnings',
    });
    expect(barred.ok).toBe(true);
    const during = await whyCannotTakePart(ctx, {
      organisationId: org._id,
      groupId: group._id,
      personId: person.personId,
    });
    expect(during.map((r) => r.code)).toContain('membership.barred');
    app.setNow('2026-06-02T10:00:00Z');
    const after = await whyCannotTakePart(ctx, {
      organisationId: org._id,
      groupId: group._id,
      personId: person.personId,
    });
    expect(after.map((r) => r.code)).not.toContain('membership.barred');
    app.setNow('2026-03-02T10:00:00Z');
  });

  it('Trafford QIP ToR 7: withdrawing a member frees their place on a full panel', async () => {
    const { ctx, org, officer, group } = await setUp('trafford-qip');
    const people = await Promise.all(
      Array.from({ length: 16 }, (_, i) => seedPerson(ctx, org._id, `Full Panel ${i}`)),
    );
    for (const person of people.slice(0, 15))
      await addMember(ctx, officer, {
        groupId: group._id,
        personId: person.personId,
        roles: ['member'],
        ...settledTenant,
      });
    const sixteenth = {
      groupId: group._id,
      personId: people[15]!.personId,
      roles: ['member' as const],
      ...settledTenant,
    };
    expect((await addMember(ctx, officer, sixteenth)).ok).toBe(false);
    const withdrawn = await withdrawMember(ctx, officer, {
      groupId: group._id,
      personId: people[0]!.personId,
      reason: 'Moved out of the borough',
    });
    expect(withdrawn.ok).toBe(true);
    expect((await addMember(ctx, officer, sixteenth)).ok).toBe(true);
  });
});

describe('policies and progress', () => {
  it('Trafford QIP ToR 7: an officer can raise the panel size with a reason; the audit keeps the old value; an unsound policy is refused', async () => {
    const { ctx, officer, group } = await setUp('trafford-qip');
    const edited = await editGroupPolicy(ctx, officer, {
      groupId: group._id,
      changes: { maxMembers: 18 },
      reason: 'Board agreed a larger panel',
    });
    if (!edited.ok) throw new Error(JSON.stringify(edited.refusals));
    expect(edited.value.policy.maxMembers).toBe(18);
    const entries = await new AuditTrail(ctx.db).forSubject('group', group._id);
    expect(entries.at(-1)).toMatchObject({
      action: 'group.policy-edited',
      reason: 'Board agreed a larger panel',
      details: { before: { maxMembers: 15 }, after: { maxMembers: 18 } },
    });
    const unsound = await editGroupPolicy(ctx, officer, {
      groupId: group._id,
      changes: { maxMembers: -1 },
      reason: 'typo',
    });
    expect(unsound.ok).toBe(false);
  });

  it('Sedgemoor ToR: once training, agreements and the over-18 confirmation are recorded the member can take part, and the term start is on record', async () => {
    const { ctx, org, officer, group } = await setUp('sedgemoor-scrutiny');
    const person = await seedPerson(ctx, org._id, 'Ready Rita');
    await addMember(ctx, officer, {
      groupId: group._id,
      personId: person.personId,
      roles: ['member'],
      tenure: 'tenant',
      tenancyStartedOn: '2020-01-01',
    });
    const before = await whyCannotTakePart(ctx, {
      organisationId: org._id,
      groupId: group._id,
      personId: person.personId,
    });
    expect(before.length).toBeGreaterThan(0);
    const recorded = await recordMemberProgress(ctx, officer, {
      groupId: group._id,
      personId: person.personId,
      trainingDoneOn: '2026-02-01',
      codeOfConductSignedOn: '2026-02-01',
      confidentialitySignedOn: '2026-02-01',
      over18Confirmed: true,
      termStartsOn: '2026-03-01',
    });
    if (!recorded.ok) throw new Error(JSON.stringify(recorded.refusals));
    expect(recorded.value.termStartsOn).toBe('2026-03-01');
    const after = await whyCannotTakePart(ctx, {
      organisationId: org._id,
      groupId: group._id,
      personId: person.personId,
    });
    expect(after).toEqual([]);
  });
});
