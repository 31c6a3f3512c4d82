import type { Refusal, Result } from '../shared/result';
import { unlessRefused } from '../shared/result';
import type { RealityCheck } from './reality-check';

/**
 * Southampton Tenant Inspectors terms of reference: "There is a limit of 12 members for any
 * one inspection." Groups set their own cap; this is the seeded Southampton value.
 */
export const SOUTHAMPTON_MAX_PER_INSPECTION = 12;

export interface AssignmentCandidate {
  personId: string;
  /**
   * Why the person cannot take part at all (not 18+, code of conduct or confidentiality
   * agreement unsigned, untrained, suspended or barred), from the membership rules.
   */
  canTakePart: readonly Refusal[];
}

export interface AssignmentQuestion {
  check: RealityCheck;
  candidate: AssignmentCandidate;
  /**
   * Declared interests that exclude the person from this check, and own-area conflicts
   * (Southampton: never inspect your own block or area), worked out by the declarations
   * module and passed in so this module does not depend on it.
   */
  conflicts: readonly Refusal[];
  /** Members already on this inspection (across its checks), not counting any who declined. */
  assigneesSoFar: number;
  /** The group's cap on one inspection; undefined when the group sets none. */
  maxPerInspection?: number;
  alreadyAssigned: boolean;
}

export interface AssignmentClearance {
  checkId: string;
  personId: string;
}

/** Whether a person may be offered a check; lists every reason they may not. */
export function checkAssignment(question: AssignmentQuestion): Result<AssignmentClearance> {
  const { check, candidate, conflicts, assigneesSoFar, maxPerInspection, alreadyAssigned } =
    question;
  const refusals: Refusal[] = [...candidate.canTakePart, ...conflicts];
  if (maxPerInspection !== undefined && assigneesSoFar >= maxPerInspection)
    refusals.push({
      code: 'check.inspection-full',
      message: `This inspection already has ${assigneesSoFar} members, and the group allows at most ${maxPerInspection} on any one inspection.`,
    });
  if (alreadyAssigned)
    refusals.push({
      code: 'check.already-assigned',
      message: 'This person has already been offered this check.',
    });
  return unlessRefused(refusals, () => ({ checkId: check.id, personId: candidate.personId }));
}
