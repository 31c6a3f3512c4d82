import { z } from 'zod';
import type { LocalDate } from '../calendar/local-date';
import { isLocalDate } from '../calendar/local-date';
import type { Refusal, Result } from '../shared/result';
import { unlessRefused } from '../shared/result';
import type { ReviewDepth, ReviewPolicy } from './review-policy';
import { NO_ESCALATION, REVIEW_DEPTHS } from './review-policy';
import type { StepNumber } from './review-steps';
import { STEP_NUMBERS } from './review-steps';

/**
 * Where a review topic comes from: Trafford QIP ToR 4 ("Service identified from lower
 * performance", "high level of complaints", "Low satisfaction ratings", "area of weakness
 * following inspection", "requested from wider tenant body", "nominated by the THT board") and
 * Sedgemoor ToR 3.2-3.3 (satisfaction, complaints, performance; requests by SMT or Board).
 * 'not-stated' is for a review opened without saying: the record must not invent a source.
 */
export const REVIEW_TOPIC_SOURCES = [
  'low-performance',
  'complaints',
  'low-satisfaction',
  'inspection-findings',
  'tenant-request',
  'board',
  'not-stated',
] as const;
export type ReviewTopicSource = (typeof REVIEW_TOPIC_SOURCES)[number];

/** For input at the edges (chat commands, stored records). */
export const reviewTopicSourceSchema = z.enum(REVIEW_TOPIC_SOURCES);
export const reviewDepthSchema = z.enum(REVIEW_DEPTHS);

/** Who acted: a person id from the people domain, or an officer's name for the record. */
export type Actor = string;

export type ReviewStep =
  | { number: StepNumber; state: 'pending' }
  | { number: StepNumber; state: 'done'; by: Actor; on: LocalDate }
  | { number: StepNumber; state: 'skipped'; by: Actor; on: LocalDate; reason: string };

export interface ReviewMeeting {
  on: LocalDate;
  attendees: number;
  notes?: string;
}

/**
 * A meeting planned ahead, with the staff called to it (Sedgemoor ToR 6.1, Trafford QIP ToR 7:
 * staff attend on notice). Kept apart from `meetings`, which are held and counted (10.1).
 */
export interface PlannedMeeting {
  on: LocalDate;
  /** Person ids of the staff invited; each was sent a notice in their own chat. */
  invited: readonly string[];
  plannedBy: Actor;
  plannedOn: LocalDate;
}

/** The panel's report as a link to the document (drafting it is not the bot's job). */
export interface ReviewReport {
  by: Actor;
  on: LocalDate;
  link?: string;
}

export interface Recommendation {
  id: string;
  text: string;
  /** Undefined until the committee decides at step 6 or 7 (Sedgemoor ToR 4.3, 6.2). */
  agreed?: boolean;
  decidedBy?: Actor;
  decidedOn?: LocalDate;
}

export type ManagementDecision = 'accept' | 'reject';

export interface RecommendationResponse {
  recommendationId: string;
  decision: ManagementDecision;
  reason?: string;
}

/**
 * Sedgemoor ToR 4.3(6): the draft goes to SMT "for consideration and management response".
 * The 28-day improvement-plan duty runs from the recommendations being agreed (6.2), not from this.
 */
export interface ManagementResponse {
  receivedOn: LocalDate;
  responses: readonly RecommendationResponse[];
}

export type ActionState = 'open' | 'done' | 'overdue';

export interface ImprovementAction {
  id: string;
  recommendationId: string;
  action: string;
  /** Sedgemoor ToR 6.2: "lead staff member". */
  owner: string;
  /** Sedgemoor ToR 6.2: "anticipated timescale for completion". */
  dueOn: LocalDate;
  state: ActionState;
  doneBy?: Actor;
  doneOn?: LocalDate;
}

/** Management handing the plan to the committee (Sedgemoor ToR 4.3(9) "Receipt of the improvement plan"). */
export interface PlanSubmission {
  by: Actor;
  on: LocalDate;
}

/** Sedgemoor ToR 6.2: the committee returns the plan "to SMT for further improvement", saying why. */
export interface PlanReturn {
  by: Actor;
  on: LocalDate;
  reason: string;
}

export interface ImprovementPlan {
  actions: readonly ImprovementAction[];
  /** Every hand-in, oldest first; the plan is with the committee while the last is unanswered. */
  submissions?: readonly PlanSubmission[];
  /** Every return for further improvement, oldest first. */
  returns?: readonly PlanReturn[];
  /** When the committee signed the plan off (Sedgemoor ToR 6.2); starts the follow-up window. */
  agreedOn?: LocalDate;
  agreedBy?: Actor;
}

