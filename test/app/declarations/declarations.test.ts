import { conflictsOf } from '../../../src/app/declarations/conflicts-of';
import {
  declarationRegister,
  declareInterest,
  decideDeclaration,
  endDeclaration,
  reconfirmDeclarations,
} from '../../../src/app/declarations/declaration-use-cases';
import { createGroup } from '../../../src/app/groups/create-group';
import { addMember } from '../../../src/app/people/add-member';
import { AuditTrail } from '../../../src/store/audit/audit-trail';
import { declarationModel } from '../../../src/store/declarations/declaration-model';
import { reconfirmationModel } from '../../../src/store/declarations/reconfirmation-model';
import { seedOrganisation, seedPerson, useTestApp } from '../../support/app';

const app = useTestApp('2026-03-02T10:00:00Z');
const REVIEW_ID = 'aaaaaaaaaaaaaaaaaaaaaaaa';

async function sedgemoorPanel() {
  const ctx = app.ctx();
  const org = await seedOrganisation(ctx);
  const officer = await seedPerson(ctx, org._id, 'Owen Officer', { officer: true });
  const created = await createGroup(ctx, officer, {
    name: 'Scrutiny Panel',
    presetKey: 'sedgemoor-scrutiny',
  });
  if (!created.ok) throw new Error('group');
  const group = created.value;
  const add = async (name: string, roles: Array<'member' | 'chair'>) => {
    const person = await seedPerson(ctx, org._id, name);
    const added = await addMember(ctx, officer, {
      groupId: group._id,
      personId: person.personId,
      roles,
      tenure: 'tenant',
      tenancyStartedOn: '2019-05-01',
      facts: { over18Confirmed: true },
    });
    if (!added.ok) throw new Error(JSON.stringify(added.refusals));
    return person;
  };
  const member = await add('Mary Member', ['member']);
  const chair = await add('Charles Chair', ['member', 'chair']);
  return { ctx, org, officer, group, member, chair };
}

