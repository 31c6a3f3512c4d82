import { Types } from 'mongoose';
import nock from 'nock';
import { App } from '@slack/bolt';
import { boltLogger } from '../../../src/channels/slack/bolt-logger';
import {
  ALREADY_DONE_TEXT,
  type DeliveryLedger,
} from '../../../src/channels/slack/restify-receiver';
import { SocketModeReceiver } from '../../../src/channels/slack/socket-mode-receiver';
import { createLogger } from '../../../src/log/logger';
import type { Claim } from '../../../src/store/inbound-ledger';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork, post } from '../../support/http';
import {
  captureSlack,
  newTriggerId,
  SLACK_API_URL,
  SLACK_HOOKS,
  slackHeaders,
  slashCommandBody,
} from '../../support/slack';
import { SlackSocketStandIn } from '../../support/slack-socket';

const APP_TOKEN = 'xapp-1-A0SCRUTINY-1234567890-0123456789abcdef';
const TEAM = 'T0SOCKET';
const CHANNEL = 'C0FIREWALLED';
const OFFICER = { id: 'U0SOCKETOFFICER', name: 'ola' };

/**
 * Envelopes as Slack documents them for Socket Mode: the HTTP payload under `payload`, with
 * `envelope_id`, `type` (events_api, slash_commands, interactive) and `accepts_response_payload`;
 * events_api ones also carry `retry_attempt` and `retry_reason`. The app acknowledges with
 * `{envelope_id, payload}`. https://api.slack.com/apis/connections/socket-implement
 */
function slashCommandEnvelope(envelopeId: string, text: string, responsePath: string) {
  return {
    envelope_id: envelopeId,
    type: 'slash_commands',
    accepts_response_payload: true,
    payload: {
      token: 'legacy-unused',
      team_id: TEAM,
      team_domain: 'landlord',
      channel_id: CHANNEL,
      channel_name: 'scrutiny-panel',
      user_id: OFFICER.id,
      user_name: OFFICER.name,
      command: '/scrutiny',
      text,
      api_app_id: 'A0SCRUTINY',
      is_enterprise_install: 'false',
      response_url: `${SLACK_HOOKS}${responsePath}`,
      trigger_id: newTriggerId(),
    },
  };
}

function appHomeEnvelope(envelopeId: string, eventId: string) {
  return {
    envelope_id: envelopeId,
    type: 'events_api',
    accepts_response_payload: false,
    retry_attempt: 0,
    retry_reason: '',
    payload: {
      token: 'legacy-unused',
      team_id: TEAM,
      api_app_id: 'A0SCRUTINY',
      event: {
        type: 'app_home_opened',
        user: OFFICER.id,
        channel: 'D0SOCKETHOME',
        tab: 'home',
        event_ts: '1767326125.870439',
      },
      type: 'event_callback',
      event_id: eventId,
      event_time: 1767326125,
      authorizations: [
        { team_id: TEAM, user_id: 'U0BOT', is_bot: true, is_enterprise_install: false },
      ],
      is_ext_shared_channel: false,
    },
  };
}

