import type { LocalDate } from '../calendar/local-date';
import { compareLocalDates, plusMonths } from '../calendar/local-date';
import type { MembershipPolicy } from '../groups/membership-policy';
import type { Refusal, Result } from '../shared/result';
import { unlessRefused } from '../shared/result';
import type { PersonFacts } from './person-facts';
import { readableDate } from './readable-date';
import { standingExclusions } from './standing-exclusions';

/** What the caller counts about the group at the moment someone asks to join. */
export interface GroupState {
  /** Members who hold a place now (the app decides whether suspended members count). */
  activeMembers: number;
  leaseholders: number;
  /** Members of the commissioning committee already on this panel (Sedgemoor: STAC). */
  committeeMembersOnPanel: number;
  inspectionInProgress: boolean;
}

/**
 * The first gate (domain.md "Joining versus taking part"): the hard exclusions and caps.
 * Returns every reason that applies, never just the first. Agreements, training and the
 * over-18 confirmation are the second gate, checkTakePart, because a new member completes them
 * in chat after joining.
 */
export function checkJoin(
  policy: MembershipPolicy,
  person: PersonFacts,
  group: GroupState,
  asOf: LocalDate,
): Result<true> {
  const refusals: Refusal[] = [
    ...standingExclusions(policy, person),
    ...historyExclusions(policy, person),
    ...tenancyLength(policy, person, asOf),
    ...caps(policy, person, group),
  ];
  return unlessRefused(refusals, () => true as const);
}

function historyExclusions(policy: MembershipPolicy, person: PersonFacts): Refusal[] {
  const refusals: Refusal[] = [];
  // Trafford QIP ToR 8.
  if (person.previouslyExcludedForBehaviour && policy.exclusions.previouslyExcludedForBehaviour)
    refusals.push({
      code: 'membership.previously-excluded',
      message: 'You were excluded from past activities with the landlord because of behaviour.',
    });
  // Sedgemoor customer-led scrutiny ToR 4.1.
  if (person.helpedDevelopService && policy.exclusions.helpedDevelopService)
    refusals.push({
      code: 'membership.helped-develop-service',
      message: 'You were involved in developing the service this panel is reviewing.',
    });
  return refusals;
}

/** Southampton TI ToR: at least 12 months a tenant or leaseholder, or trained for the project. */
function tenancyLength(policy: MembershipPolicy, person: PersonFacts, asOf: LocalDate): Refusal[] {
  const rule = policy.minimumTenancy;
  if (!rule) return [];
  if (
    rule.orTrained &&
    person.trainedOn !== undefined &&
    compareLocalDates(person.trainedOn, asOf) <= 0
  )
    return [];
  const longEnoughOn =
    person.tenancyStartedOn === undefined
      ? undefined
      : plusMonths(person.tenancyStartedOn, rule.months);
  if (longEnoughOn !== undefined && compareLocalDates(longEnoughOn, asOf) <= 0) return [];
  const orTrained = rule.orTrained ? ', or sooner once you have been trained for the role' : '';
  const message = longEnoughOn
    ? `Members need to have been a customer for at least ${rule.months} months; you can join from ${readableDate(longEnoughOn)}${orTrained}.`
    : `Members need to have been a customer for at least ${rule.months} months, and there is no tenancy start date on record for you${rule.orTrained ? '; you can join once you have been trained for the role' : ''}.`;
  return [{ code: 'membership.tenancy-too-short', message }];
}

function caps(policy: MembershipPolicy, person: PersonFacts, group: GroupState): Refusal[] {
  const refusals: Refusal[] = [];
  // Trafford QIP ToR 7 (15), Sedgemoor ToR 8.3 (12).
  if (policy.maxMembers !== undefined && group.activeMembers >= policy.maxMembers)
    refusals.push({
      code: 'membership.group-full',
      message: `The group is full: it has ${group.activeMembers} members and takes at most ${policy.maxMembers}.`,
    });
  // Trafford QIP ToR 7: "A maximum of 2 places can be filled by leaseholders".
  if (
    person.tenure === 'leaseholder' &&
    policy.maxLeaseholders !== undefined &&
    group.leaseholders >= policy.maxLeaseholders
  )
    refusals.push({
      code: 'membership.leaseholder-places-full',
      message: `All ${policy.maxLeaseholders} places for leaseholders are filled.`,
    });
  // Sedgemoor ToR 4.1: one committee member on a scrutiny panel at any one time.
  if (
    person.committeeMemberOf !== undefined &&
    policy.maxCommitteeMembersPerPanel !== undefined &&
    group.committeeMembersOnPanel >= policy.maxCommitteeMembersPerPanel
  )
    refusals.push({
      code: 'membership.committee-member-limit',
      message: `Only ${policy.maxCommitteeMembersPerPanel} ${policy.maxCommitteeMembersPerPanel === 1 ? 'member' : 'members'} of ${person.committeeMemberOf} can be on a panel at any one time, and ${policy.maxCommitteeMembersPerPanel === 1 ? 'that place is' : 'those places are'} taken.`,
    });
  // Southampton TI ToR: "New members can only join in-between inspections."
  if (policy.joinOnlyBetweenInspections && group.inspectionInProgress)
    refusals.push({
      code: 'membership.inspection-in-progress',
      message: 'New members can only join between inspections, and one is under way.',
    });
  return refusals;
}
