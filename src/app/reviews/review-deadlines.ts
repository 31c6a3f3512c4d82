import { plusDays, type LocalDate } from '../../domain/calendar';
import { meet, type DeadlineKind } from '../../domain/deadlines';
import { AuditTrail } from '../../store/audit/audit-trail';
import { DeadlineBook } from '../../store/deadlines/deadline-book';
import type { DeadlineRecord } from '../../store/deadlines/deadline-model';
import { GroupBook } from '../../store/groups/group-book';
import type { ReviewRecord } from '../../store/reviews/review-model';
import { policyOf } from '../people/standing';
import type { Actor } from '../shared/actor';
import type { AppContext } from '../shared/context';
import { startDeadline } from '../deadlines/start-deadline';

/**
 * The clocks of a review's improvement plan. Each is a deadline like any other, so the nudge
 * sweep reminds its owner and the digest lists it; these helpers only open and close them.
 */

/** What an action's deadline is about: the action, within its review. */
export function improvementActionSubject(reviewId: string, actionId: string) {
  return { kind: 'improvement-action', id: `${reviewId}/${actionId}` };
}

/**
 * What a sign-off deadline is about: one receipt of the plan. A returned plan handed in again
 * is a new receipt with its own 10 days (Sedgemoor ToR 6.2 "within 10 days of receipt"), and
 * one deadline per subject, kind and owner is all the store keeps, so each receipt is a subject.
 */
export function planReceiptSubject(reviewId: string, receipt: number) {
  return { kind: 'improvement-plan-receipt', id: `${reviewId}/${receipt}` };
}

/** Closes every still-owed deadline of the kind about the subject, whoever owns it. */
export async function meetDeadlinesAbout(
  ctx: AppContext,
  actor: Actor,
  subject: { kind: string; id: string },
  kind: DeadlineKind,
): Promise<DeadlineRecord[]> {
  const book = new DeadlineBook(ctx.db);
  const owed = (await book.forSubject(subject.kind, subject.id)).filter(
    (d) => d.kind === kind && (d.state === 'open' || d.state === 'missed'),
  );
  const met: DeadlineRecord[] = [];
  for (const deadline of owed) {
    const next = meet(deadline, ctx.now());
    if (!next.ok) continue;
    const saved = await book.save(next.value);
    if (!saved) continue;
    met.push(saved);
    await new AuditTrail(ctx.db).append({
      organisationId: saved.organisationId,
      groupId: saved.groupId,
      subject: { kind: 'deadline', id: saved._id },
      action: 'deadline.met',
      actorId: actor.personId,
      at: ctx.now(),
      details: { state: saved.state, about: saved.subject },
    });
  }
  return met;
}

/**
 * Sedgemoor ToR 6.2: the committee signs the plan off or returns it "within 10 days of
 * receipt". Only where the group's policy sets planSignOffDays does a clock start: Torus,
 * Trafford and Southampton state no such duty. Owned by the officer who opened the review: the
 * committee (STAC) is not a person in chat, the officer facilitates its meetings and is who the
 * bot can chase; the panel's chair is a tenant volunteer with no power to convene STAC.
 */
export async function startSignOffClock(
  ctx: AppContext,
  actor: Actor,
  record: ReviewRecord,
  receivedOn: LocalDate,
  receipt: number,
): Promise<DeadlineRecord | undefined> {
  const group = await new GroupBook(ctx.db).inOrganisation(actor.organisationId, record.groupId);
  const days = group ? policyOf(group).planSignOffDays : undefined;
  if (!days) return undefined;
  return startDeadline(ctx, {
    organisationId: actor.organisationId,
    groupId: record.groupId,
    kind: 'committee-sign-off',
    subject: planReceiptSubject(record._id, receipt),
    ownerId: record.createdBy,
    from: ctx.now(),
    // Calendar days: 6.2 says "10 days", where 6.1 says "working days" when it means them.
    dueOn: plusDays(receivedOn, days),
    startedBy: actor.personId,
  });
}
