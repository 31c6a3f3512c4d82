import type { DeadlineKind } from '../../../src/domain/deadlines';
import { deadlineModel, type DeadlineRecord } from '../../../src/store/deadlines/deadline-model';
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
const OFFICER = person(1, 'Vera Officer');
const CHAIR = person(2, 'Cath Chair');
const MEMBER = person(3, 'Mo Member');
const MANAGER = person(4, 'Max Manager');
const LEAD = person(5, 'Alex Lead');

/*
 * After the committee agrees the recommendations, from Teams alone (Sedgemoor ToR 6.2):
 * management answer on the card in their own chat, add actions with a lead and a date, and hand
 * the plan in within 28 days; the committee returns it once and signs it off within 10 days of
 * each receipt. Then Southampton's follow-up review, 6 months to 1 year after sign-off.
 */
describe('Teams: the improvement plan, from management’s response to sign-off', () => {
  onlyLoopbackNetwork();
  let now = new Date('2026-03-02T10:00:00Z');
  const bot = useTestBot({ BOOTSTRAP_OFFICERS: OFFICER.aad }, { clock: () => now });
  // Channel tests in one tenant share one service URL.
  const service = 'https://smba.sedgemoor.example';
  const panel = teamsJourney(bot, { service, tenant: 'tenant-plan', channel: '19:plan@thread' });
  const { capture, say, click, buttonData, privately } = panel;
  const db = () => bot().connection;
  const personOf = async (who: TeamsUser) =>
    (await personModel(db()).findOne({ platformUserId: who.aad }).lean())?._id;
  const stored = async (ref = 'R-1') =>
    (await reviewModel(db()).findOne({ reference: ref }).lean())?.review;
  const deadlines = (kind: DeadlineKind) =>
    deadlineModel(db())
      .find({ kind })
      .sort({ createdAt: 1, 'subject.id': 1 })
      .lean<DeadlineRecord[]>();

  it('Sedgemoor: response on the card, actions, hand-in, a return, hand-in again, sign-off', async () => {
    capture();
    await say(OFFICER, 'group create "Repairs scrutiny panel" preset:sedgemoor-scrutiny');
    for (const [who, role] of [
      [CHAIR, 'chair'],
      [MEMBER, 'member'],
      [MANAGER, 'staff'],
      [LEAD, 'staff'],
    ] as const)
      expect(
        await say(OFFICER, `group add @${who.name} role:${role} tenure:tenant`, [who]),
      ).toContain(`${who.name} is now in the group`);
    await say(OFFICER, 'review open "Repairs by phone" type:light');
    await say(CHAIR, 'review scope R-1 "Repairs reported by phone"');
    await say(CHAIR, 'review skip R-1 step:2 "Information already held"');
    for (const step of [3, 4]) await say(CHAIR, `review done R-1 step:${step}`);
    for (const text of ['Give every caller an appointment', 'Text before a visit'])
      await say(CHAIR, `review recommend R-1 "${text}"`);
    await say(CHAIR, 'review report R-1 draft link:https://docs.example/draft');
    await say(OFFICER, `review agree R-1 agreed:1,2 management:@${MANAGER.name}`, [MANAGER]);
    await say(CHAIR, 'review done R-1 step:6');
    const [managerId, leadId, officerId] = await Promise.all(
      [MANAGER, LEAD, OFFICER].map(personOf),
    );
    expect(
      (await deadlines('improvement-plan')).map((d) => [d.ownerId, d.dueAt.toISOString()]),
    ).toEqual([[managerId, '2026-03-30T22:59:59.999Z']]);

    // The notice in management's own chat opens the form; its inputs answer each one.
    const form = await click(
      MANAGER,
      'review.respond-open',
      buttonData('review.respond-open', MANAGER),
    );
    expect(form).toContain('decision-1');
    expect(form).toContain('decision-2');
    // The form came back as the card's new state; its inputs are read from it as sent.
    const inputIds = [...form.matchAll(/"id":"((?:decision|reason)-\d+)"/g)].map((m) => m[1]);
    expect(inputIds).toEqual(['decision-1', 'reason-1', 'decision-2', 'reason-2']);
    expect(
      await click(MEMBER, 'review.respond', {
        ref: 'R-1',
        'decision-1': 'accept',
        'decision-2': 'accept',
      }),
    ).toMatch(/officer|management/);
    expect(
      await click(MANAGER, 'review.respond', {
        ref: 'R-1',
        'decision-1': 'accept',
        'decision-2': 'reject',
      }),
    ).toContain('reason');
    expect((await stored())?.managementResponse).toBeUndefined();
    expect(
      await click(MANAGER, 'review.respond', {
        ref: 'R-1',
        'decision-1': 'accept',
        'decision-2': 'reject',
        'reason-2': 'No text service yet',
      }),
    ).toContain("Management's response to R-1 is recorded");
    expect((await stored())?.managementResponse?.responses).toEqual([
      { recommendationId: '1', decision: 'accept' },
      { recommendationId: '2', decision: 'reject', reason: 'No text service yet' },
    ]);

    expect(
      await say(MANAGER, `review action R-1 rec:1 @${LEAD.name} "Stock vans" due:20/03/2026`, [
        LEAD,
      ]),
    ).toContain('A1 added');
    expect(privately(LEAD)).toContain('You lead action A1');
    await say(MANAGER, `review action R-1 rec:1 @${LEAD.name} "Weekly restock" due:30/06/2026`, [
      LEAD,
    ]);
    expect(
      (await deadlines('improvement-action')).map((d) => [d.ownerId, d.dueAt.toISOString()]),
    ).toEqual([
      [leadId, '2026-03-20T23:59:59.999Z'],
      [leadId, '2026-06-30T22:59:59.999Z'],
    ]);

    now = new Date('2026-03-05T10:00:00Z');
    expect(await say(MANAGER, 'review plan submit R-1')).toContain('15 March 2026');
    expect((await deadlines('improvement-plan')).map((d) => d.state)).toEqual(['met']);
    expect(
      (await deadlines('committee-sign-off')).map((d) => [d.ownerId, d.dueAt.toISOString()]),
    ).toEqual([[officerId, '2026-03-15T23:59:59.999Z']]);

    now = new Date('2026-03-09T10:00:00Z');
    expect(await say(OFFICER, 'review plan return R-1 "Say who restocks the vans"')).toContain(
      'returned to management',
    );
    expect(privately(MANAGER)).toContain('Say who restocks the vans');
    now = new Date('2026-03-12T10:00:00Z');
    expect(await say(MANAGER, 'review plan submit R-1')).toContain('22 March 2026');
    expect(
      (await deadlines('committee-sign-off')).map((d) => [d.dueAt.toISOString(), d.state]),
    ).toEqual([
      ['2026-03-15T23:59:59.999Z', 'met'],
      ['2026-03-22T23:59:59.999Z', 'open'],
    ]);

    expect(await say(LEAD, 'review action done R-1 A2')).toContain('A2 of R-1 is done');
    now = new Date('2026-03-21T10:00:00Z');
    const tracker = await say(MEMBER, 'review plan R-1');
    expect(tracker.indexOf('A1')).toBeLessThan(tracker.indexOf('A2'));
    expect(tracker).toContain('Overdue');
    expect(tracker).toContain('Returned on Monday 9 March 2026');

    expect(await say(OFFICER, 'review plan signoff R-1')).toContain('signed off');
    expect((await deadlines('committee-sign-off')).map((d) => d.state)).toEqual(['met', 'met']);
    expect((await stored())?.improvementPlan.agreedBy).toBe(officerId);
    expect(await deadlines('action-plan-review')).toEqual([]);
  });

  it('Southampton: the follow-up review is set only 6 to 12 months after sign-off', async () => {
    const inspectors = teamsJourney(bot, {
      service,
      tenant: 'tenant-plan',
      channel: '19:inspectors@thread',
    });
    inspectors.capture();
    now = new Date('2026-04-01T10:00:00Z');
    const say2 = inspectors.say;
    await say2(OFFICER, 'group create "Tenant Inspectors" preset:southampton-ti');
    await say2(OFFICER, 'review open "Void standard" type:light');
    await say2(OFFICER, 'review scope R-2 "Empty homes let in 2025"');
    for (const step of [2, 3, 4]) await say2(OFFICER, `review skip R-2 step:${step} "Not needed"`);
    await say2(OFFICER, 'review recommend R-2 "Inspect every void before letting"');
    await say2(OFFICER, 'review report R-2 draft link:https://docs.example/voids');
    await say2(OFFICER, `review agree R-2 agreed:1 management:@${OFFICER.name}`, [OFFICER]);
    await say2(OFFICER, 'review done R-2 step:6');
    await say2(OFFICER, 'review respond R-2 accept:1');
    await say2(
      OFFICER,
      `review action R-2 rec:1 @${OFFICER.name} "Void sign-off sheet" due:30/06/2026`,
      [OFFICER],
    );
    await say2(OFFICER, 'review plan submit R-2');
    expect(await say2(OFFICER, 'review plan signoff R-2')).toContain('signed off');
    expect((await deadlines('action-plan-review')).map((d) => d.dueAt.toISOString())).toEqual([
      '2026-10-01T22:59:59.999Z',
    ]);
    expect(await say2(OFFICER, 'review followup R-2 on:01/05/2027')).toContain(
      'between 1 October 2026 and 1 April 2027',
    );
    expect((await stored('R-2'))?.followUpReviewOn).toBeUndefined();
    expect(await say2(OFFICER, 'review followup R-2 on:01/12/2026')).toContain('1 December 2026');
    expect((await stored('R-2'))?.followUpReviewOn).toBe('2026-12-01');
  });
});
