import nock from 'nock';
import { conductEventModel } from '../../../src/store/conduct/conduct-event-model';
import { declarationModel } from '../../../src/store/declarations/declaration-model';
import { groupModel } from '../../../src/store/groups/group-model';
import { organisationModel } from '../../../src/store/organisations/organisation-model';
import { personModel } from '../../../src/store/people/person-model';
import { reviewModel } from '../../../src/store/reviews/review-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork, post } from '../../support/http';
import {
  personalChatOf,
  sentPrivatelyTo,
  shown,
  teamsChannel,
  type TeamsUser,
} from '../../support/teams';

/*
 * What Teams really does that the happy path never showed: every post in a channel is a thread
 * of its own, redelivery repeats an activity's id, a field can arrive as the wrong type, a file
 * URL is the sender's to choose, and a shared channel has no "only you can see this".
 */
const SERVICE = 'https://smba.behaves.example';
const TENANT = 'tenant-behaves';
const CHANNEL = '19:4a95f7d8db4c4e7fae857bcebe0623e6@thread.tacv2';
const TEAM = '19:8c7b0e2f1a3d4c5b9e6f7a8b9c0d1e2f@thread.tacv2';
const OFFICER: TeamsUser = { aad: '77777777-7777-4777-8777-777777777701', name: 'Olu Officer' };
const MEMBER: TeamsUser = { aad: '77777777-7777-4777-8777-777777777702', name: 'Mo Member' };
const SUBJECT: TeamsUser = { aad: '77777777-7777-4777-8777-777777777703', name: 'Sol Subject' };

const teams = teamsChannel({ service: SERVICE, tenant: TENANT, channel: CHANNEL, team: TEAM });

