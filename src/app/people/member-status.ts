import { z } from 'zod';
import type { MembershipFacts } from '../../domain/people';
import {
  barUntil,
  liftSuspension,
  readableDate,
  suspend,
  suspendForLiveComplaint,
  withdraw,
} from '../../domain/people';
import { refuse, type Result } from '../../domain/shared/result';
import { GroupBook } from '../../store/groups/group-book';
import type { MembershipRecord } from '../../store/people/membership-model';
import { MembershipRoll } from '../../store/people/membership-roll';
import { SYSTEM_ACTOR_ID, type Actor } from '../shared/actor';
import { requireGroupRole } from '../shared/authorise';
import type { AppContext } from '../shared/context';
import { localDate, optionalText, recordId, requiredText } from '../shared/inputs';
import { saveChange } from '../shared/record-change';
import { defineUseCase } from '../shared/use-case';
import { releaseSeats, seatPoolsOf } from './add-member';
import { localToday, membershipFactsOf, policyOf } from './standing';

const target = { groupId: recordId, personId: recordId };

/** Loads the membership, applies one status transition, saves it versioned and audited. */
async function changeStatus(
  ctx: AppContext,
  actor: Actor,
  input: { groupId: string; personId: string; reason: string },
  action: string,
  transition: (membership: MembershipFacts, today: string) => Result<MembershipFacts>,
): Promise<Result<MembershipRecord>> {
  const refusals = await requireGroupRole(
    ctx,
    actor,
    input.groupId,
    ['officer'],
    'change a member’s status',
  );
  if (refusals.length > 0) return { ok: false, refusals };
  const membership = await new MembershipRoll(ctx.db).of(
    input.groupId,
    input.personId,
    actor.organisationId,
  );
  if (!membership) return refuse('membership.not-a-member', 'That person is not in this group.');
  const next = transition(
    membershipFactsOf(membership),
    await localToday(ctx, actor.organisationId),
  );
  if (!next.ok) return next;
  return saveStatus(ctx, actor, membership, next.value.status, {
    action,
    reason: input.reason,
  });
}

/**
 * Moves a membership to a new status, versioned and on the audit trail with the old and new
 * status: every status change goes through here, whether an officer, a vote or the scheduler
 * made it.
 */
export function saveStatus(
  ctx: AppContext,
  actor: Actor,
  membership: MembershipRecord,
  status: MembershipRecord['status'],
  why: { action: string; reason: string; details?: Record<string, unknown> },
): Promise<Result<MembershipRecord>> {
  return saveChange(
    ctx,
    actor,
    new MembershipRoll(ctx.db).memberships,
    membership,
    { status },
    {
      subject: { kind: 'membership', id: membership._id },
      groupId: membership.groupId,
      action: why.action,
      reason: why.reason,
      details: { from: membership.status, to: status, ...why.details },
    },
  );
}

/**
 * Torus TIMS ToR Safeguards: suspended "pending investigation"; they keep their place. With
 * `liveComplaint`, Torus TIMS ToR Exclusions: suspended "until the complaint is fully resolved",
 * refused where the group's policy does not suspend for a complaint (Sedgemoor ToR 9.2).
 */
export const suspendMember = defineUseCase({
  name: 'suspendMember',
  input: z.object({
    ...target,
    reason: requiredText(500),
    liveComplaint: z.boolean().default(false),
  }),
  async run(ctx, actor, input) {
    if (!input.liveComplaint)
      return changeStatus(ctx, actor, input, 'membership.suspended', (m, today) =>
        suspend(m, { reason: input.reason, on: today }),
      );
    const group = await new GroupBook(ctx.db).inOrganisation(actor.organisationId, input.groupId);
    const policy = group ? policyOf(group) : undefined;
    return changeStatus(ctx, actor, input, 'membership.suspended-for-live-complaint', (m, today) =>
      policy
        ? suspendForLiveComplaint(policy, m, today)
        : refuse('group-not-found', 'That group does not exist in your organisation.'),
    );
  },
});

