import { createGroup } from '../../../src/app/groups/create-group';
import { addMember } from '../../../src/app/people/add-member';
import { erasePerson, yearsAfter } from '../../../src/app/people/erase-person';
import { suspendMember, withdrawMember } from '../../../src/app/people/member-status';
import {
  collectPersonalData,
  exportOwnData,
  SECRET_BALLOT_NOTE,
} from '../../../src/app/people/personal-data';
import { AuditTrail } from '../../../src/store/audit/audit-trail';
import { auditEntryModel } from '../../../src/store/audit/audit-entry-model';
import { membershipModel } from '../../../src/store/people/membership-model';
import { personModel } from '../../../src/store/people/person-model';
import { seedOrganisation, seedPerson, useTestApp } from '../../support/app';

const START = '2026-03-02T10:00:00Z';
const app = useTestApp(START);
beforeEach(() => app.setNow(START));

const settled = {
  roles: ['member' as const],
  tenure: 'tenant' as const,
  tenancyStartedOn: '2019-05-01',
  facts: { over18Confirmed: true, trainedOn: '2025-01-10' },
};

function codes(result: { ok: boolean; refusals?: Array<{ code: string }> }): string[] {
  return result.ok ? [] : (result.refusals ?? []).map((r) => r.code);
}

/** A member who joined, was suspended and then withdrawn, with their name in the reasons. */
async function leaver(name: string, retentionYears?: number) {
  const ctx = app.ctx();
  const org = await seedOrganisation(ctx);
  const officer = await seedPerson(ctx, org._id, `Olu Officer ${name}`, { officer: true });
  const group = await createGroup(ctx, officer, {
    name: `Inspectors of ${name}`,
    presetKey: 'torus-tims',
    ...(retentionYears ? { retentionYears } : {}),
  });
  if (!group.ok) throw new Error(JSON.stringify(group.refusals));
  const member = await seedPerson(ctx, org._id, name);
  const chatUserId = `29:chat-${member.personId}`;
  await personModel(ctx.db).updateOne({ _id: member.personId }, { $set: { chatUserId } });
  const added = await addMember(ctx, officer, {
    groupId: group.value._id,
    personId: member.personId,
    ...settled,
  });
  if (!added.ok) throw new Error(JSON.stringify(added.refusals));
  const target = { groupId: group.value._id, personId: member.personId };
  expect(
    (await suspendMember(ctx, officer, { ...target, reason: `${name} missed three meetings` })).ok,
  ).toBe(true);
  return { ctx, org, officer, group: group.value, member, chatUserId, target };
}

const textOf = (files: Array<{ bytes: Buffer }>) =>
  files.map((f) => f.bytes.toString('utf8')).join('\n');

describe('my data: what the bot holds about the asker', () => {
  it('sends their record, memberships with status history and audit entries, says secret votes are not in it, and is audited', async () => {
    const { ctx, member, group } = await leaver('Priya Sharma', 6);
    const result = await exportOwnData(ctx, member, {});
    if (!result.ok) throw new Error(JSON.stringify(result.refusals));
    const [json, summary] = result.value.files;
    expect(json?.name).toBe('my-data-2026-03-02.json');
    expect(json?.contentType).toBe('application/json');
    expect(summary?.name).toBe('my-data-2026-03-02.txt');
    const data = JSON.parse(json!.bytes.toString('utf8')) as {
      person: { displayName: string };
      memberships: Array<{ group: string; status: { kind: string }; statusHistory: unknown[] }>;
      notIncluded: string[];
      auditEntries: Array<{ action: string }>;
    };
    expect(data.person.displayName).toBe('Priya Sharma');
    expect(data.memberships).toHaveLength(1);
    expect(data.memberships[0]).toMatchObject({ group: group.name, status: { kind: 'suspended' } });
    expect(data.memberships[0]?.statusHistory).toEqual([
      expect.objectContaining({ action: 'membership.added' }),
      expect.objectContaining({
        action: 'membership.suspended',
        reason: 'Priya Sharma missed three meetings',
      }),
    ]);
    expect(data.notIncluded).toEqual([SECRET_BALLOT_NOTE]);
    expect(data.auditEntries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['membership.added', 'membership.suspended']),
    );
    expect(summary!.bytes.toString('utf8')).toContain('secret ballots is not included');
    const trail = await new AuditTrail(ctx.db).forSubject('person', member.personId);
    expect(trail.at(-1)).toMatchObject({
      action: 'person.data-exported',
      actorId: member.personId,
      details: { files: ['my-data-2026-03-02.json', 'my-data-2026-03-02.txt'] },
    });
  });

  it('refuses input it does not take', async () => {
    const { ctx, member } = await leaver('Ada Extra', 6);
    expect(codes(await exportOwnData(ctx, member, { personId: 'someone-else' }))).toEqual([
      'invalid-input',
    ]);
  });
});

