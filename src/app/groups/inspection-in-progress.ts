import type { LocalDate } from '../../domain/calendar/local-date';
import { CheckBook } from '../../store/checks/check-book';
import type { AppContext } from '../shared/context';

/**
 * Southampton TI ToR: "New members can only join in-between inspections." An inspection is in
 * progress while one of the group's checks has an inspector who accepted it and has not yet
 * submitted findings, and today falls within the check's dates. An unanswered offer is not an
 * inspection: it would otherwise shut the group to newcomers for as long as nobody replied.
 */
export async function inspectionInProgress(
  ctx: AppContext,
  groupId: string,
  today: LocalDate,
): Promise<boolean> {
  return new CheckBook(ctx.db).anyUnderway(groupId, { today, now: ctx.now() });
}
