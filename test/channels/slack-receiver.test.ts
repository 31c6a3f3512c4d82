import nock from 'nock';
import { useTestBot } from '../support/bot';
import { onlyLoopbackNetwork, post } from '../support/http';
import { SLACK_API_URL, slackEnv, slackHeaders, slashCommandBody } from '../support/slack';

const slackApi = () => nock(SLACK_API_URL.replace(/\/api\/$/, ''));

function mentionEvent(eventId: string): string {
  return JSON.stringify({
    token: 'legacy',
    team_id: 'T0LANDLORD',
    api_app_id: 'A0SCRUTINY',
    type: 'event_callback',
    event_id: eventId,
    event_time: 1760000000,
    event: {
      type: 'app_mention',
      user: 'U0MEMBER1',
      text: '<@U0BOT> hello',
      ts: '1760000000.000100',
      channel: 'C0PANEL',
      event_ts: '1760000000.000100',
    },
    authorizations: [{ team_id: 'T0LANDLORD', user_id: 'U0BOT', is_bot: true }],
  });
}

function mockAuthTest(): void {
  slackApi().post('/api/auth.test').optionally().reply(200, {
    ok: true,
    team_id: 'T0LANDLORD',
    user_id: 'U0BOT',
    bot_id: 'B0BOT',
    url: 'https://landlord.slack.com/',
  });
}

describe('Slack requests on the shared restify server', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot(slackEnv);
  const events = () => `${bot().url}/api/slack/events`;

  it('refuses a request signed with the wrong secret with 401', async () => {
    const body = slashCommandBody('help');
    const res = await post(
      `${bot().url}/api/slack/commands`,
      body,
      slackHeaders(body, 'application/x-www-form-urlencoded', { secret: 'wrong' }),
    );
    expect(res.status).toBe(401);
    expect(res.json()).toMatchObject({ error: 'invalid Slack signature' });
  });

  it('refuses a request with no signature with 401', async () => {
    const res = await post(events(), '{}', { 'content-type': 'application/json' });
    expect(res.status).toBe(401);
  });

  it('refuses a correctly signed request replayed more than 5 minutes later with 401', async () => {
    const body = slashCommandBody('help');
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await post(
      `${bot().url}/api/slack/commands`,
      body,
      slackHeaders(body, 'application/x-www-form-urlencoded', { timestamp: sixMinutesAgo }),
    );
    expect(res.status).toBe(401);
    expect(res.json()).toMatchObject({ error: 'stale or future Slack request' });
  });

  it('refuses a timestamp from more than 5 minutes in the future with 401', async () => {
    const body = slashCommandBody('help');
    const later = Math.floor(Date.now() / 1000) + 6 * 60;
    const res = await post(
      `${bot().url}/api/slack/commands`,
      body,
      slackHeaders(body, 'application/x-www-form-urlencoded', { timestamp: later }),
    );
    expect(res.status).toBe(401);
  });

  it('answers a signed url_verification with its challenge', async () => {
    const body = JSON.stringify({
      token: 'legacy',
      challenge: 'challenge-xyz',
      type: 'url_verification',
    });
    const res = await post(events(), body, slackHeaders(body, 'application/json'));
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ challenge: 'challenge-xyz' });
  });

  it('refuses a signed body that is not valid JSON with 400 and a short reason', async () => {
    const body = '{"type": "event_callback",';
    const res = await post(events(), body, slackHeaders(body, 'application/json'));
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ error: 'body is not valid JSON' });
  });

  it('refuses a signed form that is not a slash command with 400', async () => {
    const body = 'hello=world';
    const res = await post(
      `${bot().url}/api/slack/commands`,
      body,
      slackHeaders(body, 'application/x-www-form-urlencoded'),
    );
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ error: 'not a Slack slash command' });
  });

  it('acknowledges /scrutiny at once with a placeholder, then answers through the response_url', async () => {
    mockAuthTest();
    const answered = new Promise<Record<string, unknown>>((resolve) => {
      nock('https://hooks.slack.test.example')
        .post('/commands/T0LANDLORD/1/abc', (body: Record<string, unknown>) => {
          resolve(body);
          return true;
        })
        .reply(200, 'ok');
    });
    const body = slashCommandBody('help');
    const res = await post(
      `${bot().url}/api/slack/commands`,
      body,
      slackHeaders(body, 'application/x-www-form-urlencoded'),
    );
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ response_type: 'ephemeral', text: 'Working on it…' });
    const reply = await answered;
    expect(reply).toMatchObject({ replace_original: true });
    expect(JSON.stringify(reply.blocks)).toContain('/scrutiny help');
  });

  it('runs a signed slash command replayed within its five minutes once, and says so to the replay', async () => {
    mockAuthTest();
    const answers: Array<{ text?: string; blocks?: unknown }> = [];
    const answered = new Promise<void>((resolve) => {
      nock('https://hooks.slack.test.example')
        .persist()
        .post('/commands/T0LANDLORD/1/abc', (posted: { text?: string; blocks?: unknown }) => {
          answers.push(posted);
          resolve();
          return true;
        })
        .reply(200, 'ok');
    });
    // The same body and headers again: Slack's trigger_id is unique per invocation, so a second
    // delivery carrying it is a replay. https://api.slack.com/interactivity/slash-commands
    const body = slashCommandBody('help');
    const headers = slackHeaders(body, 'application/x-www-form-urlencoded');
    const first = await post(`${bot().url}/api/slack/commands`, body, headers);
    const replay = await post(`${bot().url}/api/slack/commands`, body, headers);
    // The claim, with the request kept until its work is done, is written before the ack: the
    // replay's ack says it came twice, and the help itself is answered once.
    expect(first.json()).toMatchObject({ text: 'Working on it…' });
    expect(replay.status).toBe(200);
    expect(replay.json()).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('reached me twice'),
    });
    await answered;
    const stored = await bot()
      .connection.collection('inbound_deliveries')
      .countDocuments({ _id: { $regex: '^slack-trigger:' } } as never);
    expect(stored).toBeGreaterThanOrEqual(1);
    expect(
      answers.filter((a) => JSON.stringify(a.blocks ?? '').includes('/scrutiny help')),
    ).toHaveLength(1);
    expect(answers.filter((a) => a.text?.includes('reached me twice'))).toHaveLength(0);
  });

  it('processes an event once when Slack retries its delivery', async () => {
    mockAuthTest();
    const replies: unknown[] = [];
    slackApi()
      .post('/api/chat.postMessage', (body: unknown) => {
        replies.push(body);
        return true;
      })
      .times(2)
      .reply(200, { ok: true, channel: 'C0PANEL', ts: '1760000001.000200' });

    const body = mentionEvent('Ev0RETRY1');
    const first = await post(events(), body, slackHeaders(body, 'application/json'));
    const retry = await post(
      events(),
      body,
      slackHeaders(body, 'application/json', { retryNum: 1 }),
    );

    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ channel: 'C0PANEL', thread_ts: '1760000000.000100' });
    const stored = await bot()
      .connection.collection('inbound_deliveries')
      .countDocuments({ _id: 'slack-event:Ev0RETRY1' } as never);
    expect(stored).toBe(1);
  });
});
