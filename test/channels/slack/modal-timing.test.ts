import nock from 'nock';
import { FORM_NOT_OPENED_TEXT } from '../../../src/channels/slack/listeners/modals';
import { LOADING_CALLBACK_ID, MESSAGE_CALLBACK_ID } from '../../../src/cards/render-slack';
import { groupModel } from '../../../src/store/groups/group-model';
import { organisationModel } from '../../../src/store/organisations/organisation-model';
import { personModel } from '../../../src/store/people/person-model';
import { standardModel } from '../../../src/store/standards/standard-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork } from '../../support/http';
import { captureSlack, slackEnv, type SlackCall } from '../../support/slack';
import { slackSession } from '../../support/slack-session';

/**
 * Slack's clocks, as fixtures:
 * - a trigger_id may be exchanged for a modal within 3 seconds of the request that carried it
 *   ("Pass a valid trigger_id within 3 seconds of receiving it",
 *   https://docs.slack.dev/tools/bolt-js/concepts/creating-modals); views.open answers with
 *   the view and its id (https://docs.slack.dev/reference/methods/views.open), which
 *   views.update takes to replace it (https://docs.slack.dev/reference/methods/views.update);
 * - a trigger used too late is refused with HTTP 200 and `{ok: false, error: 'expired_trigger_id'}`
 *   (Slack's Web API reports every method error that way);
 * - a view_submission must be acknowledged within 3 seconds, with `response_action: errors`
 *   to keep the modal open with errors beside its fields
 *   (https://docs.slack.dev/tools/bolt-js/concepts/acknowledge).
 */
const TEAM = 'T0TIMING';
const STRANGER_TEAM = 'T0FIRSTCONTACT';
const OFFICER = { id: 'U0TOFFICER', name: 'olive' };
const STRANGER = { id: 'U0TSTRANGER', name: 'stan' };
const CHANNEL = 'C0TIMING';

/** The columns of src/domain/standards/examples/torus-liverpool-local-offers-q3.csv. */
const STANDARDS_CSV = [
  'key,serviceArea,promise,measure,targetValue,targetUnit,targetDirection,latestValue,latestUnit,latestPeriod,plannedMonth,verificationDone,verificationOutcome,notes',
  'emergency-repairs,Repairs,We attend emergency repairs within 24 hours.,Emergency repairs attended in time,,,,98,percent,2025/26 Q2,,no,,',
].join('\n');

