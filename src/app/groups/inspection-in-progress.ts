import { CheckBook } from '../../store/checks/check-book';
import type { AppContext } from '../shared/context';

/**
 * Southampton TI ToR: new members join between inspections. An inspection is in progress while
 * one of the group's checks is offered to or accepted by someone and not yet submitted.
 */
export async function inspectionInProgress(ctx: AppContext, groupId: string): Promise<boolean> {
  return new CheckBook(ctx.db).anyUnderway(groupId);
}
