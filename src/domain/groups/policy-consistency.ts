import type { Refusal } from '../shared/result';
import type { MembershipPolicy } from './membership-policy';

/**
 * Rules between fields of a policy that the shape alone cannot say. Every one that fails is
 * returned, each with a sentence an officer can act on.
 */
export function policyInconsistencies(policy: MembershipPolicy): Refusal[] {
  const refusals: Refusal[] = [];
  const { minMembers, maxMembers, idealRange, maxLeaseholders, maxMembersPerInspection } = policy;
  if (minMembers !== undefined && maxMembers !== undefined && maxMembers < minMembers)
    refusals.push({
      code: 'policy.max-below-min',
      message: `The most members (${maxMembers}) cannot be fewer than the fewest members (${minMembers}).`,
    });
  if (idealRange) {
    if (idealRange.max < idealRange.min)
      refusals.push({
        code: 'policy.ideal-range-reversed',
        message: `The ideal size cannot run from ${idealRange.min} down to ${idealRange.max}; give the smaller number first.`,
      });
    const below = minMembers !== undefined && idealRange.min < minMembers;
    const above = maxMembers !== undefined && idealRange.max > maxMembers;
    if (below || above)
      refusals.push({
        code: 'policy.ideal-range-outside-limits',
        message: `The ideal size (${idealRange.min} to ${idealRange.max}) must sit within the fewest and most members (${minMembers ?? 'no minimum'} to ${maxMembers ?? 'no maximum'}).`,
      });
  }
  if (maxLeaseholders !== undefined && maxMembers !== undefined && maxLeaseholders > maxMembers)
    refusals.push({
      code: 'policy.leaseholders-above-max',
      message: `The leaseholder places (${maxLeaseholders}) cannot be more than the most members (${maxMembers}).`,
    });
  if (
    maxMembersPerInspection !== undefined &&
    maxMembers !== undefined &&
    maxMembersPerInspection > maxMembers
  )
    refusals.push({
      code: 'policy.inspection-above-max',
      message: `At most ${maxMembers} can be members, so a limit of ${maxMembersPerInspection} on one inspection could never be reached.`,
    });
  if (
    maxLeaseholders !== undefined &&
    maxLeaseholders > 0 &&
    !policy.eligibleTenures.includes('leaseholder')
  )
    refusals.push({
      code: 'policy.leaseholders-not-eligible',
      message:
        'Leaseholder places are set, but leaseholders are not among the tenures who may join.',
    });
  if (policy.quorum !== undefined && maxMembers !== undefined && policy.quorum > maxMembers)
    refusals.push({
      code: 'policy.quorum-above-max',
      message: `A quorum of ${policy.quorum} can never meet in a group of at most ${maxMembers}.`,
    });
  return refusals;
}
