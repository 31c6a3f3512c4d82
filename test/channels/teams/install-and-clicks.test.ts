import nock from 'nock';
import {
  checkAssignmentModel,
  realityCheckModel,
} from '../../../src/store/checks/reality-check-model';
import { conversationModel } from '../../../src/store/conversations/conversation-model';
import { membershipModel } from '../../../src/store/people/membership-model';
import { personModel } from '../../../src/store/people/person-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork, post } from '../../support/http';
import { teamsChannel } from '../../support/teams';

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

const panel = teamsChannel({ service: SERVICE, tenant: TENANT, channel: PANEL.id });

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
    const sent = panel.capture();
    const db = bot().connection;
    const say = (text: string) =>
      send(
        panel.command(OFFICER, `<at>Scrutiny</at> ${text}`, text.includes('<at>') ? [MEMBER] : []),
      );
    // Set up from chat alone, in the group's channel.
    await say('group create "Inspectors" preset:torus-tims');
    await say(`group add <at>${MEMBER.name}</at> role:member tenure:tenant since:2019-01-01`);
    // The officer records the member's training and agreements in the group's channel.
    const recorded = await say(
      `member record <at>${MEMBER.name}</at> over18:yes training:2025-01-01 conduct:2025-01-01 confidentiality:2025-01-01`,
    );
    expect(recorded.status).toBe(200);
    expect(JSON.stringify(sent)).toContain('recorded for Megan Member');
    const member = await personModel(db).findOne({ platformUserId: MEMBER.aad }).lean();
    expect(await membershipModel(db).findOne({ personId: member?._id }).lean()).toMatchObject({
      trainingDoneOn: '2025-01-01',
      codeOfConductSignedOn: '2025-01-01',
      confidentialitySignedOn: '2025-01-01',
    });
    await say(
      `check assign <at>${MEMBER.name}</at> "Test call: repairs line" kind:test-call-repair due:2026-03-13`,
    );
    const check = await realityCheckModel(db).findOne({ title: 'Test call: repairs line' }).lean();
    expect(check).not.toBeNull();
    const ref = check!.reference;
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
    expect((await checkAssignmentModel(db).findOne({ checkId: check!._id }).lean())?.status).toBe(
      'offered',
    );

    const mineBefore = await click(MEMBER, 'mine.refresh', {});
    expect(JSON.stringify(mineBefore.json())).toContain(ref);
    const declined = await click(MEMBER, 'check.decline', { ref, reason: 'Away that week' });
    expect(JSON.stringify(declined.json())).toContain('declined by Megan Member');
    expect(await checkAssignmentModel(db).findOne({ checkId: check!._id }).lean()).toMatchObject({
      status: 'declined',
      declineReason: 'Away that week',
    });
    const mineAfter = await click(MEMBER, 'mine.refresh', {});
    expect(JSON.stringify(mineAfter.json())).not.toContain(ref);
    expect(sent.length).toBeGreaterThan(0);
  });
});
