import type { Tenure } from '../shared/people';
import type { ConductPolicy } from './conduct';

/**
 * A group's membership rules, one field per rule the terms of reference state, so an officer
 * can read and edit each one. Absent optional fields mean the group's document sets no such
 * rule. Presets in ./presets.ts carry the seeded values with their sources.
 */
export interface MembershipPolicy {
  /** Fewest members the group should run with (Trafford QIP 7: 8; Sedgemoor 8.3: 4). */
  minMembers?: number;
  /** Most members the group takes; joining beyond it is refused (Trafford 15; Sedgemoor 12). */
  maxMembers?: number;
  /** The size the document calls ideal, for recruitment prompts only (Trafford: 12 to 15). */
  idealRange?: { min: number; max: number };
  /** Southampton TI ToR: "a limit of 12 members for any one inspection". */
  maxMembersPerInspection?: number;
  /** Trafford QIP 7: "A maximum of 2 places can be filled by leaseholders". */
  maxLeaseholders?: number;
  /** Who may join by tenure (Torus: tenants and paying customers; Trafford: tenants and leaseholders). */
  eligibleTenures: Tenure[];
  /**
   * Southampton TI ToR: a tenant or leaseholder "of at least 12 months, or" trained about the
   * project's aims and skills. `orTrained` says whether training stands in for the months.
   */
  minimumTenancy?: { months: number; orTrained: boolean };
  /**
   * Staff: 'excluded' (Torus, Trafford), 'with-manager-agreement' (Southampton: "unless you have
   * agreement from your manager"), 'allowed' (Sedgemoor 11.1 has "customer and staff panel
   * members"; employment is a declared interest there, 9.1).
   */
  staff: 'excluded' | 'with-manager-agreement' | 'allowed';
  /** Hard exclusions from joining; the continuing ones also stop a member taking part. */
  exclusions: PolicyExclusions;
  /** Southampton TI ToR: "New members can only join in-between inspections." */
  joinOnlyBetweenInspections: boolean;
  /**
   * Sedgemoor ToR 4.1: "Only one member of the Sedgemoor Tenants Assurance Committee can
   * participate in a scrutiny panel at any one time."
   */
  maxCommitteeMembersPerPanel?: number;
  /** Torus TIMS ToR: "Anyone under 18" is excluded; confirmed by the member, never a birth date. */
  over18ConfirmationRequired: boolean;
  /** Signed code of conduct before taking part (Torus Safeguards; Southampton member agreement). */
  codeOfConductRequired: boolean;
  /** Signed confidentiality agreement before taking part (Torus Safeguards; Sedgemoor 7.2, 7.4). */
  confidentialityAgreementRequired: boolean;
  /** Initial training before taking part (Torus Membership; Trafford 11; Sedgemoor 4.2). */
  initialTrainingRequired: boolean;
  /**
   * Torus TIMS ToR: "Customers with a live complaint ... may be suspended from TIMS until the
   * complaint is fully resolved." Sedgemoor 9.2 says the opposite (note it, do not preclude).
   */
  liveComplaintSuspends: boolean;
  /**
   * Sedgemoor ToR 11: a member the landlord takes action against to impose the terms of their
   * tenancy "will be required to stand down for any period of that action".
   */
  standDownDuringTenancyAction: boolean;
  /** Trafford QIP 7: "a fixed term of three years" on a rolling cycle; absent means open-ended. */
  termYears?: number;
  /** Trafford QIP 7: "meet a minimum of six times a year". */
  minMeetingsPerYear?: number;
  /** Trafford QIP 7: "aim to complete three service reviews annually"; Southampton: one inspection. */
  reviewsPerYear?: number;
  /** Sedgemoor ToR 10.1: a full review needs at least 4 meetings, a light-touch one at least 2. */
  minMeetingsPerReview?: { full: number; lightTouch: number };
  /**
   * Sedgemoor ToR 6.1: "Service leads have a duty to provide requested information within 10
   * working days of receipt of the formal request". Absent, an officer gives each request's date.
   */
  informationRequestWorkingDays?: number;
  /**
   * Staff called to a panel meeting get at least this many working days' notice (Sedgemoor ToR
   * 6.1, Trafford QIP 7: 10). Absent, no notice period is enforced.
   */
  staffNoticeWorkingDays?: number;
  /** Sedgemoor ToR 6.2: SMT respond "within 28 days by way of an improvement plan". */
  improvementPlanDays?: number;
  /** Sedgemoor ToR 6.2: the plan is signed off or returned to SMT "within 10 days of receipt". */
  planSignOffDays?: number;
  /** Southampton TI: the action plan is "reviewed at a later date (6 months–1 year)". */
  followUpReviewMonths?: { min: number; max: number };
  /**
   * Sedgemoor ToR 4.4: "A typical light-touch review will include steps 1, 3 and 5". Absent, a
   * light-touch review may skip any step, with a reason.
   */
  lightTouchRequiredSteps?: number[];
  /**
   * Findings leave the panel only blinded: no tenant's or staff member's name or address
   * (Southampton Confidentiality: "'blinded' and anonymous"; Trafford 13; Sedgemoor 7.1; Torus
   * Safeguards).
   */
  findingsBlinded: boolean;
  /** Torus Safeguards: "annual appraisal and personal development"; Trafford 12: annual appraisal. */
  annualAppraisal: boolean;
  /**
   * Who the annual appraisal is of: 'each-member' (Torus Safeguards: "New and continuing
   * membership will be subject to an annual appraisal") or 'panel' (Trafford 12: "The Panel will
   * undergo an annual appraisal"). Absent, the group as a whole.
   */
  appraisalOf?: 'each-member' | 'panel';
  /** Torus Safeguards: "This annual review will include a review of the terms of reference." */
  annualTermsReview: boolean;
  /** Members needed for a decision, only where a document states one (none of the seeds do). */
  quorum?: number;
  /**
   * Years a former member's personal details are kept after they leave, before an officer may
   * erase them (UK GDPR storage limitation). The documents are silent, so no preset sets it;
   * the officer is asked at `group create`, and six years is what the bot suggests.
   */
  retentionYears?: number;
  conduct: ConductPolicy;
}

export interface PolicyExclusions {
  /** Torus: "material or serious breach"; Southampton: a breach "which causes conflict of interest". */
  breachOfTenancy: boolean;
  /** Trafford QIP 8: a County Court judgement in the landlord's favour or a Notice of Seeking Possession. */
  judgementOrNotice: boolean;
  /** Trafford QIP 8: "Anyone who ceases to be a customer"; the others say "current" customers. */
  exCustomers: boolean;
  /** Trafford QIP 8: on the board of the landlord, another housing organisation or business partner. */
  boardMemberElsewhere: boolean;
  /** Trafford QIP 8: "excluded from past activities with the Trust due to their behaviour". */
  previouslyExcludedForBehaviour: boolean;
  /** Sedgemoor ToR 4.1: "not those who have been involved in the development of" the service. */
  helpedDevelopService: boolean;
}
