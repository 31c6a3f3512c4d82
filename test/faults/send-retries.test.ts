import nock from 'nock';
import { evidenceRequestModel } from '../../src/store/evidence/evidence-request-model';
import { nudgeModel } from '../../src/store/nudges/nudge-model';
import { useTestBot } from '../support/bot';
import { onlyLoopbackNetwork, post } from '../support/http';
import { captureSlack, slackEnv } from '../support/slack';
import { slackSession } from '../support/slack-session';
import { shown, teamsChannel } from '../support/teams';

const SLACK_OFFICER = { id: 'U0RETRYOFFICER', name: 'olive' };
const SLACK_STAFF = { id: 'U0RETRYSTAFF', name: 'sam' };
const TEAMS_OFFICER = { aad: '77777777-7777-4777-8777-777777777701', name: 'Oona Officer' };
const TEAMS_STAFF = { aad: '77777777-7777-4777-8777-777777777702', name: 'Sam Servicelead' };

/**
 * A reminder whose send fails with a server error stays queued and goes again after its
 * backoff; when the platform answers, it is delivered exactly once and stored as sent.
 */
describe('when Slack or the Bot Connector answers 500 and then 200', () => {
  onlyLoopbackNetwork();
  let now = new Date('2026-12-01T10:00:00Z');
  const bot = useTestBot(
    { ...slackEnv, BOOTSTRAP_OFFICERS: `${SLACK_OFFICER.id},${TEAMS_OFFICER.aad}` },
    { clock: () => now },
  );
  const slack = captureSlack(nock);
  beforeEach(() => slack.install());
  const session = slackSession(() => bot().url, slack, { team: 'T0RETRY', channel: 'C0RETRY' });
  const teams = teamsChannel({
    service: 'https://smba.retry.example',
    tenant: 'tenant-retry',
    channel: '19:retry@thread.tacv2',
  });
  const sweepAt = async (at: string) => {
    now = new Date(at);
    return bot().sweep();
  };
  const storedNudges = () => nudgeModel(bot().connection).find({}).lean();

  afterEach(async () => {
    await nudgeModel(bot().connection).deleteMany({});
    await evidenceRequestModel(bot().connection).deleteMany({});
    // Each test sweeps the same slots; a slot's lease would otherwise say "already swept".
    await bot().connection.collection('sweep_leases').deleteMany({});
  });

  it('Slack: the reminder is retried after 30 seconds and posted once', async () => {
    now = new Date('2026-12-01T10:00:00Z');
    await session.slash(SLACK_OFFICER, 'group create "Retry Panel" preset:sedgemoor-scrutiny');
    const asked = slack.calls.length;
    await session.slash(
      SLACK_OFFICER,
      `evidence request <@${SLACK_STAFF.id}|${SLACK_STAFF.name}> "Repair satisfaction figures"`,
    );
    // The request itself reaches the staff member first, after the command's answer.
    await session.dmTo(asked, 'evidence.sent');
    const reminders = () =>
      slack.calls.filter((c) => c.method === 'chat.postMessage' && c.text.includes('Reminder'));
    expect(reminders()).toEqual([]);

    slack.failNext('chat.postMessage', 500);
    expect(await sweepAt('2026-12-10T09:01:00Z')).toMatchObject({ sent: 0, retrying: 1 });
    expect(slack.calls.some((c) => c.method === 'chat.postMessage (500)')).toBe(true);
    const waiting = await storedNudges();
    expect(waiting).toEqual([
      expect.objectContaining({ state: 'pending', attempts: 1 }) as unknown,
    ]);
    expect(waiting[0]?.nextAttemptAt.toISOString()).toBe('2026-12-10T09:01:30.000Z');

    expect(await sweepAt('2026-12-10T09:06:00Z')).toMatchObject({ sent: 1, retrying: 0 });
    expect(await sweepAt('2026-12-10T09:11:00Z')).toMatchObject({ sent: 0 });
    expect(reminders()).toHaveLength(1);
    expect(await storedNudges()).toEqual([
      expect.objectContaining({ state: 'sent', attempts: 2 }) as unknown,
    ]);
  });

  it('Teams: the reminder is retried after 30 seconds and sent once', async () => {
    now = new Date('2026-12-01T10:00:00Z');
    const sent = teams.capture();
    const send = (body: unknown) =>
      post(`${bot().url}/api/messages`, JSON.stringify(body), {
        'content-type': 'application/json',
      });
    await send(
      teams.command(TEAMS_OFFICER, 'group create "Teams Retry" preset:sedgemoor-scrutiny'),
    );
    await send(
      teams.command(
        TEAMS_OFFICER,
        `evidence request <at>${TEAMS_STAFF.name}</at> "Void turnaround figures"`,
        [TEAMS_STAFF],
      ),
    );
    expect(sent.map(shown).join('\n')).toContain('Void turnaround figures');
    const reminders = () => sent.filter((s) => shown(s).includes('Reminder'));

    // Our outbox is the only retry: the connector client's own retries are off for these sends.
    teams.failNext(500);
    expect(await sweepAt('2026-12-10T09:01:00Z')).toMatchObject({ sent: 0, retrying: 1 });
    expect(reminders()).toEqual([]);
    const waiting = await storedNudges();
    expect(waiting).toEqual([
      expect.objectContaining({
        state: 'pending',
        attempts: 1,
        lastError: 'Teams answered 500',
      }) as unknown,
    ]);
    expect(waiting[0]?.nextAttemptAt.toISOString()).toBe('2026-12-10T09:01:30.000Z');

    expect(await sweepAt('2026-12-10T09:06:00Z')).toMatchObject({ sent: 1, retrying: 0 });
    expect(await sweepAt('2026-12-10T09:11:00Z')).toMatchObject({ sent: 0 });
    expect(reminders()).toHaveLength(1);
    expect(shown(reminders()[0])).toContain('Void turnaround figures');
    // The failure reached the outbox; nobody got an apology in the reminder's place.
    expect(sent.map(shown).join('\n')).not.toContain('went wrong');
    expect(await storedNudges()).toEqual([
      expect.objectContaining({ state: 'sent', attempts: 2 }) as unknown,
    ]);
  });

  it('Teams: a reply inside a turn that gets a 500 is sent again by the connector client, once', async () => {
    const sent = teams.capture();
    teams.failNext(500);
    const res = await post(
      `${bot().url}/api/messages`,
      JSON.stringify(teams.command(TEAMS_OFFICER, 'help')),
      { 'content-type': 'application/json' },
    );
    expect(res.status).toBe(200);
    expect(sent.filter((s) => shown(s).includes('What you can do'))).toHaveLength(1);
    expect(sent.map(shown).join('\n')).not.toContain('went wrong');
  });

  it('Slack: a command whose response URL answers 500 is answered again, once', async () => {
    const before = slack.calls.length;
    slack.failNext('response_url', 500);
    const answered = await session.slash(SLACK_OFFICER, 'help');
    expect(answered.text).toContain('group create');
    const posts = slack.calls.slice(before).filter((c) => c.method.startsWith('/commands/'));
    expect(posts.map((c) => c.method.replace(/\/commands\/.*?( \(500\))?$/, 'post$1'))).toEqual([
      'post (500)',
      'post',
    ]);
  });
});
