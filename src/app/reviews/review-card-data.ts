import { ROLES } from '../../domain/shared/people';
import type { Result } from '../../domain/shared/result';
import { ok, refuse } from '../../domain/shared/result';
import { deadlineModel } from '../../store/deadlines/deadline-model';
import { GroupBook } from '../../store/groups/group-book';
import { PersonBook } from '../../store/people/person-book';
import { reviewCard, type ReviewDeadline } from '../dispatch/review-view';
import type { CardMessage } from '../dispatch/reply';
import { localToday, policyOf } from '../people/standing';
import type { Actor } from '../shared/actor';
import { requireGroupRole } from '../shared/authorise';
import type { AppContext } from '../shared/context';
import { reviewByReference } from './review-use-cases';
import type { ReviewRecord } from '../../store/reviews/review-model';

/** Deadlines about the review, and about each action of its plan (`<reviewId>/<actionId>`). */
async function openDeadlinesOf(ctx: AppContext, record: ReviewRecord): Promise<ReviewDeadline[]> {
  const found = await deadlineModel(ctx.db)
    .find({
      organisationId: record.organisationId,
      state: { $in: ['open', 'missed'] },
      $or: [
        { 'subject.kind': 'review', 'subject.id': record._id },
        { 'subject.kind': 'improvement-action', 'subject.id': { $regex: `^${record._id}/` } },
      ],
    })
    .sort({ dueAt: 1, _id: 1 })
    .lean();
  return found.map((d) => ({ kind: d.kind, dueAt: d.dueAt, ownerId: d.ownerId }));
}

function peopleNamedIn(record: ReviewRecord, deadlines: readonly ReviewDeadline[]): string[] {
  const { review } = record;
  const ids = [
    ...review.steps.flatMap((s) => (s.state === 'pending' ? [] : [s.by])),
    ...(review.plannedMeetings ?? []).flatMap((m) => m.invited),
    ...review.escalation.history.map((h) => h.by),
    ...(review.managementOwnerId ? [review.managementOwnerId] : []),
    ...deadlines.map((d) => d.ownerId),
  ];
  return [...new Set(ids)];
}

/** The `review` card for anyone in the review's group (officers are in every group). */
export async function reviewCardFor(
  ctx: AppContext,
  actor: Actor,
  ref: string,
  zone: string,
): Promise<Result<{ record: ReviewRecord; card: CardMessage }>> {
  const record = await reviewByReference(ctx, actor.organisationId, ref);
  if (!record) return refuse('review-not-found', `There is no review ${ref} in your organisation.`);
  const refusals = await requireGroupRole(ctx, actor, record.groupId, ROLES, 'see this review');
  if (refusals.length > 0) return { ok: false, refusals };
  const [group, deadlines, today] = await Promise.all([
    new GroupBook(ctx.db).get(record.groupId),
    openDeadlinesOf(ctx, record),
    localToday(ctx, actor.organisationId),
  ]);
  const names = await new PersonBook(ctx.db).namesOf(peopleNamedIn(record, deadlines));
  const improvementPlanDays = policyOf(group).improvementPlanDays;
  const card = reviewCard({
    reference: record.reference,
    review: record.review,
    names,
    ...(improvementPlanDays === undefined ? {} : { improvementPlanDays }),
    deadlines,
    zone,
    today,
  });
  return ok({ record, card });
}
