import nock from 'nock';
import { auditEntryModel } from '../../../src/store/audit/audit-entry-model';
import { deadlineModel } from '../../../src/store/deadlines/deadline-model';
import { personModel } from '../../../src/store/people/person-model';
import { reviewModel } from '../../../src/store/reviews/review-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork } from '../../support/http';
import { captureSlack, slackEnv } from '../../support/slack';
import { dmFor, ownDirectMessages } from '../../support/slack-dm';
import { slackSession, type Who } from '../../support/slack-session';

const TEAM = 'T0SEDGELIGHT';
const OFFICER = { id: 'U0SLOLIVE', name: 'olive' };
const CHAIR = { id: 'U0SLCATH', name: 'cath' };
const RESIDENTS = ['rita', 'ron', 'rosa', 'rudy'].map((name, i) => ({ id: `U0SLRES${i}`, name }));
const MANAGER = { id: 'U0SLMAX', name: 'max' };
const LEAD = { id: 'U0SLALEX', name: 'alex' };
const mention = (who: Who) => `<@${who.id}|${who.name}>`;

/*
 * A light-touch customer-led scrutiny review at Homes in Sedgemoor, from Slack alone
 * (sedgemoor-customer-led-scrutiny-terms.txt). 4.4: "A typical light-touch review will include
 * steps 1, 3 and 5 and aspects of 4, 6, 7 and 8 as appropriate", so 1, 3 and 5 cannot be
 * skipped and the others can, each with the reason on record. 10.1: "a light-touch review a
 * minimum of 2 meetings", before the final report and before the review completes, even when
 * the final report is skipped. 6.2: management's 28 days from the recommendations being agreed,
 * the committee's 10 days from each receipt, and a return "for further improvement".
 *
 * The working-day date: Good Friday is 26 March 2027 and Easter Monday 29 March 2027, England and
 * Wales bank holidays; British Summer Time starts on Sunday 28 March 2027.
 */