describe('Slack: modals open before any work, and form submissions are answered in time', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot({ ...slackEnv, BOOTSTRAP_OFFICERS: OFFICER.id });
  const slack = captureSlack(nock);
  beforeEach(() => slack.install());
  const db = () => bot().connection;
  const session = slackSession(() => bot().url, slack, { team: TEAM, channel: CHANNEL });
  const { slash, click, submit, viewOf } = session;

  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  beforeAll(() => process.on('unhandledRejection', onUnhandled));
  afterAll(() => process.off('unhandledRejection', onUnhandled));
  afterEach(() => expect(unhandled).toEqual([]));

  const viewCalls = (since: number) =>
    slack.calls.slice(since).filter((c) => c.method.startsWith('views.'));

  it('`declare` from someone never seen opens "Loading…" before anything is read, then shows the refusal in it', async () => {
    const stranger = slackSession(() => bot().url, slack, {
      team: STRANGER_TEAM,
      channel: 'C0NOGROUP',
    });
    const atOpen: Record<string, number> = {};
    slack.answerNext('views.open', {
      // Held until the database has been looked at: the bot is waiting on this call.
      before: async () => {
        atOpen.organisations = await organisationModel(db()).countDocuments({
          platformTenantId: STRANGER_TEAM,
        });
        atOpen.people = await personModel(db()).countDocuments({ platformUserId: STRANGER.id });
      },
    });
    const since = slack.calls.length;
    const answered = await stranger.slash(STRANGER, 'declare');
    // Nothing about this workspace or person was on file when the modal opened.
    expect(atOpen).toEqual({ organisations: 0, people: 0 });
    expect(await personModel(db()).countDocuments({ platformUserId: STRANGER.id })).toBe(1);

    const [opened, filled] = viewCalls(since);
    expect(opened?.method).toBe('views.open');
    expect(viewOf(opened!).callback_id).toBe(LOADING_CALLBACK_ID);
    expect(filled?.method).toBe('views.update');
    expect(filled?.body.view_id).toBe('V0OPENED');
    expect(viewOf(filled!).callback_id).toBe(MESSAGE_CALLBACK_ID);
    expect(filled?.text).toContain('group');
    // The refusal is also the command's answer, to the asker alone.
    expect(answered.body.response_type).toBe('ephemeral');
    expect(answered.body.replace_original).toBe(true);
  });

  it('`declare` in a group channel: views.open with "Loading…", then views.update with the form', async () => {
    expect((await slash(OFFICER, 'group create "Timing Panel" preset:torus-tims')).text).toContain(
      'Timing Panel',
    );
    const group = await groupModel(db()).findOne({ name: 'Timing Panel' }).lean();
    const since = slack.calls.length;
    const answered = await slash(OFFICER, 'declare');
    expect(answered.text).toContain('The form is open');
    const calls = viewCalls(since);
    expect(calls.map((c) => c.method)).toEqual(['views.open', 'views.update']);
    expect(viewOf(calls[0]!).callback_id).toBe(LOADING_CALLBACK_ID);
    const form = viewOf(calls[1]!);
    expect(form.callback_id).toBe('declaration-form');
    expect(JSON.parse(form.private_metadata)).toEqual({ groupId: group?._id });
    // The placeholder was answered after the modal was filled, not before.
    const placeholder = slack.calls.indexOf(answered);
    expect(slack.calls.indexOf(calls[1]!)).toBeLessThan(placeholder);
  });

  it('`standards import` opens its file form the same way', async () => {
    const since = slack.calls.length;
    expect((await slash(OFFICER, 'standards import')).text).toContain('The form is open');
    const calls = viewCalls(since);
    expect(calls.map((c) => viewOf(c).callback_id)).toEqual([
      LOADING_CALLBACK_ID,
      'standards-upload',
    ]);
  });

  it('the "Fill in the checklist" and "Declare" buttons open "Loading…" first; a refused one shows why in it', async () => {
    const group = await groupModel(db()).findOne({ name: 'Timing Panel' }).lean();
    let since = slack.calls.length;
    const form = await click(
      OFFICER,
      `declaration.open:${group?._id}`,
      { groupId: group?._id },
      'modal',
    );
    expect(viewCalls(since).map((c) => viewOf(c).callback_id)).toEqual([
      LOADING_CALLBACK_ID,
      'declaration-form',
    ]);
    expect(form[0]?.method).toBe('views.update');

    since = slack.calls.length;
    const refused = await click(OFFICER, 'findings.open:C-404', { ref: 'C-404' });
    const calls = viewCalls(since);
    expect(calls.map((c) => c.method)).toEqual(['views.open', 'views.update']);
    expect(viewOf(calls[0]!).callback_id).toBe(LOADING_CALLBACK_ID);
    expect(viewOf(calls[1]!).callback_id).toBe(MESSAGE_CALLBACK_ID);
    expect(refused.at(-1)?.body.response_type).toBe('ephemeral');
    expect(refused.at(-1)?.body.replace_original).toBe(false);
  });

  it('an expired trigger_id: the person is told, ephemerally, to try again, and nothing breaks', async () => {
    slack.answerNext('views.open', { body: { ok: false, error: 'expired_trigger_id' } });
    let since = slack.calls.length;
    const answered = await slash(OFFICER, 'declare');
    expect(answered.body).toMatchObject({
      response_type: 'ephemeral',
      replace_original: true,
      text: FORM_NOT_OPENED_TEXT,
    });
    expect(viewCalls(since).map((c) => c.method)).toEqual(['views.open']);

    // A button, and a button that asks a question first, the same.
    const group = await groupModel(db()).findOne({ name: 'Timing Panel' }).lean();
    slack.answerNext('views.open', { body: { ok: false, error: 'expired_trigger_id' } });
    since = slack.calls.length;
    const clicked = await click(OFFICER, `declaration.open:${group?._id}`, {
      groupId: group?._id,
    });
    expect(clicked.at(-1)?.body).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
      text: FORM_NOT_OPENED_TEXT,
    });
    expect(viewCalls(since).map((c) => c.method)).toEqual(['views.open']);
    slack.answerNext('views.open', { body: { ok: false, error: 'expired_trigger_id' } });
    const asked = await click(OFFICER, 'check.decline:C-1', { ref: 'C-1' });
    expect(asked.at(-1)?.text).toContain(FORM_NOT_OPENED_TEXT);

    // And the bot carries on.
    expect((await slash(OFFICER, 'help')).text).toContain('group create');
  });

  it('a submission whose work outlasts Slack’s 3 seconds is acknowledged in time and answered by DM', async () => {
    // Fetching the chosen file from Slack takes 4 s here.
    nock('https://files.slack.com')
      .get('/files-pri/T0TIMING-F1/download/slow.csv')
      .delay(4000)
      .reply(200, STANDARDS_CSV);
    const since = slack.calls.length;
    const res = await submit(
      OFFICER,
      'standards-upload',
      {},
      {
        file: {
          type: 'file_input',
          files: [
            {
              id: 'F1',
              name: 'slow.csv',
              url_private_download:
                'https://files.slack.com/files-pri/T0TIMING-F1/download/slow.csv',
            },
          ],
        },
      },
    );
    expect(res.status).toBe(200);
    // Acknowledged without errors (the modal closes); the outcome follows by DM.
    expect(res.text).toBe('');
    const told = await session.dmTo(since, 'Standards imported');
    expect(told.body.channel).toBe(OFFICER.id);
    expect(await standardModel(db()).countDocuments({ key: 'emergency-repairs' })).toBe(1);
  }, 15_000);

  it('a slow submission that is refused is told by DM, since its form has closed', async () => {
    nock('https://files.slack.com')
      .get('/files-pri/T0TIMING-F2/download/slow.json')
      .delay(4000)
      .reply(200, 'this is not a table of standards');
    const since = slack.calls.length;
    const res = await submit(
      OFFICER,
      'standards-upload',
      {},
      {
        file: {
          type: 'file_input',
          files: [
            {
              id: 'F2',
              name: 'slow.json',
              url_private_download:
                'https://files.slack.com/files-pri/T0TIMING-F2/download/slow.json',
            },
          ],
        },
      },
    );
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const told = await slack.next(
      (c: SlackCall) => c.method === 'chat.postMessage' && c.body.channel === OFFICER.id,
      since,
    );
    expect(told.text).not.toContain('Standards imported');
    expect(told.text.length).toBeGreaterThan(0);
  }, 15_000);

  it('a fast submission that is refused still comes back inline beside its field', async () => {
    const res = await submit(
      OFFICER,
      'standards-upload',
      {},
      {
        file: {
          type: 'file_input',
          files: [
            { id: 'F3', name: 'x.csv', url_private_download: 'https://elsewhere.example/x.csv' },
          ],
        },
      },
    );
    expect(res.json()).toEqual({
      response_action: 'errors',
      errors: { file: 'That file is not on Slack.' },
    });
  });
});
