import { bindGroupToConversation, createGroup } from '../../../src/app/groups/create-group';
import { groupsOfPerson, membersOf } from '../../../src/app/groups/group-queries';
import { addMember } from '../../../src/app/people/add-member';
import { recordMemberProgress } from '../../../src/app/people/member-progress';
import {
  barMember,
  liftMemberSuspension,
  suspendMember,
  withdrawMember,
} from '../../../src/app/people/member-status';
import { whyCannotTakePart } from '../../../src/app/people/standing';
import type { Actor } from '../../../src/app/shared/actor';
import { AuditTrail } from '../../../src/store/audit/audit-trail';
import {
  checkAssignmentModel,
  realityCheckModel,
} from '../../../src/store/checks/reality-check-model';
import { membershipModel } from '../../../src/store/people/membership-model';
import { personModel } from '../../../src/store/people/person-model';
import { Seats } from '../../../src/store/seats';
import { seedOrganisation, seedPerson, useTestApp } from '../../support/app';

const START = '2026-03-02T10:00:00Z';
const app = useTestApp(START);

type PresetKey = 'southampton-ti' | 'trafford-qip' | 'torus-tims' | 'sedgemoor-scrutiny';

async function setUp(presetKey: PresetKey) {
  const ctx = app.ctx();
  const org = await seedOrganisation(ctx);
  const officer = await seedPerson(ctx, org._id, `Owen Officer ${presetKey}`, { officer: true });
  const created = await createGroup(ctx, officer, { name: `Group ${presetKey}`, presetKey });
  if (!created.ok) throw new Error(JSON.stringify(created.refusals));
  return { ctx, org, officer, group: created.value };
}

/** Eligible for every preset: a tenant of long standing who has confirmed being over 18. */
const settled = {
  roles: ['member' as const],
  tenure: 'tenant' as const,
  tenancyStartedOn: '2019-05-01',
  facts: { over18Confirmed: true, trainedOn: '2025-01-10' },
};

function codes(result: { ok: boolean; refusals?: Array<{ code: string }> }): string[] {
  return result.ok ? [] : (result.refusals ?? []).map((r) => r.code);
}

/** What a refused call must leave untouched: memberships, seats and the group's audit trail. */
async function storedState(groupId: string, personIds: string[]) {
  const ctx = app.ctx();
  const seats = new Seats(ctx.db);
  const memberships = await membershipModel(ctx.db).find({ groupId }).sort({ personId: 1 }).lean();
  const people = await personModel(ctx.db)
    .find({ _id: { $in: personIds } })
    .sort({ _id: 1 })
    .lean();
  return {
    memberships: memberships.map((m) => ({ id: m._id, v: m.version, s: m.status, r: m.roles })),
    people: people.map((p) => ({ id: p._id, v: p.version, officer: p.isOfficer })),
    seats: await seats.count(`group:${groupId}:members`),
    audit: (await new AuditTrail(ctx.db).forGroup(groupId)).length,
  };
}

