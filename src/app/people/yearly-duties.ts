import type { MembershipPolicy } from '../../domain/groups';
import type { DeadlineRecord } from '../../store/deadlines/deadline-model';
import { startDeadline } from '../deadlines/start-deadline';
import type { Actor } from '../shared/actor';
import type { AppContext } from '../shared/context';

/**
 * The yearly duties a group's own terms of reference set, opened as deadlines so the nudge sweep
 * chases them like any other (deadline-rules.ts: 'appraisal' and 'terms-review', 12 months).
 * Each is owned by the officer who set the group up or added the member: they run the appraisal
 * or the review. A group whose document is silent opens none (domain.md "Whose rule is it").
 */

/**
 * When a group is created: Torus Safeguards, "This annual review will include a review of the
 * terms of reference"; Trafford 12, "The Panel will undergo an annual appraisal" (the panel as a
 * whole, so one deadline for the group).
 */
export async function openGroupYearlyDuties(
  ctx: AppContext,
  actor: Actor,
  group: { _id: string; policy: MembershipPolicy },
): Promise<DeadlineRecord[]> {
  const opened: DeadlineRecord[] = [];
  const subject = { kind: 'group', id: group._id };
  if (group.policy.annualTermsReview)
    opened.push(await yearly(ctx, actor, group._id, 'terms-review', subject));
  if (group.policy.annualAppraisal && appraisalOf(group.policy) === 'panel')
    opened.push(await yearly(ctx, actor, group._id, 'appraisal', subject));
  return opened;
}

/**
 * When a member joins (or re-joins): Torus Safeguards, "New and continuing membership will be
 * subject to an annual appraisal and personal development process", one per member.
 */
export async function openMemberYearlyDuties(
  ctx: AppContext,
  actor: Actor,
  groupId: string,
  policy: MembershipPolicy,
  membershipId: string,
): Promise<DeadlineRecord[]> {
  if (!policy.annualAppraisal || appraisalOf(policy) !== 'each-member') return [];
  return [await yearly(ctx, actor, groupId, 'appraisal', { kind: 'membership', id: membershipId })];
}

function appraisalOf(policy: MembershipPolicy): 'each-member' | 'panel' {
  return policy.appraisalOf ?? 'panel';
}

function yearly(
  ctx: AppContext,
  actor: Actor,
  groupId: string,
  kind: 'appraisal' | 'terms-review',
  subject: { kind: string; id: string },
): Promise<DeadlineRecord> {
  return startDeadline(ctx, {
    organisationId: actor.organisationId,
    groupId,
    kind,
    subject,
    ownerId: actor.personId,
    from: ctx.now(),
    startedBy: actor.personId,
  });
}
