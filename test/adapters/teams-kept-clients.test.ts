import type { Activity } from 'botbuilder';
import { ClaimsIdentity } from 'botframework-connector';
import { KEPT_CLIENTS, KeptClientsAuthentication } from '../../src/channels/teams/kept-clients';

// An activity as the Bot Connector sends one; only its serviceUrl and channel matter here.
// https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#activity-object
const activity = (serviceUrl: string) =>
  ({
    type: 'message',
    channelId: 'msteams',
    serviceUrl,
    from: { id: '29:1a-member', aadObjectId: '00000000-0000-0000-0000-000000000001' },
    conversation: { id: '19:panel@thread.tacv2;messageid=1700000000000' },
    recipient: { id: '28:bot' },
    text: 'mine',
  }) as Activity;

/** The Bot Connector client a turn would get, as CloudAdapter asks for it. */
async function clientFor(auth: KeptClientsAuthentication, serviceUrl: string) {
  // No app id configured: the emulator's unauthenticated requests, as in TEAMS_MODE=emulator.
  const result = await auth.authenticateRequest(activity(serviceUrl), '');
  const factory = result.connectorFactory;
  if (!factory) throw new Error('no connector factory');
  return factory.create(serviceUrl, result.audience);
}

describe('Teams clients kept across activities', () => {
  it('gives every activity from one Bot Connector address the same client, and another address its own', async () => {
    const auth = new KeptClientsAuthentication({});
    const emea = 'https://smba.trafficmanager.net/emea/';
    const first = await clientFor(auth, emea);
    const again = await clientFor(auth, emea);
    const amer = await clientFor(auth, 'https://smba.trafficmanager.net/amer/');
    expect(again).toBe(first);
    expect(amer).not.toBe(first);
  });

  it('keeps at most a bounded number, however many addresses requests name', async () => {
    const auth = new KeptClientsAuthentication({});
    for (let i = 0; i < KEPT_CLIENTS + 20; i += 1)
      await clientFor(auth, `https://example.test/${i}/`);
    expect(auth.keptCount).toBeLessThanOrEqual(KEPT_CLIENTS);
    // The most recent are the ones kept.
    const latest = await clientFor(auth, `https://example.test/${KEPT_CLIENTS + 19}/`);
    expect(await clientFor(auth, `https://example.test/${KEPT_CLIENTS + 19}/`)).toBe(latest);
  });

  it('shares one user token client per app id', async () => {
    const auth = new KeptClientsAuthentication({});
    const { claimsIdentity } = await auth.authenticateRequest(activity('https://a.test/'), '');
    const first = await auth.createUserTokenClient(claimsIdentity);
    expect(await auth.createUserTokenClient(claimsIdentity)).toBe(first);
  });

  it('keeps clients apart for tokens made out to different app ids', async () => {
    const auth = new KeptClientsAuthentication({});
    // A Bot Connector token names the bot it is for in its audience claim.
    const forApp = (aud: string) => new ClaimsIdentity([{ type: 'aud', value: aud }], true);
    const a = await auth.createUserTokenClient(forApp('11111111-aaaa-4aaa-8aaa-111111111111'));
    const b = await auth.createUserTokenClient(forApp('22222222-bbbb-4bbb-8bbb-222222222222'));
    expect(b).not.toBe(a);
    expect(await auth.createUserTokenClient(forApp('11111111-aaaa-4aaa-8aaa-111111111111'))).toBe(
      a,
    );
  });

  it('keeps the clients of proactive sends (a private answer, the outbox) too', async () => {
    const auth = new KeptClientsAuthentication({});
    const emea = 'https://smba.trafficmanager.net/emea/';
    // As CloudAdapter's continueConversationAsync asks: claims for the bot's own app id (none
    // here, as in emulator mode) and no audience.
    const proactive = () =>
      auth
        .createConnectorFactory(new ClaimsIdentity([{ type: 'aud', value: '' }], true))
        .create(emea, undefined);
    const first = await proactive();
    expect(await proactive()).toBe(first);
    expect(auth.keptCount).toBe(1);
  });
});
