import { z } from 'zod';
import type { LocalDate } from '../../domain/calendar/local-date';
import type { MembershipPolicy } from '../../domain/groups';
import { checkJoin, termEndFor, type GroupState, type PersonFacts } from '../../domain/people';
import { ROLES, TENURES, type Role } from '../../domain/shared/people';
import { ok, refuse, type Refusal, type Result } from '../../domain/shared/result';
import { isDuplicateKeyError } from '../../store/connection';
import { GroupBook } from '../../store/groups/group-book';
import type { GroupRecord } from '../../store/groups/group-model';
import type { MembershipRecord } from '../../store/people/membership-model';
import { MembershipRoll } from '../../store/people/membership-roll';
import { PersonBook } from '../../store/people/person-book';
import type { PersonRecord } from '../../store/people/person-model';
import { Seats } from '../../store/seats';
import { inspectionInProgress } from '../groups/inspection-in-progress';
import type { Actor } from '../shared/actor';
import { requireGroupRole } from '../shared/authorise';
import type { AppContext } from '../shared/context';
import { localDate, optionalText, recordId } from '../shared/inputs';
import { audit, saveChange } from '../shared/record-change';
import { defineUseCase } from '../shared/use-case';
import { localToday, personFactsOf, policyOf } from './standing';
import { openMemberYearlyDuties } from './yearly-duties';

/** What an officer records about a person when adding them: only what the rules read. */
export const recordedFacts = z
  .object({
    over18Confirmed: z.boolean(),
    isStaff: z.boolean(),
    managerAgreed: z.boolean(),
    breachOfTenancy: z.boolean(),
    judgementOrNotice: z.boolean(),
    exCustomer: z.boolean(),
    boardMemberElsewhere: z.boolean(),
    previouslyExcludedForBehaviour: z.boolean(),
    helpedDevelopService: z.boolean(),
    committeeMemberOf: optionalText(100),
    trainedOn: localDate,
  })
  .partial();

const addMemberInput = z.object({
  groupId: recordId,
  personId: recordId,
  roles: z.array(z.enum(ROLES)).min(1, 'give at least one role'),
  tenure: z.enum(TENURES).optional(),
  tenancyStartedOn: localDate.optional(),
  homeArea: optionalText(100),
  facts: recordedFacts.optional(),
});

export const memberSeatPool = (groupId: string) => `group:${groupId}:members`;
const leaseholderPool = (groupId: string) => `group:${groupId}:leaseholders`;
const committeePool = (groupId: string) => `group:${groupId}:committee`;

/**
 * Roles that sit in a member place; officers and staff facilitate and take none, and neither does
 * the committee: it is the body the group reports to (domain.md "People": LOC, STAC, Board), not
 * part of it. Trafford QIP ToR 12: the Nominations Committee, a committee of the Board, "will
 * consider and ensure the investigation of the conduct of the Panel member"; its people get the
 * referral without taking one of the Panel's 15 places (ToR 7) or meeting the Panel's exclusions
 * (ToR 8, which are about who may join the Panel). A committee member who also sits on a panel
 * (Sedgemoor ToR 4.1) is added as a member, with the committee they sit on as a fact.
 */
const SEATED_ROLES: readonly Role[] = ['member', 'chair', 'vice-chair'];

/**
 * An officer adds a person to a group. Eligibility is the domain's first gate (checkJoin) with
 * every reason that applies; the caps are then held by seats, so officers adding people at the
 * same moment cannot overfill the group between the count and the insert.
 */
