import { z } from 'zod';
import { approveFindings, returnFindings, type Assignment } from '../../domain/checks';
import { ok, refuse, type Result } from '../../domain/shared/result';
import { CheckBook } from '../../store/checks/check-book';
import type {
  CheckAssignmentRecord,
  RealityCheckRecord,
} from '../../store/checks/reality-check-model';
import type { Actor } from '../shared/actor';
import { requireGroupRole, requireOfficer } from '../shared/authorise';
import { MembershipRoll } from '../../store/people/membership-roll';
import type { AppContext } from '../shared/context';
import { recordId } from '../shared/inputs';
import { audit, saveChange } from '../shared/record-change';
import { StandardBook } from '../../store/standards/standard-book';
import { offerVerdictsOf } from './findings-views';
import { defineUseCase } from '../shared/use-case';
import { CHECK_NOT_FOUND, loadCheck, type LoadedCheck } from './check-records';

const checkRef = z.string().trim().min(1, 'say which check, e.g. C-40');

export interface Reviewed {
  check: RealityCheckRecord;
  assignments: CheckAssignmentRecord[];
}

async function loadForReview(
  ctx: AppContext,
  actor: Actor,
  ref: string,
): Promise<Result<LoadedCheck>> {
  const loaded = await loadCheck(ctx, actor.organisationId, ref);
  if (!loaded) {
    // Someone who may review no findings anywhere is told that, not whether the check exists.
    const roles = (await new MembershipRoll(ctx.db).ofPerson(actor.organisationId, actor.personId))
      .filter((m) => m.status.kind === 'active')
      .flatMap((m) => m.roles);
    const officer =
      roles.includes('officer') ||
      (await requireOfficer(ctx, actor, 'review findings')).length === 0;
    if (!officer) return refuse('not-allowed', 'Only an officer can review findings.');
    return refuse(CHECK_NOT_FOUND.code, CHECK_NOT_FOUND.message);
  }
  const refusals = await requireGroupRole(
    ctx,
    actor,
    loaded.record.groupId,
    ['officer'],
    'review findings',
  );
  if (refusals.length > 0) return { ok: false, refusals };
  return ok(loaded);
}

/** Saves one assignee's reviewed assignment, audited with the verdicts it makes count. */
async function saveReview(
  ctx: AppContext,
  actor: Actor,
  loaded: LoadedCheck,
  record: CheckAssignmentRecord,
  next: Assignment,
  change: { action: string; reason?: string },
): Promise<Result<CheckAssignmentRecord>> {
  const submitted = record.submission;
  return saveChange(
    ctx,
    actor,
    new CheckBook(ctx.db).assignments,
    record,
    {
      ...next,
      // A return sets the findings aside; the audit entry keeps what they were.
      ...(next.status === 'accepted' && { submission: undefined, review: undefined }),
    },
    {
      subject: { kind: 'check', id: loaded.record._id },
      groupId: loaded.record.groupId,
      action: change.action,
      reason: change.reason,
      details: {
        reference: loaded.record.reference,
        personId: record.personId,
        offers: (submitted?.offers ?? []).map((o) => ({ key: o.offerKey, verdict: o.verdict })),
        ...(next.status === 'accepted' && { returnedFindings: submitted ?? null }),
      },
    },
  );
}

/**
 * The officer approves an inspector's findings, or every inspector's submitted findings on the
 * check when no one is named. Only now do they count: the offers they verify take their verdict.
 */
export const approveCheckFindings = defineUseCase({
  name: 'approveCheckFindings',
  input: z.object({ checkRef, inspectorId: recordId.optional() }),
  async run(ctx, actor, input) {
    const loaded = await loadForReview(ctx, actor, input.checkRef);
    if (!loaded.ok) return loaded;
    const check = loaded.value;
    const reviewer = { personId: actor.personId, roles: ['officer' as const] };
    const targets = input.inspectorId
      ? check.assignments.filter((a) => a.personId === input.inspectorId)
      : check.assignments.filter((a) => a.status === 'submitted');
    if (targets.length === 0)
      return refuse(
        input.inspectorId ? 'check.not-assigned' : 'check.nothing-to-review',
        input.inspectorId
          ? 'This check was not offered to that person, so there is nothing to review.'
          : `No findings on ${check.record.reference} are waiting for review.`,
      );
    const approved: CheckAssignmentRecord[] = [];
    for (const record of targets) {
      const next = approveFindings(check.domain, record.personId, reviewer, ctx.now());
      if (!next.ok) return next;
      const saved = await saveReview(ctx, actor, check, record, next.value, {
        action: 'check.findings-approved',
      });
      if (!saved.ok) return saved;
      approved.push(saved.value);
    }
    await recordOfferVerdicts(ctx, actor, check.record);
    return ok({ check: check.record, assignments: approved });
  },
});

/** The officer sends one inspector's findings back with a reason; they may send them again. */
export const returnCheckFindings = defineUseCase({
  name: 'returnCheckFindings',
  // A blank reason reaches the domain, whose refusal says what the reason is for.
  input: z.object({ checkRef, inspectorId: recordId, reason: z.string().trim().max(500) }),
  async run(ctx, actor, input) {
    const loaded = await loadForReview(ctx, actor, input.checkRef);
    if (!loaded.ok) return loaded;
    const check = loaded.value;
    const record = check.assignments.find((a) => a.personId === input.inspectorId);
    const next = returnFindings(
      check.domain,
      input.inspectorId,
      { personId: actor.personId, roles: ['officer'] },
      input.reason,
      ctx.now(),
    );
    if (!next.ok) return next;
    if (!record) return refuse('check.not-assigned', 'This check was not offered to that person.');
    const saved = await saveReview(ctx, actor, check, record, next.value, {
      action: 'check.findings-returned',
      reason: input.reason,
    });
    if (!saved.ok) return saved;
    return ok({ check: check.record, assignments: [saved.value] });
  },
});

/**
 * Each offer's verdict as it now stands on the offer's own record in the audit trail: the
 * approval is what changes it (issue 17: "only approved findings count").
 */
async function recordOfferVerdicts(
  ctx: AppContext,
  actor: Actor,
  check: RealityCheckRecord,
): Promise<void> {
  if (!check.offerKeys || check.offerKeys.length === 0) return;
  const verdicts = offerVerdictsOf(check, await new CheckBook(ctx.db).assignmentsOf(check._id));
  const book = new StandardBook(ctx.db);
  for (const [key, verdict] of verdicts) {
    const standard = await book.byKey(check.organisationId, key);
    if (!standard) continue;
    await audit(ctx, actor, {
      subject: { kind: 'standard', id: standard._id },
      groupId: check.groupId,
      action: 'standard.verification-recorded',
      details: { key, verdict, check: check.reference },
    });
  }
}
