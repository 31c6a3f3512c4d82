import { createGroup } from '../../../src/app/groups/create-group';
import { addMember } from '../../../src/app/people/add-member';
import { recordPersonFacts } from '../../../src/app/people/member-progress';
import { endFinishedTerms, resignMembership } from '../../../src/app/people/member-status';
import { whyCannotTakePart } from '../../../src/app/people/standing';
import { AuditTrail } from '../../../src/store/audit/audit-trail';
import { deadlineModel } from '../../../src/store/deadlines/deadline-model';
import { membershipModel } from '../../../src/store/people/membership-model';
import { personModel } from '../../../src/store/people/person-model';
import { Seats } from '../../../src/store/seats';
import { seedOrganisation, seedPerson, useTestApp } from '../../support/app';

const START = '2026-03-02T10:00:00Z';
const app = useTestApp(START);
// The term test moves the clock on three years; every test starts from the same day.
beforeEach(() => app.setNow(START));

type PresetKey = 'southampton-ti' | 'trafford-qip' | 'torus-tims' | 'sedgemoor-scrutiny';

async function setUp(presetKey: PresetKey) {
  const ctx = app.ctx();
  const org = await seedOrganisation(ctx);
  const officer = await seedPerson(ctx, org._id, `Owen Officer ${presetKey}`, { officer: true });
  const created = await createGroup(ctx, officer, { name: `Group ${presetKey}`, presetKey });
  if (!created.ok) throw new Error(JSON.stringify(created.refusals));
  return { ctx, org, officer, group: created.value };
}

const settled = {
  roles: ['member' as const],
  tenure: 'tenant' as const,
  tenancyStartedOn: '2019-05-01',
  facts: { over18Confirmed: true, trainedOn: '2025-01-10' },
};

function codes(result: { ok: boolean; refusals?: Array<{ code: string }> }): string[] {
  return result.ok ? [] : (result.refusals ?? []).map((r) => r.code);
}

const seatsOf = (groupId: string) => new Seats(app.ctx().db).count(`group:${groupId}:members`);

