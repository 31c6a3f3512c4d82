import { z } from 'zod';
import type { ConductStep } from '../../domain/groups';
import { ok, refuse, type Result } from '../../domain/shared/result';
import { isDuplicateKeyError } from '../../store/connection';
import { BallotBox } from '../../store/conduct/ballot-box';
import type { ConductEventRecord } from '../../store/conduct/conduct-event-model';
import { ConductLog } from '../../store/conduct/conduct-log';
import { GroupBook } from '../../store/groups/group-book';
import type { GroupRecord } from '../../store/groups/group-model';
import { MembershipRoll } from '../../store/people/membership-roll';
import { newId } from '../../store/model-registry';
import type { Actor } from '../shared/actor';
import { requireGroupRole } from '../shared/authorise';
import type { AppContext } from '../shared/context';
import { recordId, requiredText } from '../shared/inputs';
import { audit } from '../shared/record-change';
import { defineUseCase } from '../shared/use-case';
import { withdraw } from '../../domain/people';
import { releaseSeats, seatPoolsOf } from '../people/add-member';
import { saveStatus, withdrawMember } from '../people/member-status';
import { localToday, membershipFactsOf, policyOf } from '../people/standing';
import { openBallot } from './ballots';

const target = { groupId: recordId, subjectId: recordId };

async function groupAndMember(
  ctx: AppContext,
  actor: Actor,
  groupId: string,
  subjectId: string,
): Promise<Result<GroupRecord>> {
  const group = await new GroupBook(ctx.db).inOrganisation(actor.organisationId, groupId);
  if (!group) return refuse('group-not-found', 'That group no longer exists.');
  if (!(await new MembershipRoll(ctx.db).exists(groupId, subjectId)))
    return refuse('membership.not-a-member', 'That person is not in this group.');
  return ok(group);
}

function stepsOf(group: GroupRecord): { summary: string; steps: ConductStep[] } {
  return policyOf(group).conduct;
}

/** Southampton: warned to leave the meeting, then up to two further warnings: three in all. */
function warningsAllowed(steps: readonly ConductStep[]): number {
  let allowed = 0;
  for (const step of steps) {
    if (step.kind === 'warned-to-leave-meeting') allowed += 1;
    if (step.kind === 'further-warnings') allowed += step.count;
  }
  return allowed;
}

async function eventsOf(
  ctx: AppContext,
  groupId: string,
  subjectId: string,
  kind?: ConductEventRecord['kind'],
): Promise<ConductEventRecord[]> {
  return new ConductLog(ctx.db).of(groupId, subjectId, kind);
}

/**
 * The warnings given at one meeting. Southampton Code of Conduct, "Breach of Code of Conduct":
 * a member "can be warned to leave the meeting", then given "two further warnings if they
 * continue", and if they still ignore the code "the TI can ask the meeting to vote": the ladder
 * is climbed within a meeting, so last month's warnings do not count today (they stay on record).
 */
async function warningsAt(
  ctx: AppContext,
  groupId: string,
  subjectId: string,
  meetingOn: string,
): Promise<number> {
  return new ConductLog(ctx.db).warningsAt(groupId, subjectId, meetingOn);
}

/**
 * The facilitating officer warns a member, with the reason. Warnings are numbered, the number
 * is part of a unique key, and the policy says how many there can be.
 */
