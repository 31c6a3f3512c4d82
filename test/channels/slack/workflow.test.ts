import nock from 'nock';
import { LOADING_CALLBACK_ID } from '../../../src/cards/render-slack';
import { declarationModel } from '../../../src/store/declarations/declaration-model';
import { groupModel } from '../../../src/store/groups/group-model';
import { membershipModel } from '../../../src/store/people/membership-model';
import { personModel } from '../../../src/store/people/person-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork, post } from '../../support/http';
import { SLACK_API_URL, slackEnv, slackHeaders } from '../../support/slack';

const TEAM = 'T0WORKFLOW';
const OFFICER = 'U0OFFICER';
const MEMBER = 'U0MEMBER2';
let hook = 0;

function slash(text: string, userId: string, userName: string) {
  hook += 1;
  return {
    path: `/commands/${TEAM}/${hook}/x`,
    body: new URLSearchParams({
      team_id: TEAM,
      channel_id: 'C0PANEL',
      channel_name: 'scrutiny-panel',
      user_id: userId,
      user_name: userName,
      command: '/scrutiny',
      text,
      response_url: `https://hooks.slack.test.example/commands/${TEAM}/${hook}/x`,
      trigger_id: `trigger-${hook}`,
      api_app_id: 'A0SCRUTINY',
    }).toString(),
  };
}

function responseTo(path: string): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    nock('https://hooks.slack.test.example')
      .post(path, (body: Record<string, unknown>) => {
        resolve(body);
        return true;
      })
      // A click posts twice: the updated message, then the clicker's own confirmation.
      .times(2)
      .reply(200, 'ok');
  });
}

