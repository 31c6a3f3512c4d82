import { auditEntryModel } from '../../../src/store/audit/audit-entry-model';
import { deadlineModel } from '../../../src/store/deadlines/deadline-model';
import { evidenceRequestModel } from '../../../src/store/evidence/evidence-request-model';
import { personModel } from '../../../src/store/people/person-model';
import { reviewModel } from '../../../src/store/reviews/review-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork } from '../../support/http';
import type { TeamsUser } from '../../support/teams';
import { actionDataIn } from '../../support/teams-card';
import { teamsJourney } from '../../support/teams-journey';

const person = (n: number, name: string): TeamsUser => ({
  aad: `99999999-9999-4999-8999-9999999999${String(n).padStart(2, '0')}`,
  name,
});
const OFFICER = person(1, 'Olive Officer');
const CHAIR = person(2, 'Cath Chair');
const MEMBER = person(3, 'Mo Member');
const SERVICE_LEAD = person(4, 'Sam Servicelead');
const MANAGER = person(5, 'Max Manager');

/*
 * A Trafford Housing Trust Quality and Insight Panel service review, from Teams alone, as its
 * terms of reference run it (trafford-quality-insight-panel-terms.txt), and only those:
 * - 4: a topic from one of the sources it lists ("Service identified from high level of
 *   complaints");
 * - 7: "The Panel can request for any member of the Trust's staff to attend a meeting with 10
 *   working days notice", counted across Christmas and New Year;
 * - silent on how long staff have to send information, on a light-touch subset of steps, on
 *   meetings per review (only "a minimum of six times a year"), on a time for the improvement
 *   plan and on a time for signing it off: so none of Sedgemoor's rules is borrowed;
 * - 5: "The Board will respond formally in writing to all recommendations"; if the Panel is not
 *   satisfied "the Chair of the Panel can request a meeting with either the Chair of the Board
 *   or the Chief Executive", and then "has the authority to discuss this with the regulator
 *   after agreeing with the Chair of the Board and Chief Executive".
 *
 * Bank holidays in England: Friday 25 December 2026, Monday 28 December 2026 (for Boxing Day,
 * a Saturday) and Friday 1 January 2027.
 */
