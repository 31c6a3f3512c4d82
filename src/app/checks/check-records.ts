import type { Assignment, RealityCheck } from '../../domain/checks';
import type { CheckKind } from '../../domain/checks';
import { normaliseReference } from '../../store/references';
import {
  checkAssignmentModel,
  realityCheckModel,
  type CheckAssignmentRecord,
  type RealityCheckRecord,
} from '../../store/checks/reality-check-model';
import type { AppContext } from '../shared/context';

export interface LoadedCheck {
  record: RealityCheckRecord;
  assignments: CheckAssignmentRecord[];
  domain: RealityCheck;
}

/** A check by its reference (C-40, c40) or id, within the organisation. */
export async function loadCheck(
  ctx: AppContext,
  organisationId: string,
  refOrId: string,
): Promise<LoadedCheck | undefined> {
  const reference = normaliseReference(refOrId, 'C');
  const record = await realityCheckModel(ctx.db)
    .findOne(reference ? { organisationId, reference } : { organisationId, _id: refOrId.trim() })
    .lean<RealityCheckRecord>();
  if (!record) return undefined;
  const assignments = await checkAssignmentModel(ctx.db)
    .find({ checkId: record._id })
    .lean<CheckAssignmentRecord[]>();
  return { record, assignments, domain: toDomain(record, assignments) };
}

export function toDomain(
  record: RealityCheckRecord,
  assignments: readonly CheckAssignmentRecord[],
): RealityCheck {
  return {
    id: record._id,
    groupId: record.groupId,
    kind: record.kind as CheckKind,
    reviewId: record.reviewId,
    standardKey: record.standardKey,
    area: record.area,
    dueOn: record.dueOn,
    assignments: assignments.map((a) => assignmentFields(a) as unknown as Assignment),
  };
}

function assignmentFields(a: CheckAssignmentRecord): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries({
      personId: a.personId,
      status: a.status,
      offeredBy: a.offeredBy,
      offeredAt: a.offeredAt,
      acceptedAt: a.acceptedAt,
      declinedAt: a.declinedAt,
      declineReason: a.declineReason,
      submission: a.submission,
      review: a.review,
    }).filter(([, v]) => v !== undefined),
  );
}

export const CHECK_NOT_FOUND = {
  code: 'check-not-found',
  message: 'There is no check with that reference in your organisation.',
};
