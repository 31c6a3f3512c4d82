import { DateTime } from 'luxon';
import type { Role } from '../shared/people';
import type { Refusal, Result } from '../shared/result';
import { unlessRefused } from '../shared/result';
import { validateAnswers } from './answers';
import type { AssignmentCandidate } from './check-assignment';
import { checkAssignment } from './check-assignment';
import { checklistFor } from './checklists';
import { tidyFindings, validateFindings } from './findings';
import type { OfferFinding } from './offer-verification';
import { validateOfferFindings } from './offer-verification';
import type { Answers, Assignment, Findings, RealityCheck } from './reality-check';
import { activeAssigneeCount, assignmentOf } from './reality-check';

/**
 * Pure transitions of one assignee's progress on a reality check. Each returns the updated
 * check (the input is never changed) or every reason it refuses, in sentences the member or
 * officer reads in chat. Times are passed in; deadlines are read in UK time because due dates
 * are the landlord's calendar days.
 */

const UK = 'Europe/London';

function replaceAssignment(check: RealityCheck, next: Assignment): RealityCheck {
  const exists = check.assignments.some((a) => a.personId === next.personId);
  const assignments = exists
    ? check.assignments.map((a) => (a.personId === next.personId ? next : a))
    : [...check.assignments, next];
  return { ...check, assignments };
}

export interface OfferInput {
  check: RealityCheck;
  candidate: AssignmentCandidate;
  conflicts: readonly Refusal[];
  offeredBy: string;
  at: Date;
  maxPerInspection?: number;
  /** When the inspection spans several checks; defaults to the people on this check. */
  assigneesSoFar?: number;
}

/**
 * An officer offers the check to a member. Someone who declined earlier may be offered it
 * again (they may have changed their mind), which replaces the declined record.
 */
export function offerCheck(input: OfferInput): Result<RealityCheck> {
  const { check, candidate, at, offeredBy } = input;
  const existing = assignmentOf(check, candidate.personId);
  const cleared = checkAssignment({
    check,
    candidate,
    conflicts: input.conflicts,
    assigneesSoFar: input.assigneesSoFar ?? activeAssigneeCount(check),
    maxPerInspection: input.maxPerInspection,
    alreadyAssigned: existing !== undefined && existing.status !== 'declined',
  });
  if (!cleared.ok) return cleared;
  return {
    ok: true,
    value: replaceAssignment(check, {
      status: 'offered',
      personId: candidate.personId,
      offeredBy,
      offeredAt: at,
    }),
  };
}

const NOT_OFFERED: Refusal = {
  code: 'check.not-offered-to-you',
  message: 'This check has not been offered to you.',
};

function isPastDue(check: RealityCheck, at: Date): boolean {
  const today = DateTime.fromJSDate(at, { zone: UK }).toISODate();
  return today !== null && today > check.dueOn;
}

/** The member takes the check on. Not after its due date: the officer must re-plan it. */
export function acceptCheck(check: RealityCheck, personId: string, at: Date): Result<RealityCheck> {
  const assignment = assignmentOf(check, personId);
  const refusals: Refusal[] = [];
  if (assignment === undefined) refusals.push(NOT_OFFERED);
  else if (assignment.status === 'accepted')
    refusals.push({
      code: 'check.already-accepted',
      message: 'You have already accepted this check.',
    });
  else if (assignment.status === 'declined')
    refusals.push({
      code: 'check.already-declined',
      message:
        'You declined this check, so you cannot accept it now. Ask the officer to offer it to you again.',
    });
  else if (assignment.status !== 'offered')
    refusals.push({
      code: 'check.already-submitted',
      message: 'You have already submitted findings for this check.',
    });
  if (isPastDue(check, at))
    refusals.push({
      code: 'check.past-due',
      message: `This check was due on ${check.dueOn}, so it can no longer be accepted. Ask the officer to set a new date.`,
    });
  if (assignment === undefined || assignment.status !== 'offered') return { ok: false, refusals };
  return unlessRefused(refusals, () =>
    replaceAssignment(check, { ...assignment, status: 'accepted', acceptedAt: at }),
  );
}

