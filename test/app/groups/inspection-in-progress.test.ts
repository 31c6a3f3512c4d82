import {
  acceptCheck,
  assignCheck,
  submitCheckFindings,
} from '../../../src/app/checks/check-use-cases';
import { createGroup } from '../../../src/app/groups/create-group';
import { addMember } from '../../../src/app/people/add-member';
import type { Answer } from '../../../src/domain/checks';
import { checklistFor } from '../../../src/domain/checks/checklists';
import type { ChecklistQuestion } from '../../../src/domain/checks/checklist';
import { membershipModel } from '../../../src/store/people/membership-model';
import { seedOrganisation, seedPerson, useTestApp } from '../../support/app';

const app = useTestApp('2026-03-02T10:00:00Z');

const settledTenant = {
  roles: ['member' as const],
  tenure: 'tenant' as const,
  tenancyStartedOn: '2020-01-01',
  facts: { over18Confirmed: true },
};

/** A Southampton inspector ready to take part (trained, agreements signed), and their group. */
async function southamptonWithInspector() {
  const ctx = app.ctx();
  const org = await seedOrganisation(ctx);
  const officer = await seedPerson(ctx, org._id, `Fay Facilitator ${org._id}`, {
    officer: true,
  });
  const created = await createGroup(ctx, officer, {
    name: `Tenant Inspectors ${org._id}`,
    presetKey: 'southampton-ti',
  });
  if (!created.ok) throw new Error(JSON.stringify(created.refusals));
  const group = created.value;
  const inspector = await seedPerson(ctx, org._id, `Ian Inspector ${org._id}`);
  const added = await addMember(ctx, officer, {
    groupId: group._id,
    personId: inspector.personId,
    ...settledTenant,
    homeArea: 'Shirley',
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
  const check = await assignCheck(ctx, officer, {
    groupId: group._id,
    personId: inspector.personId,
    title: 'Empty home at 4 Elm Road',
    kind: 'empty-home-inspection',
    dueOn: '2026-03-20',
    area: 'Portswood',
  });
  if (!check.ok) throw new Error(JSON.stringify(check.refusals));
  const join = async (name: string) => {
    const newcomer = await seedPerson(ctx, org._id, `${name} ${org._id}`);
    return addMember(ctx, officer, {
      groupId: group._id,
      personId: newcomer.personId,
      ...settledTenant,
    });
  };
  return { ctx, inspector, checkRef: check.value.check.reference, join };
}

const refusalCodes = (result: { ok: boolean; refusals?: { code: string }[] }) =>
  result.refusals?.map((r) => r.code) ?? [];

/** An answer of the right type to every question on the empty-home checklist. */
function answersToEveryQuestion(): Record<string, Answer> {
  const answerFor = (q: ChecklistQuestion): Answer =>
    q.answer === 'yes-no' ? true : q.answer === 'text' ? 'Fine' : 3;
  return Object.fromEntries(
    checklistFor('empty-home-inspection').questions.map((q) => [q.id, answerFor(q)]),
  );
}

describe('Southampton TI ToR: "New members can only join in-between inspections"', () => {
  it('an offer nobody has accepted is not an inspection: a newcomer may join', async () => {
    const { join } = await southamptonWithInspector();
    const joined = await join('Nell Newcomer');
    expect(refusalCodes(joined)).toEqual([]);
    expect(joined.ok).toBe(true);
  });

  it('an accepted inspection not yet submitted keeps newcomers out; once submitted they may join', async () => {
    const { ctx, inspector, checkRef, join } = await southamptonWithInspector();
    expect((await acceptCheck(ctx, inspector, { checkRef })).ok).toBe(true);
    expect(refusalCodes(await join('Nell Newcomer'))).toEqual([
      'membership.inspection-in-progress',
    ]);

    const submitted = await submitCheckFindings(ctx, inspector, {
      checkRef,
      answers: answersToEveryQuestion(),
      strengths: ['Clean and safe'],
    });
    expect(refusalCodes(submitted)).toEqual([]);
    const joined = await join('Nell Newcomer');
    expect(refusalCodes(joined)).toEqual([]);
    expect(joined.ok).toBe(true);
  });

  it('an accepted inspection past its due date is no longer in progress', async () => {
    const { ctx, inspector, checkRef, join } = await southamptonWithInspector();
    expect((await acceptCheck(ctx, inspector, { checkRef })).ok).toBe(true);
    app.setNow('2026-03-23T10:00:00Z');
    try {
      expect((await join('Late Newcomer')).ok).toBe(true);
    } finally {
      app.setNow('2026-03-02T10:00:00Z');
    }
  });
});
