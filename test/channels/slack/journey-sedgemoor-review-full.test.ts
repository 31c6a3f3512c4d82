import nock from 'nock';
import { auditEntryModel } from '../../../src/store/audit/audit-entry-model';
import { deadlineModel } from '../../../src/store/deadlines/deadline-model';
import { evidenceRequestModel } from '../../../src/store/evidence/evidence-request-model';
import { membershipModel } from '../../../src/store/people/membership-model';
import { personModel } from '../../../src/store/people/person-model';
import { reviewModel } from '../../../src/store/reviews/review-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork } from '../../support/http';
import { captureSlack, slackEnv } from '../../support/slack';
import { dmChannelOf, dmFor, ownDirectMessages } from '../../support/slack-dm';
import { buttonIn } from '../../support/slack-journey';
import { slackSession, type Who } from '../../support/slack-session';

const TEAM = 'T0SEDGEFULL';
const OFFICER = { id: 'U0SFOLIVE', name: 'olive' };
const CHAIR = { id: 'U0SFCATH', name: 'cath' };
const RESIDENTS = ['rita', 'ron', 'rosa', 'rudy'].map((name, i) => ({ id: `U0SFRES${i}`, name }));
const SERVICE_LEAD = { id: 'U0SFSAM', name: 'sam' };
const MANAGER = { id: 'U0SFMAX', name: 'max' };
const LEAD = { id: 'U0SFALEX', name: 'alex' };
const mention = (who: Who) => `<@${who.id}|${who.name}>`;

/*
 * A full customer-led scrutiny review at Homes in Sedgemoor, from Slack alone, as the terms of
 * reference run it (sedgemoor-customer-led-scrutiny-terms.txt): the ten steps of 4.3 in order,
 * none skipped; the panel's 6.1 authority to call staff on 10 working days' notice and to have
 * information from service leads within 10 working days, counted across Christmas and New Year;
 * 10.1's four meetings before the final report; 6.2's 28 days for management's improvement plan
 * from the recommendations being agreed, and the committee's 10 days to sign it off; and step 10,
 * publicising the outcomes.
 *
 * England and Wales bank holidays over the period: Christmas Day, Friday 25 December 2026;
 * Boxing Day falls on Saturday 26 December, so its substitute is Monday 28 December; New Year's
 * Day, Friday 1 January 2027.
 */
