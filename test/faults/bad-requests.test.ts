import { generateKeyPairSync, createSign, type KeyObject } from 'node:crypto';
import nock from 'nock';
import { organisationModel } from '../../src/store/organisations/organisation-model';
import { useTestBot } from '../support/bot';
import { onlyLoopbackNetwork, post } from '../support/http';
import { slackEnv, slackHeaders, slashCommandBody } from '../support/slack';
import { teamsChannel } from '../support/teams';

const APP_ID = '0b5e2a6c-3f1d-4c8e-9a7b-5d6e7f8a9b0c';
const FIVE_MB = 5 * 1024 * 1024;

/** A JWT as the Bot Connector would send one, but signed with whatever key is given. */
function botFrameworkToken(key: KeyObject, kid: string, serviceUrl: string): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'RS256', typ: 'JWT', kid })}.${part({
    iss: 'https://api.botframework.com',
    aud: APP_ID,
    serviceurl: serviceUrl,
    nbf: now - 60,
    exp: now + 3600,
  })}`;
  const signature = createSign('RSA-SHA256').update(unsigned).sign(key).toString('base64url');
  return `${unsigned}.${signature}`;
}

/**
 * Requests that must be refused whole: too big, not JSON, the wrong type, or claiming to come
 * from the Bot Connector without its signature. Each gets a clear status and stores nothing.
 */
describe('bad requests are refused cleanly on every path', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot({
    ...slackEnv,
    MICROSOFT_APP_ID: APP_ID,
    MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
  });
  const teams = teamsChannel({
    service: 'https://smba.forged.example',
    tenant: 'tenant-forged',
    channel: '19:forged@thread.tacv2',
  });
  const officer = { aad: '88888888-8888-4888-8888-888888888801', name: 'Fay Forger' };
  const organisations = () => organisationModel(bot().connection).countDocuments({});
  const slackPaths = ['/api/slack/commands', '/api/slack/events', '/api/slack/interactivity'];

  afterEach(async () => {
    // Whatever was sent, nothing was stored and the bot still answers.
    expect(await organisations()).toBe(0);
    expect((await fetch(`${bot().url}/healthz`)).status).toBe(200);
  });

  it.each([...slackPaths, '/api/messages'])('a 5 MB body to %s gets 413', async (path) => {
    const body = JSON.stringify({ type: 'message', text: 'x'.repeat(FIVE_MB) });
    const res = await post(`${bot().url}${path}`, body, {
      ...slackHeaders(body, 'application/json'),
      authorization: 'Bearer whatever',
    });
    expect(res.status).toBe(413);
  });

  it('signed Slack bodies that are not valid JSON get 400 with the reason', async () => {
    const body = '{"type": "event_callback",';
    const res = await post(
      `${bot().url}/api/slack/events`,
      body,
      slackHeaders(body, 'application/json'),
    );
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ error: 'body is not valid JSON' });

    const form = `payload=${encodeURIComponent('{"type": "block_actions",')}`;
    const action = await post(
      `${bot().url}/api/slack/interactivity`,
      form,
      slackHeaders(form, 'application/x-www-form-urlencoded'),
    );
    expect(action.status).toBe(400);
    expect(action.json()).toMatchObject({ error: 'payload is not valid JSON' });
  });

  it('a signed Slack body of a type Slack never sends gets 415', async () => {
    const body = slashCommandBody('group create "Typed Panel" preset:torus-tims');
    const headers = { ...slackHeaders(body, 'application/json'), 'content-type': 'text/plain' };
    const res = await post(`${bot().url}/api/slack/commands`, body, headers);
    expect(res.status).toBe(415);
    expect(res.json()).toMatchObject({
      error: 'expected Content-Type: application/json or application/x-www-form-urlencoded',
    });
  });

  it('Teams bodies that are not JSON, or not typed as JSON, get 400 and 415', async () => {
    const activity = JSON.stringify(teams.command(officer, 'group create "Typed Panel"'));
    const broken = await post(`${bot().url}/api/messages`, activity.slice(0, 40), {
      'content-type': 'application/json',
    });
    expect(broken.status).toBe(400);
    expect(broken.json()).toMatchObject({ error: 'body is not valid JSON' });
    const typed = await post(`${bot().url}/api/messages`, activity, {
      'content-type': 'text/plain',
    });
    expect(typed.status).toBe(415);
  });

  it('with an app id configured, an activity with no token or a forged one gets 401', async () => {
    const activity = teams.command(officer, 'group create "Forged Panel" preset:torus-tims');
    const sent = teams.capture();
    const body = JSON.stringify(activity);

    const anonymous = await post(`${bot().url}/api/messages`, body, {
      'content-type': 'application/json',
    });
    expect(anonymous.status).toBe(401);

    // Microsoft publishes its signing keys; a forger can copy a key id but not the private key.
    const microsoft = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const forger = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const published = microsoft.publicKey.export({ format: 'jwk' });
    const keys = nock('https://login.botframework.com')
      .persist()
      .get('/v1/.well-known/openidconfiguration')
      .reply(200, { jwks_uri: 'https://login.botframework.com/v1/.well-known/keys' })
      .get('/v1/.well-known/keys')
      .reply(200, { keys: [{ ...published, kid: 'published-key', endorsements: ['msteams'] }] });
    // botframework-connector prints the rejected key to the console; keep the test output clean.
    const console = jest.spyOn(global.console, 'error').mockImplementation(() => undefined);
    const forged = await post(`${bot().url}/api/messages`, body, {
      'content-type': 'application/json',
      authorization: `Bearer ${botFrameworkToken(forger.privateKey, 'published-key', activity.serviceUrl)}`,
    });
    console.mockRestore();
    expect(forged.status).toBe(401);
    expect(forged.json()).toMatchObject({ error: 'not signed by the Bot Framework for this bot' });
    // It was refused on its signature, against the published keys, and nothing was sent.
    expect(keys.isDone()).toBe(true);
    expect(sent).toEqual([]);
  });
});
