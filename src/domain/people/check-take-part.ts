import type { LocalDate } from '../calendar/local-date';
import { compareLocalDates } from '../calendar/local-date';
import type { MembershipPolicy } from '../groups/membership-policy';
import type { Refusal, Result } from '../shared/result';
import { unlessRefused } from '../shared/result';
import type { MembershipFacts } from './membership-facts';
import type { PersonFacts } from './person-facts';
import { readableDate } from './readable-date';
import { asSentence } from './sentence';
import { standingExclusions } from './standing-exclusions';

/**
 * The second gate (domain.md "Joining versus taking part"): may this member take part in an
 * inspection, review or vote today? Until it passes, a member can see the group's work but not
 * do it. Returns every reason that applies.
 */
export function checkTakePart(
  policy: MembershipPolicy,
  person: PersonFacts,
  membership: MembershipFacts,
  asOf: LocalDate,
): Result<true> {
  const refusals: Refusal[] = [
    ...standingExclusions(policy, person),
    ...tenancyAction(policy, person),
    ...preparation(policy, person, membership, asOf),
    ...term(membership, asOf),
    ...status(membership, asOf),
  ];
  return unlessRefused(refusals, () => true as const);
}

/**
 * Sedgemoor ToR 11: a member the landlord takes action against on their tenancy stands down for
 * the period of that action. Where the policy already excludes judgements and notices
 * (Trafford), the standing exclusion has said so.
 */
function tenancyAction(policy: MembershipPolicy, person: PersonFacts): Refusal[] {
  if (!person.judgementOrNotice || !policy.standDownDuringTenancyAction) return [];
  if (policy.exclusions.judgementOrNotice) return [];
  return [
    {
      code: 'membership.tenancy-action',
      message:
        'You need to stand down while the landlord is taking action on your tenancy, for as long as that action lasts.',
    },
  ];
}

function preparation(
  policy: MembershipPolicy,
  person: PersonFacts,
  membership: MembershipFacts,
  asOf: LocalDate,
): Refusal[] {
  const refusals: Refusal[] = [];
  const done = (on: LocalDate | undefined) => on !== undefined && compareLocalDates(on, asOf) <= 0;
  // Torus TIMS ToR Exclusions: "Anyone under 18".
  if (policy.over18ConfirmationRequired && !person.over18Confirmed)
    refusals.push({
      code: 'membership.over-18-not-confirmed',
      message: 'You need to confirm that you are 18 or over before taking part.',
    });
  // Torus TIMS ToR Safeguards; Southampton Code of Conduct member agreement.
  if (policy.codeOfConductRequired && !done(membership.codeOfConductSignedOn))
    refusals.push({
      code: 'membership.code-of-conduct-unsigned',
      message: 'You need to sign the code of conduct before taking part.',
    });
  // Torus TIMS ToR Safeguards; Sedgemoor ToR 7.2 ("prior to being given access").
  if (policy.confidentialityAgreementRequired && !done(membership.confidentialitySignedOn))
    refusals.push({
      code: 'membership.confidentiality-unsigned',
      message: 'You need to sign the confidentiality agreement before taking part.',
    });
  // Torus TIMS ToR Membership; Trafford QIP ToR 11; Sedgemoor ToR 4.2.
  if (policy.initialTrainingRequired && !done(membership.trainingDoneOn))
    refusals.push({
      code: 'membership.training-required',
      message: 'You need to complete the initial training before taking part.',
    });
  return refusals;
}

/** Trafford QIP ToR 7: a fixed term; members step down at its end and may re-apply. */
function term(membership: MembershipFacts, asOf: LocalDate): Refusal[] {
  const { termStartsOn, termEndsOn } = membership;
  if (termStartsOn !== undefined && compareLocalDates(asOf, termStartsOn) < 0)
    return [
      {
        code: 'membership.term-not-started',
        message: `Your term starts on ${readableDate(termStartsOn)}.`,
      },
    ];
  if (termEndsOn !== undefined && compareLocalDates(asOf, termEndsOn) > 0)
    return [
      {
        code: 'membership.term-over',
        message: `Your term ended on ${readableDate(termEndsOn)}; you may re-apply to the group.`,
      },
    ];
  return [];
}

function status(membership: MembershipFacts, asOf: LocalDate): Refusal[] {
  const current = membership.status;
  switch (current.kind) {
    case 'active':
      return [];
    case 'suspended':
      return [
        {
          code: 'membership.suspended',
          message: `Your membership has been suspended since ${readableDate(current.since)}: ${asSentence(current.reason)}`,
        },
      ];
    case 'withdrawn':
      return [
        {
          code: 'membership.withdrawn',
          message: `Your membership was withdrawn on ${readableDate(current.on)}: ${asSentence(current.reason)}`,
        },
      ];
    case 'barred':
      // A bar is "for a period of time" (Southampton Code of Conduct): it lapses on its end date.
      return compareLocalDates(asOf, current.until) < 0
        ? [
            {
              code: 'membership.barred',
              message: `You are barred from this group until ${readableDate(current.until)}: ${asSentence(current.reason)}`,
            },
          ]
        : [];
  }
}
