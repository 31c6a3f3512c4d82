import { z } from 'zod';
import { ROLES, type Role } from '../../domain/shared/people';
import {
  escalate,
  isStepNumber,
  nextEscalationStage,
  openReview as openInDomain,
  recordMeeting as recordMeetingInDomain,
  REVIEW_TOPIC_SOURCES,
  reviewPolicyForPreset,
  type Review,
  type ReviewPolicy,
} from '../../domain/reviews';
import { ok, refuse, type Result } from '../../domain/shared/result';
import { GroupBook } from '../../store/groups/group-book';
import type { GroupRecord } from '../../store/groups/group-model';
import { newId } from '../../store/model-registry';
import { nextReference, normaliseReference } from '../../store/references';
import { ReviewBook } from '../../store/reviews/review-book';
import type { ReviewRecord } from '../../store/reviews/review-model';
import { presetKeyOf } from '../groups/group-policy';
import { localToday, policyOf } from '../people/standing';
import type { Actor } from '../shared/actor';
import { requireGroupRole } from '../shared/authorise';
import type { AppContext } from '../shared/context';
import { localDate, optionalText, recordId, requiredText } from '../shared/inputs';
import { audit, saveChange } from '../shared/record-change';
import { defineUseCase } from '../shared/use-case';

const NOT_FOUND = {
  code: 'review-not-found',
  message: 'There is no review with that reference in your organisation.',
};

/**
 * Each group runs reviews under its own preset's rules (domain.md "Whose rule is it"): its own
 * escalation ladder, or none. The meeting minimum (Sedgemoor ToR 10.1), the steps a light-touch
 * review cannot skip (4.4) and the follow-up window (Southampton) are the group's policy as it
 * stands, so an officer who sets or clears them is obeyed; absent, off.
 */
export function reviewPolicyFor(group: GroupRecord): ReviewPolicy {
  const key = presetKeyOf(group);
  const preset = reviewPolicyForPreset(key);
  if (!preset) throw new Error(`No review rules for preset “${key}”`);
  const {
    minimumMeetings: _minimum,
    lightTouchRequiredSteps: _steps,
    followUpWindowMonths: _window,
    ...ladder
  } = preset;
  void [_minimum, _steps, _window];
  const policy = policyOf(group);
  const minimum = policy.minMeetingsPerReview;
  const steps = policy.lightTouchRequiredSteps?.filter(isStepNumber);
  const window = policy.followUpReviewMonths;
  return {
    ...ladder,
    ...(minimum
      ? { minimumMeetings: { full: minimum.full, 'light-touch': minimum.lightTouch } }
      : {}),
    ...(steps ? { lightTouchRequiredSteps: steps } : {}),
    ...(window ? { followUpWindowMonths: { from: window.min, to: window.max } } : {}),
  };
}

/** An officer opens a full or light-touch review for the group (Sedgemoor ToR 4.3, 4.4). */
export const openReview = defineUseCase({
  name: 'openReview',
  input: z.object({
    groupId: recordId,
    topic: requiredText(200),
    depth: z.enum(['full', 'light-touch']),
    // Stored as given (Trafford QIP ToR 4, Sedgemoor ToR 3.2-3.3); never guessed.
    topicSource: z.enum(REVIEW_TOPIC_SOURCES).default('not-stated'),
    scope: optionalText(1000),
  }),
  async run(ctx, actor, input) {
    const refusals = await requireGroupRole(
      ctx,
      actor,
      input.groupId,
      ['officer'],
      'open a review',
    );
    if (refusals.length > 0) return { ok: false, refusals };
    const group = await new GroupBook(ctx.db).get(input.groupId);
    const id = newId();
    const opened = openInDomain({
      id,
      groupId: group._id,
      title: input.topic,
      topicSource: input.topicSource,
      depth: input.depth,
      scope: input.scope,
      policy: reviewPolicyFor(group),
      openedOn: await localToday(ctx, actor.organisationId),
    });
    if (!opened.ok) return opened;
    const reference = await nextReference(ctx.db, actor.organisationId, 'R');
    const record = await new ReviewBook(ctx.db).open({
      _id: id,
      organisationId: actor.organisationId,
      groupId: group._id,
      reference,
      review: opened.value,
      createdAt: ctx.now(),
      createdBy: actor.personId,
    });
    await audit(ctx, actor, {
      subject: { kind: 'review', id },
      groupId: group._id,
      action: 'review.opened',
      details: {
        reference,
        depth: input.depth,
        topic: input.topic,
        topicSource: input.topicSource,
      },
    });
    return ok(record);
  },
});

