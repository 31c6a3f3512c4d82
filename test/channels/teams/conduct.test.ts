import { ballotModel } from '../../../src/store/conduct/ballot-model';
import { membershipModel } from '../../../src/store/people/membership-model';
import { personModel } from '../../../src/store/people/person-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork, post } from '../../support/http';
import { chatIdOf, shown, teamsChannel, type TeamsUser } from '../../support/teams';

const OFFICER: TeamsUser = { aad: '55555555-5555-4555-8555-555555555501', name: 'Fay Facilitator' };
const SUBJECT: TeamsUser = { aad: '55555555-5555-4555-8555-555555555502', name: 'Sam Patel' };
const VOTERS: TeamsUser[] = ['Ann', 'Bob', 'Cat'].map((name, i) => ({
  aad: `55555555-5555-4555-8555-55555555551${i}`,
  name: `${name} Member`,
}));

describe('Teams: the Southampton conduct ladder over HTTP', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot(
    { BOOTSTRAP_OFFICERS: OFFICER.aad },
    { clock: () => new Date('2026-03-02T18:30:00Z') },
  );
  const teams = teamsChannel({
    service: 'https://smba.conduct.example',
    tenant: 'tenant-conduct',
    channel: '19:inspectors@thread.tacv2',
  });
  const send = (body: unknown) =>
    post(`${bot().url}/api/messages`, JSON.stringify(body), { 'content-type': 'application/json' });
  const say = async (
    sent: ReturnType<typeof teams.capture>,
    from: TeamsUser,
    text: string,
    who: TeamsUser[] = [],
  ) => {
    const before = sent.length;
    expect((await send(teams.command(from, `<at>Scrutiny</at> ${text}`, who))).status).toBe(200);
    return sent.slice(before).map(shown).join('\n');
  };

  it('warnings, a vote to ask the member to leave with a per-person card, then a bar', async () => {
    const sent = teams.capture();
    await say(sent, OFFICER, 'group create "Tenant Inspectors" preset:southampton-ti');
    for (const who of [SUBJECT, ...VOTERS])
      await say(
        sent,
        OFFICER,
        `group add <at>${who.name}</at> role:member tenure:tenant since:2020-01-01 area:Shirley`,
        [who],
      );
    // Only members who may take part vote (trained, the code of conduct signed, over 18).
    for (const who of VOTERS)
      expect(
        await say(
          sent,
          OFFICER,
          `member record <at>${who.name}</at> training:2025-01-01 conduct:2025-01-01 over18:yes`,
          [who],
        ),
      ).toContain(`recorded for ${who.name}`);
    const all = [SUBJECT, ...VOTERS];
    expect(
      await say(sent, OFFICER, `attendance ${all.map((w) => `<at>${w.name}</at>`).join(' ')}`, all),
    ).toContain('Present at today’s meeting');
    for (const reason of ['Talking over the chair', 'Still talking over', 'Personal remarks'])
      await say(sent, OFFICER, `conduct warn <at>${SUBJECT.name}</at> "${reason}"`, [SUBJECT]);
    const card = await say(
      sent,
      OFFICER,
      `conduct vote <at>${SUBJECT.name}</at> action:leave-meeting`,
      [SUBJECT],
    );
    expect(card).toContain('Should Sam Patel be asked to leave this meeting?');
    expect(card).toContain('ballot.refresh');
    // refresh.userIds name Teams user ids (29:…), not AAD object ids, or no view refreshes:
    // https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/work-with-universal-actions-for-adaptive-cards
    const refresh = /"userIds":(\[[^\]]*\])/.exec(card)?.[1];
    // Teams reads userIds as a set; the database may return voters in any order.
    expect((JSON.parse(refresh ?? '[]') as string[]).sort()).toEqual(VOTERS.map(chatIdOf).sort());
    const ballot = await ballotModel(bot().connection).findOne({}).lean();

    const vote = (who: TeamsUser, choice: string) =>
      send(teams.invoke(who, 'ballot.vote', { ballotId: ballot?._id, choice }));
    const voted = await vote(VOTERS[0]!, 'yes');
    expect(JSON.stringify(voted.json())).toContain('You have voted.');
    // The card refreshes per person: one who voted sees it; one who has not still has buttons.
    const refreshed = await send(
      teams.invoke(VOTERS[1]!, 'ballot.refresh', { ballotId: ballot?._id }),
    );
    expect(JSON.stringify(refreshed.json())).toContain('ballot.vote');
    expect(JSON.stringify(refreshed.json())).not.toContain('You have voted.');
    expect(JSON.stringify((await vote(SUBJECT, 'no')).json())).toContain(
      'You cannot vote on a question about yourself.',
    );
    await vote(VOTERS[1]!, 'yes');
    const before = sent.length;
    await vote(VOTERS[2]!, 'no');
    const after = sent.slice(before).map(shown).join('\n');
    expect(after).toContain('Ballot result');
    expect(after).toContain('Carried');
    expect(after).toContain('You are asked to leave this meeting.');

    await say(sent, OFFICER, `conduct vote <at>${SUBJECT.name}</at> action:bar period:3m`, [
      SUBJECT,
    ]);
    const bar = await ballotModel(bot().connection)
      .findOne({ question: 'barred-for-a-period' })
      .lean();
    for (const who of VOTERS)
      await send(teams.invoke(who, 'ballot.vote', { ballotId: bar?._id, choice: 'yes' }));
    const subject = await personModel(bot().connection)
      .findOne({ platformUserId: SUBJECT.aad })
      .lean();
    expect(
      (await membershipModel(bot().connection).findOne({ personId: subject?._id }).lean())?.status,
    ).toMatchObject({
      kind: 'barred',
      until: '2026-06-02',
    });
    expect(
      await say(sent, OFFICER, `conduct history <at>${SUBJECT.name}</at>`, [SUBJECT]),
    ).toContain('Barred until 2026-06-02');
  });
});