describe('member erase: after the retention period, a leaver becomes "Member n"', () => {
  it('is refused while they are in a group, within the retention period, without a reason or by a member; nothing changes', async () => {
    const { ctx, officer, member, target } = await leaver('Sam Patel', 6);
    const before = await personModel(ctx.db).findById(member.personId).lean();
    const reason = 'Left; retention period over';
    expect(codes(await erasePerson(ctx, officer, { personId: member.personId, reason }))).toEqual([
      'erase.still-a-member',
    ]);
    expect(
      (await withdrawMember(ctx, officer, { ...target, reason: 'Sam Patel moved away' })).ok,
    ).toBe(true);
    const early = await erasePerson(ctx, officer, { personId: member.personId, reason });
    expect(codes(early)).toEqual(['erase.within-retention']);
    expect(early.ok ? '' : early.refusals[0]?.message).toContain('can be erased from 2032-03-02');
    expect(
      codes(await erasePerson(ctx, officer, { personId: member.personId, reason: ' ' })),
    ).toEqual(['invalid-input']);
    app.setNow('2032-03-03T10:00:00Z');
    expect(codes(await erasePerson(ctx, member, { personId: member.personId, reason }))).toEqual([
      'not-allowed',
    ]);
    expect(await personModel(ctx.db).findById(member.personId).lean()).toEqual(before);
  });

  it('says when a past group has no retention period set, and suggests six years', async () => {
    const { ctx, officer, member, target, group } = await leaver('Nora Noperiod');
    await withdrawMember(ctx, officer, { ...target, reason: 'Moved away' });
    app.setNow('2040-01-01T10:00:00Z');
    const refused = await erasePerson(ctx, officer, { personId: member.personId, reason: 'Old' });
    expect(codes(refused)).toEqual(['erase.no-retention-period']);
    const message = refused.ok ? '' : (refused.refusals[0]?.message ?? '');
    expect(message).toContain(`${group.name} has no retention period set`);
    expect(message).toContain('group policy set retention-years:6');
  });

  it('replaces the name and ids everywhere, keeps counts, decisions and the audit trail, audits the erasure, and the export then holds nothing personal', async () => {
    const { ctx, org, officer, member, chatUserId, target } = await leaver('Priya Sharma', 6);
    await withdrawMember(ctx, officer, { ...target, reason: 'Priya Sharma moved to Leeds' });
    const entriesBefore = await auditEntryModel(ctx.db).countDocuments({ organisationId: org._id });
    app.setNow('2032-03-02T10:00:00Z');
    const erased = await erasePerson(ctx, officer, {
      personId: member.personId,
      reason: 'Priya Sharma left in 2026; six years have passed',
    });
    if (!erased.ok) throw new Error(JSON.stringify(erased.refusals));
    expect(erased.value).toMatchObject({ pseudonym: 'Member 1', number: 1 });

    const person = await personModel(ctx.db).findById(member.personId).lean().orFail();
    expect(person).toMatchObject({
      displayName: 'Member 1',
      platformUserId: `erased:${member.personId}`,
      facts: {},
      erased: { pseudonym: 1 },
    });
    expect(person.chatUserId).toBeUndefined();
    // The membership, its decision and its place in the counts stay, under the pseudonym.
    const membership = await membershipModel(ctx.db).findOne(target).lean().orFail();
    expect(membership.status).toMatchObject({
      kind: 'withdrawn',
      reason: 'Member 1 moved to Leeds',
    });
    const entries = await auditEntryModel(ctx.db)
      .find({ organisationId: org._id })
      .sort({ at: 1, _id: 1 })
      .lean();
    expect(entries).toHaveLength(entriesBefore + 1);
    expect(entries.map((e) => e.reason)).toEqual(
      expect.arrayContaining(['Member 1 missed three meetings', 'Member 1 moved to Leeds']),
    );
    expect(entries.at(-1)).toMatchObject({
      action: 'person.erased',
      actorId: officer.personId,
      subject: { kind: 'person', id: member.personId },
      reason: 'Member 1 left in 2026; six years have passed',
      details: { pseudonym: 1, leftOn: '2026-03-02', retentionYears: 6 },
    });

    const exported = await exportOwnData(ctx, member, {});
    if (!exported.ok) throw new Error(JSON.stringify(exported.refusals));
    const bytes = textOf(exported.value.files);
    const everything = JSON.stringify(await collectPersonalData(ctx, org._id, member.personId));
    for (const text of [bytes, everything]) {
      for (const personal of ['Priya', 'Sharma', 'user-priya-sharma', chatUserId])
        expect(text).not.toContain(personal);
      // The bot keeps no e-mail addresses; none may appear either.
      expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
      expect(text).toContain('Member 1');
    }

    // Once erased, always "Member 1"; the next person erased is "Member 2".
    expect(
      codes(await erasePerson(ctx, officer, { personId: member.personId, reason: 'Again' })),
    ).toEqual(['erase.already']);
  });

  it('counts from the last group left, with the longest retention period of their groups', () => {
    expect(yearsAfter('2026-03-02', 6)).toBe('2032-03-02');
    expect(yearsAfter('2024-02-29', 1)).toBe('2025-03-01');
  });
});
