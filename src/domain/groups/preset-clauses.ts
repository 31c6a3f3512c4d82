import type { MembershipPolicy, PolicyExclusions } from './membership-policy';
import { POLICY_PRESETS, type PresetKey } from './presets';

/** A policy rule by name: a top-level field, or one exclusion as `exclusions.<name>`. */
export type PolicyRuleKey =
  | Exclude<keyof MembershipPolicy, 'exclusions' | 'conduct'>
  | `exclusions.${keyof PolicyExclusions}`;

/**
 * Where each preset value comes from: the clause of the group's own terms of reference, quoted.
 * A rule with no clause here is one the document does not state: it is off in the preset, and
 * an officer may switch it on (domain.md "Whose rule is it").
 */
export const PRESET_CLAUSES: Readonly<Record<PresetKey, Partial<Record<PolicyRuleKey, string>>>> = {
  'torus-tims': {
    eligibleTenures:
      'Membership: "Current tenants of Torus; or" "Current customers of Torus ... eg, leaseholder, or share owners"',
    staff: 'Exclusions: "Members of staff within Torus"',
    'exclusions.breachOfTenancy':
      'Exclusions: "Customers in material or serious breach of their tenancy or lease agreements"',
    'exclusions.exCustomers': 'Membership: only "current" tenants and customers',
    over18ConfirmationRequired: 'Exclusions: "Anyone under 18"',
    codeOfConductRequired:
      'Safeguards: "All members must sign the code of conduct and confidentiality agreement."',
    confidentialityAgreementRequired:
      'Safeguards: "All members must sign the code of conduct and confidentiality agreement."',
    initialTrainingRequired: 'Membership: "All members need to carry out a training programme"',
    liveComplaintSuspends:
      'Exclusions: a live complaint "may be suspended from TIMS until the complaint is fully resolved"',
    annualAppraisal: 'Safeguards: "annual appraisal and personal development process"',
    appraisalOf: 'Safeguards: "annual appraisal and personal development process" (of each member)',
    annualTermsReview:
      'Safeguards: "This annual review will include a review of the terms of reference."',
    findingsBlinded: 'Members must: "respecting confidentiality of information"',
  },
  'southampton-ti': {
    maxMembersPerInspection: '"There is a limit of 12 members for any one inspection."',
    eligibleTenures: 'Aims: "made up of tenants and leaseholders"',
    minimumTenancy:
      'Membership: "a current tenant or leaseholder of Southampton City Council of at least 12 months, or;" "Have been trained about the aims of the project"',
    staff:
      'Membership: "an employee of Southampton City Council (unless you have agreement from your manager)"',
    'exclusions.breachOfTenancy':
      'Membership: "in breach of your tenancy or lease agreement which causes conflict of interest"',
    'exclusions.exCustomers': 'Membership: "a current tenant or leaseholder"',
    joinOnlyBetweenInspections: '"New members can only join in-between inspections."',
    codeOfConductRequired: 'Code of Conduct: "Member agreement ... Signed"',
    initialTrainingRequired: 'Training: "relevant training which they will be expected to attend"',
    reviewsPerYear: 'Objectives: "at least one inspection a year"',
    followUpReviewMonths:
      'Objectives: "An action plan for improvements is agreed with Housing and reviewed at a later date (6 months–1 year)."',
    findingsBlinded:
      'Confidentiality: "the information must be appropriately \'blinded\' and anonymous so that identities are protected"',
  },
  'trafford-qip': {
    minMembers: '7: "a maximum of 15 members and a minimum of 8"',
    maxMembers: '7: "a maximum of 15 members and a minimum of 8"',
    idealRange: '7: "Between 12 – 15 members is the ideal size"',
    maxLeaseholders: '7: "A maximum of 2 places can be filled by leaseholders"',
    eligibleTenures: '7: "Tenants and leaseholders of Trafford Housing Trust"',
    staff: '8: "Any employee of Trafford Housing Trust"',
    'exclusions.judgementOrNotice':
      '8: "County Court judgement in favour of Trafford Housing Trust or a Notice of Seeking Possession"',
    'exclusions.exCustomers': '8: "Anyone who ceases to be a customer"',
    'exclusions.boardMemberElsewhere':
      '8: "sit on the board of Trafford Housing Trust or any other housing organisation, business partner"',
    'exclusions.previouslyExcludedForBehaviour':
      '8: "excluded from past activities with the Trust due to their behaviour"',
    codeOfConductRequired: '12: "Adoption of an enforceable Code of Conduct"',
    initialTrainingRequired: '11: "Members will be required to attend induction training"',
    termYears: '7: "Membership will be for a fixed term of three years."',
    minMeetingsPerYear: '7: "meet a minimum of six times a year"',
    reviewsPerYear: '7: "aim to complete three service reviews annually"',
    annualAppraisal: '12: "The Panel will undergo an annual appraisal and skills audit"',
    appraisalOf: '12: "The Panel will undergo an annual appraisal and skills audit" (of the panel)',
    staffNoticeWorkingDays:
      '7: "The Panel can request for any member of the Trust’s staff to attend a meeting with 10 working days notice"',
    findingsBlinded:
      '13: "any information about members of staff or customers’ personal identities or circumstances will not be shared"',
  },
  'sedgemoor-scrutiny': {
    minMembers: '8.3: "a minimum of 4 and a maximum number of 12 residents"',
    maxMembers: '8.3: "a minimum of 4 and a maximum number of 12 residents"',
    eligibleTenures: '4.1: recruited "from the wider customer base"',
    staff: '11.1: "Customer and staff panel members"; employment is a declared interest (9.1)',
    'exclusions.helpedDevelopService':
      '4.1: "not those who have been involved in the development of a particular service"',
    'exclusions.exCustomers': '4.1: recruited "from the wider customer base"',
    maxCommitteeMembersPerPanel:
      '4.1: "Only one member of the Sedgemoor Tenants Assurance Committee can participate in a scrutiny panel at any one time."',
    codeOfConductRequired:
      '11.1: "Customer and staff panel members agree to" the expectations of membership',
    confidentialityAgreementRequired:
      '7.2: "required to sign a confidentiality agreement prior to being given access"',
    initialTrainingRequired:
      '4.2: "All residents engaging in scrutiny must have undertaken initial training"',
    liveComplaintSuspends: '9.2: an ongoing complaint "may not preclude" taking part',
    standDownDuringTenancyAction: '11: "required to stand down for any period of that action"',
    minMeetingsPerReview:
      '10.1: "a full scrutiny review will require a minimum of 4 meetings and a light-touch review a minimum of 2 meetings"',
    staffNoticeWorkingDays: '6.1: "subject to provision of a minimum of 10 working days’ notice"',
    informationRequestWorkingDays:
      '6.1: "Service leads have a duty to provide requested information within 10 working days of receipt of the formal request"',
    improvementPlanDays:
      '6.2: "a formal duty on SMT to respond within 28 days by way of an improvement plan"',
    planSignOffDays:
      '6.2: "Signing-off the improvement plan as addressing all recommendations or returning it to SMT for further improvement, within 10 days of receipt"',
    lightTouchRequiredSteps: '4.4: "A typical light-touch review will include steps 1, 3 and 5"',
    findingsBlinded:
      '7.1: "All information acquired for the purposes of scrutiny activity is confidential to HIS."',
  },
};

