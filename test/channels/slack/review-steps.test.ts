import nock from 'nock';
import { AuditTrail } from '../../../src/store/audit/audit-trail';
import { deadlineModel } from '../../../src/store/deadlines/deadline-model';
import { personModel } from '../../../src/store/people/person-model';
import { reviewModel } from '../../../src/store/reviews/review-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork } from '../../support/http';
import { captureSlack, slackEnv } from '../../support/slack';
import { slackSession, type Who } from '../../support/slack-session';

const TEAM = 'T0REVIEWSTEPS';
const OFFICER = { id: 'U0RSOFFICER', name: 'olive' };
const CHAIR = { id: 'U0RSCHAIR', name: 'cath' };
const MEMBER = { id: 'U0RSMEMBER', name: 'mo' };
const STAFF = { id: 'U0RSSTAFF', name: 'sam' };
const MANAGER = { id: 'U0RSMANAGER', name: 'max' };
const mention = (who: Who) => `<@${who.id}|${who.name}>`;

/*
 * A Sedgemoor light-touch review worked from Slack alone: 4.3's steps in order, 4.4's steps that
 * cannot be skipped, 6.1's ten working days' notice for staff (counted across Christmas and New
 * Year), 10.1's minimum meetings before the final report, 6.2's 28-day improvement plan owned by
 * management, and 5.4's escalation by the panel's chair.
 */
