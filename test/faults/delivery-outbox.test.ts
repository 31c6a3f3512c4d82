import nock from 'nock';
import { DeliveryPost } from '../../src/app/messaging/delivery-post';
import { tellPerson } from '../../src/app/dispatch/reply';
import { sendMorningDigests } from '../../src/app/nudges/morning-digest';
import { renderSlackBlocks } from '../../src/cards/render-slack';
import { createLogger } from '../../src/log/logger';
import { auditEntryModel } from '../../src/store/audit/audit-entry-model';
import { deliveryModel, type DeliveryRecord } from '../../src/store/deliveries/delivery-model';
import { groupModel } from '../../src/store/groups/group-model';
import { personModel } from '../../src/store/people/person-model';
import { useTestBot } from '../support/bot';
import { onlyLoopbackNetwork, post } from '../support/http';
import { RecordingMessenger } from '../support/recording-messenger';
import { captureSlack, newTriggerId, SLACK_HOOKS, slackEnv } from '../support/slack';
import { slackSession } from '../support/slack-session';
import { shown, teamsChannel } from '../support/teams';

const TEAM = 'T0OUTBOX';
const CHANNEL = 'C0OUTBOX';
const OFFICER = { id: 'U0OUTOFFICER', name: 'olive' };
const DAVE = { id: 'U0OUTDAVE', name: 'dave' };
const TEAMS_OFFICER = { aad: '88888888-8888-4888-8888-888888888801', name: 'Oona Officer' };
const silent = createLogger('silent');
const TEAMS_STAFF = { aad: '88888888-8888-4888-8888-888888888802', name: 'Sam Servicelead' };

/**
 * Messages a command causes for someone else (here a check offer in dave's DM) go through the
 * outbox: queued before sending, retried after a 5xx or a 429's Retry-After, stopped at once by
 * any other 4xx and shown to the officer who caused them, with Retry and Give up.
 */
