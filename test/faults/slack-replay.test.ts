import nock from 'nock';
import { groupModel } from '../../src/store/groups/group-model';
import { InboundLedger, TAKE_OVER_AFTER_MS } from '../../src/store/inbound-ledger';
import { useTestBot } from '../support/bot';
import { onlyLoopbackNetwork } from '../support/http';
import { captureSlack, newTriggerId, SLACK_HOOKS, slackEnv } from '../support/slack';
import { slackSession } from '../support/slack-session';

const OFFICER = { id: 'U0REPLAYOFFICER', name: 'olive' };
const TEAM = 'T0REPLAY';
const CHANNEL = 'C0REPLAY';

/**
 * A Slack command is acknowledged before its work, and Slack never sends an acknowledged
 * command again: if the process dies in between, the request kept with its claim is all that is
 * left of it. These tests leave such a claim as a dead process would (written, acknowledged,
 * never finished), then run the schedule's replay, as another instance would.
 */
describe('Slack commands whose process died after the ack', () => {
  onlyLoopbackNetwork();
  let now = new Date('2026-04-14T10:00:00Z');
  const bot = useTestBot({ ...slackEnv, BOOTSTRAP_OFFICERS: OFFICER.id }, { clock: () => now });
  const slack = captureSlack(nock);
  beforeEach(() => slack.install());
  const session = slackSession(() => bot().url, slack, { team: TEAM, channel: CHANNEL });
  const ledger = () => new InboundLedger(bot().connection);

  /** A command as Bolt receives it, its claim left as a process that died after the ack left it. */
  const diedAfterAck = async (text: string, path: string) => {
    const trigger = newTriggerId();
    const body = {
      team_id: TEAM,
      channel_id: CHANNEL,
      channel_name: 'inspectors',
      user_id: OFFICER.id,
      user_name: OFFICER.name,
      command: '/scrutiny',
      text,
      response_url: `${SLACK_HOOKS}${path}`,
      trigger_id: trigger,
      api_app_id: 'A0SCRUTINY',
    };
    const claim = await ledger().claimToReplay(`slack-trigger:${trigger}`, body, now);
    expect(claim.first).toBe(true);
    return `slack-trigger:${trigger}`;
  };
  const stored = (id: string) =>
    bot().connection.collection<{ _id: string }>('inbound_deliveries').findOne({ _id: id });

  it('is done by the replay once its claim is 30 s old, answered at its response URL, and not again', async () => {
    const id = await diedAfterAck(
      'group create "Replayed Panel" preset:sedgemoor-scrutiny',
      '/r/1',
    );
    // Another instance's schedule, too soon: the first process may still be at it.
    now = new Date(now.getTime() + 10_000);
    expect(await bot().replaySlack()).toBe(0);
    expect(await groupModel(bot().connection).countDocuments({ name: 'Replayed Panel' })).toBe(0);

    now = new Date(now.getTime() + TAKE_OVER_AFTER_MS);
    expect(await bot().replaySlack()).toBe(1);
    const answer = await slack.next((c) => c.method === '/r/1');
    expect(answer.text).toContain('Replayed Panel');
    expect(await groupModel(bot().connection).countDocuments({ name: 'Replayed Panel' })).toBe(1);
    // Done: the request the member typed is no longer kept, and nothing is done twice.
    expect(await stored(id)).toMatchObject({ finishedAt: expect.any(Date) });
    expect(await stored(id)).not.toHaveProperty('request');
    now = new Date(now.getTime() + TAKE_OVER_AFTER_MS);
    expect(await bot().replaySlack()).toBe(0);
    expect(await groupModel(bot().connection).countDocuments({ name: 'Replayed Panel' })).toBe(1);
  });

  it('a command answered as usual is marked done, and its request is not kept', async () => {
    const answer = await session.slash(OFFICER, 'help');
    expect(answer.text).toContain('group create');
    // Marked done once the listener has finished, just after the answer went out.
    const kept = () =>
      bot().connection.collection('inbound_deliveries').countDocuments({ pending: true });
    for (let tries = 0; (await kept()) > 0 && tries < 50; tries++)
      await new Promise((resolve) => setImmediate(resolve));
    expect(await kept()).toBe(0);
  });
});
