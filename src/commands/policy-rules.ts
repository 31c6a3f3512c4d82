import { z } from 'zod';
import { POLICY_RULE_LABELS, type PolicyRuleKey } from '../domain/groups/preset-clauses';
import { TENURES } from '../domain/shared/people';
import type { OptionGrammar } from './option-readers';
import { nearest } from './nearest';
import { normaliseDashes } from './spacing';

/**
 * The group policy's rules as people type them in `group policy set <rule>:<value>`.
 *
 * Naming, one rule for all: the policy field in kebab-case without a trailing "Required"
 * (`over18ConfirmationRequired` → `over18-confirmation`, `maxMembers` → `max-members`), and
 * each exclusion as `excludes-<name>` (`exclusions.breachOfTenancy` →
 * `excludes-breach-of-tenancy`). A dot cannot stand in an option's key (the tokeniser reads
 * `a.b:c` as a word), hence `excludes-` rather than `exclusions.`; it also reads as the card's
 * label does ("Excludes a breach of tenancy").
 *
 * Values: on/off for yes-or-no rules (off is false there); a whole number, or off to clear an
 * optional rule (editPolicy takes null as "the document sets no such rule"); lists with commas.
 * Each value is read by its zod schema, once when the command is read, to refuse with the
 * rule's own hint, and again by the command's schema, which turns the text into the value.
 */

/** What a rule can be set to, as editPolicy takes it. */
export type PolicyRuleValue =
  | boolean
  | number
  | null
  | string
  | string[]
  | { min: number; max: number }
  | { months: number; orTrained: boolean }
  | { full: number; lightTouch: number }
  | number[];

type ValueSchema = z.ZodType<PolicyRuleValue, string>;

const OFF = z.literal('off').transform((): null => null);
const flag = z.enum(['on', 'off']).transform((value) => value === 'on');
// Four digits is more than any group's numbers; it keeps a typo from becoming a huge number.
const whole = z
  .string()
  .regex(/^\d{1,4}$/)
  .transform(Number);
const optionalNumber = z.union([OFF, whole]);
const range = z.union([
  OFF,
  z
    .string()
    .regex(/^\d{1,4}-\d{1,4}$/)
    .transform((text) => {
      const [min = 0, max = 0] = text.split('-').map(Number);
      return { min, max };
    }),
]);
const tenancy = z.union([
  OFF,
  z
    .string()
    .regex(/^\d{1,3}m?(-or-trained)?$/)
    .transform((text) => ({ months: parseInt(text, 10), orTrained: text.endsWith('-or-trained') })),
]);
const meetingsPerReview = z.union([
  OFF,
  z
    .string()
    .regex(/^\d{1,2},\d{1,2}$/)
    .transform((text) => {
      const [full = 0, lightTouch = 0] = text.split(',').map(Number);
      return { full, lightTouch };
    }),
]);
const steps = z.union([
  OFF,
  z
    .string()
    .regex(/^(10|[1-9])(,(10|[1-9]))*$/)
    .transform((text) => [...new Set(text.split(',').map(Number))].sort((a, b) => a - b)),
]);
const tenures = z
  .string()
  .transform((text) => [...new Set(text.split(',').filter((t) => t !== ''))])
  .pipe(z.array(z.enum(TENURES)).min(1));
const STAFF = ['excluded', 'with-manager-agreement', 'allowed'] as const;
const staff = z.enum(STAFF);
const APPRAISAL_OF = ['each-member', 'panel'] as const;
const appraisalOf = z.union([OFF, z.enum(APPRAISAL_OF)]);

interface ValueKind {
  schema: ValueSchema;
  /** What follows `<rule>:`, as the refusal and the usage line say it. */
  hint: string;
}

const KINDS = {
  flag: { schema: flag, hint: 'on or off' },
  number: { schema: optionalNumber, hint: '<number> or off' },
  range: { schema: range, hint: '<min>-<max>, e.g. 12-15, or off' },
  tenancy: { schema: tenancy, hint: '<months>, e.g. 12 or 12-or-trained, or off' },
  meetings: { schema: meetingsPerReview, hint: '<full>,<light-touch>, e.g. 4,2, or off' },
  steps: { schema: steps, hint: '<steps> from 1 to 10, e.g. 1,3,5, or off' },
  tenures: {
    schema: tenures,
    hint: `<list> of ${TENURES.join(', ')}, e.g. tenant,leaseholder`,
  },
  staff: { schema: staff, hint: STAFF.join(', ') },
  appraisal: { schema: appraisalOf, hint: `${APPRAISAL_OF.join(', ')} or off` },
} satisfies Record<string, ValueKind>;