export interface EscalationRecord {
  /** The stage reached, an id from the policy's ladder. */
  stage: string;
  reason: string;
  by: Actor;
  on: LocalDate;
}

export interface ReviewEscalation {
  /** 'none' or the id of the highest rung reached. */
  stage: string;
  history: readonly EscalationRecord[];
}

export interface Review {
  id: string;
  groupId: string;
  title: string;
  topicSource: ReviewTopicSource;
  depth: ReviewDepth;
  /** Sedgemoor ToR 4.3(1): what falls inside and outside the review. */
  scope?: string;
  /** The rules the review was opened under, kept with it. */
  policy: ReviewPolicy;
  openedOn: LocalDate;
  /** Always ten, in order: steps[n - 1] is step n. */
  steps: readonly ReviewStep[];
  meetings: readonly ReviewMeeting[];
  recommendations: readonly Recommendation[];
  /**
   * The member of senior management who answers for the agreed recommendations and the
   * improvement plan (Sedgemoor ToR 6.2: "a formal duty on SMT"), named when the committee
   * agrees them; the 28-day clock and its reminders are theirs, not the officer's.
   */
  managementOwnerId?: string;
  managementResponse?: ManagementResponse;
  improvementPlan: ImprovementPlan;
  followUpReviewOn?: LocalDate;
  escalation: ReviewEscalation;
  /** Absent on reviews stored before meetings could be planned. */
  plannedMeetings?: readonly PlannedMeeting[];
  /** Step 5's draft report and step 8's final report (Sedgemoor ToR 4.3(5), 4.3(8)). */
  reports?: { draft?: ReviewReport; final?: ReviewReport };
}

export interface NewReview {
  id: string;
  groupId: string;
  title: string;
  topicSource: string;
  depth: string;
  policy: ReviewPolicy;
  openedOn: LocalDate;
  scope?: string;
}

/** Opens a review with every step pending. Refuses with every missing or unknown field. */
export function openReview(input: NewReview): Result<Review> {
  const refusals: Refusal[] = [];
  if (!input.id.trim())
    refusals.push({ code: 'review.id-missing', message: 'A review needs an id.' });
  if (!input.groupId.trim())
    refusals.push({
      code: 'review.group-missing',
      message: 'A review belongs to a group; say which group runs it.',
    });
  if (!input.title.trim())
    refusals.push({
      code: 'review.title-missing',
      message: 'A review needs a title saying which service it looks at.',
    });
  const topic = reviewTopicSourceSchema.safeParse(input.topicSource);
  if (!topic.success)
    refusals.push({
      code: 'review.topic-source-unknown',
      message: `"${input.topicSource}" is not a topic source; use one of ${REVIEW_TOPIC_SOURCES.join(', ')}.`,
    });
  const depth = reviewDepthSchema.safeParse(input.depth);
  if (!depth.success)
    refusals.push({
      code: 'review.depth-unknown',
      message: `"${input.depth}" is not a kind of review; use full or light-touch.`,
    });
  if (!isLocalDate(input.openedOn))
    refusals.push({
      code: 'review.date-invalid',
      message: `"${input.openedOn}" is not a date; write it as YYYY-MM-DD.`,
    });
  return unlessRefused(refusals, () => {
    const scope = input.scope?.trim();
    return {
      id: input.id.trim(),
      groupId: input.groupId.trim(),
      title: input.title.trim(),
      topicSource: topic.data as ReviewTopicSource,
      depth: depth.data as ReviewDepth,
      ...(scope ? { scope } : {}),
      policy: input.policy,
      openedOn: input.openedOn,
      steps: STEP_NUMBERS.map((number) => ({ number, state: 'pending' as const })),
      meetings: [],
      recommendations: [],
      improvementPlan: { actions: [] },
      escalation: { stage: NO_ESCALATION, history: [] },
    };
  });
}

export function stepOf(review: Review, step: StepNumber): ReviewStep {
  const found = review.steps[step - 1];
  if (!found || found.number !== step)
    throw new RangeError(`Review ${review.id} has no step ${step}`);
  return found;
}

export function isStepDone(review: Review, step: StepNumber): boolean {
  return stepOf(review, step).state === 'done';
}

export function withStep(review: Review, replacement: ReviewStep): Review {
  return {
    ...review,
    steps: review.steps.map((s) => (s.number === replacement.number ? replacement : s)),
  };
}
