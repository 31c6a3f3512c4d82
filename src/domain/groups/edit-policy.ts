import type { z } from 'zod';
import type { Refusal, Result } from '../shared/result';
import { unlessRefused } from '../shared/result';
import type { MembershipPolicy, PolicyExclusions } from './membership-policy';
import { policyInconsistencies } from './policy-consistency';
import { membershipPolicySchema } from './policy-schema';

/** Optional rules can be switched off by setting them to null. */
type Clearable<T> = { [K in keyof T]?: undefined extends T[K] ? T[K] | null : T[K] };

/**
 * A partial change to a policy. Exclusions merge one by one, so an officer can switch a single
 * exclusion without restating the rest; every other field replaces the old value whole.
 */
export type PolicyEdits = Clearable<Omit<MembershipPolicy, 'exclusions'>> & {
  exclusions?: Partial<PolicyExclusions>;
};

/**
 * Applies edits to a policy and returns the new policy, or every reason the result would not be
 * a sound policy. Edits arrive from chat, so they are checked at run time as well as typed.
 */
export function editPolicy(policy: MembershipPolicy, edits: PolicyEdits): Result<MembershipPolicy> {
  const merged: Record<string, unknown> = { ...policy };
  for (const [key, value] of Object.entries(edits)) {
    if (value === undefined) continue;
    if (value === null) delete merged[key];
    else if (key === 'exclusions' && typeof value === 'object')
      merged[key] = { ...policy.exclusions, ...value };
    else merged[key] = value;
  }
  return validatePolicy(merged);
}

/** Checks a whole policy from outside the domain (config, store, chat). */
export function validatePolicy(input: unknown): Result<MembershipPolicy> {
  const parsed = membershipPolicySchema.safeParse(input);
  if (!parsed.success) return { ok: false, refusals: parsed.error.issues.map(issueToRefusal) };
  const policy: MembershipPolicy = parsed.data;
  return unlessRefused(policyInconsistencies(policy), () => policy);
}

function issueToRefusal(issue: z.core.$ZodIssue): Refusal {
  const field = issue.path.map(String).join('.') || 'the policy';
  switch (issue.code) {
    case 'unrecognized_keys':
      return {
        code: 'policy.unknown-rule',
        message: `There is no rule called ${issue.keys.join(', ')} in ${field}.`,
      };
    case 'too_small':
      return {
        code: 'policy.invalid-value',
        message:
          issue.origin === 'array'
            ? `The rule ${field} needs at least ${String(issue.minimum)} entry.`
            : `The rule ${field} must be at least ${String(issue.minimum)}.`,
      };
    case 'invalid_type':
      return {
        code: 'policy.invalid-value',
        message:
          issue.expected === 'int'
            ? `The rule ${field} must be a whole number.`
            : `The rule ${field} must be a ${issue.expected}.`,
      };
    default:
      return {
        code: 'policy.invalid-value',
        message: `The rule ${field} is not valid: ${issue.message}.`,
      };
  }
}
