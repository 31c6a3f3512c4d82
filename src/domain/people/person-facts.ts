import type { LocalDate } from '../calendar/local-date';
import type { Area, Tenure } from '../shared/people';

/**
 * What the organisation records about a person that the membership rules read. No birth date
 * (only that the person confirmed they are 18 or over) and no address (only a home area), so
 * the bot keeps what the rules need and no more (domain.md "Confidentiality and data
 * protection").
 */
export interface PersonFacts {
  /** Absent for someone who is not a current customer (staff, an ex-customer). */
  tenure?: Tenure;
  tenancyStartedOn?: LocalDate;
  homeArea?: Area;
  /** The person said they are 18 or over (Torus TIMS ToR: "Anyone under 18" is excluded). */
  over18Confirmed: boolean;
  isStaff: boolean;
  /** Southampton TI ToR: staff may join with "agreement from your manager". */
  managerAgreed: boolean;
  /** As the officer records it: material or serious (Torus), or causing a conflict (Southampton). */
  breachOfTenancy: boolean;
  /**
   * Trafford QIP ToR 8: a County Court judgement in the landlord's favour or a Notice of Seeking
   * Possession. Also the "action to impose the terms of tenancy" in Sedgemoor ToR 11.
   */
  judgementOrNotice: boolean;
  exCustomer: boolean;
  /** Trafford QIP ToR 8: on the board of any housing organisation or business partner. */
  boardMemberElsewhere: boolean;
  previouslyExcludedForBehaviour: boolean;
  /** Sedgemoor ToR 4.1, for the service a task-and-finish panel is reviewing. */
  helpedDevelopService?: boolean;
  /** The committee the person sits on (Sedgemoor: STAC), if any. */
  committeeMemberOf?: string;
  /**
   * Southampton TI ToR: "trained about the aims of the project and skills, attitudes and
   * techniques needed for it", which stands in for 12 months' tenancy.
   */
  trainedOn?: LocalDate;
}