describe('eligibility facts recorded by an officer', () => {
  it('Trafford QIP ToR 8: facts recorded first make the join refused with every reason; only the yes/no answers are stored, audited', async () => {
    const { ctx, org, officer, group } = await setUp('trafford-qip');
    const person = await seedPerson(ctx, org._id, 'Judy Judged');
    const recorded = await recordPersonFacts(ctx, officer, {
      groupId: group._id,
      personId: person.personId,
      facts: {
        judgementOrNotice: true,
        boardMemberElsewhere: true,
        previouslyExcludedForBehaviour: true,
      },
    });
    expect(recorded.ok).toBe(true);
    const stored = await personModel(ctx.db).findById(person.personId).lean().orFail();
    expect(stored.facts).toMatchObject({
      judgementOrNotice: true,
      boardMemberElsewhere: true,
      previouslyExcludedForBehaviour: true,
    });
    const refused = await addMember(ctx, officer, {
      groupId: group._id,
      personId: person.personId,
      ...settled,
      facts: { ...settled.facts, exCustomer: true, isStaff: true },
    });
    expect(codes(refused).sort()).toEqual([
      'membership.board-member-elsewhere',
      'membership.ex-customer',
      'membership.judgement-or-notice',
      'membership.previously-excluded',
      'membership.staff-excluded',
    ]);
    expect(await seatsOf(group._id)).toBe(0);
    const audit = await new AuditTrail(ctx.db).forGroup(group._id);
    const factsEntry = audit.find((e) => e.action === 'person.facts-recorded');
    expect(factsEntry?.actorId).toBe(officer.personId);
    expect(factsEntry?.details).toEqual({
      fields: ['judgementOrNotice', 'boardMemberElsewhere', 'previouslyExcludedForBehaviour'],
    });
  });

  it('Southampton TI ToR: staff may join "with agreement from your manager"; a breach "which causes conflict of interest" is refused', async () => {
    const { ctx, org, officer, group } = await setUp('southampton-ti');
    const staffer = await seedPerson(ctx, org._id, 'Stan Staff');
    const target = { groupId: group._id, personId: staffer.personId };
    await recordPersonFacts(ctx, officer, { ...target, facts: { isStaff: true } });
    expect(codes(await addMember(ctx, officer, { ...target, ...settled }))).toEqual([
      'membership.staff-without-manager-agreement',
    ]);
    await recordPersonFacts(ctx, officer, { ...target, facts: { managerAgreed: true } });
    expect((await addMember(ctx, officer, { ...target, ...settled })).ok).toBe(true);

    const breacher = await seedPerson(ctx, org._id, 'Bree Breach');
    const refused = await addMember(ctx, officer, {
      groupId: group._id,
      personId: breacher.personId,
      ...settled,
      facts: { ...settled.facts, breachOfTenancy: true },
    });
    expect(codes(refused)).toEqual(['membership.breach-of-tenancy']);
  });

  it('Sedgemoor ToR 4.1: the STAC place counts the committee fact, not the role; "helped develop" is refused; committee cleared with null', async () => {
    const { ctx, org, officer, group } = await setUp('sedgemoor-scrutiny');
    const first = await seedPerson(ctx, org._id, 'Stella Stac');
    const second = await seedPerson(ctx, org._id, 'Steve Stac');
    for (const p of [first, second])
      await recordPersonFacts(ctx, officer, {
        groupId: group._id,
        personId: p.personId,
        facts: { committeeMemberOf: 'STAC' },
      });
    expect(
      (await addMember(ctx, officer, { groupId: group._id, personId: first.personId, ...settled }))
        .ok,
    ).toBe(true);
    await recordPersonFacts(ctx, officer, {
      groupId: group._id,
      personId: second.personId,
      facts: { helpedDevelopService: true },
    });
    const refused = await addMember(ctx, officer, {
      groupId: group._id,
      personId: second.personId,
      ...settled,
    });
    expect(codes(refused).sort()).toEqual([
      'membership.committee-member-limit',
      'membership.helped-develop-service',
    ]);
    await recordPersonFacts(ctx, officer, {
      groupId: group._id,
      personId: second.personId,
      facts: { committeeMemberOf: null, helpedDevelopService: false },
    });
    const stored = await personModel(ctx.db).findById(second.personId).lean().orFail();
    expect(stored.facts).not.toHaveProperty('committeeMemberOf');
    expect(
      (await addMember(ctx, officer, { groupId: group._id, personId: second.personId, ...settled }))
        .ok,
    ).toBe(true);
  });

  it('only the group’s officer records facts, and saying nothing is refused', async () => {
    const { ctx, org, officer, group } = await setUp('torus-tims');
    const member = await seedPerson(ctx, org._id, 'Mo Member');
    await addMember(ctx, officer, { groupId: group._id, personId: member.personId, ...settled });
    const byMember = await recordPersonFacts(ctx, member, {
      groupId: group._id,
      personId: member.personId,
      facts: { breachOfTenancy: false },
    });
    expect(byMember.ok).toBe(false);
    const empty = await recordPersonFacts(ctx, officer, {
      groupId: group._id,
      personId: member.personId,
      facts: {},
    });
    expect(empty.ok).toBe(false);
  });
});

