import { groupModel, type GroupRecord } from '../../store/groups/group-model';
import { membershipModel, type MembershipRecord } from '../../store/people/membership-model';
import { personModel, type PersonRecord } from '../../store/people/person-model';
import type { AppContext } from '../shared/context';

export interface MemberListing {
  personId: string;
  displayName: string;
  roles: string[];
  /** 'active', 'suspended', 'withdrawn' or 'barred', with the reason and dates kept. */
  status: MembershipRecord['status'];
}

export interface GroupListing {
  groupId: string;
  name: string;
  kind: string;
  presetKey: string;
  roles: string[];
  status: MembershipRecord['status'];
}

/**
 * Everyone with a membership of the group, including those suspended, barred or withdrawn (the
 * status says which), by name. Two reads joined here: the portable subset has no $lookup.
 */
export async function membersOf(ctx: AppContext, groupId: string): Promise<MemberListing[]> {
  const memberships = await membershipModel(ctx.db).find({ groupId }).lean<MembershipRecord[]>();
  if (memberships.length === 0) return [];
  const people = await personModel(ctx.db)
    .find({ _id: { $in: memberships.map((m) => m.personId) } })
    .select({ displayName: 1 })
    .lean<Array<Pick<PersonRecord, '_id' | 'displayName'>>>();
  const names = new Map(people.map((p) => [p._id, p.displayName]));
  return memberships
    .map((m) => ({
      personId: m.personId,
      displayName: names.get(m.personId) ?? 'Someone no longer on record',
      roles: m.roles,
      status: m.status,
    }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB'));
}

/** The groups of the organisation the person has a membership of, with their roles there. */
export async function groupsOfPerson(
  ctx: AppContext,
  organisationId: string,
  personId: string,
): Promise<GroupListing[]> {
  const memberships = await membershipModel(ctx.db)
    .find({ organisationId, personId })
    .lean<MembershipRecord[]>();
  if (memberships.length === 0) return [];
  const groups = await groupModel(ctx.db)
    .find({ organisationId, _id: { $in: memberships.map((m) => m.groupId) } })
    .lean<GroupRecord[]>();
  const byId = new Map(groups.map((g) => [g._id, g]));
  const listings: GroupListing[] = [];
  for (const m of memberships) {
    const group = byId.get(m.groupId);
    if (!group) continue;
    listings.push({
      groupId: group._id,
      name: group.name,
      kind: group.kind,
      presetKey: group.presetKey,
      roles: m.roles,
      status: m.status,
    });
  }
  return listings.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/**
 * The platform user ids (Slack or Teams) of the people who may read what is for the group's
 * eyes, such as its register of interests: everyone holding a membership they have not left
 * (suspended and barred members are still members), and the organisation's officers, who may
 * read any group's register (declarationRegister's own rule). Read fresh on every call.
 */
export async function groupAudience(
  ctx: AppContext,
  organisationId: string,
  groupId: string,
): Promise<Set<string>> {
  const memberships = await membershipModel(ctx.db)
    .find({ organisationId, groupId, 'status.kind': { $ne: 'withdrawn' } })
    .select({ personId: 1 })
    .lean<Array<Pick<MembershipRecord, 'personId'>>>();
  const people = await personModel(ctx.db)
    .find({
      organisationId,
      $or: [{ _id: { $in: memberships.map((m) => m.personId) } }, { isOfficer: true }],
    })
    .select({ platformUserId: 1 })
    .lean<Array<Pick<PersonRecord, 'platformUserId'>>>();
  return new Set(people.map((p) => p.platformUserId));
}