describe('Slack: /scrutiny commands and button clicks over HTTP', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot({ ...slackEnv, BOOTSTRAP_OFFICERS: OFFICER });
  const api = () => nock(SLACK_API_URL.replace(/\/api\/$/, ''));
  const run = async (text: string, userId: string, userName: string) => {
    const { path, body } = slash(text, userId, userName);
    const answered = responseTo(path);
    const res = await post(
      `${bot().url}/api/slack/commands`,
      body,
      slackHeaders(body, 'application/x-www-form-urlencoded'),
    );
    expect(res.status).toBe(200);
    return answered;
  };

  it('an officer creates a group and adds a member, who is welcomed in a DM; a member cannot create groups', async () => {
    api()
      .post('/api/auth.test')
      .optionally()
      .reply(200, { ok: true, team_id: TEAM, user_id: 'U0BOT', bot_id: 'B0BOT' });
    const created = await run(
      'group create "Quality and Insight Panel" preset:trafford-qip',
      OFFICER,
      'olive',
    );
    expect(JSON.stringify(created)).toContain('Quality and Insight Panel');
    const group = await groupModel(bot().connection)
      .findOne({ name: 'Quality and Insight Panel' })
      .lean();
    expect(group?.conversationId).toBe('C0PANEL');

    api()
      .post('/api/conversations.open')
      .reply(200, { ok: true, channel: { id: 'D0MEMBER2' } });
    // The welcome goes out after the command is answered, so wait for it rather than race it.
    const welcomed = new Promise<Record<string, unknown>>((resolve) => {
      api()
        .post('/api/chat.postMessage', (body: Record<string, unknown>) => {
          resolve(body);
          return true;
        })
        .reply(200, { ok: true, channel: 'D0MEMBER2', ts: '1.2' });
    });
    const added = await run(
      `group add <@${MEMBER}|megan> role:member tenure:tenant since:2019-01-01`,
      OFFICER,
      'olive',
    );
    expect(JSON.stringify(added)).toContain('megan is now in the group as member');
    const person = await personModel(bot().connection).findOne({ platformUserId: MEMBER }).lean();
    expect(
      await membershipModel(bot().connection).countDocuments({
        groupId: group?._id,
        personId: person?._id,
      }),
    ).toBe(1);
    const welcome = await welcomed;
    expect(welcome.channel).toBe('D0MEMBER2');
    expect(JSON.stringify(welcome)).toContain('onboarding.confirm');

    const refused = await run('group create "Shadow" preset:torus-tims', MEMBER, 'megan');
    expect(JSON.stringify(refused)).toContain('Only an officer can create a group.');
    expect(await groupModel(bot().connection).countDocuments({ name: 'Shadow' })).toBe(0);
  });

  it('a button click runs the card action for the clicker; the welcome confirmation is recorded', async () => {
    const group = await groupModel(bot().connection)
      .findOne({ name: 'Quality and Insight Panel' })
      .lean();
    const payload = JSON.stringify({
      type: 'block_actions',
      team: { id: TEAM },
      user: { id: MEMBER, name: 'megan', team_id: TEAM },
      channel: { id: 'D0MEMBER2' },
      response_url: 'https://hooks.slack.test.example/actions/1',
      trigger_id: 'trigger-click',
      actions: [
        {
          type: 'button',
          action_id: `onboarding.confirm:${group?._id}`,
          block_id: 'welcome',
          value: JSON.stringify({
            groupId: group?._id,
            over18: 'true',
            codeOfConduct: 'true',
            confidentiality: 'false',
          }),
          action_ts: '1.3',
        },
      ],
    });
    const answered = responseTo('/actions/1');
    const body = new URLSearchParams({ payload }).toString();
    const res = await post(
      `${bot().url}/api/slack/interactivity`,
      body,
      slackHeaders(body, 'application/x-www-form-urlencoded'),
    );
    expect(res.status).toBe(200);
    expect(JSON.stringify(await answered)).toContain('on record');
    const person = await personModel(bot().connection).findOne({ platformUserId: MEMBER }).lean();
    expect(person?.facts.over18Confirmed).toBe(true);
    const membership = await membershipModel(bot().connection)
      .findOne({ groupId: group?._id, personId: person?._id })
      .lean();
    expect(membership?.codeOfConductSignedOn).toBeDefined();
  });

  it('the App Home shows what is waiting on the person, the same as mine', async () => {
    api()
      .post('/api/auth.test')
      .optionally()
      .reply(200, { ok: true, team_id: TEAM, user_id: 'U0BOT', bot_id: 'B0BOT' });
    const published = new Promise<Record<string, unknown>>((resolve) => {
      api()
        .post('/api/views.publish', (body: Record<string, unknown>) => {
          resolve(body);
          return true;
        })
        .reply(200, { ok: true });
    });
    const body = JSON.stringify({
      type: 'event_callback',
      team_id: TEAM,
      api_app_id: 'A0SCRUTINY',
      event_id: 'Ev0HOME1',
      event_time: 1760000000,
      event: {
        type: 'app_home_opened',
        user: MEMBER,
        channel: 'D0MEMBER2',
        tab: 'home',
        event_ts: '1.4',
      },
      authorizations: [{ team_id: TEAM, user_id: 'U0BOT', is_bot: true }],
    });
    const res = await post(
      `${bot().url}/api/slack/events`,
      body,
      slackHeaders(body, 'application/json'),
    );
    expect(res.status).toBe(200);
    const view = await published;
    expect(view.user_id).toBe(MEMBER);
    const shown = typeof view.view === 'string' ? view.view : JSON.stringify(view.view);
    expect(shown).toContain('Waiting on you');
    expect(shown).toContain('home');
  });

  it('declare opens the form as a modal; a missing field comes back inline and stores nothing; a good one is declared', async () => {
    api()
      .post('/api/auth.test')
      .optionally()
      .reply(200, { ok: true, team_id: TEAM, user_id: 'U0BOT', bot_id: 'B0BOT' });
    const opened = new Promise<Record<string, unknown>>((resolve) => {
      api()
        .post('/api/views.open', (body: Record<string, unknown>) => {
          resolve(body);
          return true;
        })
        .reply(200, { ok: true, view: { id: 'V1' } });
    });
    // The modal opens as "Loading…" at once and is filled in with views.update.
    const filled = new Promise<Record<string, unknown>>((resolve) => {
      api()
        .post('/api/views.update', (body: Record<string, unknown>) => {
          resolve(body);
          return true;
        })
        .reply(200, { ok: true, view: { id: 'V1' } });
    });
    const answered = await run('declare', MEMBER, 'megan');
    expect(JSON.stringify(answered)).toContain('The form is open');
    const loading = JSON.parse((await opened).view as string) as { callback_id: string };
    expect(loading.callback_id).toBe(LOADING_CALLBACK_ID);
    const request = await filled;
    expect(request.view_id).toBe('V1');
    const view = JSON.parse(request.view as string) as {
      callback_id: string;
      private_metadata: string;
      blocks: unknown[];
    };
    expect(view.callback_id).toBe('declaration-form');

    const submit = (values: Record<string, unknown>) => {
      const payload = JSON.stringify({
        type: 'view_submission',
        team: { id: TEAM },
        user: { id: MEMBER, name: 'megan', team_id: TEAM },
        view: {
          id: 'V1',
          callback_id: 'declaration-form',
          private_metadata: view.private_metadata,
          state: { values },
        },
      });
      const body = new URLSearchParams({ payload }).toString();
      return post(
        `${bot().url}/api/slack/interactivity`,
        body,
        slackHeaders(body, 'application/x-www-form-urlencoded'),
      );
    };
    const db = bot().connection;
    const missing = await submit({
      kind: { value: { type: 'static_select', selected_option: { value: 'other' } } },
      detail: { value: { type: 'plain_text_input', value: '' } },
      area: { value: { type: 'plain_text_input', value: null } },
    });
    expect(missing.json()).toEqual({
      response_action: 'errors',
      errors: { detail: 'Say what the interest is.' },
    });
    expect(await declarationModel(db).countDocuments({})).toBe(0);

    const thanked = new Promise<Record<string, unknown>>((resolve) => {
      api()
        .post('/api/chat.postMessage', (body: Record<string, unknown>) => {
          resolve(body);
          return true;
        })
        .reply(200, { ok: true, channel: MEMBER, ts: '1.5' });
    });
    const good = await submit({
      kind: {
        value: { type: 'static_select', selected_option: { value: 'contractor-or-supplier-link' } },
      },
      detail: {
        value: { type: 'plain_text_input', value: 'My brother works for the gas contractor' },
      },
      area: { value: { type: 'plain_text_input', value: null } },
    });
    expect(good.status).toBe(200);
    expect(JSON.stringify(await thanked)).toContain('register');
    expect(await declarationModel(db).findOne({}).lean()).toMatchObject({
      kind: 'contractor-or-supplier-link',
      detail: 'My brother works for the gas contractor',
    });
  });
});
