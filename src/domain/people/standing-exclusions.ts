import type { MembershipPolicy } from '../groups/membership-policy';
import type { Refusal } from '../shared/result';
import type { PersonFacts } from './person-facts';

/**
 * Exclusions about who a person is now, rather than how they joined. They refuse joining and,
 * because they can arise after joining, taking part too (Trafford QIP ToR 8: "Anyone who ceases
 * to be a customer"; Torus TIMS ToR Safeguards: a member in breach of tenancy "will be
 * suspended").
 */
export function standingExclusions(policy: MembershipPolicy, person: PersonFacts): Refusal[] {
  const refusals: Refusal[] = [];
  const { exclusions } = policy;

  if (person.exCustomer && exclusions.exCustomers)
    refusals.push({
      code: 'membership.ex-customer',
      message:
        'You are no longer a customer of the landlord, and this group is for current customers.',
    });
  else if (person.tenure === undefined || !policy.eligibleTenures.includes(person.tenure))
    refusals.push({
      code: 'membership.tenure-not-eligible',
      message: `This group is open to ${listOf(policy.eligibleTenures.map(plural))}${person.tenure ? `, not ${plural(person.tenure)}` : ''}.`,
    });

  if (person.isStaff && policy.staff === 'excluded')
    refusals.push({
      code: 'membership.staff-excluded',
      message: 'Members of the landlord’s staff cannot be members of this group.',
    });
  if (person.isStaff && policy.staff === 'with-manager-agreement' && !person.managerAgreed)
    refusals.push({
      code: 'membership.staff-without-manager-agreement',
      message:
        'As a member of staff you need your manager’s agreement to be a member of this group.',
    });

  if (person.breachOfTenancy && exclusions.breachOfTenancy)
    refusals.push({
      code: 'membership.breach-of-tenancy',
      message: 'You are recorded as being in breach of your tenancy or lease agreement.',
    });

  if (person.judgementOrNotice && exclusions.judgementOrNotice)
    refusals.push({
      code: 'membership.judgement-or-notice',
      message:
        'You are recorded as having a county court judgement in the landlord’s favour or a notice of seeking possession.',
    });

  if (person.boardMemberElsewhere && exclusions.boardMemberElsewhere)
    refusals.push({
      code: 'membership.board-member-elsewhere',
      message:
        'You sit on the board of a housing organisation or a business partner of the landlord, which this group excludes.',
    });

  return refusals;
}

function plural(tenure: string): string {
  return tenure === 'shared-owner' ? 'shared owners' : `${tenure}s`;
}

function listOf(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}