describe('Slack journey: a light-touch Sedgemoor scrutiny review, opening to completion', () => {
  onlyLoopbackNetwork();
  // Monday 1 March 2027.
  let now = new Date('2027-03-01T10:00:00Z');
  const bot = useTestBot({ ...slackEnv, BOOTSTRAP_OFFICERS: OFFICER.id }, { clock: () => now });
  const slack = captureSlack(nock);
  beforeEach(() => slack.install());
  const { slash } = slackSession(() => bot().url, slack, { team: TEAM, channel: 'C0SLPANEL' });
  const db = () => bot().connection;
  const personOf = async (who: Who) =>
    (await personModel(db()).findOne({ platformUserId: who.id }).lean())?._id ?? '';
  const stored = async () => (await reviewModel(db()).findOne({ reference: 'R-1' }).lean())?.review;
  const on = (iso: string) => {
    now = new Date(iso);
  };
  const said = async (who: Who, text: string) => (await slash(who, text)).text;
  const signOffClocks = async () =>
    (await deadlineModel(db()).find({ kind: 'committee-sign-off' }).sort({ dueAt: 1 }).lean()).map(
      (d) => [d.dueAt.toISOString(), d.state],
    );

  it('skips what 4.4 allows, holds the meetings 10.1 asks, and takes the plan through a return to sign-off', async () => {
    ownDirectMessages(slack);
    await slash(OFFICER, 'group create "Estate services scrutiny panel" preset:sedgemoor-scrutiny');
    for (const [who, role] of [
      [CHAIR, 'chair'],
      ...RESIDENTS.map((r) => [r, 'member'] as const),
    ] as const)
      expect(await said(OFFICER, `group add ${mention(who)} role:${role} tenure:tenant`)).toContain(
        `${who.name} is now in the group as ${role}`,
      );
    for (const who of [MANAGER, LEAD])
      expect(await said(OFFICER, `group add ${mention(who)} role:staff`)).toContain(
        `${who.name} is now in the group as staff`,
      );
    const [officerId, chairId, managerId, leadId] = await Promise.all(
      [OFFICER, CHAIR, MANAGER, LEAD].map(personOf),
    );

    // 3.3: the committee considers a service to need a 'light-touch' review.
    expect(
      await said(
        OFFICER,
        'review open "Grounds maintenance on estates" type:light source:low-satisfaction',
      ),
    ).toContain('Review R-1 opened');
    expect(await stored()).toMatchObject({ depth: 'light-touch', topicSource: 'low-satisfaction' });

    // 4.4: step 1 is one a light-touch review includes; it is agreed, not skipped.
    expect(await said(CHAIR, 'review skip R-1 step:1 "Scope is obvious"')).toContain(
      'cannot be skipped in a light-touch review',
    );
    expect(
      await said(CHAIR, 'review scope R-1 "Grass cutting and shrub beds, 2026 season"'),
    ).toContain('step 1 (agree scope) is done');
    // Step 2 is not one 4.4 names: skipped, with the reason.
    expect(
      await said(
        CHAIR,
        'review skip R-1 step:2 "Satisfaction survey results already held from the annual survey"',
      ),
    ).toContain('step 2 (project plan and written information request) skipped');
    // 4.4: step 3 may not be skipped; it is done.
    expect(await said(CHAIR, 'review skip R-1 step:3 "No time"')).toContain(
      'cannot be skipped in a light-touch review',
    );
    expect((await stored())?.steps[2]?.state).toBe('pending');
    expect(await said(CHAIR, 'review done R-1 step:3')).toContain('step 3 (desktop review) done');
    // 4.4: only "aspects of 4 ... as appropriate": skipped with the reason.
    expect(
      await said(CHAIR, 'review skip R-1 step:4 "Residents\' photos stand in for site visits"'),
    ).toContain('step 4 (reality checks) skipped');
    // 4.4: step 5 may not be skipped: the report with its recommendations is written.
    expect(await said(CHAIR, 'review skip R-1 step:5 "Short review"')).toContain(
      'cannot be skipped in a light-touch review',
    );
    // The first of the two meetings 10.1 asks of a light-touch review.
    expect(await said(CHAIR, 'review held R-1 attendees:6 "Survey results and photos"')).toContain(
      'recorded',
    );
    for (const text of ['Publish the cutting rota for each estate', 'Photograph each visit'])
      await slash(CHAIR, `review recommend R-1 "${text}"`);
    expect(
      await said(CHAIR, 'review report R-1 draft link:https://docs.example/grounds-draft'),
    ).toContain('step 5 (evidence-based report) is done');

    // Friday 19 March 2027: STAC agrees both recommendations and names management. 6.2: 28
    // calendar days from the agreement, to Friday 16 April 2027, owned by management.
    on('2027-03-19T11:00:00Z');
    const agreeing = slack.calls.length;
    expect(
      await said(OFFICER, `review agree R-1 agreed:1,2 management:${mention(MANAGER)}`),
    ).toContain('16 April 2027');
    expect(
      (await deadlineModel(db()).find({ kind: 'improvement-plan' }).lean()).map((d) => [
        d.ownerId,
        d.dueAt.toISOString(),
      ]),
    ).toEqual([[managerId, '2027-04-16T22:59:59.999Z']]);
    await dmFor(slack, MANAGER, 'Recommendations agreed', agreeing);
    // 4.4 "aspects of ... 6": the draft goes to senior management for their response.
    expect(await said(CHAIR, 'review done R-1 step:6')).toContain(
      'R-1: step 6 (draft to committee',
    );
    // Management answer from chat; an officer would be told (they opened the review).
    const answering = slack.calls.length;
    expect(await said(MANAGER, 'review respond R-1 accept:1,2')).toContain(
      "Management's response to R-1 is recorded",
    );
    await dmFor(slack, OFFICER, 'Management have responded', answering);
    expect(
      await said(CHAIR, 'review skip R-1 step:7 "Nothing needed clarifying: both accepted"'),
    ).toContain('step 7 (clarification) skipped');

    // 10.1: with one meeting held, the final report is refused.
    expect(await said(CHAIR, 'review report R-1 final')).toContain(
      'A light-touch review needs at least 2 meetings before the report is final; only 1 has been held',
    );
    expect((await stored())?.steps[7]?.state).toBe('pending');
    // 4.4 lets the panel leave out the final report ("aspects of ... 8 as appropriate"); the
    // draft stands. That is no way round 10.1: completion is still held back (below).
    expect(
      await said(CHAIR, 'review skip R-1 step:8 "The draft, agreed by STAC, stands as final"'),
    ).toContain('step 8 (final report) skipped');

    // 6.2: the plan's actions. A1 is due in 10 working days from Friday 19 March, typed as
    // +10wd: 22, 23, 24, 25, 30, 31 March, 1, 2, 5 and 6 April (Good Friday and Easter Monday
    // are bank holidays), so Tuesday 6 April 2027.
    const adding = slack.calls.length;
    expect(
      await said(
        MANAGER,
        `review action R-1 rec:1 ${mention(LEAD)} "Rota for each estate on the website" due:+10wd`,
      ),
    ).toContain('A1 added');
    expect((await dmFor(slack, LEAD, 'You lead action A1', adding)).text).toContain('6 April 2027');
    await slash(
      MANAGER,
      `review action R-1 rec:2 ${mention(LEAD)} "Crews photograph each site" due:30/06/2027`,
    );
    expect((await stored())?.improvementPlan.actions.map((a) => [a.id, a.owner, a.dueOn])).toEqual([
      ['A1', leadId, '2027-04-06'],
      ['A2', leadId, '2027-06-30'],
    ]);
    // Handed in the same day: 10 days of receipt is Monday 29 March (in British Summer Time).
    expect(await said(MANAGER, 'review plan submit R-1')).toContain('29 March 2027');
    expect(await signOffClocks()).toEqual([['2027-03-29T22:59:59.999Z', 'open']]);

    // Tuesday 23 March: STAC returns it "to SMT for further improvement" (6.2); management are
    // told why in their own DM, and this receipt's clock is answered.
    on('2027-03-23T11:00:00Z');
    const returning = slack.calls.length;
    expect(
      await said(CHAIR, 'review plan return R-1 "Say who checks the photographs, and when"'),
    ).toContain('returned to management');
    expect(
      (await dmFor(slack, MANAGER, 'returned the improvement plan', returning)).text,
    ).toContain('Say who checks the photographs, and when');
    expect(await signOffClocks()).toEqual([['2027-03-29T22:59:59.999Z', 'met']]);

    // Wednesday 24 March: improved and handed in again: a new 10 days, to Saturday 3 April.
    on('2027-03-24T11:00:00Z');
    await slash(
      MANAGER,
      `review action R-1 rec:2 ${mention(LEAD)} "Area manager checks photographs monthly" due:30/04/2027`,
    );
    expect(await said(MANAGER, 'review plan submit R-1')).toContain('3 April 2027');
    expect(await signOffClocks()).toEqual([
      ['2027-03-29T22:59:59.999Z', 'met'],
      ['2027-04-03T22:59:59.999Z', 'open'],
    ]);

    // Thursday 25 March: signed off within the 10 days, which is step 9.
    on('2027-03-25T11:00:00Z');
    expect(await said(OFFICER, 'review plan signoff R-1')).toContain('is signed off');
    expect(await signOffClocks()).toEqual([
      ['2027-03-29T22:59:59.999Z', 'met'],
      ['2027-04-03T22:59:59.999Z', 'met'],
    ]);
    expect((await stored())?.steps[8]).toMatchObject({ state: 'done', by: officerId });
    expect((await stored())?.improvementPlan.returns).toEqual([
      { by: chairId, on: '2027-03-23', reason: 'Say who checks the photographs, and when' },
    ]);

    // 10.1: the last step would complete the review with one meeting held: refused, whether
    // done or skipped.
    expect(await said(CHAIR, 'review done R-1 step:10')).toContain(
      'A light-touch review needs at least 2 meetings before it can be completed; only 1 has been held',
    );
    expect(await said(CHAIR, 'review skip R-1 step:10 "No newsletter this quarter"')).toContain(
      'at least 2 meetings',
    );
    expect((await stored())?.steps[9]?.state).toBe('pending');

    // Thursday 1 April: the second meeting, then the outcomes publicised, and it is complete.
    on('2027-04-01T10:00:00Z');
    await slash(CHAIR, 'review held R-1 attendees:5 "Plan monitoring"');
    expect(await said(CHAIR, 'review done R-1 step:10')).toContain('R-1: step 10 (publicise');
    const review = await stored();
    expect(review?.steps.map((s) => [s.number, s.state])).toEqual([
      [1, 'done'],
      [2, 'skipped'],
      [3, 'done'],
      [4, 'skipped'],
      [5, 'done'],
      [6, 'done'],
      [7, 'skipped'],
      [8, 'skipped'],
      [9, 'done'],
      [10, 'done'],
    ]);
    expect(review?.steps.filter((s) => s.state === 'skipped')).toEqual(
      [2, 4, 7, 8].map((number) =>
        expect.objectContaining({ number, by: chairId, reason: expect.any(String) }),
      ),
    );
    expect(review?.meetings).toHaveLength(2);

    const card = JSON.stringify((await slash(RESIDENTS[0]!, 'review R-1')).body.blocks);
    for (const says of [
      'Light-touch review',
      '2 of 2 held',
      '8. final report: skipped (cath, Friday 19 March 2027): The draft, agreed by STAC, stands as final',
      '10. publicise outcomes',
    ])
      expect(card).toContain(says);
    expect(card).not.toContain('pending');

    // Who skipped what and why, and who returned the plan, are on the audit trail.
    const record = await reviewModel(db()).findOne({ reference: 'R-1' }).lean();
    const trail = await auditEntryModel(db())
      .find({ 'subject.kind': 'review', 'subject.id': record?._id })
      .sort({ at: 1, _id: 1 })
      .lean();
    expect(
      trail
        .filter((e) => e.action === 'review.step-skipped')
        .map((e) => [e.actorId, e.at.toISOString()]),
    ).toEqual([
      [chairId, '2027-03-01T10:00:00.000Z'],
      [chairId, '2027-03-01T10:00:00.000Z'],
      [chairId, '2027-03-19T11:00:00.000Z'],
      [chairId, '2027-03-19T11:00:00.000Z'],
    ]);
    expect(trail.find((e) => e.action === 'review.plan-returned')).toMatchObject({
      actorId: chairId,
      at: new Date('2027-03-23T11:00:00Z'),
      reason: 'Say who checks the photographs, and when',
    });
  }, 120_000);
});
