import { OFFER_VERDICT_LABELS } from '../../domain/checks';
import {
  checkAssignmentModel,
  realityCheckModel,
  type CheckAssignmentRecord,
  type RealityCheckRecord,
} from '../../store/checks/reality-check-model';
import { offerVerdictsOf, type Blinding } from '../checks/findings-views';
import type { AppContext } from '../shared/context';
import { outward } from './report-text';

export interface CheckFindings {
  ref: string;
  title: string;
  approvedInspectors: number;
  strengths: string[];
  weaknesses: string[];
  recommendations: string[];
  offers: string[];
}

/** The same point made by two inspectors is reported once. */
function unique(items: readonly string[]): string[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.toLowerCase().replace(/\s+/g, ' ').trim();
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The approved findings of the checks done for a review (Sedgemoor 4.3(4): reality checks as
 * evidence), blinded as the group's policy says; findings not yet approved are left out.
 */
export async function reviewCheckFindings(
  ctx: AppContext,
  organisationId: string,
  reviewId: string,
  blinding: Blinding,
): Promise<CheckFindings[]> {
  const checks = await realityCheckModel(ctx.db)
    .find({ organisationId, reviewId })
    .sort({ createdAt: 1 })
    .lean<RealityCheckRecord[]>();
  if (checks.length === 0) return [];
  const assignments = await checkAssignmentModel(ctx.db)
    .find({ checkId: { $in: checks.map((c) => c._id) }, status: 'reviewed' })
    .lean<CheckAssignmentRecord[]>();
  return checks.map((check) => {
    const approved = assignments.filter((a) => a.checkId === check._id);
    const all = (list: 'strengths' | 'weaknesses' | 'recommendations') =>
      unique(
        approved
          .flatMap((a) => a.submission?.findings[list] ?? [])
          .map((t) => outward(t, blinding)),
      );
    return {
      ref: check.reference,
      title: outward(check.title, blinding),
      approvedInspectors: approved.length,
      strengths: all('strengths'),
      weaknesses: all('weaknesses'),
      recommendations: all('recommendations'),
      offers: [...offerVerdictsOf(check, approved).entries()].map(
        ([key, verdict]) => `${key}: ${OFFER_VERDICT_LABELS[verdict]}`,
      ),
    };
  });
}