describe('Slack over Socket Mode: the whole bot, against a local Socket Mode stand-in', () => {
  onlyLoopbackNetwork();
  const slack = captureSlack(nock);
  let standIn: SlackSocketStandIn;
  // apps.connections.open is answered with the stand-in's URL, from before the bot starts.
  const answerConnectionsOpen = () =>
    slack.answerWith('apps.connections.open', () => ({ ok: true, url: standIn.url() }));
  beforeAll(async () => {
    standIn = await SlackSocketStandIn.start();
    slack.install();
    answerConnectionsOpen();
  });
  const bot = useTestBot({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_APP_TOKEN: APP_TOKEN,
    SLACK_API_URL,
    BOOTSTRAP_OFFICERS: OFFICER.id,
  });
  beforeAll(async () => {
    standIn.hello(await standIn.connection(0));
  });
  beforeEach(() => {
    slack.install();
    answerConnectionsOpen();
  });
  afterAll(() => standIn.close());

  it('opened its connection with the app-level token, and serves no /api/slack/* routes', async () => {
    const opened = slack.calls.filter((c) => c.method === 'apps.connections.open');
    expect(opened).toHaveLength(1);
    expect(opened[0]?.token).toBe(`Bearer ${APP_TOKEN}`);

    const body = slashCommandBody('help', OFFICER.id, TEAM);
    const res = await post(
      `${bot().url}/api/slack/commands`,
      body,
      slackHeaders(body, 'application/x-www-form-urlencoded'),
    );
    expect(res.status).toBe(404);
  });

  it('/scrutiny help: acked on the socket with the placeholder as the payload, answered at the response URL; a redelivery changes nothing', async () => {
    const socket = await standIn.connection(0);
    const envelope = slashCommandEnvelope(
      'dbdd0ef3-1543-4f94-bfb4-133d0e6c1545',
      'help',
      '/commands/socket/1',
    );
    const ack = await standIn.deliver(socket, envelope);
    expect(ack).toEqual({
      envelope_id: envelope.envelope_id,
      payload: { response_type: 'ephemeral', text: 'Working on it…' },
    });
    const answer = await slack.next((c) => c.method === '/commands/socket/1');
    expect(answer.text).toContain('group create');

    // Slack redelivers an envelope it thinks was not acknowledged: same id, same trigger.
    const since = slack.calls.length;
    const again = await standIn.deliver(socket, {
      ...envelope,
      retry_attempt: 1,
      retry_reason: 'timeout',
    });
    // Its claim is read before the ack (the request is kept with it until done), so the ack
    // itself says it came twice; the help is not run again, and nothing more is posted.
    expect(again).toEqual({
      envelope_id: envelope.envelope_id,
      payload: { response_type: 'ephemeral', text: ALREADY_DONE_TEXT },
    });
    expect(slack.calls.slice(since).map((c) => c.method)).toEqual([]);
    const claims = await bot()
      .connection.collection<{ _id: string }>('inbound_deliveries')
      .countDocuments({ _id: `slack-trigger:${envelope.payload.trigger_id}` });
    expect(claims).toBe(1);
  });

  it('an interactive envelope (a button click) is acked empty and the clicker is told, privately', async () => {
    const socket = await standIn.connection(0);
    const groupId = new Types.ObjectId().toHexString();
    const envelope = {
      envelope_id: '57d6a792-4d35-4d0b-b6aa-3361493e1caf',
      type: 'interactive',
      accepts_response_payload: false,
      payload: {
        type: 'block_actions',
        api_app_id: 'A0SCRUTINY',
        token: 'legacy-unused',
        team: { id: TEAM, domain: 'landlord' },
        user: { id: OFFICER.id, username: OFFICER.name, name: OFFICER.name, team_id: TEAM },
        channel: { id: CHANNEL, name: 'scrutiny-panel' },
        container: { type: 'message', message_ts: '1.1', channel_id: CHANNEL },
        response_url: `${SLACK_HOOKS}/actions/socket/1`,
        trigger_id: newTriggerId(),
        actions: [
          {
            type: 'button',
            action_id: `onboarding.confirm:${groupId}`,
            block_id: 'b',
            value: JSON.stringify({ groupId, over18: 'true', codeOfConduct: 'true' }),
            action_ts: '1.2',
          },
        ],
      },
    };
    const ack = await standIn.deliver(socket, envelope);
    expect(ack).toEqual({ envelope_id: envelope.envelope_id, payload: {} });
    const told = await slack.next(
      (c) => c.method === '/actions/socket/1' && c.body.response_type === 'ephemeral',
    );
    expect(told.text.length).toBeGreaterThan(0);
  });

  it('an events_api envelope (app_home_opened) is handled before its ack, and once however often it comes', async () => {
    const socket = await standIn.connection(0);
    const since = slack.calls.length;
    const envelope = appHomeEnvelope('a1f0e2b8-1c5e-4a5e-9d8b-6f1f2b3c4d5e', 'Ev0SOCKETHOME1');
    const ack = await standIn.deliver(socket, envelope);
    expect(ack).toEqual({ envelope_id: envelope.envelope_id, payload: {} });
    // Acknowledged once its listener had run: the Home is already published.
    const published = () => slack.calls.slice(since).filter((c) => c.method === 'views.publish');
    expect(published()).toHaveLength(1);
    expect(published()[0]?.body.user_id).toBe(OFFICER.id);

    const again = await standIn.deliver(socket, {
      ...envelope,
      retry_attempt: 1,
      retry_reason: 'timeout',
    });
    expect(again).toEqual({ envelope_id: envelope.envelope_id, payload: {} });
    expect(published()).toHaveLength(1);
  });
});

/** Claims in memory, recording releases, so a test can wait for one; nothing is kept to replay. */
class MemoryLedger implements DeliveryLedger {
  private readonly claimed = new Set<string>();
  readonly released: string[] = [];
  private waiters: Array<() => void> = [];

  async claim(deliveryId: string): Promise<boolean> {
    if (this.claimed.has(deliveryId)) return false;
    this.claimed.add(deliveryId);
    return true;
  }

  async claimToReplay(deliveryId: string): Promise<Claim> {
    return (await this.claim(deliveryId))
      ? { first: true, seed: '000000000000000000000000' }
      : { first: false, answer: undefined, finished: true, receivedAt: undefined, seed: undefined };
  }

  async finishKept(): Promise<void> {}

  async unfinished(): Promise<[]> {
    return [];
  }

