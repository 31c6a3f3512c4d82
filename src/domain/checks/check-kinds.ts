/**
 * The kinds of reality check the documents name. Torus TIMS terms of reference list the first
 * six (voids against the letting standard, test calls for a repair, ASB and out of hours,
 * reception assessments, interviews and observations of staff); the test email comes from the
 * Torus Liverpool local offers ("acknowledge emails ... within 4 hours", to be verified by a
 * customer service inspection); the rest from Southampton Tenant Inspectors ("case studies,
 * work shadowing, desktop reviews, interviews, visits, focus groups, surveys") and Sedgemoor
 * step 4 ("interviews, focus groups, site visits, mystery shopping, surveys").
 */
export const CHECK_KINDS = [
  'empty-home-inspection',
  'test-call-repair',
  'test-call-asb',
  'test-call-out-of-hours',
  'test-email',
  'reception-assessment',
  'interview',
  'observation',
  'site-visit',
  'desktop-review',
  'focus-group',
  'survey',
  'case-study',
  'work-shadowing',
] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

/** How each kind is named to tenants in chat and in published reports. */
export const CHECK_KIND_LABELS: Record<CheckKind, string> = {
  'empty-home-inspection': 'Empty home (void) inspection',
  'test-call-repair': 'Test call: reporting a repair',
  'test-call-asb': 'Test call: reporting anti-social behaviour',
  'test-call-out-of-hours': 'Test call: out-of-hours emergency line',
  'test-email': 'Test email to the Customer Hub',
  'reception-assessment': 'Reception / office assessment',
  interview: 'Interview with staff',
  observation: 'Observation of staff',
  'site-visit': 'Site visit / estate walkabout',
  'desktop-review': 'Desktop review of policies and information',
  'focus-group': 'Focus group',
  survey: 'Survey',
  'case-study': 'Case study',
  'work-shadowing': 'Work shadowing',
};

export function isCheckKind(value: string): value is CheckKind {
  return (CHECK_KINDS as readonly string[]).includes(value);
}
