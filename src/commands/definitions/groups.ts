import { z } from 'zod';
import { localDateSchema } from '../../domain/calendar/local-date';
import { PRESET_KEYS } from '../../domain/groups/presets';
import { ROLES, TENURES } from '../../domain/shared/people';
import { platformUserId, text, TEXT_LIMITS } from '../command-fields';
import { defineCommand } from '../define-command';
import { NOTHING_MORE } from '../grammar';
import { choiceOption, dateOption, textOption, yearsOption } from '../option-readers';
import { POLICY_RULE_FIELDS, POLICY_RULE_NAMES, POLICY_RULE_OPTIONS } from '../policy-rules';
import { FACT_FIELDS, FACT_OPTIONS, FACTS_USAGE } from './members';

/** Setting a group up and filling it: officers only. */

export const groupCreateCommand = defineCommand({
  type: 'group-create',
  name: 'group create',
  who: 'officer',
  usage:
    'group create "<name>" preset:<torus-tims|southampton-ti|trafford-qip|sedgemoor-scrutiny> [retention:<years>]',
  example: 'group create "Liverpool Tenant Inspectors" preset:torus-tims',
  description:
    'Creates a scrutiny group in this organisation and ties it to this chat; retention: is how many years a leaver’s personal details are kept (six is usual).',
  menu: 'Creates a scrutiny group from a preset and ties it to this chat',
  person: false,
  text: { field: 'name', noun: 'name', maxLength: TEXT_LIMITS.groupName },
  options: {
    preset: choiceOption({
      key: 'preset',
      field: 'preset',
      noun: 'a preset',
      choices: PRESET_KEYS,
      required: true,
    }),
    retention: yearsOption({
      key: 'retention',
      field: 'retentionYears',
      noun: 'how many years a leaver’s details are kept',
    }),
  },
  fields: {
    name: text(TEXT_LIMITS.groupName),
    preset: z.enum(PRESET_KEYS),
    retentionYears: z.int().min(1).max(100).optional(),
  },
});

export const groupAddCommand = defineCommand({
  type: 'group-add',
  name: 'group add',
  who: 'officer',
  usage:
    'group add @person role:<member|chair|vice-chair|officer|staff|committee> ' +
    '[tenure:<tenant|leaseholder|shared-owner>] [since:<date>] [area:"<area>"] ' +
    FACTS_USAGE,
  example: 'group add @Sam Patel role:member tenure:tenant since:2024-04-01 area:"Norris Green"',
  description: 'Adds a person to the group, or says every reason they cannot join.',
  menu: 'Adds a person to this group with a role (officers only)',
  person: true,
  options: {
    role: choiceOption({
      key: 'role',
      field: 'role',
      noun: 'a role',
      choices: ROLES,
      required: true,
    }),
    tenure: choiceOption({
      key: 'tenure',
      field: 'tenure',
      noun: 'a tenure',
      choices: TENURES,
      required: false,
    }),
    since: dateOption({
      key: 'since',
      field: 'since',
      noun: 'a start date',
      required: false,
      notBeforeToday: false,
    }),
    area: textOption({
      key: 'area',
      field: 'area',
      noun: 'an area',
      example: '"Norris Green"',
      maxLength: TEXT_LIMITS.area,
    }),
    // The eligibility facts, so one `group add` is refused with every reason (member facts).
    ...FACT_OPTIONS,
  },
  fields: {
    personUserId: platformUserId,
    role: z.enum(ROLES),
    tenure: z.enum(TENURES).optional(),
    since: localDateSchema.optional(),
    area: text(TEXT_LIMITS.area).optional(),
    ...FACT_FIELDS,
  },
});

/**
 * What an officer records for a member: dates of training, signatures and term start, and the
 * "over 18" confirmation (never a birth date). Saying none of them is refused when it runs, so
 * the refusal can name every option.
 */
export const memberRecordCommand = defineCommand({
  type: 'member-record',
  name: 'member record',
  who: 'officer',
  usage:
    'member record @person [training:<date>] [conduct:<date>] ' +
    '[confidentiality:<date>] [over18:yes] [term:<date>]',
  example: 'member record @Sam Patel training:2026-02-14 confidentiality:today',
  description:
    'Records a member’s initial training, signed code of conduct and confidentiality agreement, over-18 confirmation or term start.',
  person: true,
  // Dates of things already done (or a term still to start), so past dates are expected.
  options: {
    training: dateOption({
      key: 'training',
      field: 'training',
      noun: 'a training date',
      required: false,
      notBeforeToday: false,
    }),
    conduct: dateOption({
      key: 'conduct',
      field: 'conduct',
      noun: 'a code of conduct signing date',
      required: false,
      notBeforeToday: false,
    }),
    confidentiality: dateOption({
      key: 'confidentiality',
      field: 'confidentiality',
      noun: 'a confidentiality agreement signing date',
      required: false,
      notBeforeToday: false,
    }),
    term: dateOption({
      key: 'term',
      field: 'term',
      noun: 'a term start date',
      required: false,
      notBeforeToday: false,
    }),
    // Only ever a confirmation: the bot keeps no birth dates, and "no" records nothing.
    over18: choiceOption({
      key: 'over18',
      field: 'over18',
      noun: 'an over-18 confirmation',
      choices: ['yes'],
      required: false,
    }),
  },
  fields: {
    personUserId: platformUserId,
    training: localDateSchema.optional(),
    conduct: localDateSchema.optional(),
    confidentiality: localDateSchema.optional(),
    term: localDateSchema.optional(),
    over18: z.literal('yes').optional(),
  },
});

/**
 * The group's rules beside the preset's values and the clause each comes from. Officers and the
 * chair: the chair runs meetings by these rules; officers change them.
 */
export const groupPolicyCommand = defineCommand({
  type: 'group-policy',
  name: 'group policy',
  who: 'officer-or-chair',
  usage: 'group policy',
  example: 'group policy',
  description:
    'Shows each of the group’s rules, the preset’s value where it differs and the clause of the group’s own document it comes from.',
  ...NOTHING_MORE,
  fields: {},
});

/**
 * An officer changes one or more rules, with a reason for the audit. Rule names and values are
 * in ../policy-rules.ts; the description lists every name so `help` teaches them.
 */
export const groupPolicySetCommand = defineCommand({
  type: 'group-policy-set',
  name: 'group policy set',
  who: 'officer',
  // The usage line (repeated under every refusal) stays short; `help` lists the rule names.
  usage: 'group policy set <rule>:<on|off|number|list> "<reason>" (off clears an optional rule)',
  example:
    'group policy set over18-confirmation:off "Our terms of reference set no age; agreed at the May meeting"',
  description:
    'Changes the group’s rules (officers only); the change is on record with the reason. ' +
    `Rules: ${POLICY_RULE_NAMES.join(', ')}. Lists take commas: eligible-tenures:tenant,leaseholder.`,
  person: false,
  text: { field: 'reason', noun: 'reason', maxLength: TEXT_LIMITS.reason },
  options: POLICY_RULE_OPTIONS,
  fields: { reason: text(TEXT_LIMITS.reason), ...POLICY_RULE_FIELDS },
});
