import type { Refusal } from '../../domain/shared/result';
import type { Role } from '../../domain/shared/people';
import { GroupBook } from '../../store/groups/group-book';
import { MembershipRoll } from '../../store/people/membership-roll';
import { PersonBook } from '../../store/people/person-book';
import type { Actor } from './actor';
import type { AppContext } from './context';

export interface ActorStanding {
  isOfficer: boolean;
  /** Roles in the group; an organisation's officers hold 'officer' in every group. */
  roles: Role[];
  /** Active membership (not suspended, withdrawn or barred). */
  active: boolean;
}

const ROLE_NAMES: Record<Role, string> = {
  member: 'a member',
  chair: 'the chair',
  'vice-chair': 'the vice-chair',
  officer: 'an officer',
  staff: 'staff',
  committee: 'the committee',
};

export async function standingIn(
  ctx: AppContext,
  actor: Actor,
  groupId: string,
): Promise<ActorStanding | undefined> {
  const [person, group, membership] = await Promise.all([
    new PersonBook(ctx.db).inOrganisation(actor.organisationId, actor.personId),
    new GroupBook(ctx.db).inOrganisation(actor.organisationId, groupId),
    new MembershipRoll(ctx.db).of(groupId, actor.personId),
  ]);
  if (!person || !group) return undefined;
  const roles = new Set<Role>(membership?.roles ?? []);
  if (person.isOfficer) roles.add('officer');
  return {
    isOfficer: person.isOfficer,
    roles: [...roles],
    active: person.isOfficer || membership?.status.kind === 'active',
  };
}

/**
 * Refuses unless the actor holds one of `allowed` in the group, actively. `doing` completes the
 * sentence "Only the chair or an officer can …".
 */
export async function requireGroupRole(
  ctx: AppContext,
  actor: Actor,
  groupId: string,
  allowed: readonly Role[],
  doing: string,
): Promise<Refusal[]> {
  const standing = await standingIn(ctx, actor, groupId);
  if (!standing) {
    return [
      { code: 'group-not-found', message: 'That group does not exist in your organisation.' },
    ];
  }
  if (!standing.roles.some((role) => allowed.includes(role)) || !standing.active) {
    return [
      {
        code: 'not-allowed',
        message: `Only ${listOr(allowed.map((r) => ROLE_NAMES[r]))} can ${doing}.`,
      },
    ];
  }
  return [];
}

/** Refuses unless the actor is one of the organisation's officers. */
export async function requireOfficer(
  ctx: AppContext,
  actor: Actor,
  doing: string,
): Promise<Refusal[]> {
  const person = await new PersonBook(ctx.db).inOrganisation(actor.organisationId, actor.personId);
  return person?.isOfficer
    ? []
    : [{ code: 'not-allowed', message: `Only an officer can ${doing}.` }];
}

function listOr(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