/**
 * The member turns the check down, with a reason so the officer can plan around it. Allowed
 * after accepting too: a member who falls ill should free the place rather than go quiet.
 */
export function declineCheck(
  check: RealityCheck,
  personId: string,
  reason: string,
  at: Date,
): Result<RealityCheck> {
  const assignment = assignmentOf(check, personId);
  const refusals: Refusal[] = [];
  if (assignment === undefined) refusals.push(NOT_OFFERED);
  else if (assignment.status === 'declined')
    refusals.push({
      code: 'check.already-declined',
      message: 'You have already declined this check.',
    });
  else if (assignment.status === 'submitted' || assignment.status === 'reviewed')
    refusals.push({
      code: 'check.already-submitted',
      message: 'You have already submitted findings for this check, so you cannot decline it.',
    });
  if (reason.trim() === '')
    refusals.push({
      code: 'check.decline-reason-required',
      message: 'Please say why you are declining this check, so the officer can plan around it.',
    });
  if (
    assignment === undefined ||
    (assignment.status !== 'offered' && assignment.status !== 'accepted')
  )
    return { ok: false, refusals };
  const { personId: id, offeredBy, offeredAt } = assignment;
  return unlessRefused(refusals, () =>
    replaceAssignment(check, {
      status: 'declined',
      personId: id,
      offeredBy,
      offeredAt,
      declinedAt: at,
      declineReason: reason.trim(),
    }),
  );
}

export interface FindingsInput {
  answers: Answers;
  findings: Findings;
  /** Required for each offer the check verifies (check.offerKeys). */
  offers?: OfferFinding[];
}

/**
 * The member submits the checklist answers and findings. State problems and content problems
 * are all listed together, so nobody fixes one thing only to meet the next. Late submissions
 * are accepted: late evidence is better than none.
 */
export function submitFindings(
  check: RealityCheck,
  personId: string,
  input: FindingsInput,
  at: Date,
): Result<RealityCheck> {
  const assignment = assignmentOf(check, personId);
  const refusals: Refusal[] = [];
  if (assignment === undefined) refusals.push(NOT_OFFERED);
  else if (assignment.status === 'offered')
    refusals.push({
      code: 'check.not-accepted',
      message: 'You have not accepted this check yet; accept it before you submit findings.',
    });
  else if (assignment.status === 'declined')
    refusals.push({
      code: 'check.declined',
      message: 'You declined this check, so you cannot submit findings for it.',
    });
  else if (assignment.status === 'submitted')
    refusals.push({
      code: 'check.already-submitted',
      message: 'You have already submitted findings for this check.',
    });
  else if (assignment.status === 'reviewed')
    refusals.push({
      code: 'check.already-reviewed',
      message: 'Your findings for this check have already been reviewed.',
    });
  refusals.push(...validateAnswers(checklistFor(check.kind), input.answers));
  refusals.push(...validateFindings(input.findings));
  const offers = input.offers ?? [];
  refusals.push(...validateOfferFindings(check.offerKeys ?? [], offers));
  if (assignment === undefined || assignment.status !== 'accepted') return { ok: false, refusals };
  // A resubmission after a return starts afresh; the return stays in the audit trail.
  const { returned: _returned, ...accepted } = assignment;
  return unlessRefused(refusals, () =>
    replaceAssignment(check, {
      ...accepted,
      status: 'submitted',
      submission: {
        answers: { ...input.answers },
        findings: tidyFindings(input.findings),
        ...(offers.length > 0 && {
          offers: offers.map((o) => ({ ...o, evidence: o.evidence.trim() })),
        }),
        submittedAt: at,
      },
    }),
  );
}

export interface Reviewer {
  personId: string;
  /** The reviewer's roles in the check's group. */
  roles: readonly Role[];
}
