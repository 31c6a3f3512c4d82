/**
 * Every clock the bot chases, with the document it comes from. Source names are the files
 * in shared/seeds (and docs/domain.md where no seed document states the rule), so a tenant
 * who asks "says who?" gets the clause.
 */
export const DEADLINE_KINDS = [
  'information-request',
  'staff-attendance-notice',
  'improvement-plan',
  'committee-sign-off',
  'action-plan-review',
  'improvement-action',
  'declaration-reconfirmation',
  'appraisal',
  'terms-review',
  'quarterly-report',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export type DeadlinePeriod =
  | { unit: 'working-days'; amount: number; counted: 'after' | 'before' }
  | { unit: 'calendar-days'; amount: number }
  | { unit: 'months'; amount: number; upTo?: number }
  | { unit: 'quarter-end' };

export interface DeadlineSource {
  document: string;
  clause?: string;
  says: string;
}

export interface DeadlineRule {
  kind: DeadlineKind;
  /** What `from` means when asking for the due date. */
  countsFrom: string;
  period: DeadlinePeriod;
  sources: readonly DeadlineSource[];
}

const SEDGEMOOR = 'sedgemoor-customer-led-scrutiny-terms.txt';
const SOUTHAMPTON = 'southampton-tenant-inspectors-terms-and-code.txt';
const TORUS_TIMS = 'torus-tims-terms-of-reference.txt';
const TRAFFORD = 'trafford-quality-insight-panel-terms.txt';
const DOMAIN_MAP = 'docs/domain.md';

export const DEADLINE_RULES: Readonly<Record<DeadlineKind, DeadlineRule>> = {
  'information-request': {
    kind: 'information-request',
    countsFrom: 'receipt of the formal written request',
    period: { unit: 'working-days', amount: 10, counted: 'after' },
    sources: [
      {
        document: SEDGEMOOR,
        clause: '6.1',
        says: 'Service leads have a duty to provide requested information within 10 working days of receipt of the formal request.',
      },
    ],
  },
  'staff-attendance-notice': {
    kind: 'staff-attendance-notice',
    // Due is the latest day the invitation can go out; the clock runs backwards from the meeting.
    countsFrom: 'the meeting the member of staff is asked to attend',
    period: { unit: 'working-days', amount: 10, counted: 'before' },
    sources: [
      {
        document: SEDGEMOOR,
        clause: '6.1',
        says: 'Calling on any member of staff to attend its meetings to present evidence, subject to provision of a minimum of 10 working days’ notice.',
      },
      {
        document: TRAFFORD,
        says: 'The Panel can request for any member of the Trust’s staff to attend a meeting with 10 working days notice.',
      },
    ],
  },
  'improvement-plan': {
    kind: 'improvement-plan',
    countsFrom: 'the recommendations being agreed',
    // "28 days", not working days: 6.1, just before, says "working days" where it means them.
    period: { unit: 'calendar-days', amount: 28 },
    sources: [
      {
        document: SEDGEMOOR,
        clause: '6.2',
        says: 'A response to the agreed recommendations, triggering a formal duty on SMT to respond within 28 days by way of an improvement plan.',
      },
    ],
  },
  'committee-sign-off': {
    kind: 'committee-sign-off',
    countsFrom: 'receipt of the improvement plan',
    // Calendar days: 6.1 writes "10 working days" twice and 6.2 then plain "10 days" here.
    period: { unit: 'calendar-days', amount: 10 },
    sources: [
      {
        document: SEDGEMOOR,
        clause: '6.2',
        says: 'Signing-off the improvement plan as addressing all recommendations or returning it to SMT for further improvement, within 10 days of receipt.',
      },
    ],
  },
  'action-plan-review': {
    kind: 'action-plan-review',
    countsFrom: 'the action plan being agreed',
    period: { unit: 'months', amount: 6, upTo: 12 },
    sources: [
      {
        document: SOUTHAMPTON,
        says: 'An action plan for improvements is agreed with Housing and reviewed at a later date (6 months–1 year).',
      },
    ],
  },
  'improvement-action': {
    kind: 'improvement-action',
    // The plan gives each action its own date; the deadline is opened on that date (dueOn), so
    // it falls due at the end of the day counted from, and nothing is added to it.
    countsFrom: 'the anticipated completion date the improvement plan gives the action',
    period: { unit: 'calendar-days', amount: 0 },
    sources: [
      {
        document: SEDGEMOOR,
        clause: '6.2',
        says: 'A formal duty on SMT to respond within 28 days by way of an improvement plan including actions to be completed, lead staff member and anticipated timescale for completion.',
      },
    ],
  },
  'declaration-reconfirmation': {
    kind: 'declaration-reconfirmation',
    countsFrom: 'the member’s last declaration or re-confirmation',
    period: { unit: 'months', amount: 12 },
    sources: [
      { document: DOMAIN_MAP, says: 'Declarations are re-confirmed yearly.' },
      {
        document: SEDGEMOOR,
        clause: '9.1',
        says: 'Scrutiny panel members are expected to declare any conflicts of interest.',
      },
    ],
  },
  appraisal: {
    kind: 'appraisal',
    countsFrom: 'the member’s last appraisal (or joining)',
    period: { unit: 'months', amount: 12 },
    sources: [
      {
        document: TORUS_TIMS,
        says: 'New and continuing membership will be subject to an annual appraisal and personal development process.',
      },
      {
        document: TRAFFORD,
        says: 'The Panel will undergo an annual appraisal and skills audit to ensure continuous development.',
      },
    ],
  },
  'terms-review': {
    kind: 'terms-review',
    countsFrom: 'the last review of the terms of reference',
    period: { unit: 'months', amount: 12 },
    sources: [
      {
        document: TORUS_TIMS,
        says: 'TIMS shall conduct an annual review of its work and effectiveness. This annual review will include a review of the terms of reference.',
      },
    ],
  },
  'quarterly-report': {
    kind: 'quarterly-report',
    countsFrom: 'the last report (or the group starting)',
    // "Quarterly" read as the end of each quarter: Torus reports by numbered quarters
    // (local offers "Quarter 3"), and April-start financial quarters end on the same days
    // as calendar quarters, so either reading gives the same due dates.
    period: { unit: 'quarter-end' },
    sources: [
      {
        document: TORUS_TIMS,
        says: 'To report findings quarterly to the Landlord Operations Committee (LOC) and the Scrutiny Group as appropriate.',
      },
      {
        document: TRAFFORD,
        says: 'Reports from the customer inspectors/mystery shoppers will go the Panel for information on a quarterly basis.',
      },
    ],
  },
};

/** What each deadline is, as its owner reads it in `mine` and in a reminder. */
export const DEADLINE_LABELS: Record<DeadlineKind, string> = {
  'information-request': 'Information requested of you',
  'staff-attendance-notice': 'Notice to staff to attend',
  'improvement-plan': 'Improvement plan due',
  'committee-sign-off': 'Committee sign-off',
  'action-plan-review': 'Action plan review',
  'improvement-action': 'Improvement plan action due',
  'declaration-reconfirmation': 'Re-confirm your declarations',
  appraisal: 'Yearly appraisal',
  'terms-review': 'Terms of reference review',
  'quarterly-report': 'Quarterly report',
};