export const warnMember = defineUseCase({
  name: 'warnMember',
  input: z.object({ ...target, reason: requiredText(500) }),
  async run(ctx, actor, input): Promise<Result<{ number: number; of: number }>> {
    const refusals = await requireGroupRole(
      ctx,
      actor,
      input.groupId,
      ['officer'],
      'give a conduct warning',
    );
    if (refusals.length > 0) return { ok: false, refusals };
    const found = await groupAndMember(ctx, actor, input.groupId, input.subjectId);
    if (!found.ok) return found;
    const { summary, steps } = stepsOf(found.value);
    const allowed = warningsAllowed(steps);
    if (allowed === 0)
      return refuse('conduct.no-warnings', `This group’s policy has no warnings. ${summary}`);
    const meetingOn = await localToday(ctx, actor.organisationId);
    const number = (await warningsAt(ctx, input.groupId, input.subjectId, meetingOn)) + 1;
    if (number > allowed)
      return refuse(
        'conduct.warnings-used',
        `All ${allowed} warnings have been given at today’s meeting; the members present may now vote with conduct vote.`,
      );
    try {
      await new ConductLog(ctx.db).append({
        organisationId: actor.organisationId,
        groupId: input.groupId,
        subjectId: input.subjectId,
        kind: 'warned',
        number,
        meetingOn,
        key: `warning-${meetingOn}-${number}`,
        reason: input.reason,
        by: actor.personId,
        at: ctx.now(),
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return refuse(
        'conduct.warned-meanwhile',
        'Someone gave that warning a moment ago; look again.',
      );
    }
    await audit(ctx, actor, {
      subject: { kind: 'membership', id: `${input.groupId}:${input.subjectId}` },
      groupId: input.groupId,
      action: 'conduct.warned',
      reason: input.reason,
      details: { personId: input.subjectId, number, of: allowed, meetingOn },
    });
    return ok({ number, of: allowed });
  },
});

/**
 * `conduct vote`: a ballot where the policy puts conduct to the members present, once the ladder
 * allows it (Southampton: after the warnings given at today's meeting for asking to leave; after
 * a carried vote to leave for a bar). Only those who may open a ballot are told anything about
 * the member's case: anyone else hears only that they may not, before any record is read.
 */
export const openConductVote = defineUseCase({
  name: 'openConductVote',
  input: z.object({
    ...target,
    action: z.enum(['leave-meeting', 'bar']),
    period: z.number().int().min(1).max(60).optional(),
  }),
  async run(ctx, actor, input) {
    const refusals = await requireGroupRole(
      ctx,
      actor,
      input.groupId,
      ['officer', 'chair'],
      'open a ballot',
    );
    if (refusals.length > 0) return { ok: false, refusals };
    const found = await groupAndMember(ctx, actor, input.groupId, input.subjectId);
    if (!found.ok) return found;
    const { summary, steps } = stepsOf(found.value);
    const question = input.action === 'bar' ? 'barred-for-a-period' : 'asked-to-leave';
    if (!steps.some((step) => step.kind === 'vote' && step.question === question))
      return refuse(
        'conduct.no-vote',
        `This group’s policy does not put that to a vote. ${summary}`,
      );
    if (question === 'asked-to-leave') {
      const allowed = warningsAllowed(steps);
      const today = await localToday(ctx, actor.organisationId);
      const given = await warningsAt(ctx, input.groupId, input.subjectId, today);
      if (given < allowed)
        return refuse(
          'conduct.warnings-first',
          `The policy gives ${allowed} warnings at a meeting before a vote; ${given} ${given === 1 ? 'has' : 'have'} been given at today’s meeting.`,
        );
    } else if ((await eventsOf(ctx, input.groupId, input.subjectId, 'asked-to-leave')).length === 0)
      return refuse(
        'conduct.leave-vote-first',
        'A bar follows a carried vote to ask the member to leave; there has not been one.',
      );
    const open = await new BallotBox(ctx.db).openAbout(input.groupId, input.subjectId);
    if (open > 0)
      return refuse('conduct.ballot-open', 'A ballot about this member is already open.');
    return openBallot(ctx, actor, {
      groupId: input.groupId,
      subjectId: input.subjectId,
      question,
      ...(input.period ? { barMonths: input.period } : {}),
    });
  },
});

/** Trafford QIP ToR 12: a breach goes to the Nominations Committee, which investigates. */
export const referMember = defineUseCase({
  name: 'referMember',
  input: z.object(target),
  async run(
    ctx,
    actor,
    input,
  ): Promise<Result<{ to: string; committee: string[]; groupName: string }>> {
    const refusals = await requireGroupRole(
      ctx,
      actor,
      input.groupId,
      ['officer'],
      'refer a conduct breach',
    );
    if (refusals.length > 0) return { ok: false, refusals };
    const found = await groupAndMember(ctx, actor, input.groupId, input.subjectId);
    if (!found.ok) return found;
    const { summary, steps } = stepsOf(found.value);
    const step = steps.find((s) => s.kind === 'investigation');
    if (!step || step.kind !== 'investigation')
      return refuse('conduct.no-referral', `This group’s policy has no referral. ${summary}`);
    await new ConductLog(ctx.db).append({
      organisationId: actor.organisationId,
      groupId: input.groupId,
      subjectId: input.subjectId,
      kind: 'referred',
      key: newId(),
      details: { to: step.by, mayRemoveFromMembership: step.mayRemoveFromMembership },
      by: actor.personId,
      at: ctx.now(),
    });
    await audit(ctx, actor, {
      subject: { kind: 'membership', id: `${input.groupId}:${input.subjectId}` },
      groupId: input.groupId,
      action: 'conduct.referred',
      details: { personId: input.subjectId, to: step.by },
    });
    const committee = await new MembershipRoll(ctx.db).activeWithRoles(input.groupId, [
      'committee',
    ]);
    return ok({
      to: step.by,
      committee,
      groupName: found.value.name,
    });
  },
});

/** The committee records what its investigation found, and whether membership ends. */
export const recordInvestigationOutcome = defineUseCase({
  name: 'recordInvestigationOutcome',
  input: z.object({ ...target, outcome: requiredText(1000), removeFromMembership: z.boolean() }),
  async run(ctx, actor, input): Promise<Result<ConductEventRecord>> {
    const refusals = await requireGroupRole(
      ctx,
      actor,
      input.groupId,
      ['committee', 'officer'],
      'record the outcome of an investigation',
    );
    if (refusals.length > 0) return { ok: false, refusals };
    const referred = await eventsOf(ctx, input.groupId, input.subjectId, 'referred');
    if (referred.length === 0)
      return refuse('conduct.not-referred', 'This member has not been referred for investigation.');
    const found = await groupAndMember(ctx, actor, input.groupId, input.subjectId);
    if (!found.ok) return found;
    const step = stepsOf(found.value).steps.find((s) => s.kind === 'investigation');
    if (
      input.removeFromMembership &&
      !(step?.kind === 'investigation' && step.mayRemoveFromMembership)
    )
      return refuse(
        'conduct.removal-not-allowed',
        'This group’s policy does not let the investigation end membership.',
      );
    if (input.removeFromMembership) {
      const removed = await endMembership(
        ctx,
        actor,
        input.groupId,
        input.subjectId,
        input.outcome,
      );
      if (!removed.ok) return removed;
    }
    const event = await new ConductLog(ctx.db).append({
      organisationId: actor.organisationId,
      groupId: input.groupId,
      subjectId: input.subjectId,
      kind: 'investigation-outcome',
      key: newId(),
      reason: input.outcome,
      details: { removeFromMembership: input.removeFromMembership },
      by: actor.personId,
      at: ctx.now(),
    });
    await audit(ctx, actor, {
      subject: { kind: 'membership', id: `${input.groupId}:${input.subjectId}` },
      groupId: input.groupId,
      action: 'conduct.investigation-outcome',
      reason: input.outcome,
      details: { personId: input.subjectId, removeFromMembership: input.removeFromMembership },
    });
    return ok(event);
  },
});

/**
 * Sedgemoor ToR 11.1 and Torus TIMS: a breach ends membership. An officer records the decision
 * with its reason; the place is freed and the step is on the member's conduct record.
 */
export const withdrawForConduct = defineUseCase({
  name: 'withdrawForConduct',
  input: z.object({ ...target, reason: requiredText(500) }),
  async run(ctx, actor, input): Promise<Result<ConductEventRecord>> {
    const refusals = await requireGroupRole(
      ctx,
      actor,
      input.groupId,
      ['officer'],
      'withdraw a membership for a conduct breach',
    );
    if (refusals.length > 0) return { ok: false, refusals };
    const found = await groupAndMember(ctx, actor, input.groupId, input.subjectId);
    if (!found.ok) return found;
    const { summary, steps } = stepsOf(found.value);
    if (!steps.some((step) => step.kind === 'membership-ends'))
      return refuse(
        'conduct.no-withdrawal',
        `This group’s policy does not end membership on a breach. ${summary}`,
      );
    const withdrawn = await withdrawMember(ctx, actor, {
      groupId: input.groupId,
      personId: input.subjectId,
      reason: input.reason,
    });
    if (!withdrawn.ok) return withdrawn;
    const event = await new ConductLog(ctx.db).append({
      organisationId: actor.organisationId,
      groupId: input.groupId,
      subjectId: input.subjectId,
      kind: 'membership-withdrawn',
      key: newId(),
      reason: input.reason,
      by: actor.personId,
      at: ctx.now(),
    });
    return ok(event);
  },
});

/** Trafford QIP ToR 12: the investigation "can include removal … from membership of the Panel". */
async function endMembership(
  ctx: AppContext,
  actor: Actor,
  groupId: string,
  personId: string,
  reason: string,
): Promise<Result<unknown>> {
  const membership = await new MembershipRoll(ctx.db).of(groupId, personId);
  if (!membership) return refuse('membership.not-a-member', 'That person is not in this group.');
  const next = withdraw(membershipFactsOf(membership), {
    reason,
    on: await localToday(ctx, actor.organisationId),
  });
  if (!next.ok) return next;
  const saved = await saveStatus(ctx, actor, membership, next.value.status, {
    action: 'membership.withdrawn',
    reason,
    details: { by: 'investigation' },
  });
  if (saved.ok) await releaseSeats(ctx, seatPoolsOf(groupId), personId);
  return saved;
}

/** Everything on record about a member's conduct in the group: officers and the chair only. */
export const conductHistory = defineUseCase({
  name: 'conductHistory',
  input: z.object(target),
  async run(ctx, actor, input): Promise<Result<ConductEventRecord[]>> {
    const refusals = await requireGroupRole(
      ctx,
      actor,
      input.groupId,
      ['officer', 'chair'],
      'see a member’s conduct history',
    );
    if (refusals.length > 0) return { ok: false, refusals };
    return ok(await eventsOf(ctx, input.groupId, input.subjectId));
  },
});
