import { conductEventModel } from '../../../src/store/conduct/conduct-event-model';
import { personModel } from '../../../src/store/people/person-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork, post } from '../../support/http';
import { shown, teamsChannel, type TeamsUser } from '../../support/teams';

const OFFICER: TeamsUser = { aad: '66666666-6666-4666-8666-666666666601', name: 'Hana Officer' };
const SUBJECT: TeamsUser = { aad: '66666666-6666-4666-8666-666666666602', name: 'Sam Hill' };
// The characters the parser strips, to show none reached the record or the chat.
// eslint-disable-next-line no-control-regex
const HIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

describe('Teams: a reason typed with hidden characters', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot({ BOOTSTRAP_OFFICERS: OFFICER.aad });
  const teams = teamsChannel({
    service: 'https://smba.hostile.example',
    tenant: 'tenant-hostile',
    channel: '19:hostile@thread.tacv2',
  });
  const send = (body: unknown) =>
    post(`${bot().url}/api/messages`, JSON.stringify(body), { 'content-type': 'application/json' });

  it('is stored and echoed without NUL, ANSI escapes or a right-to-left override', async () => {
    const sent = teams.capture();
    const say = async (text: string, who: TeamsUser[] = []) => {
      const res = await send(teams.command(OFFICER, `<at>Scrutiny</at> ${text}`, who));
      expect(res.status).toBe(200);
    };
    await say('group create "Tenant Inspectors" preset:southampton-ti');
    await say(
      `group add <at>${SUBJECT.name}</at> role:member tenure:tenant since:2020-01-01 area:Shirley`,
      [SUBJECT],
    );
    const before = sent.length;
    await say(
      `conduct warn <at>${SUBJECT.name}</at> "Talking\u0000 over \u001b[31mthe chair\u001b[0m\u202E again"`,
      [SUBJECT],
    );
    const answers = sent.slice(before);
    const everything = answers.map(shown).join('\n');
    expect(everything).toContain('Reason: Talking over the chair again');
    expect(everything).toContain(
      'You have been given a code-of-conduct warning (1 of 3): Talking over the chair again',
    );
    for (const activity of answers) {
      expect(activity.text ?? '').not.toMatch(HIDDEN);
      expect(JSON.stringify(activity)).not.toMatch(/\\u001b|\\u0000|\u202E/i);
    }

    const subject = await personModel(bot().connection)
      .findOne({ platformUserId: SUBJECT.aad })
      .lean();
    const warning = await conductEventModel(bot().connection)
      .findOne({ subjectId: subject?._id, kind: 'warned' })
      .lean();
    expect(warning?.reason).toBe('Talking over the chair again');
  });
});
