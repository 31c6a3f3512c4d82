import { GroupBook } from '../../store/groups/group-book';
import type { MembershipRecord } from '../../store/people/membership-model';
import { MembershipRoll } from '../../store/people/membership-roll';
import { PersonBook } from '../../store/people/person-book';
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
  const memberships = await new MembershipRoll(ctx.db).ofGroup(groupId);
  if (memberships.length === 0) return [];
  const names = await new PersonBook(ctx.db).namesOf(memberships.map((m) => m.personId));
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
  const memberships = await new MembershipRoll(ctx.db).ofPerson(organisationId, personId);
  if (memberships.length === 0) return [];
  const groups = await new GroupBook(ctx.db).manyInOrganisation(
    organisationId,
    memberships.map((m) => m.groupId),
  );
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
  const members = await new MembershipRoll(ctx.db).notWithdrawn(organisationId, groupId);
  return new PersonBook(ctx.db).platformUserIdsWithOfficers(organisationId, members);
}
