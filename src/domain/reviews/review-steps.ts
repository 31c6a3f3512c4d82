/**
 * The ten steps of a scrutiny review, as Homes in Sedgemoor lists them in
 * sedgemoor-customer-led-scrutiny-terms.txt 4.3 ("A typical full scrutiny review will include").
 * The numbers are the document's, so an officer can say "step 6" and mean the same thing.
 */
export const STEP_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export type StepNumber = (typeof STEP_NUMBERS)[number];

export interface StepDefinition {
  number: StepNumber;
  /** Short name for chat and cards. */
  name: string;
}

export const REVIEW_STEPS: readonly StepDefinition[] = [
  // 4.3(1) "Agreeing the objective and scope of the review".
  { number: 1, name: 'agree scope' },
  // 4.3(2) "Developing a draft project plan and submitting a request for written information".
  { number: 2, name: 'project plan and written information request' },
  // 4.3(3) "Undertaking a desktop review of the written information received".
  { number: 3, name: 'desktop review' },
  // 4.3(4) "a range of reality checks and inspection methods".
  { number: 4, name: 'reality checks' },
  // 4.3(5) "compiling a written report with evidence-based recommendations".
  { number: 5, name: 'evidence-based report' },
  // 4.3(6) draft to STAC for approval and to staff and SMT "for consideration and management response".
  { number: 6, name: 'draft to committee and senior management for a management response' },
  // 4.3(7) "Any clarification required prior to staff drafting an improvement plan".
  { number: 7, name: 'clarification' },
  // 4.3(8) "The preparation of the final report and recommendations to STAC".
  { number: 8, name: 'final report' },
  // 4.3(9) "Receipt of the improvement plan and on-going monitoring of its delivery".
  { number: 9, name: 'improvement plan received and monitored' },
  // 4.3(10) "Publicising the review outcomes and Improvement Plan" ("you said, we did").
  { number: 10, name: 'publicise outcomes ("you said, we did")' },
];

/** The steps whose completion is checked against something else in the review. */
export const SCOPE_STEP: StepNumber = 1;
export const REPORT_STEP: StepNumber = 5;
export const DRAFT_TO_MANAGEMENT_STEP: StepNumber = 6;
export const CLARIFICATION_STEP: StepNumber = 7;
export const FINAL_REPORT_STEP: StepNumber = 8;
export const IMPROVEMENT_PLAN_STEP: StepNumber = 9;

export function isStepNumber(n: number): n is StepNumber {
  return (STEP_NUMBERS as readonly number[]).includes(n);
}

export function stepName(step: StepNumber): string {
  return REVIEW_STEPS[step - 1]?.name ?? `step ${step}`;
}

/** 'step 3 (desktop review)': how a step reads inside a sentence. */
export function stepLabel(step: StepNumber): string {
  return `step ${step} (${stepName(step)})`;
}

/** 'step 3 (desktop review) and step 4 (reality checks)'. */
export function stepLabels(steps: readonly StepNumber[]): string {
  const labels = steps.map(stepLabel);
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}
