import type { Activity } from 'botbuilder';
import { ConnectorClient, MicrosoftAppCredentials } from 'botframework-connector';
import nock from 'nock';
import { postActivity, posterOf } from '../../src/channels/teams/activity-post';

// A bot's reply into a channel thread, as botbuilder's TurnContext addresses it: the channel's
// conversation id carries `;messageid=` and the reply names the message it answers.
// https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#reply-to-activity
// https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages
const SERVICE = 'https://smba.trafficmanager.net/emea/';
const CHANNEL = '19:panel@thread.tacv2;messageid=1700000000000';
const reply = (): Partial<Activity> & { conversation: { id: string } } => ({
  type: 'message',
  channelId: 'msteams',
  serviceUrl: SERVICE,
  from: { id: '28:bot', name: 'Scrutiny' },
  recipient: {
    id: '29:1a-member',
    name: 'Dave',
    aadObjectId: '00000000-0000-0000-0000-000000000001',
  },
  conversation: { id: CHANNEL, isGroup: true, conversationType: 'channel', name: '' },
  replyToId: '1700000000000',
  text: 'Your checks',
  textFormat: 'plain',
  timestamp: new Date('2026-12-02T10:00:00.000Z'),
  attachments: [
    {
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'C-3' }] },
    },
  ],
  channelData: { tenant: { id: 'tenant-1' } },
});

/** A connector client as CloudAdapter makes one with no app id (TEAMS_MODE=emulator). */
const connector = () =>
  new ConnectorClient(new MicrosoftAppCredentials('', ''), { baseUri: SERVICE });

interface Captured {
  path: string;
  body: unknown;
  contentType: string | undefined;
}

/** Answers every post to the Bot Connector with an id, keeping what was sent. */
function captureConnector(): Captured[] {
  const captured: Captured[] = [];
  nock('https://smba.trafficmanager.net')
    .persist()
    .post(/\/emea\/v3\/conversations\/.*/)
    .reply(function (path, body) {
      captured.push({
        path,
        body,
        contentType: this.req.headers['content-type'] as string | undefined,
      });
      return [201, { id: `sent-${captured.length}` }];
    });
  return captured;
}

afterEach(() => nock.cleanAll());

describe('posting a Teams activity through the connector client pipeline', () => {
  it("sends the same requests as the connector client's own reply and send operations", async () => {
    const captured = captureConnector();
    const client = connector();
    const poster = posterOf(client);
    expect(poster).toBeDefined();
    if (!poster) return;

    const theirs = await client.conversations.replyToActivity(CHANNEL, '1700000000000', reply());
    const ours = await postActivity(poster, reply());
    const { replyToId: _unused, ...fresh } = reply();
    await client.conversations.sendToConversation(CHANNEL, fresh);
    await postActivity(poster, fresh);

    expect(captured).toHaveLength(4);
    const [theirReply, ourReply, theirSend, ourSend] = captured;
    expect(ourReply).toEqual(theirReply);
    expect(ourSend).toEqual(theirSend);
    expect(ourReply?.path).toBe(
      `/emea/v3/conversations/${encodeURIComponent(CHANNEL)}/activities/1700000000000`,
    );
    expect(ourSend?.path).toBe(`/emea/v3/conversations/${encodeURIComponent(CHANNEL)}/activities`);
    expect(theirs.id).toBe('sent-1');
    expect(ours.id).toBe('sent-2');
  });

  it('throws what the client throws on a refusal: its status, and the Retry-After the outbox honours', async () => {
    nock('https://smba.trafficmanager.net')
      .post(/\/emea\/v3\/conversations\/.*/)
      .reply(429, { error: { code: 'Throttled', message: 'slow down' } }, { 'Retry-After': '7' });
    const client = connector();
    // As the outbox's sends are made (single-try.ts): its own backoff, not the client's.
    (
      client as unknown as { client: { pipeline: { removePolicy(o: { name: string }): void } } }
    ).client.pipeline.removePolicy({ name: 'defaultRetryPolicy' });
    const poster = posterOf(client);
    if (!poster) throw new Error('no pipeline');

    const refused = await postActivity(poster, reply()).catch((error: unknown) => error);
    expect(refused).toMatchObject({ name: 'RestError', statusCode: 429, message: 'slow down' });
    const headers = (refused as { response?: { headers?: { get(name: string): unknown } } })
      .response?.headers;
    expect(headers?.get('retry-after')).toBe('7');
  });

  it('sends once for the outbox and leaves the shared client retrying its own replies', async () => {
    const client = connector();
    const answers: number[] = [];
    nock('https://smba.trafficmanager.net')
      .persist()
      .post(/\/emea\/v3\/conversations\/.*/)
      .reply(() => {
        answers.push(answers.length === 0 || answers.length === 1 ? 500 : 201);
        const status = answers[answers.length - 1] ?? 500;
        return [status, status === 201 ? { id: 'sent' } : { error: { message: 'down' } }];
      });
    const once = posterOf(client, true);
    const usual = posterOf(client);
    if (!once || !usual) throw new Error('no pipeline');

    // The outbox's send fails on the first 500 and is left to the outbox's own backoff.
    await expect(postActivity(once, reply())).rejects.toMatchObject({ statusCode: 500 });
    expect(answers).toEqual([500]);
    // A turn's reply through the same client still gets the client's retry after a 500.
    expect(await postActivity(usual, reply())).toEqual({ id: 'sent' });
    expect(answers).toEqual([500, 500, 201]);
  });

  it('is not used where the client no longer keeps its pipeline', () => {
    expect(posterOf({})).toBeUndefined();
    expect(posterOf(undefined)).toBeUndefined();
  });
});