/** Every rule has a kind: the Record's type holds the table to every key of the policy. */
const KIND_OF: Readonly<Record<PolicyRuleKey, keyof typeof KINDS>> = {
  minMembers: 'number',
  maxMembers: 'number',
  idealRange: 'range',
  maxMembersPerInspection: 'number',
  maxLeaseholders: 'number',
  eligibleTenures: 'tenures',
  minimumTenancy: 'tenancy',
  staff: 'staff',
  'exclusions.breachOfTenancy': 'flag',
  'exclusions.judgementOrNotice': 'flag',
  'exclusions.exCustomers': 'flag',
  'exclusions.boardMemberElsewhere': 'flag',
  'exclusions.previouslyExcludedForBehaviour': 'flag',
  'exclusions.helpedDevelopService': 'flag',
  joinOnlyBetweenInspections: 'flag',
  maxCommitteeMembersPerPanel: 'number',
  over18ConfirmationRequired: 'flag',
  codeOfConductRequired: 'flag',
  confidentialityAgreementRequired: 'flag',
  initialTrainingRequired: 'flag',
  liveComplaintSuspends: 'flag',
  standDownDuringTenancyAction: 'flag',
  termYears: 'number',
  minMeetingsPerYear: 'number',
  reviewsPerYear: 'number',
  minMeetingsPerReview: 'meetings',
  informationRequestWorkingDays: 'number',
  staffNoticeWorkingDays: 'number',
  improvementPlanDays: 'number',
  planSignOffDays: 'number',
  followUpReviewMonths: 'range',
  lightTouchRequiredSteps: 'steps',
  findingsBlinded: 'flag',
  annualAppraisal: 'flag',
  appraisalOf: 'appraisal',
  annualTermsReview: 'flag',
  quorum: 'number',
  retentionYears: 'number',
};

function kebab(camel: string): string {
  return camel.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** The name people type for a rule of the policy (see the naming above). */
export function policyRuleName(key: PolicyRuleKey): string {
  const exclusion = /^exclusions\.(.+)$/.exec(key)?.[1];
  return exclusion ? `excludes-${kebab(exclusion)}` : kebab(key.replace(/Required$/, ''));
}

export interface PolicyRule {
  key: PolicyRuleKey;
  /** As typed: `over18-confirmation`. */
  name: string;
  label: string;
  hint: string;
  schema: ValueSchema;
}

/** Every rule, in the order the policy card lists them. */
export const POLICY_RULES: readonly PolicyRule[] = POLICY_RULE_LABELS.map(([key, label]) => {
  const kind = KINDS[KIND_OF[key]];
  return { key, name: policyRuleName(key), label, hint: kind.hint, schema: kind.schema };
});

export const POLICY_RULE_NAMES: readonly string[] = POLICY_RULES.map((rule) => rule.name);

/** Values as people type them: any case, word processors' dashes, spaces around commas. */
function normaliseValue(value: string): string {
  return normaliseDashes(value.trim())
    .toLowerCase()
    .replace(/\s*,\s*/g, ',')
    .replace(/[\s_]+/g, '-');
}

function ruleOption(rule: PolicyRule): OptionGrammar {
  const hint = `${rule.name}:${rule.hint}`;
  return {
    field: rule.key,
    noun: `a value for ${rule.name}`,
    hint,
    required: false,
    read(value, written) {
      const typed = normaliseValue(value);
      if (rule.schema.safeParse(typed).success) return { ok: true, value: typed };
      // "on"/"off" slips ("of", "onn") are worth naming; other kinds say what they take.
      const guess = KIND_OF[rule.key] === 'flag' ? nearest(typed, ['on', 'off']) : undefined;
      const advice = guess ? `Did you mean ${rule.name}:${guess}?` : `Use ${hint}.`;
      return {
        ok: false,
        message: `${written} isn't a value “${rule.label}” can take. ${advice}`,
      };
    },
  };
}

/** The options of `group policy set`: one per rule, keyed by the name people type. */
export const POLICY_RULE_OPTIONS: Readonly<Record<string, OptionGrammar>> = Object.fromEntries(
  POLICY_RULES.map((rule) => [rule.name, ruleOption(rule)]),
);

/**
 * The command's schema fields, one per rule by its policy key, each turning the text read
 * into the value. The cast restores what Object.fromEntries forgets: the keys are exactly the
 * policy's rules (POLICY_RULE_LABELS lists each once).
 */
export const POLICY_RULE_FIELDS = Object.fromEntries(
  POLICY_RULES.map((rule) => [rule.key, rule.schema.optional()]),
) as Record<PolicyRuleKey, z.ZodOptional<ValueSchema>>;

/**
 * The rules a command sets, as the edit use case takes them: top-level rules by name, and
 * exclusions together under `exclusions`, where editPolicy merges them one by one.
 */
export function policyEditsOf(
  values: Partial<Record<PolicyRuleKey, PolicyRuleValue | undefined>>,
): { changes: Record<string, unknown>; rules: PolicyRule[] } {
  const changes: Record<string, unknown> = {};
  const exclusions: Record<string, boolean> = {};
  const rules: PolicyRule[] = [];
  for (const rule of POLICY_RULES) {
    const value = values[rule.key];
    if (value === undefined) continue;
    rules.push(rule);
    const exclusion = /^exclusions\.(.+)$/.exec(rule.key)?.[1];
    if (exclusion && typeof value === 'boolean') exclusions[exclusion] = value;
    else changes[rule.key] = value;
  }
  if (Object.keys(exclusions).length > 0) changes.exclusions = exclusions;
  return { changes, rules };
}