export async function reviewByReference(
  ctx: AppContext,
  organisationId: string,
  ref: string,
): Promise<ReviewRecord | undefined> {
  const reference = normaliseReference(ref, 'R');
  if (!reference) return undefined;
  const found = await new ReviewBook(ctx.db).byReference(organisationId, reference);
  return found ?? undefined;
}

/**
 * Who may take a step: a role in the group, or one of `people` whatever their role (senior
 * management answer for the plan without being members of the panel: Sedgemoor ToR 6.2).
 */
export interface ReviewActors {
  roles: readonly Role[];
  doing: string;
  people?: readonly string[];
}

/** Loads the review, checks the actor's role, applies one domain step, saves and audits it. */
export async function changeReview(
  ctx: AppContext,
  actor: Actor,
  ref: string,
  who: ReviewActors | ((review: Review) => ReviewActors),
  action: string,
  step: (review: Review) => Result<Review>,
  reason?: string,
): Promise<Result<ReviewRecord>> {
  const record = await reviewByReference(ctx, actor.organisationId, ref);
  if (!record) return refuse(NOT_FOUND.code, NOT_FOUND.message);
  const allowed = typeof who === 'function' ? who(record.review) : who;
  const named = allowed.people?.includes(actor.personId) === true;
  const refusals = named
    ? []
    : await requireGroupRole(ctx, actor, record.groupId, allowed.roles, allowed.doing);
  if (refusals.length > 0) return { ok: false, refusals };
  const next = step(record.review);
  if (!next.ok) return next;
  return saveChange(
    ctx,
    actor,
    new ReviewBook(ctx.db).reviews,
    record,
    { review: next.value },
    {
      subject: { kind: 'review', id: record._id },
      groupId: record.groupId,
      action,
      reason,
      details: { reference: record.reference },
    },
  );
}

/** A panel meeting held for the review; the count gates the final report (Sedgemoor ToR 10.1). */
export const recordReviewMeeting = defineUseCase({
  name: 'recordReviewMeeting',
  input: z.object({
    reviewRef: requiredText(20),
    on: localDate,
    attendees: z.number().int().min(1).max(100),
    notes: optionalText(2000),
  }),
  async run(ctx, actor, input) {
    return changeReview(
      ctx,
      actor,
      input.reviewRef,
      { roles: ['officer', 'chair'], doing: 'record review meetings' },
      'review.meeting-recorded',
      (review) =>
        recordMeetingInDomain(review, {
          on: input.on,
          attendees: input.attendees,
          notes: input.notes,
        }),
    );
  },
});

/**
 * Moves the review up the group's escalation ladder, with the reason on record. Who may is the
 * next rung's (Sedgemoor ToR 5.4: the panel to STAC, spoken for by its chair, then STAC to
 * mediation; Trafford QIP ToR 5: the Chair of the Panel both times). Where the terms set no
 * route, anyone in the group is told so rather than that they lack a role.
 */
export const escalateReview = defineUseCase({
  name: 'escalateReview',
  input: z.object({
    reviewRef: requiredText(20),
    reason: requiredText(1000),
    /** Trafford QIP ToR 5: the regulator only "after agreeing with" the board chair and chief executive. */
    agreed: z.boolean().default(false),
  }),
  async run(ctx, actor, input) {
    const today = await localToday(ctx, actor.organisationId);
    return changeReview(
      ctx,
      actor,
      input.reviewRef,
      (review) => {
        const next = nextEscalationStage(review);
        const doing = next ? `take a review to ${next.label}` : 'escalate a review';
        if (!next) return { roles: ROLES, doing };
        // Reviews stored before rungs named who raises them keep their old rule: officers only.
        const stored: Partial<Pick<typeof next, 'raisedBy'>> = next;
        return { roles: stored.raisedBy ?? ['officer'], doing };
      },
      'review.escalated',
      (review) => escalate(review, actor.personId, today, input.reason, { agreed: input.agreed }),
      input.reason,
    );
  },
});
