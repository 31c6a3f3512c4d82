import { z } from 'zod';
import type { MembershipFacts } from '../../domain/people';
import {
  barUntil,
  liftSuspension,
  suspend,
  suspendForLiveComplaint,
  withdraw,
} from '../../domain/people';
import { refuse, type Result } from '../../domain/shared/result';
import { groupModel, type GroupRecord } from '../../store/groups/group-model';
import { membershipModel, type MembershipRecord } from '../../store/people/membership-model';
import type { Actor } from '../shared/actor';
import { requireGroupRole } from '../shared/authorise';
import type { AppContext } from '../shared/context';
import { localDate, recordId, requiredText } from '../shared/inputs';
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
  const membership = await membershipModel(ctx.db)
    .findOne({
      groupId: input.groupId,
      personId: input.personId,
      organisationId: actor.organisationId,
    })
    .lean<MembershipRecord>();
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
    membershipModel(ctx.db),
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
    const group = await groupModel(ctx.db)
      .findOne({ _id: input.groupId, organisationId: actor.organisationId })
      .lean<GroupRecord>();
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