/** What people read for each rule, in the order a policy card lists them. */
export const POLICY_RULE_LABELS: ReadonlyArray<readonly [PolicyRuleKey, string]> = [
  ['minMembers', 'Fewest members'],
  ['maxMembers', 'Most members'],
  ['idealRange', 'Ideal size'],
  ['maxMembersPerInspection', 'Most on any one inspection'],
  ['maxLeaseholders', 'Most leaseholders'],
  ['eligibleTenures', 'Who may join'],
  ['minimumTenancy', 'Shortest tenancy'],
  ['staff', 'Staff'],
  ['exclusions.breachOfTenancy', 'Excludes a breach of tenancy'],
  ['exclusions.judgementOrNotice', 'Excludes a court judgement or notice of seeking possession'],
  ['exclusions.exCustomers', 'Excludes ex-customers'],
  ['exclusions.boardMemberElsewhere', 'Excludes board members of other housing bodies'],
  ['exclusions.previouslyExcludedForBehaviour', 'Excludes people excluded before for behaviour'],
  ['exclusions.helpedDevelopService', 'Excludes people who helped develop the service'],
  ['joinOnlyBetweenInspections', 'New members join only between inspections'],
  ['maxCommitteeMembersPerPanel', 'Most committee members on a panel'],
  ['over18ConfirmationRequired', '18 or over confirmed before taking part'],
  ['codeOfConductRequired', 'Code of conduct signed before taking part'],
  ['confidentialityAgreementRequired', 'Confidentiality agreement signed before taking part'],
  ['initialTrainingRequired', 'Initial training before taking part'],
  ['liveComplaintSuspends', 'A live complaint suspends'],
  ['standDownDuringTenancyAction', 'Stand down during tenancy action'],
  ['termYears', 'Term (years)'],
  ['minMeetingsPerYear', 'Meetings a year (at least)'],
  ['reviewsPerYear', 'Reviews or inspections a year'],
  ['minMeetingsPerReview', 'Meetings per review (at least)'],
  ['lightTouchRequiredSteps', 'Steps a light-touch review cannot skip'],
  ['informationRequestWorkingDays', 'Working days staff have to send information'],
  ['staffNoticeWorkingDays', 'Working days’ notice for staff called to a meeting'],
  ['improvementPlanDays', 'Days for management’s improvement plan'],
  ['planSignOffDays', 'Days to sign off or return the plan'],
  ['followUpReviewMonths', 'Follow-up review of the plan (months after)'],
  ['findingsBlinded', 'Findings blinded before they leave the panel'],
  ['annualAppraisal', 'Annual appraisal'],
  ['appraisalOf', 'Appraisal of each member or of the panel'],
  ['annualTermsReview', 'Annual review of the terms of reference'],
  ['quorum', 'Quorum'],
  ['retentionYears', 'Years personal details are kept after someone leaves'],
];