describe('declarations of interest, stored', () => {
  it('Sedgemoor ToR 9.1: a member declares a relative on the staff; the chair excludes them from a review, and assignment then refuses them', async () => {
    const { ctx, org, group, member, chair } = await sedgemoorPanel();
    const declared = await declareInterest(ctx, member, {
      groupId: group._id,
      kind: 'relative-on-staff',
      detail: 'My sister manages the repairs call centre',
    });
    if (!declared.ok) throw new Error(JSON.stringify(declared.refusals));
    const decided = await decideDeclaration(ctx, chair, {
      declarationId: declared.value._id,
      outcome: 'excluded',
      from: { kind: 'review', id: REVIEW_ID },
    });
    expect(decided.ok).toBe(true);
    const conflicts = await conflictsOf(ctx, {
      organisationId: org._id,
      groupId: group._id,
      personId: member.personId,
      target: { reviewId: REVIEW_ID },
    });
    expect(conflicts.map((c) => c.code)).toEqual(['declarations.excluded']);

    const ended = await endDeclaration(ctx, member, {
      declarationId: declared.value._id,
      reason: 'She has left',
    });
    expect(ended.ok).toBe(true);
    expect(
      await conflictsOf(ctx, {
        organisationId: org._id,
        groupId: group._id,
        personId: member.personId,
        target: { reviewId: REVIEW_ID },
      }),
    ).toEqual([]);
  });

  it('a plain member cannot decide on a declaration, and nothing changes', async () => {
    const { ctx, group, member } = await sedgemoorPanel();
    const declared = await declareInterest(ctx, member, {
      groupId: group._id,
      kind: 'ongoing-complaint',
      detail: 'Complaint about my boiler',
    });
    if (!declared.ok) throw new Error('declare');
    const refused = await decideDeclaration(ctx, member, {
      declarationId: declared.value._id,
      outcome: 'noted',
    });
    expect(!refused.ok && refused.refusals[0]?.message).toBe(
      'Only the chair, the vice-chair or an officer can decide on declarations of interest.',
    );
    expect(
      (await declarationModel(ctx.db).findById(declared.value._id).lean())?.decision,
    ).toBeUndefined();
  });

  it('someone outside the group cannot declare there; an unknown kind is refused by name; nothing is stored', async () => {
    const { ctx, org, group, member } = await sedgemoorPanel();
    const outsider = await seedPerson(ctx, org._id, 'Olly Outsider');
    const refused = await declareInterest(ctx, outsider, {
      groupId: group._id,
      kind: 'other',
      detail: 'x',
    });
    expect(!refused.ok && refused.refusals[0]?.code).toBe('declarations.not-in-group');
    const badKind = await declareInterest(ctx, member, {
      groupId: group._id,
      kind: 'gift',
      detail: 'A hamper',
    });
    expect(!badKind.ok && badKind.refusals[0]?.message).toMatch(/kind/);
    expect(await declarationModel(ctx.db).countDocuments({ groupId: group._id })).toBe(0);
  });

  it('a revised decision keeps the earlier one in the audit trail; 20 racing first decisions store one', async () => {
    const { ctx, group, member, chair, officer } = await sedgemoorPanel();
    const declared = await declareInterest(ctx, member, {
      groupId: group._id,
      kind: 'contractor-or-supplier-link',
      detail: 'Son works for the gas contractor',
    });
    if (!declared.ok) throw new Error('declare');
    const raced = await Promise.all(
      Array.from({ length: 20 }, () =>
        decideDeclaration(ctx, chair, { declarationId: declared.value._id, outcome: 'noted' }),
      ),
    );
    expect(raced.filter((r) => r.ok)).toHaveLength(1);
    const unreasoned = await decideDeclaration(ctx, officer, {
      declarationId: declared.value._id,
      outcome: 'excluded',
      from: { kind: 'review', id: REVIEW_ID },
    });
    expect(unreasoned.ok).toBe(false);
    const revised = await decideDeclaration(ctx, officer, {
      declarationId: declared.value._id,
      outcome: 'excluded',
      from: { kind: 'review', id: REVIEW_ID },
      reason: 'The review covers gas servicing',
    });
    expect(revised.ok).toBe(true);
    const entries = await new AuditTrail(ctx.db).forSubject('declaration', declared.value._id);
    expect(entries.map((e) => e.action)).toEqual([
      'declaration.made',
      'declaration.decided',
      'declaration.decision-revised',
    ]);
    expect(entries[2]?.details).toMatchObject({
      revises: { outcome: 'noted', decidedBy: chair.personId },
    });
  });

  it('Sedgemoor ToR 9: the register shows each declaration and yearly re-confirmation one year after the last', async () => {
    const { ctx, org, group, member } = await sedgemoorPanel();
    await declareInterest(ctx, member, {
      groupId: group._id,
      kind: 'own-block-or-area',
      detail: 'I live in Bridgwater',
      area: 'Bridgwater',
    });
    const register = await declarationRegister(ctx, member, { groupId: group._id });
    if (!register.ok) throw new Error('register');
    expect(register.value).toHaveLength(1);
    expect(register.value[0]).toMatchObject({
      displayName: 'Mary Member',
      reconfirmationDueOn: '2027-03-02',
      overdue: false,
    });
    expect(register.value[0]?.declarations[0]?.decision).toBe('awaiting a decision');
    app.setNow('2027-03-02T09:00:00Z');
    const later = await declarationRegister(ctx, member, { groupId: group._id });
    expect(later.ok && later.value[0]?.overdue).toBe(true);
    app.setNow('2026-03-02T10:00:00Z');
    const outsider = await seedPerson(ctx, org._id, 'Nosy Neighbour');
    expect((await declarationRegister(ctx, outsider, { groupId: group._id })).ok).toBe(false);
  });
});

describe('yearly re-confirmation', () => {
  it('Sedgemoor ToR 9: a member who confirms "nothing has changed" 20 times at once is recorded once, and the next re-confirmation moves a year on', async () => {
    const { ctx, group, member } = await sedgemoorPanel();
    await declareInterest(ctx, member, {
      groupId: group._id,
      kind: 'other',
      detail: 'Volunteer at the food bank the landlord funds',
    });
    app.setNow('2027-02-20T10:00:00Z');
    const clicks = await Promise.all(
      Array.from({ length: 20 }, () => reconfirmDeclarations(ctx, member, { groupId: group._id })),
    );
    expect(clicks.every((c) => c.ok)).toBe(true);
    expect(
      await reconfirmationModel(ctx.db).countDocuments({
        groupId: group._id,
        personId: member.personId,
      }),
    ).toBe(1);
    const register = await declarationRegister(ctx, member, { groupId: group._id });
    expect(register.ok && register.value[0]?.reconfirmationDueOn).toBe('2028-02-20');
    app.setNow('2026-03-02T10:00:00Z');
  });
});
