import type { GroupKind } from './group-kind';
import type { MembershipPolicy } from './membership-policy';

/**
 * The four groups in the seed documents, each with the policy values their terms of reference
 * state. Where a document is silent the rule is off, except where noted.
 */
export const PRESET_KEYS = [
  'torus-tims',
  'southampton-ti',
  'trafford-qip',
  'sedgemoor-scrutiny',
] as const;
export type PresetKey = (typeof PRESET_KEYS)[number];

export interface PolicyPreset {
  key: PresetKey;
  name: string;
  kind: GroupKind;
  /** The document the values come from (a file in the shared seeds). */
  source: string;
  policy: MembershipPolicy;
}

const NO_EXCLUSIONS = {
  breachOfTenancy: false,
  judgementOrNotice: false,
  exCustomers: false,
  boardMemberElsewhere: false,
  previouslyExcludedForBehaviour: false,
  helpedDevelopService: false,
};

const torusTims: PolicyPreset = {
  key: 'torus-tims',
  name: 'Torus Tenant Inspectors and Mystery Shoppers (TIMS)',
  kind: 'inspector-team',
  source: 'torus-tims-terms-of-reference.txt',
  policy: {
    // Membership: "Current tenants of Torus; or Current customers ... eg, leaseholder, or share owners".
    eligibleTenures: ['tenant', 'leaseholder', 'shared-owner'],
    // Exclusions: "Members of staff within Torus".
    staff: 'excluded',
    exclusions: {
      ...NO_EXCLUSIONS,
      // "Customers in material or serious breach of their tenancy or lease agreements".
      breachOfTenancy: true,
      // Only "current" tenants and customers may join.
      exCustomers: true,
    },
    joinOnlyBetweenInspections: false,
    // Exclusions: "Anyone under 18".
    over18ConfirmationRequired: true,
    // Safeguards: "All members must sign the code of conduct and confidentiality agreement."
    codeOfConductRequired: true,
    confidentialityAgreementRequired: true,
    // Membership: "All members need to carry out a training programme".
    initialTrainingRequired: true,
    // Exclusions: a live complaint "may be suspended from TIMS until the complaint is fully resolved".
    liveComplaintSuspends: true,
    standDownDuringTenancyAction: false,
    // Safeguards: "annual appraisal and personal development process".
    // Members must: "respecting confidentiality of information".
    findingsBlinded: true,
    annualAppraisal: true,
    // Safeguards: "New and continuing membership will be subject to an annual appraisal".
    appraisalOf: 'each-member',
    // Safeguards: "This annual review will include a review of the terms of reference."
    annualTermsReview: true,
    conduct: {
      summary:
        'Torus TIMS terms of reference: a member who breaches the code of conduct or the confidentiality agreement is asked to leave TIMS; a tenancy breach or disrepute means suspension pending investigation.',
      steps: [
        { kind: 'suspended-pending-investigation', on: ['tenancy-breach-or-disrepute'] },
        { kind: 'membership-ends', on: ['code-of-conduct-breach', 'confidentiality-breach'] },
      ],
    },
  },
};