describe('Teams journey: a Trafford Quality and Insight Panel service review', () => {
  onlyLoopbackNetwork();
  // Friday 18 December 2026.
  let now = new Date('2026-12-18T11:00:00Z');
  const bot = useTestBot({ BOOTSTRAP_OFFICERS: OFFICER.aad }, { clock: () => now });
  const { capture, say, click, buttonData, privately } = teamsJourney(bot, {
    service: 'https://smba.trafford-review.example',
    tenant: 'tenant-trafford-review',
    channel: '19:qip-review@thread.tacv2',
  });
  const db = () => bot().connection;
  const personOf = async (who: TeamsUser) =>
    (await personModel(db()).findOne({ platformUserId: who.aad }).lean())?._id ?? '';
  const stored = async () => (await reviewModel(db()).findOne({ reference: 'R-1' }).lean())?.review;
  const on = (iso: string) => {
    now = new Date(iso);
  };

  it('from a complaints topic to the regulator, by the Trafford terms alone', async () => {
    capture();
    expect(
      await say(OFFICER, 'group create "Quality and Insight Panel" preset:trafford-qip'),
    ).toContain('Quality and Insight Panel');
    for (const [who, role] of [
      [CHAIR, 'chair'],
      [MEMBER, 'member'],
    ] as const)
      expect(
        await say(OFFICER, `group add @${who.name} role:${role} tenure:tenant since:2019-01-01`, [
          who,
        ]),
      ).toContain(`${who.name} is now in the group as ${role}`);
    for (const who of [SERVICE_LEAD, MANAGER])
      expect(await say(OFFICER, `group add @${who.name} role:staff`, [who])).toContain(
        `${who.name} is now in the group as staff`,
      );
    const [officerId, chairId, memberId, serviceLeadId, managerId] = await Promise.all(
      [OFFICER, CHAIR, MEMBER, SERVICE_LEAD, MANAGER].map(personOf),
    );

    // 4: the topic comes from a high level of complaints, and the review says so.
    expect(
      await say(OFFICER, 'review open "Repairs complaints handling" type:light source:complaints'),
    ).toContain('Review R-1 opened');
    expect(await stored()).toMatchObject({ topicSource: 'complaints', depth: 'light-touch' });
    expect(await say(CHAIR, 'review scope R-1 "Stage 1 repairs complaints, 2026"')).toContain(
      'step 1 (agree scope) is done',
    );

    // 7: 10 working days' notice for staff asked to attend. From Friday 18 December the working
    // days are 21, 22, 23, 24, 29, 30, 31 December, 4, 5 and 6 January, so Tuesday 5 January
    // (9 days) is refused and Wednesday 6 January (10) is accepted, with the notice sent to the
    // member of staff in their own chat.
    expect(
      await say(OFFICER, `review meeting R-1 on:05/01/2027 invite:@${SERVICE_LEAD.name}`, [
        SERVICE_LEAD,
      ]),
    ).toContain('the earliest it can be is 6 January 2027');
    expect((await stored())?.plannedMeetings ?? []).toEqual([]);
    expect(privately(SERVICE_LEAD)).not.toContain('scrutiny review meeting');
    expect(
      await say(OFFICER, `review meeting R-1 on:06/01/2027 invite:@${SERVICE_LEAD.name}`, [
        SERVICE_LEAD,
      ]),
    ).toContain('planned on Wednesday 6 January 2027');
    expect(privately(SERVICE_LEAD)).toContain(
      'scrutiny review meeting on Wednesday 6 January 2027',
    );
    expect((await stored())?.plannedMeetings).toEqual([
      expect.objectContaining({ on: '2027-01-06', invited: [serviceLeadId] }),
    ]);

    // Trafford's terms give staff no time to send information, so the officer must say when;
    // none is borrowed from Sedgemoor's 10 working days. Without a date it is refused and
    // nothing is asked; with one it stands, even 5 working days (Tuesday 29 December, past
    // Christmas Day and the Boxing Day holiday), which Sedgemoor's terms would refuse.
    expect(
      await say(
        OFFICER,
        `evidence request @${SERVICE_LEAD.name} "Stage 1 complaint responses, 2026" review:R-1`,
        [SERVICE_LEAD],
      ),
    ).toContain('terms set no time for staff to answer');
    expect(await evidenceRequestModel(db()).countDocuments({})).toBe(0);
    expect(
      await say(
        OFFICER,
        `evidence request @${SERVICE_LEAD.name} "Stage 1 complaint responses, 2026" review:R-1 due:+5wd`,
        [SERVICE_LEAD],
      ),
    ).toContain('E-1 sent to Sam Servicelead');
    expect(await evidenceRequestModel(db()).findOne({}).lean()).toMatchObject({
      reference: 'E-1',
      requestedOf: serviceLeadId,
      dueAt: new Date('2026-12-29T23:59:59.999Z'),
    });
    expect(privately(SERVICE_LEAD)).toContain('Stage 1 complaint responses, 2026');

    // Trafford names no subset a light-touch review must keep: step 3 may be skipped, like 2,
    // each with its reason.
    await say(CHAIR, 'review skip R-1 step:2 "Complaint figures come to the Panel quarterly"');
    expect(
      await say(CHAIR, 'review skip R-1 step:3 "The quarterly figures were reviewed in November"'),
    ).toContain('step 3 (desktop review) skipped');
    expect((await stored())?.steps[2]).toMatchObject({
      state: 'skipped',
      by: chairId,
      reason: 'The quarterly figures were reviewed in November',
    });
    expect(await say(CHAIR, 'review done R-1 step:4')).toContain('step 4 (reality checks) done');
    for (const text of ['Call every complainant within 2 days', 'Track promised repairs'])
      await say(CHAIR, `review recommend R-1 "${text}"`);
    expect(await say(CHAIR, 'review report R-1 draft')).toContain(
      'step 5 (evidence-based report) is done',
    );

    // 5: the report goes to the Executive Management Team and Board, who respond in writing. The
    // terms set no time for that or for the plan, so agreeing the recommendations starts no
    // clock, though the person named for management is told on a card in their own chat.
    on('2027-01-13T11:00:00Z');
    expect(
      await say(OFFICER, `review agree R-1 agreed:1,2 management:@${MANAGER.name}`, [MANAGER]),
    ).toContain("The group's terms set no time for the improvement plan.");
    expect(await deadlineModel(db()).countDocuments({ kind: 'improvement-plan' })).toBe(0);
    expect((await stored())?.managementOwnerId).toBe(managerId);
    expect(privately(MANAGER)).toContain('Call every complainant within 2 days');
    expect(await say(CHAIR, 'review done R-1 step:6')).toContain('R-1: step 6 (draft to committee');

    // The response, from the management person's card: its button opens the form on the card,
    // and the form is answered there.
    on('2027-01-20T11:00:00Z');
    const form = await click(
      MANAGER,
      'review.respond-open',
      buttonData('review.respond-open', MANAGER),
    );
    expect(form).toContain('decision-1');
    expect(form).toContain('decision-2');
    expect(
      await click(MANAGER, 'review.respond', {
        ...actionDataIn(form, 'review.respond'),
        'decision-1': 'accept',
        'decision-2': 'reject',
        'reason-2': 'The repairs system cannot track promises until its upgrade in 2028',
      }),
    ).toContain("Management's response to R-1 is recorded");
    expect((await stored())?.managementResponse).toEqual({
      receivedOn: '2027-01-20',
      responses: [
        { recommendationId: '1', decision: 'accept' },
        {
          recommendationId: '2',
          decision: 'reject',
          reason: 'The repairs system cannot track promises until its upgrade in 2028',
        },
      ],
    });
    expect(privately(OFFICER)).toContain('Management have responded');

    // No meeting minimum per review in Trafford's terms: the final report needs none held.
    await say(CHAIR, 'review done R-1 step:7');
    expect(
      await say(CHAIR, 'review report R-1 final link:https://docs.example/qip-final'),
    ).toContain('step 8 (final report) is done');
    expect((await stored())?.meetings).toEqual([]);

    // 5: "a jointly agreed improvement plan", from management: its action, then handed in.
    expect(
      await say(
        MANAGER,
        `review action R-1 rec:1 @${SERVICE_LEAD.name} "Callback within 2 days for every stage 1 complaint" due:31/03/2027`,
        [SERVICE_LEAD],
      ),
    ).toContain('A1 added');
    expect(privately(SERVICE_LEAD)).toContain('You lead action A1');
    expect(
      (await deadlineModel(db()).find({ kind: 'improvement-action' }).lean()).map((d) => [
        d.ownerId,
        d.dueAt.toISOString(),
      ]),
    ).toEqual([[serviceLeadId, '2027-03-31T22:59:59.999Z']]);
    expect(await say(MANAGER, 'review plan submit R-1')).toContain('is handed in to the committee');
    // No time for signing it off either: no clock starts.
    expect(await deadlineModel(db()).countDocuments({ kind: 'committee-sign-off' })).toBe(0);

    // The officer records the plan signed off; with it, step 9.
    on('2027-01-27T11:00:00Z');
    expect(await say(OFFICER, 'review plan signoff R-1')).toContain('is signed off');
    expect((await stored())?.improvementPlan).toMatchObject({
      agreedOn: '2027-01-27',
      agreedBy: officerId,
    });
    expect((await stored())?.steps[8]).toMatchObject({ state: 'done', by: officerId });

    // 5: the Panel is not satisfied with the Board's rejection of recommendation 2. Only the
    // Chair of the Panel takes it further: a member who is not the chair is refused.
    on('2027-02-03T11:00:00Z');
    expect(
      await say(MEMBER, 'review escalate R-1 "Promises to tenants must be tracked"'),
    ).toContain(
      'Only the chair can take a review to the Chair of the Board or the Chief Executive',
    );
    expect((await stored())?.escalation.stage).toBe('none');
    expect(
      await say(
        CHAIR,
        'review escalate R-1 "Promises to tenants must be tracked now, not in 2028"',
      ),
    ).toContain('the Chair of the Board or the Chief Executive');
    expect((await stored())?.escalation.stage).toBe('board-chair-or-chief-executive');

    // Still not resolved: the regulator only "after agreeing with the Chair of the Board and
    // Chief Executive". Without that agreement confirmed it is refused; with it, it stands.
    on('2027-02-17T11:00:00Z');
    expect(
      await say(CHAIR, 'review escalate R-1 "No agreement was reached at the meeting"'),
    ).toContain('needs agreeing with the Chair of the Board and the Chief Executive first');
    expect((await stored())?.escalation.stage).toBe('board-chair-or-chief-executive');
    expect(
      await say(MEMBER, 'review escalate R-1 "No agreement was reached at the meeting" agreed'),
    ).toContain('Only the chair can take a review to the regulator');
    expect(
      await say(CHAIR, 'review escalate R-1 "No agreement was reached at the meeting" agreed'),
    ).toContain('the regulator');
    expect((await stored())?.escalation).toEqual({
      stage: 'regulator',
      history: [
        {
          stage: 'board-chair-or-chief-executive',
          reason: 'Promises to tenants must be tracked now, not in 2028',
          by: chairId,
          on: '2027-02-03',
        },
        {
          stage: 'regulator',
          reason: 'No agreement was reached at the meeting',
          by: chairId,
          on: '2027-02-17',
        },
      ],
    });
    // The top of the ladder: nowhere further to go.
    expect(await say(CHAIR, 'review escalate R-1 "Still unhappy" agreed')).toContain(
      'already reached the regulator',
    );

    // 5: the Panel keeps the wider tenant body aware of its work: step 10.
    expect(await say(CHAIR, 'review done R-1 step:10')).toContain('R-1: step 10 (publicise');
    expect((await stored())?.steps.map((s) => s.state)).toEqual([
      'done',
      'skipped',
      'skipped',
      'done',
      'done',
      'done',
      'done',
      'done',
      'done',
      'done',
    ]);

    const card = await say(MEMBER, 'review R-1');
    for (const says of [
      '{"title":"Topic from","value":"complaints"}',
      '0 held (the terms set no minimum)',
      'skipped (Cath Chair, Friday 18 December 2026): The quarterly figures were reviewed in November',
      'done (Olive Officer, Wednesday 27 January 2027)',
      'at the regulator: raised by Cath Chair, Wednesday 17 February 2027',
      'the Chair of the Board or the Chief Executive (Trafford QIP ToR 5) → the regulator (Trafford QIP ToR 5)',
    ])
      expect(card).toContain(says);
    expect(card).not.toContain('pending');

    // Who escalated, when and why, on the audit trail; the member's refused tries left none.
    const record = await reviewModel(db()).findOne({ reference: 'R-1' }).lean();
    const escalations = await auditEntryModel(db())
      .find({ 'subject.id': record?._id, action: 'review.escalated' })
      .sort({ at: 1, _id: 1 })
      .lean();
    expect(escalations.map((e) => [e.actorId, e.at.toISOString(), e.reason])).toEqual([
      [chairId, '2027-02-03T11:00:00.000Z', 'Promises to tenants must be tracked now, not in 2028'],
      [chairId, '2027-02-17T11:00:00.000Z', 'No agreement was reached at the meeting'],
    ]);
    expect(escalations.some((e) => e.actorId === memberId)).toBe(false);
  }, 120_000);
});
