import nock from 'nock';
import { deadlineModel } from '../../../src/store/deadlines/deadline-model';
import { evidenceRequestModel } from '../../../src/store/evidence/evidence-request-model';
import { nudgeModel } from '../../../src/store/nudges/nudge-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork } from '../../support/http';
import { captureSlack, slackEnv } from '../../support/slack';
import { slackSession } from '../../support/slack-session';

const TEAM = 'T0NUDGES';
const OFFICER = { id: 'U0NUDGEOFFICER', name: 'olive' };
const STAFF = { id: 'U0NUDGESTAFF', name: 'sam' };

describe('Slack: reminders chase an information request, through the same buttons', () => {
  onlyLoopbackNetwork();
  let now = new Date('2026-12-01T10:00:00Z');
  const bot = useTestBot({ ...slackEnv, BOOTSTRAP_OFFICERS: OFFICER.id }, { clock: () => now });
  const slack = captureSlack(nock);
  beforeEach(() => slack.install());
  const { slash, click, submit, typed, viewOf, dmTo } = slackSession(() => bot().url, slack, {
    team: TEAM,
    channel: 'C0SCRUTINY',
  });
  const sweepAt = async (at: string) => {
    now = new Date(at);
    return bot().sweep();
  };
  const reminders = (since: number) =>
    slack.calls
      .slice(since)
      .filter((c) => c.method === 'chat.postMessage' && c.text.includes('nudge-'));

  it('a 429 waits for its Retry-After; the reminder carries the buttons that end it; more time moves it; not me stops it', async () => {
    await slash(OFFICER, 'group create "Scrutiny Panel" preset:sedgemoor-scrutiny');
    const asked = slack.calls.length;
    await slash(
      OFFICER,
      `evidence request <@${STAFF.id}|${STAFF.name}> "Repair satisfaction figures"`,
    );
    await dmTo(asked, 'evidence.sent');
    const request = await evidenceRequestModel(bot().connection).findOne({}).lean();
    // Tuesday 1 December + 10 working days: Tuesday 15 December.
    expect(request?.dueAt.toISOString()).toBe('2026-12-15T23:59:59.999Z');
    const ref = request?.reference ?? '';

    // Thursday 10 December, three working days before: Slack is busy for ten minutes.
    slack.failNext('chat.postMessage', 429, { 'retry-after': '600' });
    const first = slack.calls.length;
    const report = await sweepAt('2026-12-10T09:01:00Z');
    expect(report).toMatchObject({ swept: true, nudgesQueued: 1, sent: 0, retrying: 1 });
    const waiting = await nudgeModel(bot().connection).findOne({}).lean();
    expect(waiting?.nextAttemptAt.toISOString()).toBe('2026-12-10T09:11:00.000Z');
    expect(await sweepAt('2026-12-10T09:06:00Z')).toMatchObject({ sent: 0 });
    expect(await sweepAt('2026-12-10T09:11:00Z')).toMatchObject({ sent: 1 });
    const [reminder, ...more] = reminders(first);
    expect(more).toEqual([]);
    expect(reminder?.text).toContain('Reminder: due in 3 working days');
    for (const verb of ['evidence.sent', 'evidence.more-time', 'evidence.not-me'])
      expect(reminder?.text).toContain(`${verb}:${ref}`);
    expect(await nudgeModel(bot().connection).findById(waiting?._id).lean()).toMatchObject({
      state: 'sent',
      attempts: 2,
      lastError: expect.stringContaining('rate') as unknown,
    });

    // Need more time: the date and reason, then the officer is asked and agrees.
    const ask = viewOf((await click(STAFF, `evidence.more-time:${ref}`, { ref }, 'modal'))[0]!);
    const beforeAsk = slack.calls.length;
    await submit(
      STAFF,
      ask.callback_id,
      JSON.parse(ask.private_metadata) as Record<string, unknown>,
      {
        until: { type: 'datepicker', selected_date: '2027-01-08' },
        reason: typed('Figures are audited in January'),
      },
    );
    const toOfficer = await dmTo(beforeAsk, `evidence.grant:${ref}`);
    expect(toOfficer.text).toContain('Figures are audited in January');
    const granted = await click(OFFICER, `evidence.grant:${ref}`, { ref, until: '2027-01-08' });
    expect(granted[0]?.text).toContain(`${ref} is now due Friday 8 January 2027`);
    await dmTo(beforeAsk, 'More time agreed');
    const moved = await deadlineModel(bot().connection).findById(request?.deadlineId).lean();
    expect(moved?.dueAt.toISOString()).toBe('2027-01-08T23:59:59.999Z');

    // The old timetable is gone: nothing on Monday 14th, the old "1 day before".
    const monday = slack.calls.length;
    await sweepAt('2026-12-14T09:01:00Z');
    expect(reminders(monday)).toEqual([]);

    // Not me: back to the officer, and no more reminders.
    const notMe = slack.calls.length;
    const answered = await click(STAFF, `evidence.not-me:${ref}`, { ref });
    expect(answered.at(-1)?.text).toContain('gone back to the officer');
    await dmTo(notMe, 'is not for them');
    expect(
      (await evidenceRequestModel(bot().connection).findById(request?._id).lean())?.state,
    ).toBe('redirected');
    const later = slack.calls.length;
    await sweepAt('2027-01-05T09:01:00Z');
    await sweepAt('2027-01-11T09:01:00Z');
    expect(reminders(later)).toEqual([]);
  });
});