const southamptonTi: PolicyPreset = {
  key: 'southampton-ti',
  name: 'Southampton City Council Tenant Inspectors',
  kind: 'inspector-team',
  source: 'southampton-tenant-inspectors-terms-and-code.txt',
  policy: {
    // "There is a limit of 12 members for any one inspection."
    maxMembersPerInspection: 12,
    // Aims: "made up of tenants and leaseholders".
    eligibleTenures: ['tenant', 'leaseholder'],
    // "a current tenant or leaseholder ... of at least 12 months, or; Have been trained".
    minimumTenancy: { months: 12, orTrained: true },
    // "an employee of Southampton City Council (unless you have agreement from your manager)".
    staff: 'with-manager-agreement',
    exclusions: {
      ...NO_EXCLUSIONS,
      // "in breach of your tenancy or lease agreement which causes conflict of interest".
      breachOfTenancy: true,
      // "a current tenant or leaseholder".
      exCustomers: true,
    },
    // "New members can only join in-between inspections."
    joinOnlyBetweenInspections: true,
    // Not in this document (only Torus states an age): off, and an officer may switch it on.
    over18ConfirmationRequired: false,
    // "CODE OF CONDUCT – Member agreement ... Signed".
    codeOfConductRequired: true,
    // Confidentiality is part of the signed code here; no separate agreement is named.
    confidentialityAgreementRequired: false,
    // Training: "relevant training which they will be expected to attend".
    initialTrainingRequired: true,
    liveComplaintSuspends: false,
    standDownDuringTenancyAction: false,
    // Objectives: "at least one inspection a year".
    reviewsPerYear: 1,
    // "An action plan for improvements is agreed with Housing and reviewed at a later date
    // (6 months–1 year)".
    followUpReviewMonths: { min: 6, max: 12 },
    // Confidentiality: information shared must be "'blinded' and anonymous".
    findingsBlinded: true,
    annualAppraisal: false,
    annualTermsReview: false,
    conduct: {
      summary:
        'Southampton Tenant Inspectors Code of Conduct: the facilitating officer may warn a member to leave the meeting and give two further warnings; then the members present vote on asking them to leave and may vote to bar them for a period.',
      steps: [
        { kind: 'warned-to-leave-meeting', by: 'facilitating-officer' },
        { kind: 'further-warnings', count: 2, by: 'facilitating-officer' },
        { kind: 'vote', voters: 'members-present', question: 'asked-to-leave' },
        { kind: 'vote', voters: 'members-present', question: 'barred-for-a-period' },
      ],
    },
  },
};

const traffordQip: PolicyPreset = {
  key: 'trafford-qip',
  name: 'Trafford Housing Trust Quality and Insight Panel',
  kind: 'panel',
  source: 'trafford-quality-insight-panel-terms.txt',
  policy: {
    // 7: "Between 12 – 15 members is the ideal size ... a maximum of 15 members and a minimum of 8".
    minMembers: 8,
    maxMembers: 15,
    idealRange: { min: 12, max: 15 },
    // 7: "A maximum of 2 places can be filled by leaseholders".
    maxLeaseholders: 2,
    // 7: "Tenants and leaseholders of Trafford Housing Trust".
    eligibleTenures: ['tenant', 'leaseholder'],
    // 8: "Any employee of Trafford Housing Trust".
    staff: 'excluded',
    exclusions: {
      ...NO_EXCLUSIONS,
      // 8: "County Court judgement in favour of Trafford Housing Trust or a Notice of Seeking Possession".
      judgementOrNotice: true,
      // 8: "Anyone who ceases to be a customer".
      exCustomers: true,
      // 8: "sit on the board of Trafford Housing Trust or any other housing organisation, business partner".
      boardMemberElsewhere: true,
      // 8: "excluded from past activities with the Trust due to their behaviour".
      previouslyExcludedForBehaviour: true,
    },
    joinOnlyBetweenInspections: false,
    // Not in this document (only Torus states an age): off, and an officer may switch it on.
    over18ConfirmationRequired: false,
    // 12: "Adoption of an enforceable Code of Conduct".
    codeOfConductRequired: true,
    // 13 asks for confidentiality but names no agreement to sign.
    confidentialityAgreementRequired: false,
    // 11: "Members will be required to attend induction training".
    initialTrainingRequired: true,
    liveComplaintSuspends: false,
    standDownDuringTenancyAction: false,
    // 7: "Membership will be for a fixed term of three years."
    termYears: 3,
    // 7: "meet a minimum of six times a year and aim to complete three service reviews annually".
    minMeetingsPerYear: 6,
    reviewsPerYear: 3,
    // 12: "The Panel will undergo an annual appraisal and skills audit".
    // 7: "request for any member of the Trust’s staff to attend a meeting with 10 working days notice".
    staffNoticeWorkingDays: 10,
    // 13: "any information about members of staff or customers’ personal identities or
    // circumstances will not be shared".
    findingsBlinded: true,
    annualAppraisal: true,
    appraisalOf: 'panel',
    annualTermsReview: false,
    conduct: {
      summary:
        'Trafford Quality and Insight Panel terms of reference 12: the Nominations Committee considers and investigates an alleged breach of the Code of Conduct or terms of reference and decides the action, which can include removal from the Panel.',
      steps: [
        { kind: 'investigation', by: 'Nominations Committee', mayRemoveFromMembership: true },
      ],
    },
  },
};