  async takeOver(): Promise<boolean> {
    return false;
  }

  async release(deliveryId: string): Promise<void> {
    this.claimed.delete(deliveryId);
    this.released.push(deliveryId);
    for (const wake of this.waiters.splice(0)) wake();
  }

  async releaseOf(deliveryId: string): Promise<void> {
    while (!this.released.includes(deliveryId))
      await new Promise<void>((resolve) => this.waiters.push(resolve));
  }
}

describe('SocketModeReceiver on its own: reconnecting, redelivery after a failure, stopping', () => {
  onlyLoopbackNetwork();
  const log = createLogger('silent');
  let standIn: SlackSocketStandIn;
  let opens: string[] = [];
  let ledger: MemoryLedger;
  let receiver: SocketModeReceiver;
  let homeOpenings = 0;

  beforeAll(async () => {
    standIn = await SlackSocketStandIn.start();
  });
  afterAll(() => standIn.close());

  beforeEach(() => {
    opens = [];
    nock(SLACK_API_URL.replace(/\/api\/$/, ''))
      .persist()
      .post('/api/apps.connections.open')
      .reply(function () {
        opens.push(String(this.req.headers.authorization));
        return [200, { ok: true, url: standIn.url() }];
      });
    ledger = new MemoryLedger();
    receiver = new SocketModeReceiver({
      appToken: APP_TOKEN,
      apiUrl: SLACK_API_URL,
      ledger,
      log,
      // Reconnects this soon after a disconnect, instead of SocketModeClient's 5 s.
      clientPingTimeoutMs: 1000,
    });
    const app = new App({
      receiver,
      authorize: async () => ({ botToken: 'xoxb-test-token', botUserId: 'U0BOT', botId: 'B0BOT' }),
      logger: boltLogger(log),
    });
    app.command('/scrutiny', async ({ ack, command }) => {
      await ack({ response_type: 'ephemeral', text: `pong: ${command.text}` });
    });
    homeOpenings = 0;
    app.event('app_home_opened', async () => {
      homeOpenings += 1;
      if (homeOpenings === 1) throw new Error('the database went away');
    });
  });
  afterEach(() => receiver.stop());

  it('reconnects through apps.connections.open when Slack sends disconnect, and carries on', async () => {
    const before = standIn.connectionCount;
    const started = receiver.start();
    const first = await standIn.connection(before);
    standIn.hello(first);
    await started;
    expect(opens).toEqual([`Bearer ${APP_TOKEN}`]);

    standIn.disconnect(first);
    await standIn.closing(first);
    const second = await standIn.connection(before + 1);
    expect(opens).toEqual([`Bearer ${APP_TOKEN}`, `Bearer ${APP_TOKEN}`]);
    standIn.hello(second);

    const envelope = slashCommandEnvelope('c0ffee00-0000-4000-8000-000000000001', 'again', '/x');
    const ack = await standIn.deliver(second, envelope);
    expect(ack.payload).toEqual({ response_type: 'ephemeral', text: 'pong: again' });
  });

  it('an event whose listener fails is left unacknowledged and released, so its redelivery runs', async () => {
    const before = standIn.connectionCount;
    const started = receiver.start();
    const socket = await standIn.connection(before);
    standIn.hello(socket);
    await started;

    const envelope = appHomeEnvelope('0b5e55ed-0000-4000-8000-000000000002', 'Ev0FAILSONCE');
    const acksBefore = standIn.acks.length;
    socket.send(JSON.stringify(envelope));
    await ledger.releaseOf('slack-event:Ev0FAILSONCE');
    expect(standIn.acks.slice(acksBefore)).toEqual([]);

    const again = await standIn.deliver(socket, {
      ...envelope,
      retry_attempt: 1,
      retry_reason: 'timeout',
    });
    expect(again).toEqual({ envelope_id: envelope.envelope_id, payload: {} });
    expect(homeOpenings).toBe(2);
  });

  it('acknowledges an envelope it cannot read, so Slack stops redelivering it', async () => {
    const before = standIn.connectionCount;
    const started = receiver.start();
    const socket = await standIn.connection(before);
    standIn.hello(socket);
    await started;
    const ack = await standIn.deliver(socket, {
      envelope_id: 'bad00000-0000-4000-8000-000000000003',
      type: 'slash_commands',
      payload: { command: 'no slash', text: 'x' },
    });
    expect(ack).toEqual({ envelope_id: 'bad00000-0000-4000-8000-000000000003', payload: {} });
  });

  it('stop() closes the socket', async () => {
    const before = standIn.connectionCount;
    const started = receiver.start();
    const socket = await standIn.connection(before);
    standIn.hello(socket);
    await started;
    await receiver.stop();
    await standIn.closing(socket);
    expect(standIn.closed).toContain(socket);
  });
});
