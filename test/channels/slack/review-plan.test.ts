import nock from 'nock';
import type { DeadlineKind } from '../../../src/domain/deadlines';
import { deadlineModel, type DeadlineRecord } from '../../../src/store/deadlines/deadline-model';
import { personModel } from '../../../src/store/people/person-model';
import { reviewModel } from '../../../src/store/reviews/review-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork } from '../../support/http';
import { captureSlack, slackEnv } from '../../support/slack';
import { slackSession, type Who } from '../../support/slack-session';

const TEAM = 'T0REVIEWPLAN';
const OFFICER = { id: 'U0RPOFFICER', name: 'olive' };
const CHAIR = { id: 'U0RPCHAIR', name: 'cath' };
const MEMBER = { id: 'U0RPMEMBER', name: 'mo' };
const MANAGER = { id: 'U0RPMANAGER', name: 'max' };
const LEAD = { id: 'U0RPLEAD', name: 'alex' };
const mention = (who: Who) => `<@${who.id}|${who.name}>`;

/*
 * After the committee agrees the recommendations, from Slack alone (Sedgemoor ToR 6.2):
 * management answer each one from a modal, add actions with a lead and a date, hand the plan in
 * within 28 days; the committee returns it once "for further improvement" and signs it off
 * within 10 days of each receipt; an action done, another overdue and shown first. Then a
 * Southampton review, whose terms have the plan reviewed 6 months to 1 year later.
 */