describe('adding members', () => {
  it('Southampton TI ToR: staff without their manager’s agreement, under 12 months a tenant and untrained are refused with every reason at once, and nothing is stored', async () => {
    const { ctx, org, officer, group } = await setUp('southampton-ti');
    const person = await seedPerson(ctx, org._id, 'Stacey Staffer');
    const before = await storedState(group._id, [person.personId]);
    const refused = await addMember(ctx, officer, {
      groupId: group._id,
      personId: person.personId,
      roles: ['member'],
      tenure: 'tenant',
      tenancyStartedOn: '2026-01-05',
      facts: { isStaff: true, managerAgreed: false, over18Confirmed: false },
    });
    expect(codes(refused).sort()).toEqual([
      'membership.staff-without-manager-agreement',
      'membership.tenancy-too-short',
    ]);
    expect(!refused.ok && refused.refusals.every((r) => /\.$/.test(r.message))).toBe(true);
    expect(await storedState(group._id, [person.personId])).toEqual(before);
    const stored = await personModel(ctx.db).findById(person.personId).lean();
    expect(stored?.facts).toEqual({});
  });

  it('Torus TIMS ToR: a member who has not confirmed being 18 or over, signed nothing and is untrained is told every reason they cannot take part yet', async () => {
    const { ctx, org, officer, group } = await setUp('torus-tims');
    const person = await seedPerson(ctx, org._id, 'Young Yvonne');
    const added = await addMember(ctx, officer, {
      groupId: group._id,
      personId: person.personId,
      roles: ['member'],
      tenure: 'tenant',
      tenancyStartedOn: '2026-01-05',
    });
    expect(added.ok).toBe(true);
    const reasons = await whyCannotTakePart(ctx, {
      organisationId: org._id,
      groupId: group._id,
      personId: person.personId,
    });
    expect(reasons.map((r) => r.code).sort()).toEqual([
      'membership.code-of-conduct-unsigned',
      'membership.confidentiality-unsigned',
      'membership.over-18-not-confirmed',
      'membership.training-required',
    ]);
  });

  it('adding a member stores the facts the officer recorded (versioned) and audits membership.added', async () => {
    const { ctx, org, officer, group } = await setUp('trafford-qip');
    const person = await seedPerson(ctx, org._id, 'Fiona Facts');
    const added = await addMember(ctx, officer, {
      groupId: group._id,
      personId: person.personId,
      ...settled,
      homeArea: 'Stretford',
    });
    expect(added.ok).toBe(true);
    const stored = await personModel(ctx.db).findById(person.personId).lean();
    expect(stored?.version).toBe(1);
    expect(stored?.facts).toMatchObject({
      tenure: 'tenant',
      tenancyStartedOn: '2019-05-01',
      homeArea: 'Stretford',
      over18Confirmed: true,
      trainedOn: '2025-01-10',
    });
    const membership = added.ok ? added.value : undefined;
    const entries = await new AuditTrail(ctx.db).forSubject('membership', membership?._id ?? '');
    expect(entries.map((e) => [e.action, e.actorId])).toEqual([
      ['membership.added', officer.personId],
    ]);
    // Trafford QIP ToR 7: "a fixed term of three years".
    expect(membership?.termStartsOn).toBe('2026-03-02');
    expect(membership?.termEndsOn).toBe('2029-03-01');
  });

  it('a chair cannot add members, and nothing is stored', async () => {
    const { ctx, org, officer, group } = await setUp('torus-tims');
    const chair = await seedPerson(ctx, org._id, 'Cath Chair');
    await addMember(ctx, officer, {
      groupId: group._id,
      personId: chair.personId,
      ...settled,
      roles: ['member', 'chair'],
    });
    const person = await seedPerson(ctx, org._id, 'Pat Person');
    const before = await storedState(group._id, [person.personId]);
    const refused = await addMember(ctx, chair, {
      groupId: group._id,
      personId: person.personId,
      ...settled,
    });
    expect(refused).toEqual({
      ok: false,
      refusals: [{ code: 'not-allowed', message: 'Only an officer can add people to a group.' }],
    });
    expect(await storedState(group._id, [person.personId])).toEqual(before);
  });

  it('an add without any role, or with a made-up tenure, is refused naming the fields, and nothing is stored', async () => {
    const { ctx, org, officer, group } = await setUp('torus-tims');
    const person = await seedPerson(ctx, org._id, 'Rory Roleless');
    const before = await storedState(group._id, [person.personId]);
    const refused = await addMember(ctx, officer, {
      groupId: group._id,
      personId: person.personId,
      roles: [],
      tenure: 'squatter',
    });
    expect(codes(refused)).toEqual(['invalid-input']);
    const message = !refused.ok ? (refused.refusals[0]?.message ?? '') : '';
    expect(message).toMatch(/^Please check: /);
    expect(message).toMatch(/roles: give at least one role/);
    expect(message).toMatch(/tenure/);
    expect(await storedState(group._id, [person.personId])).toEqual(before);
  });

  it('someone already a member is refused in a sentence; new roles are added to the one membership, audited', async () => {
    const { ctx, org, officer, group } = await setUp('trafford-qip');
    const person = await seedPerson(ctx, org._id, 'Val Vice');
    await addMember(ctx, officer, { groupId: group._id, personId: person.personId, ...settled });
    const again = await addMember(ctx, officer, {
      groupId: group._id,
      personId: person.personId,
      ...settled,
    });
    expect(again).toEqual({
      ok: false,
      refusals: [
        {
          code: 'membership.already-member',
          message: `Val Vice is already in ${group.name} as member.`,
        },
      ],
    });
    const promoted = await addMember(ctx, officer, {
      groupId: group._id,
      personId: person.personId,
      roles: ['member', 'vice-chair'],
    });
    expect(promoted.ok && promoted.value.roles).toEqual(['member', 'vice-chair']);
    expect(await membershipModel(ctx.db).countDocuments({ groupId: group._id })).toBe(2);
    const audit = await new AuditTrail(ctx.db).forGroup(group._id);
    expect(audit.map((e) => e.action)).toContain('membership.roles-added');
    // The vice-chair still holds one place, not two.
    expect(await new Seats(ctx.db).count(`group:${group._id}:members`)).toBe(1);
  });

  it('the same person added 20 times at once holds one membership and one place', async () => {
    const { ctx, org, officer, group } = await setUp('trafford-qip');
    const person = await seedPerson(ctx, org._id, 'Dot Double');
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        addMember(ctx, officer, { groupId: group._id, personId: person.personId, ...settled }),
      ),
    );
    expect(results.filter((r) => r.ok).length).toBeGreaterThanOrEqual(1);
    expect(
      await membershipModel(ctx.db).countDocuments({
        groupId: group._id,
        personId: person.personId,
      }),
    ).toBe(1);
    expect(await new Seats(ctx.db).count(`group:${group._id}:members`)).toBe(1);
  });

  it('Sedgemoor customer-led scrutiny ToR 8.3: 20 residents added at once to a panel of at most 12 leave exactly 12 members', async () => {
    const { ctx, org, officer, group } = await setUp('sedgemoor-scrutiny');
    const people = await Promise.all(
      Array.from({ length: 20 }, (_, i) => seedPerson(ctx, org._id, `Sedgemoor Resident ${i}`)),
    );
    const results = await Promise.all(
      people.map((p) =>
        addMember(ctx, officer, { groupId: group._id, personId: p.personId, ...settled }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(12);
    expect(
      await membershipModel(ctx.db).countDocuments({ groupId: group._id, roles: 'member' }),
    ).toBe(12);
    expect(new Set(results.filter((r) => !r.ok).flatMap(codes))).toEqual(
      new Set(['membership.group-full']),
    );
    expect(await new Seats(ctx.db).count(`group:${group._id}:members`)).toBe(12);
  });

  it('Trafford QIP ToR 7: "a maximum of 2 places can be filled by leaseholders"; a third is refused in a sentence and takes no place', async () => {
    const { ctx, org, officer, group } = await setUp('trafford-qip');
    const leaseholders = await Promise.all(
      [1, 2, 3].map((i) => seedPerson(ctx, org._id, `Lee Leaseholder ${i}`)),
    );
    const results = [];
    for (const person of leaseholders)
      results.push(
        await addMember(ctx, officer, {
          groupId: group._id,
          personId: person.personId,
          ...settled,
          tenure: 'leaseholder',
        }),
      );
    expect(results.map((r) => r.ok)).toEqual([true, true, false]);
    expect(results[2]).toEqual({
      ok: false,
      refusals: [
        {
          code: 'membership.leaseholder-places-full',
          message: 'All 2 places for leaseholders are filled.',
        },
      ],
    });
    expect(await new Seats(ctx.db).count(`group:${group._id}:members`)).toBe(2);
    const tenant = await seedPerson(ctx, org._id, 'Tina Tenant');
    expect(
      (await addMember(ctx, officer, { groupId: group._id, personId: tenant.personId, ...settled }))
        .ok,
    ).toBe(true);
  });

  it('Sedgemoor customer-led scrutiny ToR 4.1: only one STAC member on a panel at a time, raced 5 at once', async () => {
    const { ctx, org, officer, group } = await setUp('sedgemoor-scrutiny');
    const stac = await Promise.all(
      Array.from({ length: 5 }, (_, i) => seedPerson(ctx, org._id, `Stac Member ${i}`)),
    );
    const results = await Promise.all(
      stac.map((p) =>
        addMember(ctx, officer, {
          groupId: group._id,
          personId: p.personId,
          ...settled,
          facts: { ...settled.facts, committeeMemberOf: 'STAC' },
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await membershipModel(ctx.db).countDocuments({ groupId: group._id })).toBe(2);
    // The refused ones gave back the member places they claimed before the committee place.
    expect(await new Seats(ctx.db).count(`group:${group._id}:members`)).toBe(1);
  });

  it('Southampton TI ToR: "New members can only join in-between inspections"', async () => {
    const { ctx, org, officer, group } = await setUp('southampton-ti');
    const inspector = await seedPerson(ctx, org._id, 'Ian Inspector');
    await addMember(ctx, officer, { groupId: group._id, personId: inspector.personId, ...settled });
    // The check itself, running until its due date: an inspection is under way only within it.
    await realityCheckModel(ctx.db).create({
      _id: '0123456789abcdef01234567',
      organisationId: org._id,
      groupId: group._id,
      reference: 'C-1',
      title: 'Empty home at 4 Elm Road',
      kind: 'empty-home-inspection',
      dueOn: '2026-03-20',
      createdAt: new Date(START),
      createdBy: officer.personId,
    });
    const assignment = await checkAssignmentModel(ctx.db).create({
      organisationId: org._id,
      groupId: group._id,
      checkId: '0123456789abcdef01234567',
      personId: inspector.personId,
      status: 'accepted',
      offeredBy: officer.personId,
      offeredAt: new Date(START),
    });
    const newcomer = await seedPerson(ctx, org._id, 'Nell Newcomer');
    const refused = await addMember(ctx, officer, {
      groupId: group._id,
      personId: newcomer.personId,
      ...settled,
    });
    expect(codes(refused)).toEqual(['membership.inspection-in-progress']);
    await checkAssignmentModel(ctx.db).updateOne(
      { _id: assignment._id },
      { $set: { status: 'submitted' } },
    );
    const added = await addMember(ctx, officer, {
      groupId: group._id,
      personId: newcomer.personId,
      ...settled,
    });
    expect(added.ok).toBe(true);
  });

  it('Trafford QIP ToR 7: an officer on a full panel made a member too is refused a place', async () => {
    const { ctx, org, officer, group } = await setUp('trafford-qip');
    const people = await Promise.all(
      Array.from({ length: 15 }, (_, i) => seedPerson(ctx, org._id, `Full Fifteen ${i}`)),
    );
    await Promise.all(
      people.map((p) =>
        addMember(ctx, officer, { groupId: group._id, personId: p.personId, ...settled }),
      ),
    );
    const refused = await addMember(ctx, officer, {
      groupId: group._id,
      personId: officer.personId,
      ...settled,
    });
    expect(codes(refused)).toEqual(['membership.group-full']);
    const own = await membershipModel(ctx.db)
      .findOne({ groupId: group._id, personId: officer.personId })
      .lean();
    expect(own?.roles).toEqual(['officer']);
  });

  it('making someone an officer of a group makes them an officer of the organisation, audited', async () => {
    const { ctx, org, officer, group } = await setUp('torus-tims');
    const colleague = await seedPerson(ctx, org._id, 'Tom Tenantvoice');
    const added = await addMember(ctx, officer, {
      groupId: group._id,
      personId: colleague.personId,
      roles: ['officer'],
    });
    expect(added.ok).toBe(true);
    expect((await personModel(ctx.db).findById(colleague.personId).lean())?.isOfficer).toBe(true);
    const entries = await new AuditTrail(ctx.db).forSubject('person', colleague.personId);
    expect(entries.map((e) => e.action)).toContain('person.made-officer');
  });
});

describe('progress and status', () => {
  async function withMember(presetKey: PresetKey, name: string) {
    const setup = await setUp(presetKey);
    const person = await seedPerson(setup.ctx, setup.org._id, name);
    const added = await addMember(setup.ctx, setup.officer, {
      groupId: setup.group._id,
      personId: person.personId,
      ...settled,
    });
    if (!added.ok) throw new Error(JSON.stringify(added.refusals));
    return { ...setup, person, target: { groupId: setup.group._id, personId: person.personId } };
  }

  it('Trafford QIP ToR 7: recording a term start sets the end of the three-year term; training and agreements are dated and audited', async () => {
    const { ctx, officer, target } = await withMember('trafford-qip', 'Terry Term');
    const saved = await recordMemberProgress(ctx, officer, {
      ...target,
      trainingDoneOn: '2026-02-20',
      codeOfConductSignedOn: '2026-02-21',
      termStartsOn: '2026-04-01',
    });
    expect(saved.ok && saved.value).toMatchObject({
      trainingDoneOn: '2026-02-20',
      codeOfConductSignedOn: '2026-02-21',
      termStartsOn: '2026-04-01',
      termEndsOn: '2029-03-31',
    });
    const entries = await new AuditTrail(ctx.db).forGroup(target.groupId);
    expect(entries.map((e) => e.action)).toContain('membership.progress-recorded');
  });

  it('a member cannot record progress, and a bad date is refused naming the field; nothing is stored either way', async () => {
    const { ctx, org, officer, group, target, person } = await withMember(
      'torus-tims',
      'Molly Member',
    );
    const other = await seedPerson(ctx, org._id, 'Ollie Other');
    await addMember(ctx, officer, { groupId: group._id, personId: other.personId, ...settled });
    const before = await storedState(group._id, [person.personId]);
    const byMember = await recordMemberProgress(ctx, other, {
      ...target,
      trainingDoneOn: '2026-02-20',
    });
    expect(codes(byMember)).toEqual(['not-allowed']);
    const badDate = await recordMemberProgress(ctx, officer, {
      ...target,
      trainingDoneOn: 'last Tuesday',
    });
    expect(codes(badDate)).toEqual(['invalid-input']);
    expect(!badDate.ok && badDate.refusals[0]?.message).toBe(
      'Please check: trainingDoneOn: expected a date like 2026-12-01.',
    );
    expect(await storedState(group._id, [person.personId])).toEqual(before);
  });

  it('status changes by a non-officer, or without a reason, are refused and nothing is stored', async () => {
    const { ctx, org, officer, group, target, person } = await withMember(
      'southampton-ti',
      'Sam Steady',
    );
    const chair = await seedPerson(ctx, org._id, 'Chris Chair');
    await addMember(ctx, officer, {
      groupId: group._id,
      personId: chair.personId,
      ...settled,
      roles: ['member', 'chair'],
    });
    const before = await storedState(group._id, [person.personId]);
    const byChair: Array<(actor: Actor) => Promise<{ ok: boolean }>> = [
      (a) => suspendMember(ctx, a, { ...target, reason: 'Complaint' }),
      (a) => liftMemberSuspension(ctx, a, { ...target, reason: 'Resolved' }),
      (a) => withdrawMember(ctx, a, { ...target, reason: 'Resigned' }),
      (a) => barMember(ctx, a, { ...target, until: '2026-09-01', reason: 'Vote' }),
      (a) => bindGroupToConversation(ctx, a, { groupId: group._id, conversationId: '19:x' }),
    ];
    for (const call of byChair) expect(codes(await call(chair))).toEqual(['not-allowed']);
    const noReason = await suspendMember(ctx, officer, { ...target, reason: '   ' });
    expect(!noReason.ok && noReason.refusals[0]?.message).toBe('Please check: reason: required.');
    const badUntil = await barMember(ctx, officer, { ...target, until: 'soon', reason: 'Vote' });
    expect(!badUntil.ok && badUntil.refusals[0]?.message).toBe(
      'Please check: until: expected a date like 2026-12-01.',
    );
    expect(await storedState(group._id, [person.personId])).toEqual(before);
  });

  it('Torus TIMS ToR Safeguards: a suspended member cannot take part; lifting it lets them; both audited with the officer’s reason', async () => {
    const { ctx, org, officer, target } = await withMember('torus-tims', 'Sue Suspended');
    const suspended = await suspendMember(ctx, officer, {
      ...target,
      reason: 'Pending investigation of a tenancy breach',
    });
    expect(suspended.ok && suspended.value.status).toEqual({
      kind: 'suspended',
      reason: 'Pending investigation of a tenancy breach',
      since: '2026-03-02',
    });
    const during = await whyCannotTakePart(ctx, { organisationId: org._id, ...target });
    expect(during.map((r) => r.code)).toContain('membership.suspended');
    expect(during.find((r) => r.code === 'membership.suspended')?.message).toMatch(
      /suspended since .*Pending investigation of a tenancy breach/,
    );
    const again = await suspendMember(ctx, officer, { ...target, reason: 'Twice' });
    expect(codes(again)).toEqual(['membership.already-suspended']);
    expect((await liftMemberSuspension(ctx, officer, { ...target, reason: 'Cleared' })).ok).toBe(
      true,
    );
    const after = await whyCannotTakePart(ctx, { organisationId: org._id, ...target });
    expect(after.map((r) => r.code)).not.toContain('membership.suspended');
    const entries = await new AuditTrail(ctx.db).forGroup(target.groupId);
    expect(
      entries.filter((e) => e.action.startsWith('membership.s')).map((e) => [e.action, e.reason]),
    ).toEqual([
      ['membership.suspended', 'Pending investigation of a tenancy breach'],
      ['membership.suspension-lifted', 'Cleared'],
    ]);
  });

  it('Torus TIMS ToR Exclusions: a live complaint suspends "until the complaint is fully resolved"; Sedgemoor ToR 9.2 does not suspend for one', async () => {
    const torus = await withMember('torus-tims', 'Colin Complainant');
    const suspended = await suspendMember(torus.ctx, torus.officer, {
      ...torus.target,
      reason: 'Complaint C-12 about repairs is open',
      liveComplaint: true,
    });
    expect(suspended.ok && suspended.value.status.kind).toBe('suspended');
    const entries = await new AuditTrail(torus.ctx.db).forGroup(torus.group._id);
    expect(entries.map((e) => [e.action, e.reason])).toContainEqual([
      'membership.suspended-for-live-complaint',
      'Complaint C-12 about repairs is open',
    ]);

    const sedgemoor = await withMember('sedgemoor-scrutiny', 'Connie Complainant');
    const before = await storedState(sedgemoor.group._id, [sedgemoor.person.personId]);
    const refused = await suspendMember(sedgemoor.ctx, sedgemoor.officer, {
      ...sedgemoor.target,
      reason: 'Complaint open',
      liveComplaint: true,
    });
    expect(codes(refused)).toEqual(['membership.complaint-does-not-suspend']);
    expect(await storedState(sedgemoor.group._id, [sedgemoor.person.personId])).toEqual(before);
  });

  it('Southampton Code of Conduct: a member barred "for a period of time" cannot take part until the bar’s end date, then can', async () => {
    const { ctx, org, officer, target } = await withMember('southampton-ti', 'Bea Barred');
    await recordMemberProgress(ctx, officer, {
      ...target,
      trainingDoneOn: '2026-02-01',
      codeOfConductSignedOn: '2026-02-01',
    });
    expect(await whyCannotTakePart(ctx, { organisationId: org._id, ...target })).toEqual([]);
    const barred = await barMember(ctx, officer, {
      ...target,
      until: '2026-05-01',
      reason: 'Members present voted to bar after three warnings',
    });
    expect(barred.ok).toBe(true);
    const during = await whyCannotTakePart(ctx, { organisationId: org._id, ...target });
    expect(during.map((r) => r.code)).toEqual(['membership.barred']);
    try {
      app.setNow('2026-04-30T12:00:00Z');
      expect(
        (await whyCannotTakePart(ctx, { organisationId: org._id, ...target })).map((r) => r.code),
      ).toEqual(['membership.barred']);
      app.setNow('2026-05-01T09:00:00Z');
      expect(await whyCannotTakePart(ctx, { organisationId: org._id, ...target })).toEqual([]);
    } finally {
      app.setNow(START);
    }
    const entries = await new AuditTrail(ctx.db).forGroup(target.groupId);
    expect(entries.map((e) => [e.action, e.reason])).toContainEqual([
      'membership.barred',
      'Members present voted to bar after three warnings',
    ]);
  });

  it('Sedgemoor ToR 11.1: withdrawing a member frees their place; they can be added again later, on the same record', async () => {
    const { ctx, officer, target, group } = await withMember('sedgemoor-scrutiny', 'Wendy Went');
    const seats = new Seats(ctx.db);
    expect(await seats.count(`group:${group._id}:members`)).toBe(1);
    const withdrawn = await withdrawMember(ctx, officer, {
      ...target,
      reason: 'Membership withdrawn for offensive behaviour',
    });
    expect(withdrawn.ok && withdrawn.value.status).toEqual({
      kind: 'withdrawn',
      reason: 'Membership withdrawn for offensive behaviour',
      on: '2026-03-02',
    });
    expect(await seats.count(`group:${group._id}:members`)).toBe(0);
    const back = await addMember(ctx, officer, { ...target, ...settled });
    expect(back.ok && back.value.status).toEqual({ kind: 'active' });
    expect(await membershipModel(ctx.db).countDocuments(target)).toBe(1);
    expect(await seats.count(`group:${group._id}:members`)).toBe(1);
    const actions = (await new AuditTrail(ctx.db).forGroup(group._id)).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['membership.withdrawn', 'membership.rejoined']),
    );
  });
});

describe('who is in which group', () => {
  it('membersOf lists names, roles and status; groupsOfPerson lists a person’s groups with their roles', async () => {
    const { ctx, org, officer, group } = await setUp('torus-tims');
    const second = await createGroup(ctx, officer, {
      name: 'Another team',
      presetKey: 'torus-tims',
    });
    if (!second.ok) throw new Error('second group');
    const ann = await seedPerson(ctx, org._id, 'Ann Able');
    const bob = await seedPerson(ctx, org._id, 'Bob Baker');
    await addMember(ctx, officer, { groupId: group._id, personId: ann.personId, ...settled });
    await addMember(ctx, officer, { groupId: group._id, personId: bob.personId, ...settled });
    await addMember(ctx, officer, {
      groupId: second.value._id,
      personId: ann.personId,
      ...settled,
      roles: ['member', 'chair'],
    });
    await suspendMember(ctx, officer, {
      groupId: group._id,
      personId: bob.personId,
      reason: 'Pending investigation',
    });
    const members = await membersOf(ctx, group._id);
    expect(members.map((m) => [m.displayName, m.roles, m.status.kind])).toEqual([
      ['Ann Able', ['member'], 'active'],
      ['Bob Baker', ['member'], 'suspended'],
      [officer.displayName, ['officer'], 'active'],
    ]);
    const groups = await groupsOfPerson(ctx, org._id, ann.personId);
    expect(groups.map((g) => [g.name, g.roles])).toEqual([
      ['Another team', ['member', 'chair']],
      [group.name, ['member']],
    ]);
    expect(await groupsOfPerson(ctx, 'ffffffffffffffffffffffff', ann.personId)).toEqual([]);
  });
});
