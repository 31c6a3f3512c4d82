import { z } from 'zod';
import { markMissed, meet, waive } from '../../domain/deadlines';
import { ok, refuse, type Result } from '../../domain/shared/result';
import { AuditTrail } from '../../store/audit/audit-trail';
import { DeadlineBook } from '../../store/deadlines/deadline-book';
import type { DeadlineRecord } from '../../store/deadlines/deadline-model';
import { CHANGED_MEANWHILE } from '../../store/versioned-update';
import { OrganisationBook } from '../../store/organisations/organisation-book';
import { requireOfficer } from '../shared/authorise';
import { SYSTEM_ACTOR_ID, type Actor } from '../shared/actor';
import type { AppContext } from '../shared/context';
import { recordId, requiredText } from '../shared/inputs';
import { defineUseCase } from '../shared/use-case';

const NOT_FOUND = {
  code: 'deadline-not-found',
  message: 'That deadline does not exist in your organisation.',
};

async function zoneOf(ctx: AppContext, organisationId: string): Promise<string> {
  return (await new OrganisationBook(ctx.db).timeZoneOf(organisationId)) ?? 'Europe/London';
}

async function saveTransition(
  ctx: AppContext,
  actor: Actor,
  next: DeadlineRecord,
  action: string,
  reason?: string,
): Promise<Result<DeadlineRecord>> {
  const saved = await new DeadlineBook(ctx.db).save(next);
  if (!saved) return refuse(CHANGED_MEANWHILE.code, CHANGED_MEANWHILE.message);
  await new AuditTrail(ctx.db).append({
    organisationId: saved.organisationId,
    groupId: saved.groupId,
    subject: { kind: 'deadline', id: saved._id },
    action,
    actorId: actor.personId,
    at: ctx.now(),
    reason,
    details: { state: saved.state },
  });
  return ok(saved);
}

/** The owner (or an officer) says what was due has been done. */
export const meetDeadline = defineUseCase({
  name: 'meetDeadline',
  input: z.object({ deadlineId: recordId }),
  async run(ctx, actor, input) {
    const deadline = await new DeadlineBook(ctx.db).get(input.deadlineId, actor.organisationId);
    if (!deadline) return refuse(NOT_FOUND.code, NOT_FOUND.message);
    if (deadline.ownerId !== actor.personId) {
      const refusals = await requireOfficer(ctx, actor, 'mark someone else’s deadline as met');
      if (refusals.length > 0) return { ok: false, refusals };
    }
    const next = meet(deadline, ctx.now(), await zoneOf(ctx, deadline.organisationId));
    if (!next.ok) return next;
    return saveTransition(ctx, actor, next.value, 'deadline.met');
  },
});

/** An officer lifts a deadline that no longer applies, saying why. */
export const waiveDeadline = defineUseCase({
  name: 'waiveDeadline',
  input: z.object({ deadlineId: recordId, reason: requiredText(500) }),
  async run(ctx, actor, input) {
    const refusals = await requireOfficer(ctx, actor, 'waive a deadline');
    if (refusals.length > 0) return { ok: false, refusals };
    const deadline = await new DeadlineBook(ctx.db).get(input.deadlineId, actor.organisationId);
    if (!deadline) return refuse(NOT_FOUND.code, NOT_FOUND.message);
    const next = waive(
      deadline,
      actor.personId,
      input.reason,
      await zoneOf(ctx, deadline.organisationId),
    );
    if (!next.ok) return next;
    return saveTransition(
      ctx,
      actor,
      { ...next.value, waivedAt: ctx.now() },
      'deadline.waived',
      input.reason,
    );
  },
});

/** Run by the scheduler: open deadlines past their due instant become missed. */
export async function markMissedDeadlines(ctx: AppContext): Promise<DeadlineRecord[]> {
  const now = ctx.now();
  const book = new DeadlineBook(ctx.db);
  const missed: DeadlineRecord[] = [];
  for (const deadline of await book.openDueBefore(now)) {
    const next = markMissed(deadline, now);
    if (!next.ok) continue;
    const saved = await saveTransition(
      ctx,
      { organisationId: deadline.organisationId, personId: SYSTEM_ACTOR_ID },
      next.value,
      'deadline.missed',
    );
    if (saved.ok) missed.push(saved.value);
  }
  return missed;
}