describe('leaving and the end of a term', () => {
  it('Torus TIMS ToR: a member resigns with a reason; their place is freed, audited, and they can be added again on the same record', async () => {
    const { ctx, org, officer, group } = await setUp('torus-tims');
    const member = await seedPerson(ctx, org._id, 'Rita Resign');
    const target = { groupId: group._id, personId: member.personId };
    await addMember(ctx, officer, { ...target, ...settled });
    expect(await seatsOf(group._id)).toBe(1);
    const resigned = await resignMembership(ctx, member, {
      groupId: group._id,
      reason: 'Moving away',
    });
    expect(resigned.ok && resigned.value.status).toEqual({
      kind: 'withdrawn',
      reason: 'Resigned: Moving away',
      on: '2026-03-02',
    });
    expect(await seatsOf(group._id)).toBe(0);
    expect(codes(await resignMembership(ctx, member, { groupId: group._id }))).toEqual([
      'membership.not-a-member',
    ]);
    const entry = (await new AuditTrail(ctx.db).forGroup(group._id)).find(
      (e) => e.action === 'membership.resigned',
    );
    expect(entry?.actorId).toBe(member.personId);
    expect((await addMember(ctx, officer, { ...target, ...settled })).ok).toBe(true);
    expect(await membershipModel(ctx.db).countDocuments(target)).toBe(1);
  });

  it('Trafford QIP ToR 7: the job ends a three-year term the day after its last day, frees the place, records it; "may re-apply" on the same record', async () => {
    const { ctx, org, officer, group } = await setUp('trafford-qip');
    const member = await seedPerson(ctx, org._id, 'Terry Term');
    const target = { groupId: group._id, personId: member.personId };
    const added = await addMember(ctx, officer, { ...target, ...settled });
    expect(added.ok && added.value.termEndsOn).toBe('2029-03-01');

    app.setNow('2029-03-01T12:00:00Z');
    expect(await endFinishedTerms(ctx)).toBe(0);
    app.setNow('2029-03-02T09:00:00Z');
    expect(await endFinishedTerms(ctx)).toBe(1);
    expect(await endFinishedTerms(ctx)).toBe(0);

    const ended = await membershipModel(ctx.db).findOne(target).lean().orFail();
    expect(ended.status).toMatchObject({ kind: 'withdrawn', on: '2029-03-02' });
    expect(await seatsOf(group._id)).toBe(0);
    expect(await whyCannotTakePart(ctx, { organisationId: org._id, ...target })).not.toEqual([]);
    const entry = (await new AuditTrail(ctx.db).forGroup(group._id)).find(
      (e) => e.action === 'membership.term-ended',
    );
    expect(entry?.reason).toBe('Their term ended on 1 March 2029; they may re-apply.');

    const again = await addMember(ctx, officer, { ...target, ...settled });
    expect(again.ok && again.value).toMatchObject({
      _id: ended._id,
      status: { kind: 'active' },
      termStartsOn: '2029-03-02',
      termEndsOn: '2032-03-01',
    });
    expect(await membershipModel(ctx.db).countDocuments(target)).toBe(1);
    expect(await seatsOf(group._id)).toBe(1);
  });
});

describe('yearly appraisal and terms review deadlines', () => {
  const deadlinesOf = (groupId: string) =>
    deadlineModel(app.ctx().db).find({ groupId }).sort({ kind: 1 }).lean();

  it('Torus TIMS ToR Safeguards: the terms review opens with the group and an appraisal per member, owned by the officer, due a year later', async () => {
    const { ctx, org, officer, group } = await setUp('torus-tims');
    const member = await seedPerson(ctx, org._id, 'Annie Appraised');
    const added = await addMember(ctx, officer, {
      groupId: group._id,
      personId: member.personId,
      ...settled,
    });
    if (!added.ok) throw new Error('not added');
    const deadlines = await deadlinesOf(group._id);
    expect(
      deadlines.map((d) => ({ kind: d.kind, subject: d.subject, ownerId: d.ownerId })),
    ).toEqual([
      {
        kind: 'appraisal',
        subject: { kind: 'membership', id: added.value._id },
        ownerId: officer.personId,
      },
      {
        kind: 'terms-review',
        subject: { kind: 'group', id: group._id },
        ownerId: officer.personId,
      },
    ]);
    for (const d of deadlines) {
      expect(d.state).toBe('open');
      expect(d.dueAt.toISOString().slice(0, 7)).toBe('2027-03');
      // The nudge sweep picks it up from its first run.
      expect(d.nextNudgeAt).toBeInstanceOf(Date);
    }
  });

  it('Trafford QIP ToR 12: "The Panel will undergo an annual appraisal": one for the group, none per member, no terms review', async () => {
    const { ctx, org, officer, group } = await setUp('trafford-qip');
    const member = await seedPerson(ctx, org._id, 'Pat Panel');
    await addMember(ctx, officer, { groupId: group._id, personId: member.personId, ...settled });
    const deadlines = await deadlinesOf(group._id);
    expect(deadlines.map((d) => [d.kind, d.subject.kind])).toEqual([['appraisal', 'group']]);
  });

  it('Southampton and Sedgemoor state neither: nothing opens', async () => {
    for (const preset of ['southampton-ti', 'sedgemoor-scrutiny'] as const) {
      const { ctx, org, officer, group } = await setUp(preset);
      const member = await seedPerson(ctx, org._id, `Quiet ${preset}`);
      await addMember(ctx, officer, { groupId: group._id, personId: member.personId, ...settled });
      expect(await deadlinesOf(group._id)).toEqual([]);
    }
  });
});