export const liftMemberSuspension = defineUseCase({
  name: 'liftMemberSuspension',
  input: z.object({ ...target, reason: requiredText(500) }),
  async run(ctx, actor, input) {
    return changeStatus(ctx, actor, input, 'membership.suspension-lifted', (m) =>
      liftSuspension(m),
    );
  },
});

/** Sedgemoor and Torus: a decision to withdraw membership, with its reason; the place is freed. */
export const withdrawMember = defineUseCase({
  name: 'withdrawMember',
  input: z.object({ ...target, reason: requiredText(500) }),
  async run(ctx, actor, input) {
    const result = await changeStatus(ctx, actor, input, 'membership.withdrawn', (m, today) =>
      withdraw(m, { reason: input.reason, on: today }),
    );
    if (result.ok) await releaseSeats(ctx, seatPoolsOf(input.groupId), input.personId);
    return result;
  },
});

/** Southampton Code of Conduct: members present may vote to bar a member for a period. */
export const barMember = defineUseCase({
  name: 'barMember',
  input: z.object({ ...target, until: localDate, reason: requiredText(500) }),
  async run(ctx, actor, input) {
    return changeStatus(ctx, actor, input, 'membership.barred', (m, today) =>
      barUntil(m, { until: input.until, reason: input.reason, asOf: today }),
    );
  },
});

/**
 * A member leaves of their own accord (Torus TIMS ToR Safeguards: "If a group member wishes to
 * resign, they should inform the Tenant Voice team in writing or by e-mail"; a message in the
 * group's chat is on record as that). Their place is freed; an officer may add them again later, on the same record.
 */
export const resignMembership = defineUseCase({
  name: 'resignMembership',
  input: z.object({ groupId: recordId, reason: optionalText(500) }),
  async run(ctx, actor, input) {
    const membership = await new MembershipRoll(ctx.db).of(
      input.groupId,
      actor.personId,
      actor.organisationId,
    );
    if (!membership || membership.status.kind === 'withdrawn')
      return refuse('membership.not-a-member', 'You are not a member of this group.');
    const reason = input.reason ? `Resigned: ${input.reason}` : 'Resigned';
    const next = withdraw(membershipFactsOf(membership), {
      reason,
      on: await localToday(ctx, actor.organisationId),
    });
    if (!next.ok) return next;
    const saved = await saveStatus(ctx, actor, membership, next.value.status, {
      action: 'membership.resigned',
      reason,
    });
    if (saved.ok) await releaseSeats(ctx, seatPoolsOf(input.groupId), actor.personId);
    return saved;
  },
});

/**
 * The scheduler ends memberships whose fixed term is over (Trafford QIP ToR 7: "a fixed term of
 * three years"; termEndsOn is the term's last day) and frees their places. The membership is
 * withdrawn with the term as its reason, so `group add` takes them back on the same record
 * ("Members may then re apply to the Panel", ToR 7). Returns how many ended.
 */
export async function endFinishedTerms(ctx: AppContext): Promise<number> {
  // A day's slack either side of UTC: each organisation's own today decides below.
  const latestToday = new Date(ctx.now().getTime() + 24 * 3600 * 1000).toISOString().slice(0, 10);
  const candidates = await new MembershipRoll(ctx.db).termEndedBefore(latestToday);
  let ended = 0;
  for (const membership of candidates) {
    const today = await localToday(ctx, membership.organisationId);
    const lastDay = membership.termEndsOn;
    if (lastDay === undefined || lastDay >= today) continue;
    const reason = `Their term ended on ${readableDate(lastDay)}; they may re-apply.`;
    const saved = await saveStatus(
      ctx,
      { organisationId: membership.organisationId, personId: SYSTEM_ACTOR_ID },
      membership,
      { kind: 'withdrawn', reason, on: today },
      { action: 'membership.term-ended', reason, details: { termEndsOn: lastDay } },
    );
    if (!saved.ok) continue;
    await releaseSeats(ctx, seatPoolsOf(membership.groupId), membership.personId);
    ended += 1;
  }
  return ended;
}