export interface PolicyRuleView {
  key: PolicyRuleKey;
  label: string;
  /** The group's value now, in words ("off" where the rule is not set). */
  value: string;
  /** The preset's value, in words. */
  presetValue: string;
  /** The clause the preset value comes from, or that the document is silent. */
  source: string;
  /** True where an officer has changed the rule from the preset. */
  changed: boolean;
}

/** Each rule of a group's policy beside its preset's value and the clause behind it. */
export function describePolicy(policy: MembershipPolicy, preset: PresetKey): PolicyRuleView[] {
  const seeded = POLICY_PRESETS[preset].policy;
  const clauses = PRESET_CLAUSES[preset];
  return POLICY_RULE_LABELS.map(([key, label]) => {
    const value = wordsFor(ruleValue(policy, key));
    const presetValue = wordsFor(ruleValue(seeded, key));
    return {
      key,
      label,
      value,
      presetValue,
      source: clauses[key] ?? 'The document does not say: off unless an officer sets it.',
      changed: value !== presetValue,
    };
  });
}

export function ruleValue(policy: MembershipPolicy, key: PolicyRuleKey): unknown {
  if (key.startsWith('exclusions.'))
    return policy.exclusions[key.slice('exclusions.'.length) as keyof PolicyExclusions];
  return policy[key as Exclude<PolicyRuleKey, `exclusions.${string}`>];
}

function wordsFor(value: unknown): string {
  if (value === undefined || value === null || value === false) return 'off';
  if (value === true) return 'on';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('months' in record)
      return `${String(record.months)} months${record.orTrained ? ', or trained' : ''}`;
    if ('min' in record) return `${String(record.min)} to ${String(record.max)}`;
    if ('full' in record)
      return `full ${String(record.full)}, light-touch ${String(record.lightTouch)}`;
    return JSON.stringify(value);
  }
  return String(value);
}