describe('Slack journey: a full Sedgemoor scrutiny review, opening to publication', () => {
  onlyLoopbackNetwork();
  // Friday 18 December 2026, late morning in London.
  let now = new Date('2026-12-18T11:00:00Z');
  const bot = useTestBot({ ...slackEnv, BOOTSTRAP_OFFICERS: OFFICER.id }, { clock: () => now });
  const slack = captureSlack(nock);
  beforeEach(() => slack.install());
  const { slash, click, submit, chosen, typed, viewOf } = slackSession(() => bot().url, slack, {
    team: TEAM,
    channel: 'C0SFPANEL',
  });
  const db = () => bot().connection;
  const personOf = async (who: Who) =>
    (await personModel(db()).findOne({ platformUserId: who.id }).lean())?._id ?? '';
  const stored = async () => (await reviewModel(db()).findOne({ reference: 'R-1' }).lean())?.review;
  const blocksOf = (call: { body: Record<string, unknown> }) => JSON.stringify(call.body.blocks);
  const on = (iso: string) => {
    now = new Date(iso);
  };
  /** The chair marks a step done, and is told so (not refused). */
  const stepDone = async (step: number) =>
    expect((await slash(CHAIR, `review done R-1 step:${step}`)).text).toMatch(
      new RegExp(`R-1: step ${step} \\(.+\\) done\\.`),
    );

  it('runs every step of 4.3 in order, on the clocks of 6.1, 6.2 and 10.1, with who and when on record', async () => {
    ownDirectMessages(slack);

    // --- The panel, set up from chat as the existing Sedgemoor journey does (4.1, 4.2, 7.2, 8.3).
    expect(
      (await slash(OFFICER, 'group create "Repairs scrutiny panel" preset:sedgemoor-scrutiny'))
        .text,
    ).toContain('Repairs scrutiny panel');
    const welcoming = slack.calls.length;
    for (const [who, role] of [
      [CHAIR, 'chair'],
      ...RESIDENTS.map((r) => [r, 'member'] as const),
    ] as const)
      expect(
        (await slash(OFFICER, `group add ${mention(who)} role:${role} tenure:tenant`)).text,
      ).toContain(`${who.name} is now in the group as ${role}`);
    for (const who of [SERVICE_LEAD, MANAGER, LEAD])
      expect((await slash(OFFICER, `group add ${mention(who)} role:staff`)).text).toContain(
        `${who.name} is now in the group as staff`,
      );
    // 7.2 and 4.2: each resident signs the confidentiality agreement from the welcome in their
    // own DM, and their initial training is recorded.
    for (const who of [CHAIR, ...RESIDENTS]) {
      const welcome = buttonIn(
        await dmFor(slack, who, 'onboarding.confirm', welcoming),
        'onboarding.confirm',
      );
      expect(welcome.value).toMatchObject({ confidentiality: 'true' });
      expect((await click(who, welcome.actionId, welcome.value)).at(-1)?.text).toContain(
        'on record',
      );
      expect(
        (await slash(OFFICER, `member record ${mention(who)} training:2026-12-01`)).text,
      ).toContain(`recorded for ${who.name}`);
    }
    expect(
      await membershipModel(db()).countDocuments({
        roles: { $in: ['member', 'chair'] },
        confidentialitySignedOn: '2026-12-18',
        trainingDoneOn: '2026-12-01',
      }),
    ).toBe(5);

    // --- Opening. 3.2: complaints data is one of the sources a topic comes from.
    expect(
      (
        await slash(
          OFFICER,
          'review open "Responsive repairs reported by phone" type:full source:complaints',
        )
      ).text,
    ).toContain('Review R-1 opened');
    expect(await stored()).toMatchObject({
      depth: 'full',
      topicSource: 'complaints',
      openedOn: '2026-12-18',
    });
    const [officerId, chairId, leadServiceId, managerId, leadId] = await Promise.all(
      [OFFICER, CHAIR, SERVICE_LEAD, MANAGER, LEAD].map(personOf),
    );

    // 4.3(1): the scope is agreed, which is step 1.
    expect(
      (
        await slash(
          CHAIR,
          'review scope R-1 "Repairs reported by phone, April to September 2026; not gas servicing"',
        )
      ).text,
    ).toContain('step 1 (agree scope) is done');
    expect((await stored())?.steps[0]).toMatchObject({
      state: 'done',
      by: chairId,
      on: '2026-12-18',
    });

    // 4.3 lists what "a typical full scrutiny review will include"; only 4.4's light-touch
    // review leaves steps out, so nothing in a full review can be skipped.
    expect(
      (await slash(CHAIR, 'review skip R-1 step:2 "We already have the figures"')).text,
    ).toContain('cannot be skipped in a full review');
    expect((await stored())?.steps[1]?.state).toBe('pending');

    // 4.3(2), 6.1: a formal request for written information to the service lead, who has 10
    // working days from receipt. From Friday 18 December 2026 the working days are 21, 22, 23,
    // 24, 29, 30, 31 December and 4, 5, 6 January (25 and 28 December and 1 January are bank
    // holidays), so it is due on Wednesday 6 January 2027. (5 January would be only 9.)
    const asking = slack.calls.length;
    const asked = await slash(
      OFFICER,
      `evidence request ${mention(SERVICE_LEAD)} "Repairs call handling figures, April to September" review:R-1`,
    );
    expect(asked.text).toMatch(/E-1 sent to sam, due .*6 January 2027/);
    const review = await reviewModel(db()).findOne({ reference: 'R-1' }).lean();
    const requested = await evidenceRequestModel(db()).findOne({ reference: 'E-1' }).lean();
    expect(requested).toMatchObject({
      reviewId: review?._id,
      requestedOf: leadServiceId,
      requestedBy: officerId,
      // The end of 6 January in London (GMT in winter).
      dueAt: new Date('2027-01-06T23:59:59.999Z'),
    });
    expect(
      (await deadlineModel(db()).find({ kind: 'information-request' }).lean()).map((d) => [
        d.ownerId,
        d.dueAt.toISOString(),
      ]),
    ).toEqual([[leadServiceId, '2027-01-06T23:59:59.999Z']]);
    expect((await dmFor(slack, SERVICE_LEAD, 'asks for information', asking)).text).toContain(
      'Repairs call handling figures',
    );
    // 6.1 is a minimum the service lead is entitled to: an officer may not give less. Five
    // working days (Tuesday 29 December) is refused, and nothing is asked.
    const tooSoon = await slash(
      OFFICER,
      `evidence request ${mention(SERVICE_LEAD)} "Complaints about repairs by phone" review:R-1 due:+5wd`,
    );
    expect(tooSoon.text).toContain('10 working days');
    expect(tooSoon.text).toContain('6 January 2027');
    expect(await evidenceRequestModel(db()).countDocuments({})).toBe(1);

    // 6.1: staff called to a meeting to present evidence get at least 10 working days' notice.
    // Tuesday 5 January is 9 working days away, refused with the earliest day; Wednesday
    // 6 January is exactly 10, accepted, and the service lead is told in their own DM.
    const short = await slash(
      OFFICER,
      `review meeting R-1 on:05/01/2027 invite:${mention(SERVICE_LEAD)}`,
    );
    expect(short.text).toContain('the earliest it can be is 6 January 2027');
    expect((await stored())?.plannedMeetings ?? []).toEqual([]);
    const inviting = slack.calls.length;
    expect(
      (await slash(OFFICER, `review meeting R-1 on:06/01/2027 invite:${mention(SERVICE_LEAD)}`))
        .text,
    ).toContain('planned on Wednesday 6 January 2027');
    const invitation = await dmFor(slack, SERVICE_LEAD, 'scrutiny review meeting', inviting);
    expect(invitation.body.channel).toBe(dmChannelOf(SERVICE_LEAD));
    expect(invitation.text).toContain('Wednesday 6 January 2027');
    expect((await stored())?.plannedMeetings).toEqual([
      expect.objectContaining({ on: '2027-01-06', invited: [leadServiceId], plannedBy: officerId }),
    ]);

    // 4.3(2): the draft project plan is done and the request for information submitted.
    await stepDone(2);
    // Steps are worked in order: the report cannot be written before the desktop review.
    expect((await slash(CHAIR, 'review report R-1 draft')).text).toContain('step 3');
    expect((await stored())?.steps[4]?.state).toBe('pending');

    // Wednesday 6 January 2027: the first meeting, with the service lead presenting (10.1).
    on('2027-01-06T14:00:00Z');
    expect(
      (await slash(CHAIR, 'review held R-1 attendees:7 "Service lead presented the figures"')).text,
    ).toContain('recorded');
    // 4.3(3): the desktop review of the information received.
    await stepDone(3);

    // Wednesday 13 January: the second meeting; 4.3(4) reality checks done.
    on('2027-01-13T14:00:00Z');
    await slash(CHAIR, 'review held R-1 attendees:6 "Mystery shopping results"');
    await stepDone(4);

    // Wednesday 20 January: the third meeting; 4.3(5) the report with evidence-based
    // recommendations.
    on('2027-01-20T14:00:00Z');
    await slash(CHAIR, 'review held R-1 attendees:6 "Drafting the report"');
    for (const [n, text] of [
      [1, 'Give every caller a repair appointment before the call ends'],
      [2, 'Call back within one working day when no slot is free'],
      [3, 'Open the repairs line on Saturdays'],
    ] as const)
      expect((await slash(CHAIR, `review recommend R-1 "${text}"`)).text).toContain(
        `Recommendation ${n} added`,
      );
    expect(
      (await slash(CHAIR, 'review report R-1 draft link:https://docs.example/repairs-draft')).text,
    ).toContain('step 5 (evidence-based report) is done');

    // Wednesday 27 January: 4.3(6) STAC approves the draft and names who answers for senior
    // management. 6.2: agreeing the recommendations triggers SMT's duty to respond within 28
    // days by an improvement plan: 28 calendar days (6.2 says "days", where 6.1 says "working
    // days"), to Wednesday 24 February 2027, owned by management, not the officer.
    on('2027-01-27T14:00:00Z');
    const agreeing = slack.calls.length;
    expect(
      (await slash(OFFICER, `review agree R-1 agreed:1,2,3 management:${mention(MANAGER)}`)).text,
    ).toContain('24 February 2027');
    expect((await stored())?.managementOwnerId).toBe(managerId);
    expect((await stored())?.recommendations.map((r) => [r.agreed, r.decidedOn])).toEqual([
      [true, '2027-01-27'],
      [true, '2027-01-27'],
      [true, '2027-01-27'],
    ]);
    expect(
      (await deadlineModel(db()).find({ kind: 'improvement-plan' }).lean()).map((d) => [
        d.ownerId,
        d.dueAt.toISOString(),
        d.state,
      ]),
    ).toEqual([[managerId, '2027-02-24T23:59:59.999Z', 'open']]);
    const notice = await dmFor(slack, MANAGER, 'Recommendations agreed', agreeing);
    expect(blocksOf(notice)).toContain('Open the repairs line on Saturdays');
    await stepDone(6);

    // Wednesday 3 February: management answer every agreed recommendation from the modal the
    // notice's button opens, rejecting one with a reason (the panel may escalate on it, 5.4).
    on('2027-02-03T10:00:00Z');
    const answer = buttonIn(notice, 'review.respond-open');
    const [shown] = await click(MANAGER, answer.actionId, answer.value, 'modal');
    const form = viewOf(shown!);
    expect(form.callback_id).toBe('management-response');
    const answered = slack.calls.length;
    expect(
      (
        await submit(
          MANAGER,
          form.callback_id,
          JSON.parse(form.private_metadata) as Record<string, unknown>,
          {
            'decision-1': chosen('accept'),
            'decision-2': chosen('accept'),
            'decision-3': chosen('reject'),
            'reason-3': typed('No budget for Saturday staffing this year'),
          },
        )
      ).status,
    ).toBe(200);
    await slack.next((c) => c.text.includes("Management's response to R-1 is recorded"), answered);
    expect((await stored())?.managementResponse).toEqual({
      receivedOn: '2027-02-03',
      responses: [
        { recommendationId: '1', decision: 'accept' },
        { recommendationId: '2', decision: 'accept' },
        {
          recommendationId: '3',
          decision: 'reject',
          reason: 'No budget for Saturday staffing this year',
        },
      ],
    });
    // The response starts no clock of its own: the 28 days still run from the agreement.
    expect(
      (await deadlineModel(db()).find({ kind: 'improvement-plan' }).lean()).map((d) =>
        d.dueAt.toISOString(),
      ),
    ).toEqual(['2027-02-24T23:59:59.999Z']);

    // 4.3(7): clarification before staff draft the plan.
    await stepDone(7);

    // 6.2: the plan's actions, each with its lead staff member and timescale.
    const adding = slack.calls.length;
    expect(
      (
        await slash(
          MANAGER,
          `review action R-1 rec:1 ${mention(LEAD)} "Book the appointment during the call" due:30/06/2027`,
        )
      ).text,
    ).toContain('A1 added');
    expect((await dmFor(slack, LEAD, 'You lead action A1', adding)).text).toContain('30 June 2027');
    expect(
      (
        await slash(
          MANAGER,
          `review action R-1 rec:2 ${mention(SERVICE_LEAD)} "Same-day callback list" due:31/03/2027`,
        )
      ).text,
    ).toContain('A2 added');
    expect((await stored())?.improvementPlan.actions).toEqual([
      expect.objectContaining({
        id: 'A1',
        recommendationId: '1',
        owner: leadId,
        dueOn: '2027-06-30',
      }),
      expect.objectContaining({
        id: 'A2',
        recommendationId: '2',
        owner: leadServiceId,
        dueOn: '2027-03-31',
      }),
    ]);
    expect(
      (
        await deadlineModel(db()).find({ kind: 'improvement-action' }).sort({ dueAt: 1 }).lean()
      ).map((d) => [d.ownerId, d.dueAt.toISOString()]),
    ).toEqual([
      [leadServiceId, '2027-03-31T22:59:59.999Z'],
      [leadId, '2027-06-30T22:59:59.999Z'],
    ]);

    // 10.1: a full review needs at least 4 meetings before its final report; at 3 it is refused.
    expect((await slash(CHAIR, 'review report R-1 final')).text).toContain('at least 4 meetings');
    expect((await stored())?.steps[7]?.state).toBe('pending');

    // Wednesday 10 February: the fourth meeting, then 4.3(8) the final report to STAC; and
    // management hand the plan in (4.3(9) "Receipt of the improvement plan"), inside their 28
    // days. 6.2: STAC signs it off or returns it within 10 days of receipt: Saturday
    // 20 February 2027, calendar days again.
    on('2027-02-10T14:00:00Z');
    await slash(CHAIR, 'review held R-1 attendees:8 "Final report agreed by the panel"');
    expect(
      (await slash(CHAIR, 'review report R-1 final link:https://docs.example/repairs-final')).text,
    ).toContain('step 8 (final report) is done');
    expect((await stored())?.meetings.map((m) => m.on)).toEqual([
      '2027-01-06',
      '2027-01-13',
      '2027-01-20',
      '2027-02-10',
    ]);
    expect((await slash(MANAGER, 'review plan submit R-1')).text).toContain('20 February 2027');
    expect(
      (await deadlineModel(db()).find({ kind: 'improvement-plan' }).lean()).map((d) => d.state),
    ).toEqual(['met']);
    expect(
      (await deadlineModel(db()).find({ kind: 'committee-sign-off' }).lean()).map((d) => [
        d.ownerId,
        d.dueAt.toISOString(),
        d.state,
      ]),
    ).toEqual([[officerId, '2027-02-20T23:59:59.999Z', 'open']]);

    // Monday 15 February: signed off as addressing every recommendation, within the 10 days;
    // that is step 9's receipt of the plan, whose delivery STAC then monitors.
    on('2027-02-15T14:00:00Z');
    expect((await slash(CHAIR, 'review plan signoff R-1')).text).toContain('is signed off');
    expect(
      (await deadlineModel(db()).find({ kind: 'committee-sign-off' }).lean()).map((d) => d.state),
    ).toEqual(['met']);
    expect((await stored())?.improvementPlan).toMatchObject({
      agreedOn: '2027-02-15',
      agreedBy: chairId,
    });
    expect((await stored())?.steps[8]).toMatchObject({ state: 'done', on: '2027-02-15' });

    // Monday 1 March: 4.3(10) the outcomes and the plan publicised ("you said, we did").
    on('2027-03-01T10:00:00Z');
    await stepDone(10);
    const final = await stored();
    // Every step done (none pending, none skipped), each on its day.
    expect(final?.steps.map((s) => (s.state === 'done' ? s.on : s.state))).toEqual([
      '2026-12-18',
      '2026-12-18',
      '2027-01-06',
      '2027-01-13',
      '2027-01-20',
      '2027-01-27',
      '2027-02-03',
      '2027-02-10',
      '2027-02-15',
      '2027-03-01',
    ]);

    // The review card: every step done, with who and when, the four meetings and the plan.
    const card = blocksOf(await slash(RESIDENTS[0]!, 'review R-1'));
    for (const says of [
      'Full review',
      'topic from complaints',
      '4 of 4 held',
      '1. agree scope: done (cath, Friday 18 December 2026)',
      '10. publicise outcomes',
      'Committee: agreed · Management: rejected: No budget for Saturday staffing this year',
      '2 actions, 0 done, 0 overdue; agreed Monday 15 February 2027',
    ])
      expect(card).toContain(says);
    expect(card).not.toContain('pending');
    expect(card).not.toContain('skipped');

    // The audit trail: who took each key step, and when (the clock as it was at each).
    const trail = await auditEntryModel(db())
      .find({ 'subject.kind': 'review', 'subject.id': review?._id })
      .sort({ at: 1, _id: 1 })
      .lean();
    const entry = (action: string) => {
      const found = trail.find((e) => e.action === action);
      return found && [found.actorId, found.at.toISOString()];
    };
    expect(entry('review.opened')).toEqual([officerId, '2026-12-18T11:00:00.000Z']);
    expect(entry('review.scope-agreed')).toEqual([chairId, '2026-12-18T11:00:00.000Z']);
    expect(entry('review.meeting-planned')).toEqual([officerId, '2026-12-18T11:00:00.000Z']);
    expect(entry('review.report-draft')).toEqual([chairId, '2027-01-20T14:00:00.000Z']);
    expect(entry('review.recommendations-decided')).toEqual([
      officerId,
      '2027-01-27T14:00:00.000Z',
    ]);
    expect(entry('review.management-response')).toEqual([managerId, '2027-02-03T10:00:00.000Z']);
    expect(entry('review.report-final')).toEqual([chairId, '2027-02-10T14:00:00.000Z']);
    expect(entry('review.plan-submitted')).toEqual([managerId, '2027-02-10T14:00:00.000Z']);
    expect(entry('review.plan-agreed')).toEqual([chairId, '2027-02-15T14:00:00.000Z']);
    expect(trail.filter((e) => e.action === 'review.meeting-recorded')).toHaveLength(4);
    expect(trail.filter((e) => e.action === 'review.step-done').at(-1)).toMatchObject({
      actorId: chairId,
      at: new Date('2027-03-01T10:00:00Z'),
    });
    expect(
      await auditEntryModel(db())
        .findOne({ action: 'evidence.requested', 'subject.id': requested?._id })
        .lean(),
    ).toMatchObject({ actorId: officerId, at: new Date('2026-12-18T11:00:00Z') });
  }, 120_000);
});
