import { checkAssignmentModel } from '../../store/checks/reality-check-model';
import type { AppContext } from '../shared/context';

/**
 * Southampton TI ToR: new members join between inspections. An inspection is in progress while
 * one of the group's checks is offered to or accepted by someone and not yet submitted.
 */
export async function inspectionInProgress(ctx: AppContext, groupId: string): Promise<boolean> {
  const found = await checkAssignmentModel(ctx.db)
    .findOne({ groupId, status: { $in: ['offered', 'accepted'] } })
    .select({ _id: 1 })
    .lean();
  return found !== null;
}
