import nock from 'nock';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork } from '../../support/http';
import { captureSlack, slackEnv } from '../../support/slack';
import { slackSession } from '../../support/slack-session';

/**
 * Fixtures follow Slack's reference pages:
 * - conversations.members answers a page of user ids and `response_metadata.next_cursor`,
 *   empty on the last page (https://docs.slack.dev/reference/methods/conversations.members);
 *   it needs channels:read, groups:read or mpim:read by the kind of conversation, and a
 *   private channel the bot is not in answers `{ok: false, error: 'not_in_channel'}`;
 * - users.info answers the user object, whose `is_bot` marks bot users
 *   (https://docs.slack.dev/reference/methods/users.info);
 * - a slash command's answer through its response_url is seen by the channel with
 *   `response_type: in_channel`, by the person alone with `ephemeral`
 *   (https://docs.slack.dev/interactivity/implementing-slash-commands).
 */
const TEAM = 'T0PRIVATE';
const CHANNEL = 'C0PRIVATE';
const OFFICER = { id: 'U0POFFICER', name: 'olive' };
const MEMBER = { id: 'U0PMEMBER', name: 'mina' };
const OUTSIDER = 'U0POUTSIDER';
const OTHER_BOT = 'U0PBOTUSER';
const OUR_BOT = 'U0BOT'; // captureSlack's auth.test answer

describe('Slack: answers meant for one person reach only that person', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot({ ...slackEnv, BOOTSTRAP_OFFICERS: OFFICER.id });
  const slack = captureSlack(nock);
  beforeEach(() => slack.install());
  const { slash } = slackSession(() => bot().url, slack, { team: TEAM, channel: CHANNEL });

  /** The channel's members, served two to a page so that paging is exercised. */
  function channelHolds(members: string[]) {
    slack.answerWith('conversations.members', (body) => {
      const from = Number(body.cursor ?? 0);
      const next = from + 2 < members.length ? String(from + 2) : '';
      return {
        ok: true,
        members: members.slice(from, from + 2),
        response_metadata: { next_cursor: next },
      };
    });
    slack.answerWith('users.info', (body) => ({
      ok: true,
      user: { id: body.user, is_bot: body.user === OTHER_BOT },
    }));
  }
  const asked = (method: string, since: number) =>
    slack.calls.slice(since).filter((c) => c.method === method);

  it('sets up a group of an officer and one member', async () => {
    expect(
      (await slash(OFFICER, 'group create "Privacy Panel" preset:southampton-ti')).text,
    ).toContain('Privacy Panel');
    const added = await slash(
      OFFICER,
      `group add <@${MEMBER.id}|${MEMBER.name}> role:member tenure:tenant since:2020-01-01 area:Shirley`,
    );
    expect(added.text).toContain('mina is now in the group');
  });

  it('`mine` is answered to the asker alone', async () => {
    const mine = await slash(MEMBER, 'mine');
    expect(mine.text).toContain('waiting on you');
    expect(mine.body.response_type).toBe('ephemeral');
  });

  it('`conduct history` (a member’s warnings and their reasons) is answered to the asker alone', async () => {
    const history = await slash(OFFICER, `conduct history <@${MEMBER.id}|${MEMBER.name}>`);
    expect(history.text).toContain('conduct');
    expect(history.body.response_type).toBe('ephemeral');
  });

  it('`register` in a channel where someone is outside the group goes to the asker alone', async () => {
    channelHolds([OFFICER.id, OUR_BOT, MEMBER.id, OUTSIDER]);
    const since = slack.calls.length;
    const register = await slash(MEMBER, 'register');
    expect(register.text).toContain('declared an interest');
    expect(register.body.response_type).toBe('ephemeral');
    // Every page was asked for, of this channel, the second with the first's cursor.
    const pages = asked('conversations.members', since);
    expect(pages.map((c) => [c.body.channel, c.body.cursor])).toEqual([
      [CHANNEL, undefined],
      [CHANNEL, '2'],
    ]);
    expect(asked('users.info', since).map((c) => c.body.user)).toEqual([OUTSIDER]);
  });

  it('`register` in a channel of the group’s people only (and bots) is shown to the channel', async () => {
    channelHolds([OFFICER.id, OUR_BOT, MEMBER.id, OTHER_BOT, 'USLACKBOT']);
    const since = slack.calls.length;
    const register = await slash(MEMBER, 'register');
    expect(register.body.response_type).toBe('in_channel');
    expect(asked('conversations.members', since)).toHaveLength(3);
    expect(asked('users.info', since).map((c) => c.body.user)).toEqual([OTHER_BOT]);
  });

  it('`register` where Slack will not say who is in the channel goes to the asker alone', async () => {
    slack.answerWith('conversations.members', () => ({ ok: false, error: 'not_in_channel' }));
    const register = await slash(MEMBER, 'register');
    expect(register.body.response_type).toBe('ephemeral');
  });

  it('a command whose answer is for everyone is still shown to the channel, without asking Slack who is there', async () => {
    const since = slack.calls.length;
    const standards = await slash(MEMBER, 'standards');
    expect(standards.body.response_type).toBe('in_channel');
    expect(asked('conversations.members', since)).toEqual([]);
  });
});
