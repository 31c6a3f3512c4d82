import type { Role } from '../../domain/shared/people';
import type { DeadlineRecord } from '../../store/deadlines/deadline-model';
import { MembershipRoll } from '../../store/people/membership-roll';
import { PersonBook } from '../../store/people/person-book';
import type { AppContext } from '../shared/context';

/**
 * Who hears of a missed deadline: the group's officers and chair, and for an improvement plan
 * its committee too (the committee signs the plan off). With no group, or nobody in those roles,
 * the organisation's officers.
 */
export async function escalationRecipients(
  ctx: AppContext,
  deadline: DeadlineRecord,
): Promise<string[]> {
  const roles: Role[] = [
    'officer',
    'chair',
    ...(deadline.kind === 'improvement-plan' ? (['committee'] as const) : []),
  ];
  const found = new Set<string>();
  if (deadline.groupId) {
    const holders = await new MembershipRoll(ctx.db).activeWithRoles(deadline.groupId, roles);
    for (const personId of holders) found.add(personId);
  }
  if (found.size === 0) {
    const officers = await new PersonBook(ctx.db).officersOf(deadline.organisationId);
    for (const officerId of officers) found.add(officerId);
  }
  // The owner is chased by their own reminders, not told about themselves.
  found.delete(deadline.ownerId);
  return [...found].sort();
}
