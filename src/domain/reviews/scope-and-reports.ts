import type { LocalDate } from '../calendar/local-date';
import type { Refusal, Result } from '../shared/result';
import { completeStep } from './step-lifecycle';
import { FINAL_REPORT_STEP, REPORT_STEP, SCOPE_STEP } from './review-steps';
import type { Actor, Review, ReviewReport } from './review';

/**
 * Sedgemoor ToR 4.3(1) "Agreeing the objective and scope of the review": the scope is stored
 * and step 1 is done in one change, so the record never holds a done step with no scope.
 */
export function agreeScope(
  review: Review,
  scope: string,
  by: Actor,
  on: LocalDate,
): Result<Review> {
  const agreed = scope.trim();
  if (!agreed)
    return {
      ok: false,
      refusals: [{ code: 'review.scope-missing', message: 'Say what the review covers.' }],
    };
  return completeStep({ ...review, scope: agreed }, SCOPE_STEP, by, on);
}

export const REPORT_KINDS = ['draft', 'final'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** The step each report completes: 4.3(5) the evidence-based report, 4.3(8) the final one. */
export function reportStep(kind: ReportKind) {
  return kind === 'draft' ? REPORT_STEP : FINAL_REPORT_STEP;
}

/** Whether the text is an https link; reports are shared inside the panel, never in the clear. */
export function isHttpsLink(text: string): boolean {
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
}

function linkRefusals(link: string | undefined): Refusal[] {
  if (link === undefined || isHttpsLink(link)) return [];
  return [{ code: 'review.report-link-invalid', message: 'A report link must start https://.' }];
}

/**
 * The panel's report, recorded as a step with an optional link to the document. The final
 * report goes through completeStep, so the minimum meetings hold it back (Sedgemoor ToR 10.1).
 */
export function recordReport(
  review: Review,
  kind: ReportKind,
  by: Actor,
  on: LocalDate,
  link?: string,
): Result<Review> {
  const bad = linkRefusals(link);
  const done = completeStep(review, reportStep(kind), by, on);
  if (!done.ok || bad.length > 0)
    return { ok: false, refusals: [...bad, ...(done.ok ? [] : done.refusals)] };
  const report: ReviewReport = { by, on, ...(link ? { link } : {}) };
  return { ok: true, value: { ...done.value, reports: { ...review.reports, [kind]: report } } };
}
