import type { DeadlineRecord } from '../../store/deadlines/deadline-model';
import { membershipModel } from '../../store/people/membership-model';
import { personModel } from '../../store/people/person-model';
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
  const roles = [
    'officer',
    'chair',
    ...(deadline.kind === 'improvement-plan' ? ['committee'] : []),
  ];
  const found = new Set<string>();
  if (deadline.groupId) {
    const memberships = await membershipModel(ctx.db)
      .find({ groupId: deadline.groupId, roles: { $in: roles }, 'status.kind': 'active' })
      .select({ personId: 1 })
      .lean<Array<{ personId: string }>>();
    for (const m of memberships) found.add(m.personId);
  }
  if (found.size === 0) {
    const officers = await personModel(ctx.db)
      .find({ organisationId: deadline.organisationId, isOfficer: true })
      .select({ _id: 1 })
      .lean<Array<{ _id: string }>>();
    for (const o of officers) found.add(o._id);
  }
  // The owner is chased by their own reminders, not told about themselves.
  found.delete(deadline.ownerId);
  return [...found].sort();
}