export const addMember = defineUseCase({
  name: 'addMember',
  input: addMemberInput,
  async run(ctx, actor, input) {
    const refusals = await requireGroupRole(
      ctx,
      actor,
      input.groupId,
      ['officer'],
      'add people to a group',
    );
    if (refusals.length > 0) return { ok: false, refusals };
    const group = await new GroupBook(ctx.db).get(input.groupId);
    const person = await new PersonBook(ctx.db).inOrganisation(
      actor.organisationId,
      input.personId,
    );
    if (!person)
      return refuse('person-not-found', 'That person is not known in your organisation.');
    const policy = policyOf(group);
    const today = await localToday(ctx, actor.organisationId);

    const existing = await new MembershipRoll(ctx.db).of(group._id, person._id);
    const live = existing && existing.status.kind !== 'withdrawn' ? existing : undefined;
    const added = live ? input.roles.filter((role) => !live.roles.includes(role)) : input.roles;
    if (live && added.length === 0)
      return refuse(
        'membership.already-member',
        `${person.displayName} is already in ${group.name} as ${live.roles.join(' and ')}.`,
      );

    const facts: PersonFacts = {
      ...personFactsOf(person),
      ...definedOnly({
        ...input.facts,
        tenure: input.tenure,
        tenancyStartedOn: input.tenancyStartedOn,
        homeArea: input.homeArea,
      }),
    };
    // A place is taken once, by the first role that sits in one (an officer made a member too
    // takes a place then, and passes the same gate as anyone joining).
    const alreadySeated = live?.roles.some(isSeated) ?? false;
    const needsSeat = !alreadySeated && added.some(isSeated);
    if (needsSeat) {
      const joining = checkJoin(policy, facts, await groupStateOf(ctx, group._id, today), today);
      if (!joining.ok) return joining;
    }
    const factsSaved = await recordFacts(ctx, actor, group, person, facts);
    if (!factsSaved.ok) return factsSaved;

    const claimed = needsSeat
      ? await claimSeats(ctx, group._id, policy, facts, person._id)
      : ok([]);
    if (!claimed.ok) return claimed;

    const saved = live
      ? await addRoles(ctx, actor, group, live, added)
      : await join(ctx, actor, group, person, existing ?? undefined, input.roles, today, policy);
    if (!saved.ok) {
      await releaseUnlessHeld(ctx, group._id, person._id, claimed.value);
      return saved;
    }
    if (added.includes('officer')) await makeOfficer(ctx, actor, person);
    // Torus Safeguards: each member's annual appraisal, from the day they take a place.
    if (needsSeat) await openMemberYearlyDuties(ctx, actor, group._id, policy, saved.value._id);
    return saved;
  },
});

function isSeated(role: string): boolean {
  return (SEATED_ROLES as readonly string[]).includes(role);
}

/** A first membership, or a new start for someone whose membership was withdrawn. */
async function join(
  ctx: AppContext,
  actor: Actor,
  group: GroupRecord,
  person: PersonRecord,
  withdrawn: MembershipRecord | undefined,
  roles: Role[],
  termStartsOn: string,
  policy: MembershipPolicy,
): Promise<Result<MembershipRecord>> {
  const fields = {
    roles,
    status: { kind: 'active' as const },
    termStartsOn,
    termEndsOn: termEndFor(policy, termStartsOn),
    joinedAt: ctx.now(),
  };
  const roll = new MembershipRoll(ctx.db);
  if (withdrawn)
    // Re-joining after withdrawal keeps the one membership record, moved on a version.
    return saveChange(ctx, actor, roll.memberships, withdrawn, fields, {
      subject: { kind: 'membership', id: withdrawn._id },
      groupId: group._id,
      action: 'membership.rejoined',
      details: { personId: person._id, roles },
    });
  let membership: MembershipRecord;
  try {
    membership = await roll.create({
      organisationId: group.organisationId,
      groupId: group._id,
      personId: person._id,
      ...fields,
    });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    return refuse(
      'membership.already-member',
      `${person.displayName} is already in ${group.name}.`,
    );
  }
  await audit(ctx, actor, {
    subject: { kind: 'membership', id: membership._id },
    groupId: group._id,
    action: 'membership.added',
    details: { personId: person._id, roles },
  });
  return ok(membership);
}

async function addRoles(
  ctx: AppContext,
  actor: Actor,
  group: GroupRecord,
  membership: MembershipRecord,
  added: Role[],
): Promise<Result<MembershipRecord>> {
  return saveChange(
    ctx,
    actor,
    new MembershipRoll(ctx.db).memberships,
    membership,
    { roles: [...membership.roles, ...added] },
    {
      subject: { kind: 'membership', id: membership._id },
      groupId: group._id,
      action: 'membership.roles-added',
      details: { personId: membership.personId, added },
    },
  );
}

/**
 * Gives back seats claimed for an add that failed, unless the person holds a place anyway: a
 * seat belongs to its holder, so when the same person was added twice at once the winner's
 * membership owns the one seat both requests saw, and releasing it would let the group overfill.
 */
