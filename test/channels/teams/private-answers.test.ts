import nock from 'nock';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork, post } from '../../support/http';
import { sentPrivatelyTo, shown, teamsChannel, type TeamsUser } from '../../support/teams';

/*
 * An answer for one person asked in a channel goes to their personal chat. Teams gives the same
 * one-to-one conversation each time it is asked for one (POST /v3/conversations):
 * https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages#create-the-conversation
 */
const SERVICE = 'https://smba.private.example';
const TENANT = 'tenant-private';
const CHANNEL = '19:5b06a8e9ec5d4d7f8b968cdfcf1734f7@thread.tacv2';
const TEAM = '19:9d8c1f3a2b4e4d6c8f7a9b0c1d2e3f40@thread.tacv2';
const OFFICER: TeamsUser = { aad: '88888888-8888-4888-8888-888888888801', name: 'Ola Officer' };
const MEMBER: TeamsUser = { aad: '88888888-8888-4888-8888-888888888802', name: 'Max Member' };

const teams = teamsChannel({ service: SERVICE, tenant: TENANT, channel: CHANNEL, team: TEAM });

describe('answers for one person, over HTTP', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot({ BOOTSTRAP_OFFICERS: OFFICER.aad });
  const send = (body: unknown) =>
    post(`${bot().url}/api/messages`, JSON.stringify(body), { 'content-type': 'application/json' });

  it('asks Teams for the personal chat once, and again only when sending there fails', async () => {
    // Counted here, answered as the shared capture answers it: the member's own chat.
    const opened: string[] = [];
    nock(SERVICE)
      .persist()
      .post('/v3/conversations')
      .reply((_uri, body) => {
        const member = (body as { members?: Array<{ id?: string }> }).members?.[0]?.id ?? '';
        opened.push(member);
        return [200, { id: `a:personal-${member}` }];
      });
    const sent = teams.capture();
    await send(
      teams.command(
        OFFICER,
        '<at>Scrutiny</at> group create "Private Panel" preset:southampton-ti',
      ),
    );
    await send(
      teams.command(
        OFFICER,
        `<at>Scrutiny</at> group add <at>${MEMBER.name}</at> role:member tenure:tenant since:2020-01-01 area:Shirley`,
        [MEMBER],
      ),
    );
    const mine = () => send(teams.command(MEMBER, '<at>Scrutiny</at> mine'));
    const answers = () =>
      sentPrivatelyTo(sent, MEMBER).filter((s) => shown(s).includes('Waiting on you'));
    // The welcome card went to the member's chat already, asking for it once.
    const before = opened.length;

    expect((await mine()).status).toBe(200);
    expect((await mine()).status).toBe(200);
    expect(answers()).toHaveLength(2);
    expect(opened).toHaveLength(before + 1);

    // The chat Teams gave refuses the next message (the app was removed and added again, say):
    // the chat is asked for anew and the answer still arrives, once.
    teams.failNext(403);
    expect((await mine()).status).toBe(200);
    expect(opened).toHaveLength(before + 2);
    expect(answers()).toHaveLength(3);
  });
});
