import { z } from 'zod';
import type { LocalDate } from '../../domain/calendar';
import type { MembershipPolicy } from '../../domain/groups';
import { membershipPolicySchema } from '../../domain/groups';
import type { MembershipFacts, PersonFacts } from '../../domain/people';
import { checkTakePart } from '../../domain/people';
import type { Role } from '../../domain/shared/people';
import { ROLES, TENURES } from '../../domain/shared/people';
import type { Refusal } from '../../domain/shared/result';
import { GroupBook } from '../../store/groups/group-book';
import type { GroupRecord } from '../../store/groups/group-model';
import type { MembershipRecord } from '../../store/people/membership-model';
import { MembershipRoll } from '../../store/people/membership-roll';
import { PersonBook } from '../../store/people/person-book';
import type { PersonRecord } from '../../store/people/person-model';
import { calendarOf } from '../organisations/register-organisation';
import type { AppContext } from '../shared/context';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * Stored person facts are a loose object (officers fill them in over time); what the rules read
 * is parsed here, with the safe default for anything not yet recorded: a fact nobody has
 * confirmed counts as not confirmed.
 */
const personFactsSchema = z.object({
  tenure: z.enum(TENURES).optional(),
  tenancyStartedOn: localDate.optional(),
  homeArea: z.string().optional(),
  over18Confirmed: z.boolean().default(false),
  isStaff: z.boolean().default(false),
  managerAgreed: z.boolean().default(false),
  breachOfTenancy: z.boolean().default(false),
  judgementOrNotice: z.boolean().default(false),
  exCustomer: z.boolean().default(false),
  boardMemberElsewhere: z.boolean().default(false),
  previouslyExcludedForBehaviour: z.boolean().default(false),
  helpedDevelopService: z.boolean().optional(),
  committeeMemberOf: z.string().optional(),
  trainedOn: localDate.optional(),
});

export function personFactsOf(person: Pick<PersonRecord, 'facts'>): PersonFacts {
  return personFactsSchema.parse(person.facts ?? {});
}

export function membershipFactsOf(membership: MembershipRecord): MembershipFacts {
  return {
    // The stored list is only as good as what was written: a role no longer known is dropped.
    roles: membership.roles.filter((role) => (ROLES as readonly string[]).includes(role)),
    trainingDoneOn: membership.trainingDoneOn,
    codeOfConductSignedOn: membership.codeOfConductSignedOn,
    confidentialitySignedOn: membership.confidentialitySignedOn,
    termStartsOn: membership.termStartsOn,
    termEndsOn: membership.termEndsOn,
    status: membership.status,
  };
}

export function policyOf(group: Pick<GroupRecord, 'policy'>): MembershipPolicy {
  return membershipPolicySchema.parse(group.policy);
}

/** Today in the organisation's own time zone, as the rules count days. */
export async function localToday(ctx: AppContext, organisationId: string): Promise<LocalDate> {
  const calendar = await calendarOf(ctx, organisationId);
  return calendar.localDateOf(ctx.now());
}

/**
 * Every reason this person may not take part in the group's work today (an inspection, a check,
 * a vote), or none. Someone with no membership of the group is refused in one sentence.
 */
export async function whyCannotTakePart(
  ctx: AppContext,
  input: { organisationId: string; groupId: string; personId: string; asOf?: LocalDate },
): Promise<Refusal[]> {
  const [group, person, membership] = await Promise.all([
    new GroupBook(ctx.db).inOrganisation(input.organisationId, input.groupId),
    new PersonBook(ctx.db).inOrganisation(input.organisationId, input.personId),
    new MembershipRoll(ctx.db).of(input.groupId, input.personId),
  ]);
  if (!group)
    return [
      { code: 'group-not-found', message: 'That group does not exist in your organisation.' },
    ];
  if (!person || !membership)
    return [
      {
        code: 'membership.not-a-member',
        message: `${person?.displayName ?? 'That person'} is not a member of ${group.name}.`,
      },
    ];
  const asOf = input.asOf ?? (await localToday(ctx, input.organisationId));
  const result = checkTakePart(
    policyOf(group),
    personFactsOf(person),
    membershipFactsOf(membership),
    asOf,
  );
  return result.ok ? [] : result.refusals;
}

/**
 * whyCannotTakePart for several people of one group at once (a ballot's members present): the
 * same rules, read with three queries rather than three per person. Someone with no membership
 * of the group is refused in one sentence.
 */
export async function whyEachCannotTakePart(
  ctx: AppContext,
  input: {
    organisationId: string;
    groupId: string;
    personIds: readonly string[];
    asOf?: LocalDate;
  },
): Promise<Map<string, { roles: Role[]; refusals: Refusal[] }>> {
  const ids = [...new Set(input.personIds)];
  const [group, people, memberships] = await Promise.all([
    new GroupBook(ctx.db).inOrganisation(input.organisationId, input.groupId),
    new PersonBook(ctx.db).manyInOrganisation(input.organisationId, ids),
    new MembershipRoll(ctx.db).ofPeople(input.groupId, ids),
  ]);
  const asOf = input.asOf ?? (await localToday(ctx, input.organisationId));
  const personById = new Map(people.map((p) => [p._id, p]));
  const membershipById = new Map(memberships.map((m) => [m.personId, m]));
  const out = new Map<string, { roles: Role[]; refusals: Refusal[] }>();
  for (const id of ids) {
    const person = personById.get(id);
    const membership = membershipById.get(id);
    if (!group || !person || !membership) {
      out.set(id, {
        roles: [],
        refusals: [{ code: 'membership.not-a-member', message: 'Not a member of this group.' }],
      });
      continue;
    }
    const facts = membershipFactsOf(membership);
    const result = checkTakePart(policyOf(group), personFactsOf(person), facts, asOf);
    out.set(id, { roles: facts.roles, refusals: result.ok ? [] : result.refusals });
  }
  return out;
}
