import {
  acceptCheck,
  assignCheck,
  submitCheckFindings,
} from '../../../src/app/checks/check-use-cases';
import { referMember } from '../../../src/app/conduct/conduct-steps';
import { declarationRegister } from '../../../src/app/declarations/declaration-use-cases';
import { redirectEvidenceRequest } from '../../../src/app/evidence/evidence-answers';
import { markEvidenceSent, requestEvidence } from '../../../src/app/evidence/evidence-use-cases';
import { createGroup } from '../../../src/app/groups/create-group';
import { addMember, groupStateOf } from '../../../src/app/people/add-member';
import { membershipModel } from '../../../src/store/people/membership-model';
import { seedOrganisation, seedPerson, useTestApp } from '../../support/app';

const app = useTestApp('2026-03-02T10:00:00Z');

/** A Southampton inspector team whose members are ready to take part. */
async function southampton(memberCount: number) {
  const ctx = app.ctx();
  const org = await seedOrganisation(ctx);
  const officer = await seedPerson(ctx, org._id, `Fay Facilitator ${org._id}`, { officer: true });
  const created = await createGroup(ctx, officer, {
    name: `Tenant Inspectors ${org._id}`,
    presetKey: 'southampton-ti',
  });
  if (!created.ok) throw new Error('group');
  const group = created.value;
  const members = [];
  for (let i = 0; i < memberCount; i += 1) {
    const person = await seedPerson(ctx, org._id, `Inspector ${i} ${org._id}`);
    const added = await addMember(ctx, officer, {
      groupId: group._id,
      personId: person.personId,
      roles: ['member'],
      tenure: 'tenant',
      tenancyStartedOn: '2020-01-01',
      homeArea: 'Shirley',
      facts: { over18Confirmed: true, trainedOn: '2025-01-10' },
    });
    if (!added.ok) throw new Error(JSON.stringify(added.refusals));
    await membershipModel(ctx.db).updateOne(
      { _id: added.value._id },
      { $set: { trainingDoneOn: '2025-01-10', codeOfConductSignedOn: '2025-01-10' } },
    );
    members.push(person);
  }
  return { ctx, org, officer, group, members };
}

async function setStatus(groupId: string, personId: string, status: Record<string, unknown>) {
  await membershipModel(app.db()).updateOne({ groupId, personId }, { $set: { status } });
}

const barred = { kind: 'barred', until: '2026-09-02', reason: 'barred by a vote' };

describe('what a member who may no longer take part can still do', () => {
  it('a withdrawn or barred member cannot read the register of interests', async () => {
    const { ctx, officer, group, members } = await southampton(3);
    const [active, withdrawn, bar] = members as [
      (typeof members)[0],
      (typeof members)[0],
      (typeof members)[0],
    ];
    await setStatus(group._id, withdrawn.personId, {
      kind: 'withdrawn',
      on: '2026-02-01',
      reason: 'left',
    });
    await setStatus(group._id, bar.personId, barred);
    expect((await declarationRegister(ctx, active, { groupId: group._id })).ok).toBe(true);
    expect((await declarationRegister(ctx, officer, { groupId: group._id })).ok).toBe(true);
    for (const who of [withdrawn, bar])
      expect(await declarationRegister(ctx, who, { groupId: group._id })).toMatchObject({
        ok: false,
        refusals: [{ code: 'declarations.not-in-group' }],
      });
  });

  it('a member barred after a check was offered cannot accept it, nor submit findings for one accepted', async () => {
    const { ctx, officer, group, members } = await southampton(2);
    const [first, second] = members as [(typeof members)[0], (typeof members)[0]];
    const check = async (personId: string) => {
      const assigned = await assignCheck(ctx, officer, {
        groupId: group._id,
        personId,
        title: 'Empty home at 4 Elm Road',
        kind: 'empty-home-inspection',
        dueOn: '2026-03-20',
        area: 'Portswood',
      });
      if (!assigned.ok) throw new Error(JSON.stringify(assigned.refusals));
      return assigned.value.check.reference;
    };
    const offered = await check(first.personId);
    const accepted = await check(second.personId);
    expect((await acceptCheck(ctx, second, { checkRef: accepted })).ok).toBe(true);
    await setStatus(group._id, first.personId, barred);
    await setStatus(group._id, second.personId, barred);
    expect(await acceptCheck(ctx, first, { checkRef: offered })).toMatchObject({
      ok: false,
      refusals: [{ code: 'membership.barred' }],
    });
    expect(
      await submitCheckFindings(ctx, second, {
        checkRef: accepted,
        answers: {},
        strengths: ['Clean'],
      }),
    ).toMatchObject({ ok: false, refusals: [{ code: 'membership.barred' }] });
  });
});

describe('evidence sent back as "not me"', () => {
  it('cannot then be marked sent, by the person asked or an officer', async () => {
    const { ctx, officer, org, group } = await southampton(0);
    const lead = await seedPerson(ctx, org._id, `Sam Servicelead ${org._id}`);
    const requested = await requestEvidence(ctx, officer, {
      groupId: group._id,
      personId: lead.personId,
      what: 'Void inspection records',
      // Southampton's terms set no time for staff to answer, so the officer gives one.
      dueOn: '2030-01-31',
    });
    if (!requested.ok) throw new Error(JSON.stringify(requested.refusals));
    const requestRef = requested.value.reference;
    expect((await redirectEvidenceRequest(ctx, lead, { requestRef })).ok).toBe(true);
    for (const who of [lead, officer])
      expect(await markEvidenceSent(ctx, who, { requestRef })).toMatchObject({
        ok: false,
        refusals: [{ code: 'evidence.closed' }],
      });
  });
});

describe('Trafford: the Nominations Committee', () => {
  it('its people take no Panel place and need not meet the Panel’s eligibility, and receive referrals', async () => {
    const ctx = app.ctx();
    const org = await seedOrganisation(ctx);
    const officer = await seedPerson(ctx, org._id, `Olive Officer ${org._id}`, { officer: true });
    const created = await createGroup(ctx, officer, {
      name: `Quality and Insight Panel ${org._id}`,
      presetKey: 'trafford-qip',
    });
    if (!created.ok) throw new Error(JSON.stringify(created.refusals));
    const group = created.value;
    // A Board member, not a customer: ToR 8 would keep them off the Panel itself.
    const nora = await seedPerson(ctx, org._id, `Nora Nominations ${org._id}`);
    const committee = await addMember(ctx, officer, {
      groupId: group._id,
      personId: nora.personId,
      roles: ['committee'],
      facts: { boardMemberElsewhere: true, isStaff: false },
    });
    expect(committee).toMatchObject({ ok: true });
    expect((await groupStateOf(ctx, group._id, '2026-03-02')).activeMembers).toBe(0);

    const mel = await seedPerson(ctx, org._id, `Mel Member ${org._id}`);
    const member = await addMember(ctx, officer, {
      groupId: group._id,
      personId: mel.personId,
      roles: ['member'],
      tenure: 'tenant',
      tenancyStartedOn: '2019-01-01',
    });
    expect(member).toMatchObject({ ok: true });
    expect((await groupStateOf(ctx, group._id, '2026-03-02')).activeMembers).toBe(1);
    const referred = await referMember(ctx, officer, {
      groupId: group._id,
      subjectId: mel.personId,
    });
    expect(referred).toMatchObject({ ok: true, value: { committee: [nora.personId] } });
  });
});
