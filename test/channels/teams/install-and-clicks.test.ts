import nock from 'nock';
import { createGroup } from '../../../src/app/groups/create-group';
import { addMember } from '../../../src/app/people/add-member';
import { assignCheck } from '../../../src/app/checks/check-use-cases';
import { personFor } from '../../../src/app/organisations/register-organisation';
import { checkAssignmentModel } from '../../../src/store/checks/reality-check-model';
import { conversationModel } from '../../../src/store/conversations/conversation-model';
import { membershipModel } from '../../../src/store/people/membership-model';
import { organisationModel } from '../../../src/store/organisations/organisation-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork, post } from '../../support/http';

const SERVICE = 'https://smba.install.example';
const TENANT = 'tenant-install';
const OFFICER = { aad: '55555555-5555-4555-8555-555555555555', name: 'Orla Officer' };
const MEMBER = { aad: '66666666-6666-4666-8666-666666666666', name: 'Megan Member' };
const OTHER = { aad: '77777777-7777-4777-8777-777777777777', name: 'Otto Other' };
const PANEL = { id: '19:install-panel@thread.tacv2', conversationType: 'channel' };

type Sent = { attachments?: Array<{ content: unknown }>; text?: string };
let n = 0;
function base(
  from: { aad: string; name: string },
  conversation: { id: string; conversationType: string },
) {
  n += 1;
  return {
    id: `ins-${n}`,
    timestamp: new Date().toISOString(),
    serviceUrl: `${SERVICE}/`,
    channelId: 'msteams',
    from: { id: `29:${from.aad}`, name: from.name, aadObjectId: from.aad },
    conversation: { ...conversation, tenantId: TENANT },
    recipient: { id: '28:bot', name: 'Scrutiny' },
    channelData: { tenant: { id: TENANT } },
  };
}
function capture(): Sent[] {
  const sent: Sent[] = [];
  nock(SERVICE)
    .persist()
    .post(/\/v3\/conversations\/[^/]+\/activities(\/.*)?$/, (body: Sent) => {
      sent.push(body);
      return true;
    })
    .reply(200, { id: 'reply' });
  return sent;
}