const sedgemoorScrutiny: PolicyPreset = {
  key: 'sedgemoor-scrutiny',
  name: 'Homes in Sedgemoor customer-led scrutiny panel',
  kind: 'task-and-finish-panel',
  source: 'sedgemoor-customer-led-scrutiny-terms.txt',
  policy: {
    // 8.3: "a minimum of 4 and a maximum number of 12 residents".
    minMembers: 4,
    maxMembers: 12,
    // 4.1: recruited "from the wider customer base"; tenure is not narrowed further.
    eligibleTenures: ['tenant', 'leaseholder', 'shared-owner'],
    // 11.1 speaks of "customer and staff panel members"; 9.1 makes employment a declared interest.
    staff: 'allowed',
    exclusions: {
      ...NO_EXCLUSIONS,
      // 4.1: "not those who have been involved in the development of a particular service".
      helpedDevelopService: true,
      // 4.1: recruited "from the wider customer base".
      exCustomers: true,
    },
    joinOnlyBetweenInspections: false,
    // 4.1: "Only one member of the Sedgemoor Tenants Assurance Committee can participate in a
    // scrutiny panel at any one time."
    maxCommitteeMembersPerPanel: 1,
    // Not in this document (only Torus states an age): off, and an officer may switch it on.
    over18ConfirmationRequired: false,
    // 11.1: "Customer and staff panel members agree to" the expectations of membership.
    codeOfConductRequired: true,
    // 7.2: "required to sign a confidentiality agreement prior to being given access".
    confidentialityAgreementRequired: true,
    // 4.2: "All residents engaging in scrutiny must have undertaken initial training".
    initialTrainingRequired: true,
    // 9.2: an ongoing complaint "may not preclude" taking part; it is noted instead.
    liveComplaintSuspends: false,
    // 11: "required to stand down for any period of that action".
    standDownDuringTenancyAction: true,
    // 10.1: "a full scrutiny review will require a minimum of 4 meetings and a light-touch
    // review a minimum of 2 meetings".
    minMeetingsPerReview: { full: 4, lightTouch: 2 },
    // 6.1: "a minimum of 10 working days’ notice"; information "within 10 working days".
    staffNoticeWorkingDays: 10,
    informationRequestWorkingDays: 10,
    // 6.2: SMT respond "within 28 days"; the plan signed off or returned "within 10 days of receipt".
    improvementPlanDays: 28,
    planSignOffDays: 10,
    // 4.4: "A typical light-touch review will include steps 1, 3 and 5".
    lightTouchRequiredSteps: [1, 3, 5],
    // 7.1: "All information acquired for the purposes of scrutiny activity is confidential".
    findingsBlinded: true,
    annualAppraisal: false,
    annualTermsReview: false,
    conduct: {
      summary:
        'Sedgemoor customer-led scrutiny terms of reference 11.1: anyone who fails to meet the expectations of membership or acts in an aggressive or offensive manner has their membership withdrawn.',
      steps: [
        {
          kind: 'membership-ends',
          on: ['expectations-not-met', 'aggressive-or-offensive-behaviour'],
        },
      ],
    },
  },
};

export const POLICY_PRESETS: Readonly<Record<PresetKey, PolicyPreset>> = {
  'torus-tims': torusTims,
  'southampton-ti': southamptonTi,
  'trafford-qip': traffordQip,
  'sedgemoor-scrutiny': sedgemoorScrutiny,
};

export function isPresetKey(value: string): value is PresetKey {
  return (PRESET_KEYS as readonly string[]).includes(value);
}

/** A fresh copy, so a group's edits never reach the shared preset. */
export function presetPolicy(key: PresetKey): MembershipPolicy {
  return structuredClone(POLICY_PRESETS[key].policy);
}
