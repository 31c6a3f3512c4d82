import { DateTime } from 'luxon';
import type { OfferVerdict } from '../../domain/checks';
import {
  checkAssignmentModel,
  realityCheckModel,
  type CheckAssignmentRecord,
  type RealityCheckRecord,
} from '../../store/checks/reality-check-model';
import type { AppContext } from '../shared/context';
import { offerVerdictsOf } from './findings-views';

/** Where tenant inspectors' checks of one local offer stand, from the checks that verify it. */
export interface OfferInspection {
  /** The latest check whose approved findings give the offer a verdict. */
  approved?: { verdict: OfferVerdict; month: string; ref: string };
  /** A check verifying the offer whose findings are not all in and approved yet. */
  underway?: string;
}

/**
 * Each offer's inspection state, worked out from the checks each time rather than stored on
 * the offer: a re-import of the local offers rewrites the offers, and must not wipe out what
 * the inspectors found. Only approved findings give a verdict (issue 17: "only approved
 * findings count"); the month is the month of the approval, in the organisation's time zone.
 */
export async function offerInspections(
  ctx: AppContext,
  organisationId: string,
  zone: string,
): Promise<Map<string, OfferInspection>> {
  const checks = await realityCheckModel(ctx.db)
    .find({ organisationId, offerKeys: { $exists: true } })
    .lean<RealityCheckRecord[]>();
  const states = new Map<string, OfferInspection>();
  if (checks.length === 0) return states;
  const assignments = await checkAssignmentModel(ctx.db)
    .find({ checkId: { $in: checks.map((c) => c._id) } })
    .lean<CheckAssignmentRecord[]>();
  const byCheck = new Map<string, CheckAssignmentRecord[]>();
  for (const a of assignments) byCheck.set(a.checkId, [...(byCheck.get(a.checkId) ?? []), a]);
  const approvedAt = new Map<string, number>();
  for (const check of [...checks].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    const own = byCheck.get(check._id) ?? [];
    const verdicts = offerVerdictsOf(check, own);
    const lastReview = Math.max(
      0,
      ...own.flatMap((a) => (a.review ? [new Date(a.review.reviewedAt).getTime()] : [])),
    );
    const active = own.filter((a) => a.status !== 'declined');
    const allApproved = active.length > 0 && active.every((a) => a.status === 'reviewed');
    for (const key of check.offerKeys ?? []) {
      const state = states.get(key) ?? {};
      const verdict = verdicts.get(key);
      if (verdict && lastReview >= (approvedAt.get(key) ?? 0)) {
        approvedAt.set(key, lastReview);
        const month = DateTime.fromMillis(lastReview, { zone }).toFormat('yyyy-MM');
        state.approved = { verdict, month, ref: check.reference };
      }
      if (!allApproved) state.underway = check.reference;
      else if (state.underway === check.reference) delete state.underway;
      states.set(key, state);
    }
  }
  return states;
}