describe('Slack: the improvement plan, from management’s response to sign-off', () => {
  onlyLoopbackNetwork();
  let now = new Date('2026-03-02T10:00:00Z');
  const bot = useTestBot({ ...slackEnv, BOOTSTRAP_OFFICERS: OFFICER.id }, { clock: () => now });
  const slack = captureSlack(nock);
  beforeEach(() => slack.install());
  const { slash, click, submit, chosen, typed, viewOf, dmTo } = slackSession(
    () => bot().url,
    slack,
    { team: TEAM, channel: 'C0RPPANEL' },
  );
  const db = () => bot().connection;
  const personOf = async (who: Who) =>
    (await personModel(db()).findOne({ platformUserId: who.id }).lean())?._id;
  const stored = async (ref = 'R-1') =>
    (await reviewModel(db()).findOne({ reference: ref }).lean())?.review;
  const deadlines = (kind: DeadlineKind) =>
    deadlineModel(db())
      .find({ kind })
      .sort({ createdAt: 1, 'subject.id': 1 })
      .lean<DeadlineRecord[]>();
  const blocksOf = (call: { body: Record<string, unknown> }) => JSON.stringify(call.body.blocks);

  it('Sedgemoor: response, actions, hand-in, a return, the hand-in again and sign-off', async () => {
    await slash(OFFICER, 'group create "Repairs scrutiny panel" preset:sedgemoor-scrutiny');
    for (const [who, role] of [
      [CHAIR, 'chair'],
      [MEMBER, 'member'],
      [MANAGER, 'staff'],
      [LEAD, 'staff'],
    ] as const)
      expect(
        (await slash(OFFICER, `group add ${mention(who)} role:${role} tenure:tenant`)).text,
      ).toContain(`${who.name} is now in the group`);
    await slash(OFFICER, 'review open "Repairs by phone" type:light');
    await slash(CHAIR, 'review scope R-1 "Repairs reported by phone"');
    await slash(CHAIR, 'review skip R-1 step:2 "Information already held"');
    for (const step of [3, 4]) await slash(CHAIR, `review done R-1 step:${step}`);
    for (const text of ['Give every caller an appointment', 'Text before a visit', 'Open Sundays'])
      await slash(CHAIR, `review recommend R-1 "${text}"`);
    await slash(CHAIR, 'review report R-1 draft link:https://docs.example/draft');
    const agreeing = slack.calls.length;
    await slash(OFFICER, `review agree R-1 agreed:1,2,3 management:${mention(MANAGER)}`);
    const [managerId, leadId, officerId] = await Promise.all(
      [MANAGER, LEAD, OFFICER].map(personOf),
    );
    // 6.2: 28 calendar days from the agreement (2 March), owned by management.
    expect(
      (await deadlines('improvement-plan')).map((d) => [d.ownerId, d.dueAt.toISOString()]),
    ).toEqual([[managerId, '2026-03-30T22:59:59.999Z']]);
    await slash(CHAIR, 'review done R-1 step:6');

    // Management answer from the button on the notice in their own chat: a modal per rec.
    const notice = await dmTo(agreeing, 'Recommendations agreed');
    expect(blocksOf(notice)).toContain('review.respond-open:R-1');
    const [shown] = await click(MANAGER, 'review.respond-open:R-1', { ref: 'R-1' }, 'modal');
    const view = viewOf(shown!);
    expect(view.callback_id).toBe('management-response');
    expect(view.blocks.map((b) => b.block_id).filter((id) => id?.startsWith('decision-'))).toEqual([
      'decision-1',
      'decision-2',
      'decision-3',
    ]);
    const metadata = JSON.parse(view.private_metadata) as Record<string, unknown>;
    // A rejection without a reason is refused beside the form, and nothing is recorded.
    const unreasoned = await submit(MANAGER, 'management-response', metadata, {
      'decision-1': chosen('accept'),
      'decision-2': chosen('accept'),
      'decision-3': chosen('reject'),
      'reason-3': typed(''),
    });
    expect(JSON.stringify(unreasoned.json())).toContain('reason');
    expect((await stored())?.managementResponse).toBeUndefined();
    // A member of the panel cannot answer for management.
    expect((await slash(MEMBER, 'review respond R-1 accept:1,2,3')).text).toMatch(
      /officer|management/,
    );
    const answered = await submit(MANAGER, 'management-response', metadata, {
      'decision-1': chosen('accept'),
      'decision-2': chosen('accept'),
      'decision-3': chosen('reject'),
      'reason-3': typed('No staff to open on Sundays'),
    });
    expect(answered.status).toBe(200);
    await slack.next((c) => c.text.includes("Management's response to R-1 is recorded"));
    expect((await stored())?.managementResponse).toEqual({
      receivedOn: '2026-03-02',
      responses: [
        { recommendationId: '1', decision: 'accept' },
        { recommendationId: '2', decision: 'accept' },
        { recommendationId: '3', decision: 'reject', reason: 'No staff to open on Sundays' },
      ],
    });

    // 6.2: each action with its lead staff member and date, a deadline the lead owns.
    expect(
      (
        await slash(
          MANAGER,
          `review action R-1 rec:1 ${mention(MEMBER)} "Stock vans" due:30/06/2026`,
        )
      ).text,
    ).toContain('not staff');
    expect(
      (await slash(MANAGER, `review action R-1 rec:1 ${mention(LEAD)} "Stock vans" due:01/01/2026`))
        .text,
    ).toMatch(/past|before today/i);
    expect(
      (await slash(MEMBER, `review action R-1 rec:1 ${mention(LEAD)} "Stock vans" due:30/06/2026`))
        .text,
    ).toMatch(/officer/);
    expect((await stored())?.improvementPlan.actions).toEqual([]);
    const adding = slack.calls.length;
    expect(
      (
        await slash(
          MANAGER,
          `review action R-1 rec:1 ${mention(LEAD)} "Stock vans with common parts" due:30/06/2026`,
        )
      ).text,
    ).toContain('A1 added');
    expect((await dmTo(adding, 'You lead action A1')).text).toContain('30 June 2026');
    await slash(
      MANAGER,
      `review action R-1 rec:2 ${mention(LEAD)} "Text the day before" due:20/03/2026`,
    );
    expect(
      (await deadlines('improvement-action')).map((d) => [d.ownerId, d.dueAt.toISOString()]),
    ).toEqual([
      [leadId, '2026-06-30T22:59:59.999Z'],
      [leadId, '2026-03-20T23:59:59.999Z'],
    ]);

    // Handed in on 5 March: the 28 days are met, the committee's 10 days start (6.2).
    now = new Date('2026-03-05T10:00:00Z');
    expect((await slash(MANAGER, 'review plan submit R-1')).text).toContain('15 March 2026');
    expect((await deadlines('improvement-plan')).map((d) => d.state)).toEqual(['met']);
    expect(
      (await deadlines('committee-sign-off')).map((d) => [
        d.ownerId,
        d.dueAt.toISOString(),
        d.state,
      ]),
    ).toEqual([[officerId, '2026-03-15T23:59:59.999Z', 'open']]);
    // With the committee, the plan cannot be changed.
    expect(
      (await slash(MANAGER, `review action R-1 rec:1 ${mention(LEAD)} "More" due:30/06/2026`)).text,
    ).toContain('with the committee');

    // Returned "for further improvement" on 9 March, with the reason management are sent.
    now = new Date('2026-03-09T10:00:00Z');
    expect((await slash(MEMBER, 'review plan return R-1 "Too thin"')).text).toMatch(
      /chair|officer/,
    );
    const returning = slack.calls.length;
    expect(
      (await slash(OFFICER, 'review plan return R-1 "Say how vans are restocked"')).text,
    ).toContain('returned to management');
    expect((await dmTo(returning, 'returned the improvement plan')).text).toContain(
      'Say how vans are restocked',
    );
    expect((await stored())?.improvementPlan.returns).toEqual([
      { by: officerId, on: '2026-03-09', reason: 'Say how vans are restocked' },
    ]);
    expect((await deadlines('committee-sign-off')).map((d) => d.state)).toEqual(['met']);

    // Improved and handed in again on 10 March: a new 10 days from this receipt.
    now = new Date('2026-03-10T10:00:00Z');
    await slash(
      MANAGER,
      `review action R-1 rec:1 ${mention(LEAD)} "Restock vans weekly from the depot" due:31/07/2026`,
    );
    expect((await slash(MANAGER, 'review plan submit R-1')).text).toContain('20 March 2026');
    expect(
      (await deadlines('committee-sign-off')).map((d) => [d.dueAt.toISOString(), d.state]),
    ).toEqual([
      ['2026-03-15T23:59:59.999Z', 'met'],
      ['2026-03-20T23:59:59.999Z', 'open'],
    ]);

    // The lead completes A1, which ends its reminders.
    expect((await slash(LEAD, 'review action done R-1 A1')).text).toContain('A1 of R-1 is done');
    expect((await deadlines('improvement-action')).map((d) => d.state)).toEqual([
      'met',
      'open',
      'open',
    ]);
    expect((await slash(MEMBER, 'review action done R-1 A2')).text).toMatch(/lead|officer/);

    // On 25 March A2 (due 20 March) is overdue, and the tracker lists it first.
    now = new Date('2026-03-25T10:00:00Z');
    const tracker = await slash(MEMBER, 'review plan R-1');
    const text = blocksOf(tracker);
    expect(text.indexOf('A2')).toBeLessThan(text.indexOf('A1'));
    expect(text).toContain('Overdue');
    expect(text).toContain('Done on Tuesday 10 March 2026');
    expect(text).toContain('Returned on Monday 9 March 2026');
    expect(text).toContain('Handed in on Tuesday 10 March 2026');

    // Signed off: the receipt's clock is met, step 9 is done; Sedgemoor asks no follow-up.
    for (const notes of ['"Desktop review"', '"Evidence from the repairs team"'])
      await slash(CHAIR, `review held R-1 attendees:6 ${notes}`);
    await slash(CHAIR, 'review done R-1 step:7');
    await slash(CHAIR, 'review report R-1 final');
    expect((await slash(MEMBER, 'review plan signoff R-1')).text).toMatch(/chair|officer/);
    expect((await slash(CHAIR, 'review plan signoff R-1')).text).toContain('signed off');
    expect((await deadlines('committee-sign-off')).map((d) => d.state)).toEqual(['met', 'met']);
    const review = await stored();
    expect(review?.improvementPlan).toMatchObject({
      agreedOn: '2026-03-25',
      agreedBy: await personOf(CHAIR),
    });
    expect(review?.steps[8]).toMatchObject({ state: 'done' });
    expect(await deadlines('action-plan-review')).toEqual([]);
    expect((await slash(OFFICER, 'review followup R-1 on:01/10/2026')).text).toContain(
      'ask for no follow-up review',
    );
  });

  it('a bad input changes nothing and says why', async () => {
    const before = await stored();
    expect((await slash(MANAGER, 'review respond R-1 accept:x')).text).toContain('accept:');
    expect((await slash(MANAGER, 'review respond R-1')).text).toContain('accept:1,2');
    expect((await slash(OFFICER, 'review action done R-1 Z9')).text).toContain('action number');
    expect((await slash(OFFICER, 'review plan R-99')).text).toContain('no review R-99');
    expect((await slash(OFFICER, 'review followup R-1')).text).toContain('on:');
    expect(await stored()).toEqual(before);
  });

  it('Southampton: sign-off opens the follow-up review 6 months on, set within 6 to 12', async () => {
    const channel = slackSession(() => bot().url, slack, { team: TEAM, channel: 'C0RPSOTON' });
    now = new Date('2026-04-01T10:00:00Z');
    await channel.slash(OFFICER, 'group create "Tenant Inspectors" preset:southampton-ti');
    await channel.slash(OFFICER, 'review open "Void standard" type:light');
    await channel.slash(OFFICER, 'review scope R-2 "Empty homes let in 2025"');
    for (const step of [2, 3, 4])
      await channel.slash(OFFICER, `review skip R-2 step:${step} "Not needed here"`);
    await channel.slash(OFFICER, 'review recommend R-2 "Inspect every void before letting"');
    await channel.slash(OFFICER, 'review report R-2 draft link:https://docs.example/voids');
    await channel.slash(OFFICER, `review agree R-2 agreed:1 management:${mention(OFFICER)}`);
    await channel.slash(OFFICER, 'review done R-2 step:6');
    expect((await channel.slash(OFFICER, 'review respond R-2 accept:1')).text).toContain(
      'recorded',
    );
    await channel.slash(
      OFFICER,
      `review action R-2 rec:1 ${mention(OFFICER)} "Sign-off sheet for voids" due:30/06/2026`,
    );
    // Southampton's terms set no sign-off clock: none is borrowed from Sedgemoor.
    const signOffsBefore = (await deadlines('committee-sign-off')).length;
    expect((await channel.slash(OFFICER, 'review plan submit R-2')).text).toContain('handed in');
    expect(await deadlines('committee-sign-off')).toHaveLength(signOffsBefore);
    expect((await channel.slash(OFFICER, 'review plan signoff R-2')).text).toContain(
      'between Thursday 1 October 2026 and Thursday 1 April 2027',
    );
    const officerId = await personOf(OFFICER);
    expect(
      (await deadlines('action-plan-review')).map((d) => [d.ownerId, d.dueAt.toISOString()]),
    ).toEqual([[officerId, '2026-10-01T22:59:59.999Z']]);
    expect((await channel.slash(OFFICER, 'review followup R-2 on:01/09/2026')).text).toContain(
      'between 1 October 2026 and 1 April 2027',
    );
    expect((await stored('R-2'))?.followUpReviewOn).toBeUndefined();
    expect((await channel.slash(OFFICER, 'review followup R-2 on:15/01/2027')).text).toContain(
      '15 January 2027',
    );
    expect((await stored('R-2'))?.followUpReviewOn).toBe('2027-01-15');
    expect((await deadlines('action-plan-review')).map((d) => d.dueAt.toISOString())).toEqual([
      '2027-01-15T23:59:59.999Z',
    ]);
  });
});