describe('Teams: installs, uninstalls and the remaining card clicks', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot(
    { BOOTSTRAP_OFFICERS: OFFICER.aad },
    { clock: () => new Date('2026-03-02T10:00:00Z') },
  );
  const send = (body: unknown) =>
    post(`${bot().url}/api/messages`, JSON.stringify(body), { 'content-type': 'application/json' });
  const personal = (who: { aad: string }) => ({
    id: `a:personal-${who.aad}`,
    conversationType: 'personal',
  });

  it('installing the app stores the conversation and sends the welcome; uninstalling retires it', async () => {
    const sent = capture();
    const res = await send({
      ...base(MEMBER, personal(MEMBER)),
      type: 'installationUpdate',
      action: 'add',
    });
    expect(res.status).toBe(200);
    expect(JSON.stringify(sent.at(-1))).toContain('I am the scrutiny bot');
    const stored = await conversationModel(bot().connection)
      .findOne({ conversationId: personal(MEMBER).id })
      .lean();
    expect(stored).toMatchObject({ platform: 'teams', scope: 'personal' });
    expect(stored?.reference).toMatchObject({ serviceUrl: `${SERVICE}/` });

    await send({ ...base(MEMBER, personal(MEMBER)), type: 'installationUpdate', action: 'remove' });
    const retired = await conversationModel(bot().connection)
      .findOne({ conversationId: personal(MEMBER).id })
      .lean();
    expect(retired?.retiredAt).toBeInstanceOf(Date);
  });

  it('declining needs a reason; someone else cannot decline; the member declines with a reason; mine refreshes', async () => {
    const sent = capture();
    const db = bot().connection;
    // The organisation exists once anyone has written from its tenant.
    await send({ ...base(OFFICER, personal(OFFICER)), type: 'message', text: 'mine' });
    const org = await organisationModel(db).findOne({ platformTenantId: TENANT }).lean();
    const ctx = { db, now: () => new Date('2026-03-02T10:00:00Z') };
    const officer = await personFor(ctx, org!._id, {
      platformUserId: OFFICER.aad,
      displayName: OFFICER.name,
    });
    const actor = { organisationId: org!._id, personId: officer._id };
    // Tied to a channel, so the officer's commands there are about this group.
    const group = await createGroup(ctx, actor, {
      name: 'Inspectors',
      presetKey: 'torus-tims',
      conversationId: PANEL.id,
    });
    if (!group.ok) throw new Error('group');
    const member = await personFor(ctx, org!._id, {
      platformUserId: MEMBER.aad,
      displayName: MEMBER.name,
    });
    await personFor(ctx, org!._id, { platformUserId: OTHER.aad, displayName: OTHER.name });
    const added = await addMember(ctx, actor, {
      groupId: group.value._id,
      personId: member._id,
      roles: ['member'],
      tenure: 'tenant',
      tenancyStartedOn: '2019-01-01',
      facts: { over18Confirmed: true, trainedOn: '2025-01-01' },
    });
    if (!added.ok) throw new Error(JSON.stringify(added.refusals));
    // The officer records the member's training and agreements in the group's channel.
    const recorded = await send({
      ...base(OFFICER, PANEL),
      type: 'message',
      text: '<at>Scrutiny</at> member record <at>Megan Member</at> training:2025-01-01 conduct:2025-01-01 confidentiality:2025-01-01',
      entities: [
        {
          type: 'mention',
          text: `<at>${MEMBER.name}</at>`,
          mentioned: { id: MEMBER.aad, name: MEMBER.name },
        },
      ],
    });
    expect(recorded.status).toBe(200);
    expect(JSON.stringify(sent)).toContain('recorded for Megan Member');
    expect(await membershipModel(db).findById(added.value._id).lean()).toMatchObject({
      trainingDoneOn: '2025-01-01',
      codeOfConductSignedOn: '2025-01-01',
      confidentialitySignedOn: '2025-01-01',
    });
    const assigned = await assignCheck(ctx, actor, {
      groupId: group.value._id,
      personId: member._id,
      title: 'Test call: repairs line',
      kind: 'test-call-repair',
      dueOn: '2026-03-13',
    });
    if (!assigned.ok) throw new Error(JSON.stringify(assigned.refusals));
    const ref = assigned.value.check.reference;
    const click = (
      who: { aad: string; name: string },
      verb: string,
      data: Record<string, unknown>,
    ) =>
      send({
        ...base(who, personal(who)),
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      });

    expect(
      JSON.stringify((await click(MEMBER, 'check.decline', { ref, reason: '' })).json()),
    ).toContain('reason');
    expect(
      JSON.stringify((await click(OTHER, 'check.decline', { ref, reason: 'Not me' })).json()),
    ).toContain('offered to someone else');
    expect(
      (await checkAssignmentModel(db).findOne({ checkId: assigned.value.check._id }).lean())
        ?.status,
    ).toBe('offered');

    const mineBefore = await click(MEMBER, 'mine.refresh', {});
    expect(JSON.stringify(mineBefore.json())).toContain(ref);
    const declined = await click(MEMBER, 'check.decline', { ref, reason: 'Away that week' });
    expect(JSON.stringify(declined.json())).toContain('declined by Megan Member');
    expect(
      await checkAssignmentModel(db).findOne({ checkId: assigned.value.check._id }).lean(),
    ).toMatchObject({ status: 'declined', declineReason: 'Away that week' });
    const mineAfter = await click(MEMBER, 'mine.refresh', {});
    expect(JSON.stringify(mineAfter.json())).not.toContain(ref);
    expect(sent.length).toBeGreaterThan(0);
  });

  it('a channel is stored once, not rewritten by each person who writes there', async () => {
    capture();
    const channel = { id: '19:busy-channel@thread.tacv2', conversationType: 'channel' };
    await send({ ...base(MEMBER, channel), type: 'message', text: 'help' });
    const conversations = conversationModel(bot().connection);
    const first = await conversations.findOne({ conversationId: channel.id }).lean();
    expect(first?.reference).not.toHaveProperty('user');
    expect(first?.reference).not.toHaveProperty('activityId');
    // Marked old, so a rewrite would show.
    const old = new Date('2026-01-01T00:00:00Z');
    await conversations.updateOne({ conversationId: channel.id }, { $set: { storedAt: old } });
    await send({ ...base(OTHER, channel), type: 'message', text: 'help' });
    const after = await conversations.findOne({ conversationId: channel.id }).lean();
    expect(after?.storedAt).toEqual(old);
  });
});
