import { z } from 'zod';
import { TENURES } from '../shared/people';
import { CONDUCT_TRIGGERS } from './conduct';
import type { ConductPolicy } from './conduct';
import type { MembershipPolicy, PolicyExclusions } from './membership-policy';

/**
 * The shape of a membership policy, for policies arriving from chat, config or the store.
 * Rules between fields (max not below min, and so on) are in ./policy-consistency.ts so each
 * can be refused with its own code and sentence.
 */
const count = z.int().min(0);
const positive = z.int().min(1);

const triggers = z.array(z.enum(CONDUCT_TRIGGERS)).min(1);

export const conductStepSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('warned-to-leave-meeting'),
    by: z.literal('facilitating-officer'),
  }),
  z.strictObject({
    kind: z.literal('further-warnings'),
    count: positive,
    by: z.literal('facilitating-officer'),
  }),
  z.strictObject({
    kind: z.literal('vote'),
    voters: z.literal('members-present'),
    question: z.enum(['asked-to-leave', 'barred-for-a-period']),
  }),
  z.strictObject({
    kind: z.literal('investigation'),
    by: z.string().trim().min(1),
    mayRemoveFromMembership: z.boolean(),
  }),
  z.strictObject({ kind: z.literal('suspended-pending-investigation'), on: triggers }),
  z.strictObject({ kind: z.literal('membership-ends'), on: triggers }),
]);

export const ballotRulesSchema = z.strictObject({
  quorum: positive.optional(),
  majority: z.enum(['simple', 'two-thirds']),
  tie: z.enum(['no-action', 'chair-casting-vote']),
  secret: z.boolean(),
  showLiveCount: z.boolean(),
  changeable: z.boolean(),
  openMinutes: positive,
});

export const conductPolicySchema = z.strictObject({
  summary: z.string().trim().min(1),
  steps: z.array(conductStepSchema),
  ballots: ballotRulesSchema.optional(),
});

export const policyExclusionsSchema = z.strictObject({
  breachOfTenancy: z.boolean(),
  judgementOrNotice: z.boolean(),
  exCustomers: z.boolean(),
  boardMemberElsewhere: z.boolean(),
  previouslyExcludedForBehaviour: z.boolean(),
  helpedDevelopService: z.boolean(),
});

export const membershipPolicySchema = z.strictObject({
  minMembers: count.optional(),
  maxMembers: positive.optional(),
  idealRange: z.strictObject({ min: positive, max: positive }).optional(),
  maxMembersPerInspection: positive.optional(),
  maxLeaseholders: count.optional(),
  eligibleTenures: z.array(z.enum(TENURES)).min(1),
  minimumTenancy: z.strictObject({ months: positive, orTrained: z.boolean() }).optional(),
  staff: z.enum(['excluded', 'with-manager-agreement', 'allowed']),
  exclusions: policyExclusionsSchema,
  joinOnlyBetweenInspections: z.boolean(),
  maxCommitteeMembersPerPanel: count.optional(),
  over18ConfirmationRequired: z.boolean(),
  codeOfConductRequired: z.boolean(),
  confidentialityAgreementRequired: z.boolean(),
  initialTrainingRequired: z.boolean(),
  liveComplaintSuspends: z.boolean(),
  standDownDuringTenancyAction: z.boolean(),
  termYears: positive.optional(),
  retentionYears: positive.optional(),
  minMeetingsPerYear: count.optional(),
  reviewsPerYear: count.optional(),
  minMeetingsPerReview: z.strictObject({ full: count, lightTouch: count }).optional(),
  informationRequestWorkingDays: positive.optional(),
  staffNoticeWorkingDays: positive.optional(),
  improvementPlanDays: positive.optional(),
  planSignOffDays: positive.optional(),
  followUpReviewMonths: z.strictObject({ min: positive, max: positive }).optional(),
  lightTouchRequiredSteps: z.array(z.int().min(1).max(10)).optional(),
  // Groups stored before this rule existed were all made from presets whose documents ask for
  // confidentiality, so a missing value reads as on.
  findingsBlinded: z.boolean().default(true),
  annualAppraisal: z.boolean(),
  appraisalOf: z.enum(['each-member', 'panel']).optional(),
  annualTermsReview: z.boolean(),
  quorum: positive.optional(),
  conduct: conductPolicySchema,
});

// The schema and the hand-written types must describe the same thing; these fail to compile
// if either drifts.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _policyMatches: Same<z.infer<typeof membershipPolicySchema>, MembershipPolicy> = true;
const _exclusionsMatch: Same<z.infer<typeof policyExclusionsSchema>, PolicyExclusions> = true;
const _conductMatches: Same<z.infer<typeof conductPolicySchema>, ConductPolicy> = true;
void _policyMatches;
void _exclusionsMatch;
void _conductMatches;
