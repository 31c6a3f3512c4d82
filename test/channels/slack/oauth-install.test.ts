import nock from 'nock';
import { slackInstallationModel } from '../../../src/store/slack/installation-store';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork, post } from '../../support/http';
import { SLACK_API_URL, SLACK_SIGNING_SECRET, slackHeaders } from '../../support/slack';

const TEAM = 'T0OAUTHLANDLORD';
const OFFICER = 'U0OAUTHOFFICER';

describe('Slack OAuth: many workspaces, installations kept in MongoDB', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot({
    SLACK_SIGNING_SECRET,
    SLACK_CLIENT_ID: '1234.5678',
    SLACK_CLIENT_SECRET: 'client-secret-for-tests',
    SLACK_STATE_SECRET: 'state-secret-for-tests',
    SLACK_API_URL,
    BOOTSTRAP_OFFICERS: OFFICER,
  });
  const api = () => nock(SLACK_API_URL.replace(/\/api\/$/, ''));

  async function install(): Promise<Response> {
    const page = await fetch(`${bot().url}/api/slack/install`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const authorize = /<a href="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&') ?? '';
    const url = new URL(authorize);
    expect(url.searchParams.get('scope')).toBe(
      'commands,chat:write,im:write,app_mentions:read,files:read,files:write,channels:read,groups:read,mpim:read,users:read',
    );
    const state = url.searchParams.get('state') ?? '';
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

    api()
      .post('/api/oauth.v2.access')
      .reply(200, {
        ok: true,
        app_id: 'A0SCRUTINY',
        authed_user: { id: OFFICER },
        scope: 'commands,chat:write,im:write,app_mentions:read',
        token_type: 'bot',
        access_token: 'xoxb-oauth-landlord',
        bot_user_id: 'U0BOT',
        team: { id: TEAM, name: 'Landlord' },
        enterprise: null,
        is_enterprise_install: false,
      });
    api()
      .post('/api/auth.test')
      .optionally()
      .reply(200, { ok: true, team_id: TEAM, user_id: 'U0BOT', bot_id: 'B0BOT' });
    return fetch(
      `${bot().url}/api/slack/oauth_redirect?code=temporary-code&state=${encodeURIComponent(state)}`,
      { headers: { cookie } },
    );
  }

  it('"Add to Slack" stores the workspace installation; a forged state stores nothing', async () => {
    const forged = await fetch(`${bot().url}/api/slack/oauth_redirect?code=c&state=forged`);
    expect(forged.status).toBeGreaterThanOrEqual(400);
    expect(await slackInstallationModel(bot().connection).countDocuments({})).toBe(0);

    const done = await install();
    expect(done.status).toBe(200);
    const stored = await slackInstallationModel(bot().connection).findById(`T:${TEAM}`).lean();
    expect(stored).toMatchObject({ teamId: TEAM, installedBy: OFFICER, botUserId: 'U0BOT' });
  });

  it('a command from that workspace is answered, and its DMs go out with that workspace’s token', async () => {
    const hook = 'https://hooks.slack.test.example';
    const answered = new Promise<Record<string, unknown>>((resolve) => {
      nock(hook)
        .post('/commands/oauth/1', (body: Record<string, unknown>) => {
          resolve(body);
          return true;
        })
        .reply(200, 'ok');
    });
    const tokens: string[] = [];
    const welcomed = new Promise<void>((resolve) => {
      api()
        .post('/api/conversations.open')
        .reply(function () {
          tokens.push(String(this.req.headers.authorization));
          return [200, { ok: true, channel: { id: 'D0MEMBER' } }];
        });
      api()
        .post('/api/chat.postMessage')
        .reply(function () {
          tokens.push(String(this.req.headers.authorization));
          resolve();
          return [200, { ok: true, ts: '1.1' }];
        });
    });
    const slash = (text: string, n: number) =>
      new URLSearchParams({
        team_id: TEAM,
        channel_id: 'C0PANEL',
        channel_name: 'panel',
        user_id: OFFICER,
        user_name: 'olive',
        command: '/scrutiny',
        text,
        response_url: `${hook}/commands/oauth/${n}`,
        trigger_id: `t-${n}`,
        api_app_id: 'A0SCRUTINY',
      }).toString();
    const body = slash('group create "Landlord Panel" preset:torus-tims', 1);
    const res = await post(
      `${bot().url}/api/slack/commands`,
      body,
      slackHeaders(body, 'application/x-www-form-urlencoded'),
    );
    expect(res.status).toBe(200);
    expect(JSON.stringify(await answered)).toContain('Landlord Panel');

    const added = new Promise<Record<string, unknown>>((resolve) => {
      nock(hook)
        .post('/commands/oauth/2', (body: Record<string, unknown>) => {
          resolve(body);
          return true;
        })
        .reply(200, 'ok');
    });
    const add = slash('group add <@U0MEMBER|megan> role:member tenure:tenant since:2019-01-01', 2);
    await post(
      `${bot().url}/api/slack/commands`,
      add,
      slackHeaders(add, 'application/x-www-form-urlencoded'),
    );
    expect(JSON.stringify(await added)).toContain('megan');
    await welcomed;
    expect(tokens).toEqual(['Bearer xoxb-oauth-landlord', 'Bearer xoxb-oauth-landlord']);
  });

  it('a workspace that uninstalls the app has its installation removed', async () => {
    const body = JSON.stringify({
      type: 'event_callback',
      team_id: TEAM,
      api_app_id: 'A0SCRUTINY',
      event_id: 'Ev0UNINSTALL',
      event_time: 1760000000,
      event: { type: 'app_uninstalled', event_ts: '1.9' },
      authorizations: [{ team_id: TEAM, user_id: 'U0BOT', is_bot: true }],
    });
    const res = await post(
      `${bot().url}/api/slack/events`,
      body,
      slackHeaders(body, 'application/json'),
    );
    expect(res.status).toBe(200);
    expect(await slackInstallationModel(bot().connection).countDocuments({})).toBe(0);
  });
});
