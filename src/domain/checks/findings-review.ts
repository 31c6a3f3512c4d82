import type { Refusal, Result } from '../shared/result';
import { unlessRefused } from '../shared/result';
import type { Reviewer } from './assignment-lifecycle';
import type { Assignment, RealityCheck } from './reality-check';
import { assignmentOf } from './reality-check';

/**
 * An officer reviews each inspector's findings before anything leaves the panel (issue 17:
 * "An officer reviews an inspector's findings before anything leaves the panel"). Approved
 * findings count: they verify the offers and may be shown, blinded, beyond the panel. Returned
 * findings go back to the inspector, with the reason, to be looked at and sent again.
 */

function reviewRefusals(
  check: RealityCheck,
  assigneeId: string,
  reviewer: Reviewer,
): { assignment: Assignment | undefined; refusals: Refusal[] } {
  const assignment = assignmentOf(check, assigneeId);
  const refusals: Refusal[] = [];
  if (!reviewer.roles.includes('officer'))
    refusals.push({
      code: 'check.reviewer-not-officer',
      message: 'Only an officer of the group can review findings.',
    });
  if (reviewer.personId === assigneeId)
    refusals.push({
      code: 'check.review-own-findings',
      message: 'You cannot review your own findings.',
    });
  if (assignment === undefined)
    refusals.push({
      code: 'check.not-assigned',
      message: 'This check was not offered to that person, so there is nothing to review.',
    });
  else if (assignment.status === 'offered' || assignment.status === 'accepted')
    refusals.push({
      code: 'check.nothing-to-review',
      message:
        assignment.status === 'accepted' && assignment.returned
          ? 'Those findings were returned to the inspector and have not been sent again yet.'
          : 'There are no findings to review yet: the inspector has not submitted them.',
    });
  else if (assignment.status === 'declined')
    refusals.push({
      code: 'check.assignment-declined',
      message: 'The inspector declined this check, so there are no findings to review.',
    });
  else if (assignment.status === 'reviewed')
    refusals.push({
      code: 'check.already-reviewed',
      message: 'These findings have already been approved.',
    });
  return { assignment, refusals };
}

/** The officer approves an inspector's submitted findings: from now on they count. */
export function approveFindings(
  check: RealityCheck,
  assigneeId: string,
  reviewer: Reviewer,
  at: Date,
  note = '',
): Result<Assignment> {
  const { assignment, refusals } = reviewRefusals(check, assigneeId, reviewer);
  if (assignment === undefined || assignment.status !== 'submitted') return { ok: false, refusals };
  return unlessRefused(refusals, () => ({
    ...assignment,
    status: 'reviewed',
    review: { officerId: reviewer.personId, note: note.trim() || 'Approved', reviewedAt: at },
  }));
}

/**
 * The officer sends the findings back with a reason; the inspector's assignment is open for
 * findings again, and what they sent is set aside (it stays in the audit trail).
 */
export function returnFindings(
  check: RealityCheck,
  assigneeId: string,
  reviewer: Reviewer,
  reason: string,
  at: Date,
): Result<Assignment> {
  const { assignment, refusals } = reviewRefusals(check, assigneeId, reviewer);
  if (reason.trim() === '')
    refusals.push({
      code: 'check.return-reason-required',
      message: 'Say why the findings are going back, so the inspector knows what to look at.',
      field: 'reason',
    });
  if (assignment === undefined || assignment.status !== 'submitted') return { ok: false, refusals };
  const { personId, offeredBy, offeredAt, acceptedAt } = assignment;
  return unlessRefused(refusals, () => ({
    status: 'accepted',
    personId,
    offeredBy,
    offeredAt,
    acceptedAt,
    returned: { officerId: reviewer.personId, reason: reason.trim(), returnedAt: at },
  }));
}
