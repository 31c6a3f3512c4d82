import { DateTime } from 'luxon';
import type { Area } from '../shared/people';
import type { Refusal, Result } from '../shared/result';
import { unlessRefused } from '../shared/result';
import type { CheckKind } from './check-kinds';
import { CHECK_KIND_LABELS, isCheckKind } from './check-kinds';
import type { OfferFinding } from './offer-verification';

/**
 * A reality check is one inspection or mystery-shopping assignment (Torus TIMS: "reality
 * checks / inspections across various service areas including Torus local offers"). It may
 * belong to a scrutiny review (Sedgemoor step 4) and may test one local-offer standard.
 */

/** A checklist answer: yes-no as boolean, rating and number as number, text as string. */
export type Answer = boolean | number | string;
export type Answers = Readonly<Record<string, Answer>>;

/** Torus TIMS feedback reports highlight "strengths and weaknesses and areas for improvement". */
export interface Findings {
  strengths: string[];
  weaknesses: string[];
  recommendations: string[];
  /** https links to photos, recordings or documents held in the landlord's own storage. */
  evidence: string[];
}

export interface Submission {
  answers: Answers;
  findings: Findings;
  /** For each local offer the check verifies: verified, partly or not, with the evidence. */
  offers?: OfferFinding[];
  submittedAt: Date;
}

/** An officer sent the findings back to the inspector to look at again, saying why. */
export interface Returned {
  officerId: string;
  reason: string;
  returnedAt: Date;
}

export interface Review {
  officerId: string;
  note: string;
  reviewedAt: Date;
}

interface AssignmentBase {
  personId: string;
  offeredBy: string;
  offeredAt: Date;
}

/** One assignee's progress: offered -> accepted | declined; accepted -> submitted -> reviewed. */
export type Assignment =
  | (AssignmentBase & { status: 'offered' })
  | (AssignmentBase & { status: 'accepted'; acceptedAt: Date; returned?: Returned })
  | (AssignmentBase & { status: 'declined'; declinedAt: Date; declineReason: string })
  | (AssignmentBase & { status: 'submitted'; acceptedAt: Date; submission: Submission })
  | (AssignmentBase & {
      status: 'reviewed';
      acceptedAt: Date;
      submission: Submission;
      review: Review;
    });
export type AssignmentStatus = Assignment['status'];

export interface RealityCheck {
  id: string;
  groupId: string;
  kind: CheckKind;
  reviewId?: string;
  /** The ServiceStandard.key this check verifies, e.g. 'emails-acknowledged-within-4-hours'. */
  standardKey?: string;
  /** The local offers (ServiceStandard keys) the check verifies; standardKey among them. */
  offerKeys?: string[];
  /** Where the check happens; members who declared this as their own area are kept off it. */
  area?: Area;
  /** ISO date 'YYYY-MM-DD' (TIMS: "carry out activities within an agreed timescale"). */
  dueOn: string;
  assignments: Assignment[];
}

export interface NewRealityCheck {
  id: string;
  groupId: string;
  kind: string;
  reviewId?: string;
  standardKey?: string;
  offerKeys?: string[];
  area?: Area;
  dueOn: string;
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid;
}

/** Validates an officer's new check; every problem is listed. It starts with no assignees. */
export function createRealityCheck(input: NewRealityCheck): Result<RealityCheck> {
  const refusals: Refusal[] = [];
  if (input.id.trim() === '')
    refusals.push({ code: 'check.id-required', message: 'The check needs an id.' });
  if (input.groupId.trim() === '')
    refusals.push({ code: 'check.group-required', message: 'The check must belong to a group.' });
  if (!isCheckKind(input.kind))
    refusals.push({
      code: 'check.unknown-kind',
      message: `"${input.kind}" is not a kind of reality check. Choose one of: ${Object.values(CHECK_KIND_LABELS).join('; ')}.`,
    });
  if (!isIsoDate(input.dueOn))
    refusals.push({
      code: 'check.due-date-invalid',
      message: `The due date must be a real date written YYYY-MM-DD, not "${input.dueOn}".`,
    });
  return unlessRefused(refusals, () => ({
    ...input,
    kind: input.kind as CheckKind,
    assignments: [],
  }));
}

export function assignmentOf(check: RealityCheck, personId: string): Assignment | undefined {
  return check.assignments.find((a) => a.personId === personId);
}

/** People counted against the group's cap: everyone offered the check who has not declined. */
export function activeAssigneeCount(check: RealityCheck): number {
  return check.assignments.filter((a) => a.status !== 'declined').length;
}