describe('Teams as it really behaves, over HTTP', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot(
    { BOOTSTRAP_OFFICERS: OFFICER.aad },
    { clock: () => new Date('2026-03-02T18:30:00Z') },
  );
  const send = (body: unknown) =>
    post(`${bot().url}/api/messages`, JSON.stringify(body), { 'content-type': 'application/json' });
  const db = () => bot().connection;
  /** Adds `who` to the panel, and gives the officer's warning to them, not yet sent. */
  const memberToWarn = async (who: TeamsUser, reason: string) => {
    await send(
      teams.command(
        OFFICER,
        `<at>Scrutiny</at> group add <at>${who.name}</at> role:member tenure:tenant since:2020-01-01 area:Bitterne`,
        [who],
      ),
    );
    return teams.command(
      OFFICER,
      `<at>Scrutiny</at> conduct warn <at>${who.name}</at> "${reason}"`,
      [who],
    );
  };

  it('a group made from one post in a channel answers every later post, each a thread of its own', async () => {
    const sent = teams.capture();
    const first = teams.command(
      OFFICER,
      '<at>Scrutiny</at> group create "Behaves Panel" preset:southampton-ti',
    );
    expect(first.conversation.id).toBe(`${CHANNEL};messageid=${first.id}`);
    expect((await send(first)).status).toBe(200);
    const group = await groupModel(db()).findOne({ name: 'Behaves Panel' }).lean();
    expect(group?.conversationId).toBe(CHANNEL);

    const later = teams.command(
      OFFICER,
      `<at>Scrutiny</at> group add <at>${MEMBER.name}</at> role:member tenure:tenant since:2020-01-01 area:Shirley`,
      [MEMBER],
    );
    expect(later.conversation.id).not.toBe(first.conversation.id);
    await send(later);
    expect(sent.map(shown).join('\n')).toContain('Mo Member is now in the group');
    expect(sent.map(shown).join('\n')).not.toContain('not tied to a group');
    // The reply went into the new post's thread.
    expect(sent.some((s) => s.conversation === later.conversation.id)).toBe(true);
  });

  it('a redelivered message takes effect once: one review, and no second answer in the channel', async () => {
    const sent = teams.capture();
    const open = teams.command(
      OFFICER,
      '<at>Scrutiny</at> review open "Repairs first time" type:light',
    );
    expect((await send(open)).status).toBe(200);
    const answered = sent.length;
    // The Bot Connector retries with the same activity id when it did not hear back in time.
    expect((await send(open)).status).toBe(200);
    expect(await reviewModel(db()).countDocuments({ 'review.title': 'Repairs first time' })).toBe(
      1,
    );
    expect(sent.length).toBe(answered);
  });

  it('a conduct warning delivered twice is recorded once', async () => {
    teams.capture();
    const warn = await memberToWarn(SUBJECT, 'Talking over the chair');
    await Promise.all([send(warn), send(warn), send(warn)]);
    const subject = await personModel(db()).findOne({ platformUserId: SUBJECT.aad }).lean();
    expect(await conductEventModel(db()).countDocuments({ subjectId: subject?._id })).toBe(1);
  });

  it('a warning whose turn failed part-way is recorded once when Teams sends it again', async () => {
    const sent = teams.capture();
    const LATE: TeamsUser = { aad: '77777777-7777-4777-8777-777777777704', name: 'Lee Late' };
    const warn = await memberToWarn(LATE, 'Arriving after the vote');
    // The warning is stored, then Teams refuses the turn's answer: the turn fails part-way.
    teams.failNext(403);
    await send(warn);
    const late = await personModel(db()).findOne({ platformUserId: LATE.aad }).lean();
    const warnings = () => conductEventModel(db()).find({ subjectId: late?._id }).lean();
    expect(await warnings()).toHaveLength(1);
    const before = sent.length;
    // The Bot Connector sends the activity again, same id. Its first run wrote the warning, so
    // it is not given again; the officer, who never had an answer, is told it was acted on.
    expect((await send(warn)).status).toBe(200);
    expect(await warnings()).toHaveLength(1);
    expect(sent.slice(before).map(shown).join('\n')).toContain(
      'That request reached me twice; I have acted on it once.',
    );
    // A third delivery finds it finished, and is answered with nothing.
    const after = sent.length;
    expect((await send(warn)).status).toBe(200);
    expect(sent.length).toBe(after);
    expect(await warnings()).toHaveLength(1);
  });

  it('ten identical card submissions at once store one declaration, and every one is answered', async () => {
    teams.capture();
    const group = await groupModel(db()).findOne({ name: 'Behaves Panel' }).lean();
    const submit = teams.invoke(MEMBER, 'declaration.submit', {
      groupId: group?._id,
      kind: 'relative-on-staff',
      detail: 'My brother works in repairs',
    });
    const answers = await Promise.all(Array.from({ length: 10 }, () => send(submit)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    const member = await personModel(db()).findOne({ platformUserId: MEMBER.aad }).lean();
    expect(await declarationModel(db()).countDocuments({ personId: member?._id })).toBe(1);
  });

  it('refuses, with 400 and nothing stored, an activity whose ids are not strings', async () => {
    teams.capture();
    const before = await organisationModel(db()).countDocuments({});
    for (const forged of [
      { channelData: { tenant: { id: { $ne: null } } } },
      { from: { id: '29:1stranger', aadObjectId: { $ne: null }, name: 'Stranger' } },
      { conversation: { id: { $gt: '' }, conversationType: 'channel' } },
    ]) {
      const res = await send({ ...teams.command(OFFICER, 'help'), ...forged });
      expect(res.status).toBe(400);
      expect(res.text).toMatch(/must be a string/);
    }
    const badInvoke = await send({
      ...teams.invoke(OFFICER, 'ballot.vote', {}),
      value: { action: { type: 'Action.Execute', verb: { $ne: null } } },
    });
    expect(badInvoke.status).toBe(400);
    expect(await organisationModel(db()).countDocuments({})).toBe(before);
  });

  it('fetches an attachment only for standards import, and only from Teams’ file hosts', async () => {
    const sent = teams.capture();
    // Any other message with a .csv is never fetched: nock would fail the test on a request.
    const internal = nock('http://169.254.169.254').get(/.*/).reply(200, 'secret');
    await send(
      teams.activity(MEMBER, '<at>Scrutiny</at> mine', {
        attachments: [
          {
            contentType: 'text/csv',
            name: 'x.csv',
            contentUrl: 'http://169.254.169.254/latest/meta-data',
          },
        ],
      }),
    );
    // standards import from an officer, but the URL is not Teams': refused without a fetch.
    const refused = teams.nextSent((s) => shown(s).includes('came from elsewhere'));
    await send(
      teams.activity(OFFICER, '<at>Scrutiny</at> standards import', {
        attachments: [
          {
            contentType: 'application/vnd.microsoft.teams.file.download.info',
            name: 'offers.csv',
            content: { downloadUrl: 'http://169.254.169.254/latest/meta-data/offers.csv' },
          },
        ],
      }),
    );
    expect(shown(await refused)).not.toContain('secret');
    expect(internal.isDone()).toBe(false);
    expect(sent.map(shown).join('\n')).not.toContain('secret');

    // A file over 2 MB from SharePoint is cut off, not read whole.
    nock('https://landlord-my.sharepoint.com')
      .get('/personal/olu/big.csv')
      .reply(200, 'key,title\n' + 'x'.repeat(2_100_000));
    const tooBig = teams.nextSent((s) => shown(s).includes('larger than 2 MB'));
    await send(
      teams.activity(OFFICER, '<at>Scrutiny</at> standards import', {
        attachments: [
          {
            contentType: 'application/vnd.microsoft.teams.file.download.info',
            name: 'big.csv',
            content: { downloadUrl: 'https://landlord-my.sharepoint.com/personal/olu/big.csv' },
          },
        ],
      }),
    );
    await tooBig;
  });

  it('answers a failing card action with an error status and posts no apology into the channel', async () => {
    const sent = teams.capture();
    const res = await send({
      ...teams.invoke(MEMBER, 'ballot.vote', {}),
      value: { action: { type: 'Action.Execute', verb: 'ballot.vote', data: 'not an object' } },
    });
    expect(res.status).toBe(400);
    expect(
      sent
        .filter((s) => s.conversation?.startsWith(CHANNEL))
        .map(shown)
        .join(),
    ).not.toMatch(/something went wrong/i);
  });

  it('sends answers meant for one person to their own chat, with only a pointer in the channel', async () => {
    const sent = teams.capture();
    await send(teams.command(MEMBER, '<at>Scrutiny</at> mine'));
    expect(sentPrivatelyTo(sent, MEMBER)).toHaveLength(1);
    const inChannel = sent.filter((s) => s.conversation !== personalChatOf(MEMBER));
    expect(inChannel.map(shown)).toEqual(['"I’ve sent you the details in our private chat."']);

    // A member of the panel asks for another member's conduct history: refused, privately.
    await send(
      teams.command(MEMBER, `<at>Scrutiny</at> conduct history <at>${SUBJECT.name}</at>`, [
        SUBJECT,
      ]),
    );
    expect(
      sent
        .filter((s) => s.conversation?.startsWith(CHANNEL))
        .map(shown)
        .join(),
    ).not.toContain('Talking over the chair');
  });
});
