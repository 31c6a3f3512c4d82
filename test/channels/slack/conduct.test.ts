import nock from 'nock';
import { ballotModel, voteModel } from '../../../src/store/conduct/ballot-model';
import { conductEventModel } from '../../../src/store/conduct/conduct-event-model';
import { membershipModel } from '../../../src/store/people/membership-model';
import { personModel } from '../../../src/store/people/person-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork } from '../../support/http';
import { captureSlack, slackEnv } from '../../support/slack';
import { slackSession, type Who } from '../../support/slack-session';

const TEAM = 'T0CONDUCT';
const OFFICER = { id: 'U0FAY', name: 'fay' };
const SUBJECT = { id: 'U0SAM', name: 'sam' };
const VOTERS = [
  { id: 'U0ANN', name: 'ann' },
  { id: 'U0BOB', name: 'bob' },
  { id: 'U0CAT', name: 'cat' },
];
const mention = (who: Who) => `<@${who.id}|${who.name}>`;

describe('Slack: the code-of-conduct ladder, as each group’s policy has it', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot(
    { ...slackEnv, BOOTSTRAP_OFFICERS: OFFICER.id },
    { clock: () => new Date('2026-03-02T18:30:00Z') },
  );
  const slack = captureSlack(nock);
  beforeEach(() => slack.install());
  const southampton = slackSession(() => bot().url, slack, { team: TEAM, channel: 'C0SOTON' });
  const trafford = slackSession(() => bot().url, slack, { team: TEAM, channel: 'C0TRAFFORD' });
  const db = () => bot().connection;
  const personOf = async (who: Who) =>
    (await personModel(db()).findOne({ platformUserId: who.id }).lean())?._id;

  it('Southampton: three warnings, then the members present vote to ask the member to leave, then to bar them', async () => {
    const { slash, click, dmTo } = southampton;
    await slash(OFFICER, 'group create "Tenant Inspectors" preset:southampton-ti');
    for (const who of [SUBJECT, ...VOTERS])
      await slash(
        OFFICER,
        `group add ${mention(who)} role:member tenure:tenant since:2020-01-01 area:Shirley`,
      );
    // Only members who may take part vote (trained, the code of conduct signed, over 18).
    for (const who of VOTERS)
      expect(
        (
          await slash(
            OFFICER,
            `member record ${mention(who)} training:2025-01-01 conduct:2025-01-01 over18:yes`,
          )
        ).text,
      ).toContain(`recorded for ${who.name}`);
    const present = await slash(
      OFFICER,
      `attendance ${[SUBJECT, ...VOTERS].map(mention).join(' ')}`,
    );
    expect(present.text).toContain('Present at today’s meeting: sam, ann, bob, cat.');

    expect(
      (await slash(OFFICER, `conduct vote ${mention(SUBJECT)} action:leave-meeting`)).text,
    ).toContain('The policy gives 3 warnings at a meeting before a vote; 0 have been given');
    const warned = slack.calls.length;
    expect(
      (await slash(OFFICER, `conduct warn ${mention(SUBJECT)} "Talking over the chair"`)).text,
    ).toContain('sam is warned to leave the meeting (warning 1 of 3).');
    await dmTo(warned, 'You have been given a code-of-conduct warning (1 of 3)');
    // A member asking for a vote is told only that they may not: nothing of the warnings.
    const asked = await slash(VOTERS[0]!, `conduct vote ${mention(SUBJECT)} action:leave-meeting`);
    expect(asked.text).toContain('Only an officer or the chair can open a ballot.');
    expect(asked.text).not.toMatch(/warning|given|ballot about/i);
    await slash(OFFICER, `conduct warn ${mention(SUBJECT)} "Still talking over the chair"`);
    await slash(OFFICER, `conduct warn ${mention(SUBJECT)} "Personal remarks to a member"`);
    expect((await slash(OFFICER, `conduct warn ${mention(SUBJECT)} "Again"`)).text).toContain(
      'All 3 warnings have been given',
    );
    expect((await slash(VOTERS[0]!, `conduct warn ${mention(SUBJECT)} "x"`)).text).toContain(
      'Only an officer can give a conduct warning.',
    );

    const opened = await slash(OFFICER, `conduct vote ${mention(SUBJECT)} action:leave-meeting`);
    expect(opened.body.response_type).toBe('in_channel');
    expect(opened.text).toContain('Should sam be asked to leave this meeting?');
    expect(opened.text).toContain('3 members may vote');
    const ballot = await ballotModel(db()).findOne({ question: 'asked-to-leave' }).lean();
    const vote = (who: Who, choice: 'yes' | 'no') =>
      click(who, `ballot.vote:${ballot?._id}:${choice}`, { ballotId: ballot?._id, choice });

    const own = await vote(SUBJECT, 'no');
    expect(own[0]?.text).toContain('You cannot vote on a question about yourself.');
    const first = await vote(VOTERS[0]!, 'yes');
    // The ballot card is the channel's: the voter is told privately and the card stays.
    expect(first).toHaveLength(1);
    expect(first[0]?.body).toMatchObject({ replace_original: false, response_type: 'ephemeral' });
    expect(first[0]?.text).toContain('your vote is counted');
    expect((await vote(VOTERS[0]!, 'no'))[0]?.text).toContain('You have already voted');
    await vote(VOTERS[1]!, 'yes');
    const closing = slack.calls.length;
    await vote(VOTERS[2]!, 'no');
    const result = await slack.next(
      (c) =>
        c.method === 'chat.postMessage' &&
        c.body.channel === 'C0SOTON' &&
        c.text.includes('Ballot result'),
      closing,
    );
    expect(result.text).toContain('Carried');
    expect(result.text).toContain('Yes 2 · No 1 · Abstain 0');
    await dmTo(closing, 'You are asked to leave this meeting.');
    // A secret ballot's votes go once it is counted: only the totals stay.
    expect(await voteModel(db()).countDocuments({ ballotId: ballot?._id })).toBe(0);

    await slash(OFFICER, `conduct vote ${mention(SUBJECT)} action:bar period:6m`);
    const bar = await ballotModel(db()).findOne({ question: 'barred-for-a-period' }).lean();
    for (const who of VOTERS)
      await click(who, `ballot.vote:${bar?._id}:yes`, { ballotId: bar?._id, choice: 'yes' });
    await slack.next(
      (c) =>
        c.method === 'chat.postMessage' && c.text.includes('You are barred from Tenant Inspectors'),
    );
    const membership = await membershipModel(db())
      .findOne({ personId: await personOf(SUBJECT) })
      .lean();
    expect(membership?.status).toMatchObject({ kind: 'barred', until: '2026-09-02' });

    const history = await slash(OFFICER, `conduct history ${mention(SUBJECT)}`);
    for (const line of [
      'Warning 1: Talking over the chair',
      'Warning 3',
      'Asked to leave the meeting',
      'Barred until 2026-09-02',
    ])
      expect(history.text).toContain(line);
    expect((await slash(VOTERS[0]!, `conduct history ${mention(SUBJECT)}`)).text).toContain(
      'Only an officer or the chair can see a member’s conduct history.',
    );
  });

  it('Trafford: a breach is referred to the Nominations Committee, who are told', async () => {
    const { slash, dmTo, click, submit, viewOf, typed } = trafford;
    await slash(OFFICER, 'group create "Quality and Insight Panel" preset:trafford-qip');
    const committee = { id: 'U0NOM', name: 'nora' };
    const member = { id: 'U0MEL', name: 'mel' };
    await slash(OFFICER, `group add ${mention(member)} role:member tenure:tenant since:2019-01-01`);
    expect(
      (
        await slash(
          OFFICER,
          `group add ${mention(committee)} role:committee tenure:tenant since:2018-01-01`,
        )
      ).text,
    ).toContain('nora is now in the group as committee');
    expect((await slash(OFFICER, `conduct warn ${mention(member)} "x"`)).text).toContain(
      'This group’s policy has no warnings.',
    );
    const referred = slack.calls.length;
    const answer = await slash(OFFICER, `conduct refer ${mention(member)}`);
    expect(answer.text).toContain('mel is referred to');
    const toCommittee = await dmTo(referred, 'has been referred to');
    expect(toCommittee.text).toContain('conduct.outcome');

    // The committee records what its investigation found, from the button on that message.
    const subjectId = await personOf(member);
    const membership = await membershipModel(db()).findOne({ personId: subjectId }).lean();
    const about = { groupId: membership?.groupId, subjectId };
    const opened = await click(committee, `conduct.outcome:${subjectId}`, about, 'modal');
    const ask = viewOf(opened[0]!);
    expect(ask.callback_id).toBe('ask:conduct.outcome');
    const metadata = JSON.parse(ask.private_metadata) as Record<string, unknown>;
    const recorded = await submit(committee, ask.callback_id, metadata, {
      outcome: typed('Confidential tenant details were shared; membership ends.'),
      remove: { type: 'static_select', selected_option: { value: 'yes' } },
    });
    expect(recorded.status).toBe(200);
    const events = await conductEventModel(db()).find({ subjectId }).sort({ at: 1, _id: 1 }).lean();
    expect(events.map((e) => e.kind)).toEqual(['referred', 'investigation-outcome']);
    expect(
      (await membershipModel(db()).findOne({ personId: subjectId }).lean())?.status,
    ).toMatchObject({
      kind: 'withdrawn',
      reason: 'Confidential tenant details were shared; membership ends.',
    });
  });
});
