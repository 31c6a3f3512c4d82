import type { Assignment, RealityCheck } from '../../domain/checks';
import type { CheckKind } from '../../domain/checks';
import { normaliseReference } from '../../store/references';
import { CheckBook } from '../../store/checks/check-book';
import type {
  CheckAssignmentRecord,
  RealityCheckRecord,
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
  const book = new CheckBook(ctx.db);
  const record = await book.find(
    organisationId,
    reference ? { reference } : { id: refOrId.trim() },
  );
  if (!record) return undefined;
  const assignments = await book.assignmentsOf(record._id);
  return { record, assignments, domain: toDomain(record, assignments) };
}

function toDomain(
  record: RealityCheckRecord,
  assignments: readonly CheckAssignmentRecord[],
): RealityCheck {
  return {
    id: record._id,
    groupId: record.groupId,
    kind: record.kind as CheckKind,
    reviewId: record.reviewId,
    standardKey: record.standardKey,
    ...(record.offerKeys !== undefined && { offerKeys: record.offerKeys }),
    area: record.area,
    dueOn: record.dueOn,
    assignments: assignments.map(assignmentOfRecord),
  };
}

/**
 * The record is stored flat; the domain's assignment carries only the fields its status has
 * reached, so absent fields stay absent rather than present and undefined.
 */
function assignmentOfRecord(a: CheckAssignmentRecord): Assignment {
  // The status was written by the domain together with the fields it carries.
  return {
    personId: a.personId,
    status: a.status,
    offeredBy: a.offeredBy,
    offeredAt: a.offeredAt,
    ...(a.acceptedAt !== undefined && { acceptedAt: a.acceptedAt }),
    ...(a.declinedAt !== undefined && { declinedAt: a.declinedAt }),
    ...(a.declineReason !== undefined && { declineReason: a.declineReason }),
    ...(a.submission !== undefined && { submission: a.submission }),
    ...(a.review !== undefined && { review: a.review }),
    ...(a.status === 'accepted' && a.returned !== undefined && { returned: a.returned }),
  } as Assignment;
}

export const CHECK_NOT_FOUND = {
  code: 'check-not-found',
  message: 'There is no check with that reference in your organisation.',
};
