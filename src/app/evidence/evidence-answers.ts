import { z } from 'zod';
import { waive } from '../../domain/deadlines';
import { ok, refuse, type Result } from '../../domain/shared/result';
import { DeadlineBook } from '../../store/deadlines/deadline-book';
import type { DeadlineRecord } from '../../store/deadlines/deadline-model';
import { EvidenceRequestBook } from '../../store/evidence/evidence-request-book';
import type { EvidenceRequestRecord } from '../../store/evidence/evidence-request-model';
import { CHANGED_MEANWHILE } from '../../store/versioned-update';
import { calendarOf } from '../organisations/register-organisation';
import { localToday } from '../people/standing';
import type { Actor } from '../shared/actor';
import { requireGroupRole } from '../shared/authorise';
import type { AppContext } from '../shared/context';
import { localDate, recordId, requiredText } from '../shared/inputs';
import { audit, saveChange } from '../shared/record-change';
import { defineUseCase } from '../shared/use-case';
import { loadRequest, NOT_FOUND } from './evidence-use-cases';

/**
 * Stops the chasing of a deadline its owner disowns: waived, with who said so and why, so the
 * officer can set it again for the right person.
 */
async function stopChasing(
  ctx: AppContext,
  actor: Actor,
  deadlineId: string,
  reason: string,
): Promise<Result<DeadlineRecord>> {
  const book = new DeadlineBook(ctx.db);
  const deadline = await book.get(deadlineId, actor.organisationId);
  if (!deadline) return refuse('deadline-not-found', 'That deadline no longer exists.');
  const next = waive(deadline, actor.personId, reason);
  if (!next.ok) return next;
  const saved = await book.save({ ...next.value, waivedAt: ctx.now() });
  if (!saved) return refuse(CHANGED_MEANWHILE.code, CHANGED_MEANWHILE.message);
  await audit(ctx, actor, {
    subject: { kind: 'deadline', id: saved._id },
    groupId: saved.groupId,
    action: 'deadline.disowned',
    reason,
  });
  return ok(saved);
}

/** "Not me" on a reminder that is not about an information request. */
export const disownDeadline = defineUseCase({
  name: 'disownDeadline',
  input: z.object({ deadlineId: recordId }),
  async run(ctx, actor, input) {
    const deadline = await new DeadlineBook(ctx.db).get(input.deadlineId, actor.organisationId);
    if (!deadline) return refuse('deadline-not-found', 'That deadline no longer exists.');
    if (deadline.ownerId !== actor.personId)
      return refuse('deadline.not-yours', 'That reminder was for someone else.');
    return stopChasing(ctx, actor, deadline._id, 'the person chased says it is not theirs');
  },
});

/**
 * "Not me" on an information request: the request goes back to the officer who made it, and
 * its reminders stop. The officer asks the right person with a new request.
 */
export const redirectEvidenceRequest = defineUseCase({
  name: 'redirectEvidenceRequest',
  input: z.object({ requestRef: requiredText(20) }),
  async run(ctx, actor, input): Promise<Result<EvidenceRequestRecord>> {
    const request = await loadRequest(ctx, actor, input.requestRef);
    if (!request) return refuse(NOT_FOUND.code, NOT_FOUND.message);
    if (request.requestedOf !== actor.personId)
      return refuse('evidence.someone-elses', 'That request was made to someone else.');
    if (request.state === 'sent' || request.state === 'redirected')
      return refuse(
        'evidence.closed',
        `${request.reference} is already ${request.state === 'sent' ? 'marked as sent' : 'back with the officer'}.`,
      );
    const saved = await saveChange(
      ctx,
      actor,
      new EvidenceRequestBook(ctx.db).requests,
      request,
      { state: 'redirected' },
      {
        subject: { kind: 'evidence-request', id: request._id },
        groupId: request.groupId,
        action: 'evidence.redirected',
        reason: 'the person asked says it is not for them',
      },
    );
    if (!saved.ok) return saved;
    const stopped = await stopChasing(
      ctx,
      actor,
      request.deadlineId,
      `${request.reference} is not for the person asked`,
    );
    if (!stopped.ok && stopped.refusals[0]?.code !== 'deadline-closed') return stopped;
    return saved;
  },
});

/**
 * The officer agrees a new date for an information request, usually the one its owner asked
 * for. The deadline moves with it and its reminders start again from the new date.
 */
export const grantMoreTime = defineUseCase({
  name: 'grantMoreTime',
  input: z.object({ requestRef: requiredText(20), until: localDate }),
  async run(ctx, actor, input): Promise<Result<EvidenceRequestRecord>> {
    const request = await loadRequest(ctx, actor, input.requestRef);
    if (!request) return refuse(NOT_FOUND.code, NOT_FOUND.message);
    const refusals = await requireGroupRole(
      ctx,
      actor,
      request.groupId,
      ['officer', 'chair'],
      'agree a new date for an information request',
    );
    if (refusals.length > 0) return { ok: false, refusals };
    if (request.state === 'sent' || request.state === 'redirected')
      return refuse('evidence.closed', `${request.reference} is no longer waiting on anyone.`);
    if (input.until <= (await localToday(ctx, actor.organisationId)))
      return refuse('evidence.more-time-in-past', 'Choose a date after today.');
    const calendar = await calendarOf(ctx, actor.organisationId);
    const dueAt = calendar.endOfLocalDay(input.until);
    const book = new DeadlineBook(ctx.db);
    const deadline = await book.get(request.deadlineId, actor.organisationId);
    if (!deadline || deadline.state === 'met' || deadline.state === 'waived')
      return refuse('evidence.closed', `${request.reference} is no longer waiting on anyone.`);
    const moved = await book.save({ ...deadline, dueAt, state: 'open' });
    if (!moved) return refuse(CHANGED_MEANWHILE.code, CHANGED_MEANWHILE.message);
    await book.replanAt(deadline._id, ctx.now());
    return saveChange(
      ctx,
      actor,
      new EvidenceRequestBook(ctx.db).requests,
      request,
      { dueAt, state: 'open' },
      {
        subject: { kind: 'evidence-request', id: request._id },
        groupId: request.groupId,
        action: 'evidence.more-time-granted',
        details: { until: input.until, was: request.dueAt.toISOString() },
      },
    );
  },
});
