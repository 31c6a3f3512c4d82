import {
  bindGroupToConversation,
  createGroup,
  groupForConversation,
} from '../../../src/app/groups/create-group';
import { presetPolicy } from '../../../src/domain/groups';
import { AuditTrail } from '../../../src/store/audit/audit-trail';
import { groupModel } from '../../../src/store/groups/group-model';
import { membershipModel } from '../../../src/store/people/membership-model';
import { seedOrganisation, seedPerson, useTestApp } from '../../support/app';

const app = useTestApp('2026-03-02T10:00:00Z');

async function officerOfNewOrganisation(name: string) {
  const ctx = app.ctx();
  const org = await seedOrganisation(ctx);
  const officer = await seedPerson(ctx, org._id, name, { officer: true });
  return { ctx, org, officer };
}

describe('creating and finding groups', () => {
  it('Trafford QIP ToR: a group created from the preset carries the preset’s rules and the conversation it works in', async () => {
    const { ctx, org, officer } = await officerOfNewOrganisation('Gail Groupmaker');
    const created = await createGroup(ctx, officer, {
      name: 'Quality and Insight Panel',
      presetKey: 'trafford-qip',
      conversationId: '19:qip@thread.tacv2',
    });
    expect(created.ok).toBe(true);
    const group = created.ok ? created.value : undefined;
    expect(group?.policy).toEqual(presetPolicy('trafford-qip'));
    expect(group?.kind).toBe('panel');
    const found = await groupForConversation(ctx, org._id, '19:qip@thread.tacv2');
    expect(found?._id).toBe(group?._id);
    expect(await groupForConversation(ctx, org._id, '19:other@thread.tacv2')).toBeUndefined();
    const membership = await membershipModel(ctx.db)
      .findOne({ groupId: group?._id, personId: officer.personId })
      .lean();
    expect(membership).toMatchObject({ roles: ['officer'], status: { kind: 'active' } });
  });

  it('a second group with a name already used in the organisation is refused in a sentence; another organisation may use it', async () => {
    const { ctx, org, officer } = await officerOfNewOrganisation('Nadia Namer');
    await createGroup(ctx, officer, { name: 'Tenant Inspectors', presetKey: 'southampton-ti' });
    const again = await createGroup(ctx, officer, {
      name: 'Tenant Inspectors',
      presetKey: 'torus-tims',
    });
    expect(again).toEqual({
      ok: false,
      refusals: [
        {
          code: 'group.name-taken',
          message:
            'There is already a group called “Tenant Inspectors” in your organisation; choose another name.',
        },
      ],
    });
    expect(await groupModel(ctx.db).countDocuments({ organisationId: org._id })).toBe(1);
    const elsewhere = await officerOfNewOrganisation('Elsa Elsewhere');
    const other = await createGroup(ctx, elsewhere.officer, {
      name: 'Tenant Inspectors',
      presetKey: 'southampton-ti',
    });
    expect(other.ok).toBe(true);
  });

  it('a group without a name is refused naming the field, and nothing is stored', async () => {
    const { ctx, org, officer } = await officerOfNewOrganisation('Ned Noname');
    const refused = await createGroup(ctx, officer, { name: '  ', presetKey: 'torus-tims' });
    expect(refused).toEqual({
      ok: false,
      refusals: [
        { code: 'invalid-input', message: 'Please check: name: required.', field: 'name' },
      ],
    });
    expect(await groupModel(ctx.db).countDocuments({ organisationId: org._id })).toBe(0);
  });

  it('an officer binds a group to its channel, audited with the old binding; a bad conversation id is refused and nothing changes', async () => {
    const { ctx, org, officer } = await officerOfNewOrganisation('Bina Binder');
    const created = await createGroup(ctx, officer, {
      name: 'Scrutiny panel',
      presetKey: 'sedgemoor-scrutiny',
    });
    if (!created.ok) throw new Error('not created');
    const groupId = created.value._id;
    const refused = await bindGroupToConversation(ctx, officer, { groupId, conversationId: '' });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.refusals[0]?.message).toMatch(/^Please check: conversationId/);
    const bound = await bindGroupToConversation(ctx, officer, {
      groupId,
      conversationId: 'C0SLACKCHAN',
    });
    expect(bound.ok && bound.value.version).toBe(1);
    expect((await groupForConversation(ctx, org._id, 'C0SLACKCHAN'))?._id).toBe(groupId);
    const entries = await new AuditTrail(ctx.db).forSubject('group', groupId);
    expect(entries.map((e) => [e.action, e.details])).toEqual([
      ['group.created', expect.anything()],
      ['group.bound-to-conversation', { from: null }],
    ]);
  });
});
