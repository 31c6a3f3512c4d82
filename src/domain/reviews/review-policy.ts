import type { Role } from '../shared/people';
import type { StepNumber } from './review-steps';

export const REVIEW_DEPTHS = ['full', 'light-touch'] as const;
export type ReviewDepth = (typeof REVIEW_DEPTHS)[number];

/** One rung of a landlord's escalation ladder, after the panel is unhappy with a response. */
export interface EscalationStage {
  /** Stable id stored on the review ('committee', 'regulator', ...). */
  id: string;
  /** How the stage reads in chat. */
  label: string;
  /** Where in the terms of reference the rung comes from. */
  source: string;
  /** The group roles the document gives this step up to; nobody else may take it. */
  raisedBy: readonly Role[];
  /**
   * Whose agreement the document requires before this rung (Trafford QIP ToR 5: the regulator
   * only "after agreeing with the Chair of the Board and Chief Executive"); absent, none.
   */
  afterAgreeingWith?: string;
}

/** The stage every review starts at, before anyone escalates. */
export const NO_ESCALATION = 'none';

/**
 * What a landlord's terms of reference say about running a review. Stored on each review as
 * data, so the transitions stay pure and a review keeps the rules it was opened under.
 */
export interface ReviewPolicy {
  key: string;
  name: string;
  /** The seed document the values come from. */
  source: string;
  /**
   * Meetings held before the report can be final and the review complete, by depth. Absent
   * where the group's policy sets no minMeetingsPerReview: the rule is off.
   */
  minimumMeetings?: Record<ReviewDepth, number>;
  /**
   * Steps a light-touch review must do; every other step may be skipped with a reason. Absent
   * where the group's document names none (only Sedgemoor ToR 4.4 does): any may be skipped.
   */
  lightTouchRequiredSteps?: readonly StepNumber[];
  /**
   * The follow-up review of the improvement plan falls this many months after it is agreed.
   * Absent where the document asks for none (only Southampton's does).
   */
  followUpWindowMonths?: { from: number; to: number };
  /** Rungs above 'none', lowest first; empty where the group's terms set no escalation route. */
  escalationLadder: readonly EscalationStage[];
}

export const SEDGEMOOR_REVIEW_POLICY: ReviewPolicy = {
  key: 'sedgemoor-scrutiny',
  name: 'Homes in Sedgemoor customer-led scrutiny',
  source: 'sedgemoor-customer-led-scrutiny-terms.txt',
  // 10.1 "a full scrutiny review will require a minimum of 4 meetings and a light-touch review a
  // minimum of 2 meetings".
  minimumMeetings: { full: 4, 'light-touch': 2 },
  // 4.4 "A typical light-touch review will include steps 1, 3 and 5 and aspects of 4, 6, 7 and 8
  // as appropriate and proportionate"; 2, 9 and 10 are not named, so they are optional too.
  lightTouchRequiredSteps: [1, 3, 5],
  // 5.4 "If the Panel remains dissatisfied with SMT response, it can set out its concerns to
  // STAC. If the STAC still remains dissatisfied it may seek independent mediation." The first
  // rung is the panel's, spoken for by its chair (5.3: concerns "reported to STAC by the Chair of
  // the Panel"); the second is the committee's own decision.
  escalationLadder: [
    {
      id: 'committee',
      label: 'the Sedgemoor Tenants Assurance Committee (STAC)',
      source: 'Sedgemoor ToR 5.4',
      raisedBy: ['chair'],
    },
    {
      id: 'independent-mediation',
      label: 'independent mediation',
      source: 'Sedgemoor ToR 5.4',
      raisedBy: ['committee'],
    },
  ],
};

export const TRAFFORD_REVIEW_POLICY: ReviewPolicy = {
  key: 'trafford-qip',
  name: 'Trafford Housing Trust Quality and Insight Panel service review',
  source: 'trafford-quality-insight-panel-terms.txt',
  // No minimumMeetings: Trafford's terms set no per-review minimum (only "a minimum of six times
  // a year", section 7), so the rule is off unless an officer sets minMeetingsPerReview.
  // Section 5: "the Chair of the Panel can request a meeting with either the Chair of the Board
  // or the Chief Executive"; "If the situation is still not resolved then this can be escalated
  // further and the Chair of the Panel has the authority to discuss this with the regulator after
  // agreeing with the Chair of the Board and Chief Executive of the Trust."
  escalationLadder: [
    {
      id: 'board-chair-or-chief-executive',
      label: 'the Chair of the Board or the Chief Executive',
      source: 'Trafford QIP ToR 5',
      raisedBy: ['chair'],
    },
    {
      id: 'regulator',
      label: 'the regulator',
      source: 'Trafford QIP ToR 5',
      raisedBy: ['chair'],
      afterAgreeingWith: 'the Chair of the Board and the Chief Executive',
    },
  ],
};

/*
 * Torus and Southampton state no review process and no escalation route (domain.md "Whose rule
 * is it"), so their ladders are empty and they set no meeting minimum and no light-touch subset:
 * nothing is borrowed from Sedgemoor or Trafford. The ten steps are the bot's one review model
 * (Sedgemoor 4.3), kept so a review can still be worked through.
 */
export const TORUS_REVIEW_POLICY: ReviewPolicy = {
  key: 'torus-tims',
  name: 'Torus Tenant Inspectors and Mystery Shoppers (TIMS)',
  source: 'torus-tims-terms-of-reference.txt',
  escalationLadder: [],
};

export const SOUTHAMPTON_REVIEW_POLICY: ReviewPolicy = {
  key: 'southampton-ti',
  name: 'Southampton City Council Tenant Inspectors',
  source: 'southampton-tenant-inspectors-terms-and-code.txt',
  // "An action plan for improvements is agreed with Housing and reviewed at a later date
  // (6 months–1 year)".
  followUpWindowMonths: { from: 6, to: 12 },
  escalationLadder: [],
};

export const REVIEW_POLICIES: readonly ReviewPolicy[] = [
  SEDGEMOOR_REVIEW_POLICY,
  TRAFFORD_REVIEW_POLICY,
  TORUS_REVIEW_POLICY,
  SOUTHAMPTON_REVIEW_POLICY,
];

/** The review rules of a group's preset, by preset key; undefined for an unknown key. */
export function reviewPolicyForPreset(presetKey: string): ReviewPolicy | undefined {
  return REVIEW_POLICIES.find((p) => p.key === presetKey);
}

/** Undefined where the policy sets no minimum (the document is silent, the rule is off). */
export function minimumMeetingsFor(policy: ReviewPolicy, depth: ReviewDepth): number | undefined {
  return policy.minimumMeetings?.[depth];
}

/** A full review uses every step (Sedgemoor ToR 4.3); a light-touch one the policy's subset. */
export function isStepRequired(
  policy: ReviewPolicy,
  depth: ReviewDepth,
  step: StepNumber,
): boolean {
  return depth === 'full' || (policy.lightTouchRequiredSteps ?? []).includes(step);
}