async function releaseUnlessHeld(
  ctx: AppContext,
  groupId: string,
  personId: string,
  pools: string[],
): Promise<void> {
  if (pools.length === 0) return;
  const now = await new MembershipRoll(ctx.db).of(groupId, personId);
  if (now && now.status.kind !== 'withdrawn' && now.roles.some(isSeated)) return;
  await releaseSeats(ctx, pools, personId);
}

async function makeOfficer(ctx: AppContext, actor: Actor, person: PersonRecord): Promise<void> {
  if (person.isOfficer) return;
  const book = new PersonBook(ctx.db);
  const fresh = await book.get(person._id);
  await saveChange(
    ctx,
    actor,
    book.people,
    fresh,
    { isOfficer: true },
    {
      subject: { kind: 'person', id: person._id },
      action: 'person.made-officer',
    },
  );
}

async function recordFacts(
  ctx: AppContext,
  actor: Actor,
  group: GroupRecord,
  person: PersonRecord,
  facts: PersonFacts,
): Promise<Result<true>> {
  const before = personFactsOf(person);
  const changed = Object.keys(facts).filter(
    (key) => before[key as keyof PersonFacts] !== facts[key as keyof PersonFacts],
  );
  if (changed.length === 0) return ok(true);
  const saved = await saveChange(
    ctx,
    actor,
    new PersonBook(ctx.db).people,
    person,
    { facts },
    {
      subject: { kind: 'person', id: person._id },
      groupId: group._id,
      action: 'person.facts-recorded',
      details: { fields: changed },
    },
  );
  return saved.ok ? ok(true) : saved;
}

/** The group as the caps count it: active members in member places. */
export async function groupStateOf(
  ctx: AppContext,
  groupId: string,
  today: LocalDate,
): Promise<GroupState> {
  const seats = new Seats(ctx.db);
  const [activeMembers, leaseholders, committeeMembersOnPanel, busy] = await Promise.all([
    seats.count(memberSeatPool(groupId)),
    seats.count(leaseholderPool(groupId)),
    seats.count(committeePool(groupId)),
    inspectionInProgress(ctx, groupId, today),
  ]);
  return { activeMembers, leaseholders, committeeMembersOnPanel, inspectionInProgress: busy };
}

async function claimSeats(
  ctx: AppContext,
  groupId: string,
  policy: MembershipPolicy,
  facts: PersonFacts,
  personId: string,
): Promise<Result<string[]>> {
  const wanted: Array<{ pool: string; capacity: number; refusal: Refusal }> = [
    {
      pool: memberSeatPool(groupId),
      capacity: policy.maxMembers ?? Number.MAX_SAFE_INTEGER,
      refusal: {
        code: 'membership.group-full',
        message: `The group is full: it takes at most ${policy.maxMembers ?? 0} members.`,
      },
    },
  ];
  if (facts.tenure === 'leaseholder' && policy.maxLeaseholders !== undefined)
    wanted.push({
      pool: leaseholderPool(groupId),
      capacity: policy.maxLeaseholders,
      refusal: {
        code: 'membership.leaseholder-places-full',
        message: `All ${policy.maxLeaseholders} places for leaseholders are taken.`,
      },
    });
  if (facts.committeeMemberOf && policy.maxCommitteeMembersPerPanel !== undefined)
    wanted.push({
      pool: committeePool(groupId),
      capacity: policy.maxCommitteeMembersPerPanel,
      refusal: {
        code: 'membership.committee-member-limit',
        message: `A panel takes at most ${policy.maxCommitteeMembersPerPanel} committee member, and that place is taken.`,
      },
    });
  const taken: string[] = [];
  const seats = new Seats(ctx.db);
  for (const want of wanted) {
    const claim = await seats.claim(want.pool, want.capacity, personId, ctx.now());
    if (!claim.taken) {
      await releaseSeats(ctx, taken, personId);
      return { ok: false, refusals: [want.refusal] };
    }
    taken.push(want.pool);
  }
  return ok(taken);
}

export async function releaseSeats(ctx: AppContext, pools: string[], personId: string) {
  const seats = new Seats(ctx.db);
  await Promise.all(pools.map((pool) => seats.release(pool, personId)));
}

/** Every seat a person may hold in a group, for when they leave it. */
export function seatPoolsOf(groupId: string): string[] {
  return [memberSeatPool(groupId), leaseholderPool(groupId), committeePool(groupId)];
}

function definedOnly<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
