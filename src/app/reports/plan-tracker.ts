import { z } from 'zod';
import { ok, refuse, type Result } from '../../domain/shared/result';
import { PersonBook } from '../../store/people/person-book';
import { localToday } from '../people/standing';
import { reviewByReference } from '../reviews/review-use-cases';
import { requireGroupRole } from '../shared/authorise';
import { defineUseCase } from '../shared/use-case';
import { actionLines, planStateText, recommendationLines, type ActionLine } from './review-outline';

/**
 * The improvement plan tracker (Sedgemoor ToR 4.3(9) "on-going monitoring of its delivery",
 * 6.2 "actions to be completed, lead staff member and anticipated timescale"): every action,
 * overdue first. It names each action's lead, as the plan itself does; it is not blinded
 * because the plan is management's document, not the inspectors' findings.
 */

export interface PlanTracker {
  ref: string;
  title: string;
  asOf: string;
  planState: string;
  actions: Array<ActionLine & { owner: string; recommendationText: string }>;
}

export const planTracker = defineUseCase({
  name: 'planTracker',
  input: z.object({ reviewRef: z.string().trim().min(1, 'say which review, e.g. R-12') }),
  async run(ctx, actor, input): Promise<Result<PlanTracker>> {
    const record = await reviewByReference(ctx, actor.organisationId, input.reviewRef);
    if (!record)
      return refuse(
        'review-not-found',
        `There is no review ${input.reviewRef} in your organisation.`,
      );
    const refusals = await requireGroupRole(
      ctx,
      actor,
      record.groupId,
      ['officer', 'chair'],
      'produce the improvement plan tracker',
    );
    if (refusals.length > 0) return { ok: false, refusals };
    const today = await localToday(ctx, actor.organisationId);
    const open = { on: false, names: [] };
    const actions = actionLines(record.review, today, open);
    const owners = await new PersonBook(ctx.db).namesOf(actions.map((a) => a.ownerId));
    const recs = new Map(recommendationLines(record.review, open).map((r) => [r.number, r.text]));
    return ok({
      ref: record.reference,
      title: record.review.title,
      asOf: today,
      planState: planStateText(record.review),
      actions: actions.map((a) => ({
        ...a,
        owner: owners.get(a.ownerId) ?? 'not on record',
        recommendationText: recs.get(a.recommendation) ?? '',
      })),
    });
  },
});
