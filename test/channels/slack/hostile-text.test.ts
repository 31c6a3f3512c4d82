import nock from 'nock';
import { conductEventModel } from '../../../src/store/conduct/conduct-event-model';
import { declarationModel } from '../../../src/store/declarations/declaration-model';
import { groupModel } from '../../../src/store/groups/group-model';
import { personModel } from '../../../src/store/people/person-model';
import { reviewModel } from '../../../src/store/reviews/review-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork } from '../../support/http';
import { captureSlack, slackEnv, type SlackCall } from '../../support/slack';
import { slackSession, type Who } from '../../support/slack-session';

const TEAM = 'T0HOSTILE';
const OFFICER = { id: 'U0HOFF', name: 'hana' };
const SUBJECT = { id: 'U0HSAM', name: 'sam' };
const mention = (who: Who) => `<@${who.id}|${who.name}>`;
// The characters the parser strips, to show none reached the record or the chat.
// eslint-disable-next-line no-control-regex
const HIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

/** The `text` field as it reached Slack: a response_url post's or a Web API call's. */
const textOf = (call: SlackCall) => String(call.body.text ?? '');

describe('Slack: text people type cannot broadcast, and hides nothing', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot({ ...slackEnv, BOOTSTRAP_OFFICERS: OFFICER.id });
  const slack = captureSlack(nock);
  beforeEach(() => slack.install());
  const southampton = slackSession(() => bot().url, slack, { team: TEAM, channel: 'C0HSOTON' });
  const db = () => bot().connection;
  const personOf = async (who: Who) =>
    (await personModel(db()).findOne({ platformUserId: who.id }).lean())?._id;

  it('<!channel> in a topic or a reason reaches the in-channel reply and the DM escaped', async () => {
    const { slash, dmTo } = southampton;
    await slash(OFFICER, 'group create "Tenant Inspectors" preset:southampton-ti');
    await slash(
      OFFICER,
      `group add ${mention(SUBJECT)} role:member tenure:tenant since:2020-01-01 area:Shirley`,
    );

    // Slack sends `@channel` picked from the list as <!channel>, and a typed "<!here>" as
    // &lt;!here&gt;; the parser reads both as what was typed.
    const opened = await slash(
      OFFICER,
      'review open "<!channel> and &lt;!here&gt; repairs backlog" type:full',
    );
    expect(opened.body.response_type).toBe('in_channel');
    expect(textOf(opened)).toContain('“&lt;!channel&gt; and &lt;!here&gt; repairs backlog”');
    expect(textOf(opened)).not.toMatch(/<!channel>|<!here>/);
    // Stored as typed: escaping is for Slack, not for the record.
    expect((await reviewModel(db()).findOne({ reference: 'R-1' }).lean())?.review.title).toBe(
      '<!channel> and <!here> repairs backlog',
    );

    const since = slack.calls.length;
    const warned = await slash(
      OFFICER,
      `conduct warn ${mention(SUBJECT)} "<!channel> look at sam"`,
    );
    expect(warned.body.response_type).toBe('in_channel');
    expect(textOf(warned)).toContain('Reason: &lt;!channel&gt; look at sam');
    expect(textOf(warned)).not.toContain('<!channel>');
    const dm = await dmTo(since, 'code-of-conduct warning');
    expect(textOf(dm)).toBe(
      'You have been given a code-of-conduct warning (1 of 3): &lt;!channel&gt; look at sam',
    );
    // Nothing that left for Slack, text or blocks, carries a live broadcast.
    for (const call of slack.calls.slice(since)) expect(call.text).not.toContain('<!channel>');
  });

  it('a reason with NUL, an ANSI colour and a right-to-left override is stored and echoed without them', async () => {
    const { slash, dmTo } = southampton;
    const since = slack.calls.length;
    const warned = await slash(
      OFFICER,
      `conduct warn ${mention(SUBJECT)} "Talking\u0000 over \u001b[31mthe chair\u001b[0m\u202E again"`,
    );
    expect(textOf(warned)).toContain('Reason: Talking over the chair again');
    const dm = await dmTo(since, 'warning (2 of 3)');
    expect(textOf(dm)).toBe(
      'You have been given a code-of-conduct warning (2 of 3): Talking over the chair again',
    );
    for (const call of slack.calls.slice(since)) {
      expect(textOf(call)).not.toMatch(HIDDEN);
      expect(JSON.stringify(call.body)).not.toMatch(/\\u001b|\\u0000|\u202E/i);
    }
    const events = await conductEventModel(db())
      .find({ subjectId: await personOf(SUBJECT), kind: 'warned' })
      .lean();
    expect(events.map((e) => e.reason)).toContain('Talking over the chair again');
    for (const event of events) expect(event.reason ?? '').not.toMatch(HIDDEN);
  });

  it('a declaration typed into the modal: stored without hidden characters, shown escaped', async () => {
    const { slash, submit, typed, dmTo } = southampton;
    const group = await groupModel(db()).findOne({ conversationId: 'C0HSOTON' }).lean();
    const since = slack.calls.length;
    const declared = await submit(
      SUBJECT,
      'declaration-form',
      // What the form's private_metadata carries (see replies.ts openModal).
      { groupId: group?._id },
      {
        kind: { type: 'static_select', selected_option: { value: 'relative-on-staff' } },
        detail: typed('<!channel> my cousin\u0000 works \u001b[31min lettings\u001b[0m\u202E'),
        area: typed(''),
      },
    );
    expect(declared.status).toBe(200);
    await dmTo(since, 'register');
    const declaration = await declarationModel(db()).findOne({}).lean();
    expect(declaration?.detail).toBe('<!channel> my cousin works in lettings');

    const before = slack.calls.length;
    const register = await slash(OFFICER, 'register');
    expect(register.text).toContain('&lt;!channel&gt; my cousin works in lettings');
    for (const call of slack.calls.slice(before)) {
      expect(call.text).not.toContain('<!channel>');
      expect(textOf(call)).not.toMatch(HIDDEN);
    }
  });
});