describe('Slack: a Sedgemoor review, step by step', () => {
  onlyLoopbackNetwork();
  // Friday 18 December 2026: ten working days on is Wednesday 6 January 2027.
  const bot = useTestBot(
    { ...slackEnv, BOOTSTRAP_OFFICERS: OFFICER.id },
    { clock: () => new Date('2026-12-18T11:00:00Z') },
  );
  const slack = captureSlack(nock);
  beforeEach(() => slack.install());
  const { slash, dmTo } = slackSession(() => bot().url, slack, {
    team: TEAM,
    channel: 'C0RSPANEL',
  });
  const db = () => bot().connection;
  const personOf = async (who: Who) =>
    (await personModel(db()).findOne({ platformUserId: who.id }).lean())?._id;
  const stored = async () => (await reviewModel(db()).findOne({ reference: 'R-1' }).lean())?.review;
  const blocksOf = (call: { body: Record<string, unknown> }) => JSON.stringify(call.body.blocks);

  it('scope, skips, a meeting with staff on notice, recommendations, reports, the agreement and escalation', async () => {
    await slash(OFFICER, 'group create "Repairs scrutiny panel" preset:sedgemoor-scrutiny');
    for (const [who, role] of [
      [CHAIR, 'chair'],
      [MEMBER, 'member'],
      [MANAGER, 'staff'],
      [STAFF, 'staff'],
    ] as const)
      expect(
        (await slash(OFFICER, `group add ${mention(who)} role:${role} tenure:tenant`)).text,
      ).toContain(`${who.name} is now in the group`);
    expect((await slash(OFFICER, 'review open "Repairs by phone" type:light')).text).toContain(
      'Review R-1 opened',
    );

    // 4.3(1): the chair records the scope, which completes step 1.
    expect(
      (await slash(CHAIR, 'review scope R-1 "Repairs reported by phone, April to September"')).text,
    ).toContain('step 1 (agree scope) is done');
    const chairId = await personOf(CHAIR);
    expect((await stored())?.scope).toBe('Repairs reported by phone, April to September');
    expect((await stored())?.steps[0]).toMatchObject({ state: 'done', by: chairId });

    // 4.4: a light-touch review includes steps 1, 3 and 5; step 2 may be skipped, 3 may not.
    expect((await slash(CHAIR, 'review skip R-1 step:3 "Not needed"')).text).toContain(
      'cannot be skipped',
    );
    expect((await stored())?.steps[2]?.state).toBe('pending');
    expect(
      (await slash(CHAIR, 'review skip R-1 step:2 "Information already held from the last review"'))
        .text,
    ).toContain('skipped');
    expect((await stored())?.steps[1]).toMatchObject({
      state: 'skipped',
      by: chairId,
      reason: 'Information already held from the last review',
    });
    // A member cannot move the review on.
    expect((await slash(MEMBER, 'review done R-1 step:3')).text).toMatch(/chair|officer/);
    expect((await stored())?.steps[2]?.state).toBe('pending');

    // 6.1 calls "any member of staff": a tenant on the panel is not called on notice.
    const tenant = await slash(
      OFFICER,
      `review meeting R-1 on:06/01/2027 invite:${mention(MEMBER)}`,
    );
    expect(tenant.text).toContain('is not staff or an officer here');
    expect((await stored())?.plannedMeetings ?? []).toEqual([]);

    // 6.1: 9 working days' notice is refused with the earliest date; 10 is enough.
    const short = await slash(OFFICER, `review meeting R-1 on:05/01/2027 invite:${mention(STAFF)}`);
    expect(short.text).toContain('the earliest it can be is 6 January 2027');
    expect((await stored())?.plannedMeetings ?? []).toEqual([]);
    const since = slack.calls.length;
    expect(
      (await slash(OFFICER, `review meeting R-1 on:06/01/2027 invite:${mention(STAFF)}`)).text,
    ).toContain('planned on Wednesday 6 January 2027');
    expect((await dmTo(since, 'scrutiny review meeting')).text).toContain('6 January 2027');
    expect((await stored())?.plannedMeetings).toEqual([
      expect.objectContaining({ on: '2027-01-06', invited: [await personOf(STAFF)] }),
    ]);

    for (const step of [3, 4])
      expect((await slash(CHAIR, `review done R-1 step:${step}`)).text).toContain('done');
    expect(
      (await slash(CHAIR, 'review recommend R-1 "Give every caller an appointment"')).text,
    ).toContain('Recommendation 1 added');
    expect(
      (await slash(CHAIR, 'review recommend R-1 "Text the day before a visit"')).text,
    ).toContain('Recommendation 2 added');
    expect((await slash(CHAIR, 'review report R-1 draft link:http://docs.example/d')).text).toMatch(
      /https/,
    );
    expect(
      (await slash(CHAIR, 'review report R-1 draft link:https://docs.example/draft')).text,
    ).toContain('step 5 (evidence-based report) is done');
    expect((await stored())?.reports?.draft?.link).toBe('https://docs.example/draft');

    // 6.2: the 28 days are management's; without someone named for management nothing starts.
    expect((await slash(OFFICER, 'review agree R-1 agreed:1 not:2')).text).toContain(
      'management:@person',
    );
    expect((await stored())?.recommendations.map((r) => r.agreed)).toEqual([undefined, undefined]);
    expect(
      (await slash(OFFICER, `review agree R-1 agreed:1 management:${mention(MEMBER)}`)).text,
    ).toContain('not staff or an officer');
    const agreeing = slack.calls.length;
    const agreed = await slash(
      OFFICER,
      `review agree R-1 agreed:1 not:2 management:${mention(MANAGER)}`,
    );
    expect(agreed.text).toContain('Friday 15 January 2027');
    const managerId = await personOf(MANAGER);
    expect((await stored())?.managementOwnerId).toBe(managerId);
    expect((await stored())?.recommendations.map((r) => r.agreed)).toEqual([true, false]);
    const clocks = await deadlineModel(db()).find({ kind: 'improvement-plan' }).lean();
    expect(clocks.map((d) => [d.ownerId, d.dueAt.toISOString()])).toEqual([
      [managerId, '2027-01-15T23:59:59.999Z'],
    ]);
    const toManager = await dmTo(agreeing, 'Recommendations agreed');
    expect(blocksOf(toManager)).toContain('Give every caller an appointment');

    // 10.1: a light-touch review needs 2 meetings before its final report.
    for (const step of [6, 7]) await slash(CHAIR, `review done R-1 step:${step}`);
    expect((await slash(CHAIR, 'review report R-1 final')).text).toContain('at least 2 meetings');
    expect((await stored())?.steps[7]?.state).toBe('pending');
    for (const notes of ['"Desktop review"', '"Evidence from the repairs team"'])
      expect((await slash(CHAIR, `review held R-1 attendees:6 ${notes}`)).text).toContain(
        'recorded',
      );
    expect((await slash(CHAIR, 'review report R-1 final')).text).toContain('step 8');
    expect((await stored())?.meetings).toHaveLength(2);

    // 5.4: the panel goes to STAC through its chair, from management's response; not the officer.
    expect((await slash(OFFICER, 'review escalate R-1 "No response"')).text).toMatch(/chair/);
    expect((await slash(CHAIR, 'review escalate R-1 "No response"')).text).toContain(
      "management's response",
    );
    expect((await stored())?.escalation.stage).toBe('none');
    // Management answer (rejecting the agreed recommendation), and the chair takes it to STAC.
    await slash(MANAGER, 'review respond R-1 reject:1 "No budget this year"');
    expect((await stored())?.managementResponse).toBeDefined();
    expect(
      (await slash(CHAIR, 'review escalate R-1 "The response ignores our evidence"')).text,
    ).toContain('taken to the Sedgemoor Tenants Assurance Committee');
    expect((await stored())?.escalation).toMatchObject({
      stage: 'committee',
      history: [{ stage: 'committee', by: chairId, reason: 'The response ignores our evidence' }],
    });

    // Each step is on the audit trail with who took it and, where given, why.
    const record = await reviewModel(db()).findOne({ reference: 'R-1' }).lean();
    const trail = await new AuditTrail(db()).forSubject('review', record?._id ?? '');
    expect(trail.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'review.scope-agreed',
        'review.step-skipped',
        'review.meeting-planned',
        'review.recommendations-decided',
        'review.report-final',
        'review.escalated',
      ]),
    );
    expect(trail.find((e) => e.action === 'review.step-skipped')).toMatchObject({
      actorId: chairId,
      reason: 'Information already held from the last review',
    });

    // Anyone in the group sees where the review stands.
    const card = blocksOf(await slash(MEMBER, 'review R-1'));
    for (const says of [
      'Repairs reported by phone',
      '2 of 2 held',
      'skipped (cath',
      'Give every caller an appointment',
      'Committee: agreed',
      'Improvement plan due',
      'at the Sedgemoor Tenants Assurance Committee (STAC): raised by cath',
      'independent mediation',
    ])
      expect(card).toContain(says);
  });

  it('a bad input changes nothing and says why', async () => {
    const before = await stored();
    expect((await slash(CHAIR, 'review done R-1 step:11')).text).toContain('from 1 to 10');
    expect((await slash(CHAIR, 'review done step:3')).text).toContain('review reference');
    expect((await slash(CHAIR, 'review held R-1 attendees:none')).text).toContain('attendees');
    expect((await slash(CHAIR, 'review meeting R-1 on:06/01/2027 invite:sam')).text).toContain(
      'mention',
    );
    expect((await slash(CHAIR, 'review R-99')).text).toContain('no review R-99');
    expect(await stored()).toEqual(before);
  });
});