describe('the delivery outbox, over HTTP', () => {
  onlyLoopbackNetwork();
  let now = new Date('2026-12-01T10:00:00Z');
  const env = { ...slackEnv, BOOTSTRAP_OFFICERS: `${OFFICER.id},${TEAMS_OFFICER.aad}` };
  const bot = useTestBot(env, { clock: () => now });
  // A second instance on the same database, for the race between two sweeps.
  const other = useTestBot(env, { clock: () => now });
  const slack = captureSlack(nock);
  beforeEach(() => slack.install());
  const session = slackSession(() => bot().url, slack, { team: TEAM, channel: CHANNEL });
  const { slash, click, dmTo } = session;
  const db = () => bot().connection;
  const later = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };

  let checks = 0;
  const assign = (title: string) =>
    `check assign <@${DAVE.id}|${DAVE.name}> "${title}" kind:empty-home-inspection due:2026-12-20`;
  /** The offer's title, unique to each test, so its DMs and its record are found by it. */
  const nextTitle = () => `Empty home at ${++checks} Outbox Road`;
  const offersOf = (title: string) =>
    slack.calls.filter((c) => c.method === 'chat.postMessage' && c.text.includes(title));
  const recordOf = async (title: string): Promise<DeliveryRecord> => {
    const all = await deliveryModel(db()).find({}).lean<DeliveryRecord[]>();
    const found = all.filter((d) => d.message.includes(title));
    expect(found).toHaveLength(1);
    return found[0]!;
  };
  /** The officer's command, and the line they alone are told after it about the offer. */
  const offerTold = async (title: string, says: string) => {
    const since = slack.calls.length;
    const answered = await slash(OFFICER, assign(title));
    expect(answered.text).toContain('offered to dave');
    const told = await slack.next(
      (c) => c.method === answered.method && c.text.includes(says),
      since,
    );
    expect(told.body.response_type).toBe('ephemeral');
    return told;
  };

  beforeAll(async () => {
    slack.install();
    await slash(OFFICER, 'group create "Outbox Panel" preset:southampton-ti');
    const since = slack.calls.length;
    await slash(
      OFFICER,
      `group add <@${DAVE.id}|${DAVE.name}> role:member tenure:tenant since:2020-01-01 area:Shirley`,
    );
    await dmTo(since, 'onboarding.confirm');
    const group = await groupModel(db()).findOne({ name: 'Outbox Panel' }).lean();
    await click(DAVE, `onboarding.confirm:${group?._id}`, {
      groupId: group?._id,
      over18: 'true',
      codeOfConduct: 'true',
    });
    await slash(OFFICER, `member record <@${DAVE.id}|${DAVE.name}> training:2025-01-01`);
  });

  it('a 503 then a 200: the officer is told it is queued, and the sweep sends it once', async () => {
    const title = nextTitle();
    slack.failNext('chat.postMessage', 503);
    const told = await offerTold(title, 'queued');
    expect(told.text).toContain('Your message to dave is queued');
    expect(await recordOf(title)).toMatchObject({
      state: 'pending',
      attempts: 1,
      causedBy: expect.any(String) as unknown,
    });
    expect(offersOf(title)).toEqual([]);

    // Full jitter: the retry is due within the first 30 seconds.
    later(31_000);
    expect(await bot().sweepDeliveries()).toMatchObject({ sent: 1, retrying: 0, failed: 0 });
    expect(await bot().sweepDeliveries()).toMatchObject({ read: 0, sent: 0 });
    expect(offersOf(title)).toHaveLength(1);
    expect(await recordOf(title)).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('a 429 waits for its Retry-After, and not a moment less', async () => {
    const title = nextTitle();
    slack.failNext('chat.postMessage', 429, { 'retry-after': '120' });
    await offerTold(title, 'queued');
    const waiting = await recordOf(title);
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1 });
    expect(waiting.nextAttemptAt.toISOString()).toBe(
      new Date(now.getTime() + 120_000).toISOString(),
    );

    later(119_000);
    expect(await bot().sweepDeliveries()).toMatchObject({ read: 0, sent: 0 });
    expect(offersOf(title)).toEqual([]);
    later(1_000);
    expect(await bot().sweepDeliveries()).toMatchObject({ sent: 1 });
    expect(offersOf(title)).toHaveLength(1);
  });

  it('a 413 fails at once, shows in the officer’s mine with Retry, and Retry sends it', async () => {
    const title = nextTitle();
    slack.failNext('chat.postMessage', 413);
    await offerTold(title, 'could not be delivered');
    const failed = await recordOf(title);
    expect(failed).toMatchObject({ state: 'failed', attempts: 1 });
    later(2 * 3600 * 1000);
    expect(await bot().sweepDeliveries()).toMatchObject({ read: 0 });

    const mine = await slash(OFFICER, 'mine');
    expect(mine.text).toContain('1 of your messages could not be delivered');
    expect(mine.text).toContain(`delivery.retry:${failed._id}`);
    expect(mine.text).toContain(`delivery.give-up:${failed._id}`);
    // Only the officer who caused it sees it.
    expect((await slash(DAVE, 'mine')).text).not.toContain('could not be delivered');

    const retried = await click(OFFICER, `delivery.retry:${failed._id}`, {
      deliveryId: failed._id,
    });
    expect(retried.at(-1)?.text).toContain('Queued again');
    expect(await recordOf(title)).toMatchObject({ state: 'pending', attempts: 0 });
    expect(
      await auditEntryModel(db())
        .find({ 'subject.kind': 'delivery', 'subject.id': failed._id })
        .lean(),
    ).toEqual([expect.objectContaining({ action: 'delivery.retried' }) as unknown]);

    expect(await bot().sweepDeliveries()).toMatchObject({ sent: 1 });
    expect(offersOf(title)).toHaveLength(1);
    expect((await slash(OFFICER, 'mine')).text).not.toContain('could not be delivered');
    // Retried once already: a second click is refused, nothing is queued again.
    const again = await click(OFFICER, `delivery.retry:${failed._id}`, {
      deliveryId: failed._id,
    });
    expect(again.at(-1)?.text).toContain('already on its way');
  });

  it('a failed delivery is in the officer’s morning digest, with Retry and Give up', async () => {
    const title = nextTitle();
    slack.failNext('chat.postMessage', 413);
    await offerTold(title, 'could not be delivered');
    const failed = await recordOf(title);
    const messenger = new RecordingMessenger();
    now = new Date('2026-12-03T08:00:00Z');
    await sendMorningDigests({ db: db(), now: () => now }, messenger, 'digest-test', silent);
    const digests = messenger.sent.filter(
      (s) => s.to.kind === 'person' && s.to.personId === failed.causedBy,
    );
    expect(digests).toHaveLength(1);
    expect(digests[0]?.message.text).toContain('1 of your messages could not be delivered');
    expect(digests[0]?.message.card?.viewModel).toMatchObject({
      failed: [{ deliveryId: failed._id, to: 'dave', why: expect.stringContaining('413') }],
    });
    const blocks = renderSlackBlocks('digest', digests[0]?.message.card?.viewModel, '');
    expect(JSON.stringify(blocks)).toContain(`delivery.give-up:${failed._id}`);
    await click(OFFICER, `delivery.give-up:${failed._id}`, { deliveryId: failed._id });
  });

  it('Give up stops a failed delivery for good', async () => {
    const title = nextTitle();
    slack.failNext('chat.postMessage', 400);
    await offerTold(title, 'could not be delivered');
    const failed = await recordOf(title);
    const stopped = await click(OFFICER, `delivery.give-up:${failed._id}`, {
      deliveryId: failed._id,
    });
    expect(stopped.at(-1)?.text).toContain('Given up');
    expect(await recordOf(title)).toMatchObject({ state: 'given-up' });
    expect(
      await auditEntryModel(db())
        .find({ 'subject.kind': 'delivery', 'subject.id': failed._id })
        .lean(),
    ).toEqual([expect.objectContaining({ action: 'delivery.given-up' }) as unknown]);
    later(3600 * 1000);
    expect(await bot().sweepDeliveries()).toMatchObject({ read: 0 });
    expect(offersOf(title)).toEqual([]);
    expect((await slash(OFFICER, 'mine')).text).not.toContain('could not be delivered');
  });

  it('the same command delivered twice (same trigger_id) queues its offer once', async () => {
    const title = nextTitle();
    const trigger = newTriggerId();
    const path = `/commands/${CHANNEL}/redelivered`;
    const body = new URLSearchParams({
      team_id: TEAM,
      channel_id: CHANNEL,
      channel_name: 'inspectors',
      user_id: OFFICER.id,
      user_name: OFFICER.name,
      command: '/scrutiny',
      text: assign(title),
      response_url: `${SLACK_HOOKS}${path}`,
      trigger_id: trigger,
      api_app_id: 'A0SCRUTINY',
    }).toString();
    // The first try fails, so the officer's note marks the moment the outbox has recorded it.
    slack.failNext('chat.postMessage', 503);
    expect((await session.signedPost('commands', body)).status).toBe(200);
    await slack.next((c) => c.method === path && c.text.includes('queued'));
    const repeat = await session.signedPost('commands', body);
    expect(repeat.status).toBe(200);
    // Its claim is read before the ack (the request is kept with it), so the ack says so.
    expect(repeat.json()).toMatchObject({ text: expect.stringContaining('reached me twice') });
    const all = await deliveryModel(db()).find({}).lean<DeliveryRecord[]>();
    expect(all.filter((d) => d.key.startsWith(`slack-trigger:${trigger}#`))).toHaveLength(1);

    // Past the ledger too: the outbox's own key turns a repeat into nothing.
    const record = await recordOf(title);
    const messenger = new RecordingMessenger();
    const dave = await personModel(db()).findOne({ platformUserId: DAVE.id }).lean();
    const repeated = await new DeliveryPost({ db: db(), now: () => now }, messenger).post(
      [tellPerson(record.organisationId, dave?._id ?? '', { text: title })],
      {
        inboundKey: `slack-trigger:${trigger}`,
        organisationId: record.organisationId,
        causedBy: record.causedBy,
      },
    );
    expect(repeated).toEqual([]);
    expect(messenger.sent).toEqual([]);
    expect(await recordOf(title)).toMatchObject({ state: 'pending', attempts: 1 });

    later(31_000);
    expect(await bot().sweepDeliveries()).toMatchObject({ sent: 1 });
    expect(offersOf(title)).toHaveLength(1);
  });

  it('two bots on one database, sweeping at once, send a queued offer once', async () => {
    const title = nextTitle();
    slack.failNext('chat.postMessage', 503);
    await offerTold(title, 'queued');
    later(31_000);
    const [one, two] = await Promise.all([bot().sweepDeliveries(), other().sweepDeliveries()]);
    expect(one.sent + two.sent).toBe(1);
    expect(offersOf(title)).toHaveLength(1);
    expect(await recordOf(title)).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('Teams: a delivery the Bot Connector answers 500 is queued, the clicker told, and sent once by the sweep', async () => {
    const teams = teamsChannel({
      service: 'https://smba.outbox.example',
      tenant: 'tenant-outbox',
      channel: '19:outbox@thread.tacv2',
    });
    const sent = teams.capture();
    const send = (body: unknown) =>
      post(`${bot().url}/api/messages`, JSON.stringify(body), {
        'content-type': 'application/json',
      });
    await send(
      teams.command(TEAMS_OFFICER, 'group create "Teams Outbox" preset:sedgemoor-scrutiny'),
    );
    await send(
      teams.command(
        TEAMS_OFFICER,
        `evidence request <at>${TEAMS_STAFF.name}</at> "Outbox void figures"`,
        [TEAMS_STAFF],
      ),
    );
    const requested = sent.find((s) => shown(s).includes('Outbox void figures'));
    const ref = /E-\d+/.exec(shown(requested))?.[0] ?? '';
    expect(ref).not.toBe('');

    const notForThem = (s: (typeof sent)[number]) => shown(s).includes('is not for them');
    teams.failNext(500);
    const clicked = await send(teams.invoke(TEAMS_STAFF, 'evidence.not-me', { ref }));
    expect(clicked.status).toBe(200);
    expect(sent.map(shown).join('\n')).toContain('Your message to Oona Officer is queued');
    expect(sent.filter(notForThem)).toEqual([]);

    later(31_000);
    expect(await bot().sweepDeliveries()).toMatchObject({ sent: 1 });
    expect(await other().sweepDeliveries()).toMatchObject({ read: 0 });
    expect(sent.filter(notForThem)).toHaveLength(1);
  });
});
