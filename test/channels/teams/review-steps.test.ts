import { deadlineModel } from '../../../src/store/deadlines/deadline-model';
import { personModel } from '../../../src/store/people/person-model';
import { reviewModel } from '../../../src/store/reviews/review-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork } from '../../support/http';
import type { TeamsUser } from '../../support/teams';
import { teamsJourney } from '../../support/teams-journey';

const person = (n: number, name: string): TeamsUser => ({
  aad: `77777777-7777-4777-8777-7777777777${String(n).padStart(2, '0')}`,
  name,
});
const OFFICER = person(1, 'Olive Officer');
const CHAIR = person(2, 'Cath Chair');
const STAFF = person(3, 'Sam Servicelead');
const TORUS_OFFICER = person(4, 'Tara Officer');

/*
 * Trafford QIP ToR from Teams: its terms name no light-touch subset (any step may be skipped
 * with a reason), no meeting minimum per review and no time for the improvement plan, so none
 * is borrowed from Sedgemoor; staff still get 10 working days' notice (section 7), and the
 * Chair of the Panel escalates to the Chair of the Board or the Chief Executive (section 5).
 * Torus's terms set no escalation route, so none is invented.
 */
describe('Teams: review steps by each group’s own terms', () => {
  onlyLoopbackNetwork();
  // Friday 18 December 2026: ten working days on is Wednesday 6 January 2027.
  const bot = useTestBot(
    { BOOTSTRAP_OFFICERS: `${OFFICER.aad},${TORUS_OFFICER.aad}` },
    { clock: () => new Date('2026-12-18T11:00:00Z') },
  );
  const trafford = teamsJourney(bot, {
    service: 'https://smba.review-steps.example',
    tenant: 'tenant-review-trafford',
    channel: '19:trafford-qip@thread.tacv2',
  });
  const torus = teamsJourney(bot, {
    service: 'https://smba.review-steps-torus.example',
    tenant: 'tenant-review-torus',
    channel: '19:torus-tims@thread.tacv2',
  });
  const db = () => bot().connection;
  const stored = async (reference: string) =>
    (await reviewModel(db()).findOne({ reference }).lean())?.review;
  const personOf = async (who: TeamsUser) =>
    (await personModel(db()).findOne({ platformUserId: who.aad }).lean())?._id;

  it('Trafford: skips any step with a reason, gives staff 10 working days across New Year, and finishes with no meetings and no plan clock', async () => {
    const { capture, say, privately } = trafford;
    capture();
    await say(OFFICER, 'group create "Quality and Insight Panel" preset:trafford-qip');
    expect(
      await say(OFFICER, `group add @${CHAIR.name} role:chair tenure:tenant since:2019-01-01`, [
        CHAIR,
      ]),
    ).toContain('is now in the group');
    // Trafford 7 calls "any member of the Trust's staff": the bot knows staff by their role.
    expect(await say(OFFICER, `group add @${STAFF.name} role:staff`, [STAFF])).toContain(
      'is now in the group',
    );
    expect(await say(OFFICER, 'review open "Lettings" type:light source:complaints')).toContain(
      'Review R-1 opened',
    );
    const reference = (await reviewModel(db()).findOne({}).lean())?.reference ?? '';
    expect(await say(CHAIR, `review scope ${reference} "Void lettings, 2026"`)).toContain(
      'step 1 (agree scope) is done',
    );
    // Trafford names no light-touch subset: steps 2 and 3 may be skipped, each with its reason.
    await say(CHAIR, `review skip ${reference} step:2 "Information already held"`);
    expect(
      await say(CHAIR, `review skip ${reference} step:3 "Figures reviewed last quarter"`),
    ).toContain('skipped');
    expect((await stored(reference))?.steps[2]).toMatchObject({
      state: 'skipped',
      reason: 'Figures reviewed last quarter',
      by: await personOf(CHAIR),
    });

    // Section 7: 10 working days' notice for staff, counted past 25, 28 December and 1 January.
    expect(
      await say(OFFICER, `review meeting ${reference} on:05/01/2027 invite:@${STAFF.name}`, [
        STAFF,
      ]),
    ).toContain('the earliest it can be is 6 January 2027');
    expect((await stored(reference))?.plannedMeetings ?? []).toEqual([]);
    expect(
      await say(OFFICER, `review meeting ${reference} on:06/01/2027 invite:@${STAFF.name}`, [
        STAFF,
      ]),
    ).toContain('planned on Wednesday 6 January 2027');
    expect(privately(STAFF)).toContain('scrutiny review meeting on Wednesday 6 January 2027');
    expect((await stored(reference))?.plannedMeetings?.[0]?.invited).toEqual([
      await personOf(STAFF),
    ]);

    for (const step of [2, 4])
      await say(CHAIR, `review skip ${reference} step:${step} "Not needed"`);
    expect(
      await say(CHAIR, `review recommend ${reference} "Show void times on the website"`),
    ).toContain('Recommendation 1 added');
    await say(CHAIR, `review report ${reference} draft`);
    // No improvementPlanDays in Trafford's terms: agreed without anyone named, and no clock.
    const agreed = await say(OFFICER, `review agree ${reference} agreed:1`);
    expect(agreed).toContain('set no time for the improvement plan');
    expect(await deadlineModel(db()).countDocuments({ kind: 'improvement-plan' })).toBe(0);
    for (const step of [6, 7]) await say(CHAIR, `review done ${reference} step:${step}`);
    // No meeting minimum per review in Trafford's terms: the final report needs none held.
    expect(
      await say(CHAIR, `review report ${reference} final link:https://docs.example/final`),
    ).toContain('step 8');
    expect((await stored(reference))?.meetings).toEqual([]);
    expect((await stored(reference))?.reports?.final?.link).toBe('https://docs.example/final');

    const card = await say(CHAIR, `review ${reference}`);
    for (const says of [
      'Void lettings, 2026',
      '0 held (the terms set no minimum)',
      'staff invited: Sam Servicelead',
      'Committee: agreed',
      'The terms set no time for the improvement plan.',
      'the Chair of the Board or the Chief Executive (Trafford QIP ToR 5)',
      'not escalated',
    ])
      expect(card).toContain(says);
  });

  it('Torus: the terms set no escalation route, so none is taken', async () => {
    const { capture, say } = torus;
    capture();
    await say(TORUS_OFFICER, 'group create "TIMS" preset:torus-tims');
    await say(TORUS_OFFICER, 'review open "Estate services" type:full');
    const review = await reviewModel(db()).findOne({}).sort({ createdAt: -1 }).lean();
    const escalated = await say(
      TORUS_OFFICER,
      `review escalate ${review?.reference} "Not satisfied with the response"`,
    );
    expect(escalated).toContain('terms set no escalation route');
    expect((await stored(review?.reference ?? ''))?.escalation).toEqual({
      stage: 'none',
      history: [],
    });
    expect(await say(TORUS_OFFICER, `review ${review?.reference}`)).toContain(
      'the terms set no route',
    );
  });
});
