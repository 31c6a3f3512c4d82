import { z } from 'zod';
import { CONDUCT_ACTIONS, platformUserId, text, TEXT_LIMITS } from '../command-fields';
import { defineCommand } from '../define-command';
import { choiceOption, monthsOption } from '../option-readers';

/** Meetings and the code-of-conduct ladder of the group's policy. */

const REASON = { field: 'reason', noun: 'reason', maxLength: TEXT_LIMITS.reason };

export const attendanceCommand = defineCommand({
  type: 'attendance',
  name: 'attendance',
  who: 'officer-or-chair',
  usage: 'attendance @person [@person …]',
  example: 'attendance @Sam Patel @Alex Jones @Jo Smith',
  description:
    'Records who is present at today’s meeting (officers and the chair); they are the ones who may vote.',
  person: 'many',
  options: {},
  fields: { personUserIds: z.array(platformUserId).min(1).max(100) },
});

export const conductWarnCommand = defineCommand({
  type: 'conduct-warn',
  name: 'conduct warn',
  who: 'officer',
  usage: 'conduct warn @person "<reason>"',
  example: 'conduct warn @Sam Patel "Shouting over other members"',
  description: 'Records a code-of-conduct warning, numbered, with its reason.',
  person: true,
  text: REASON,
  options: {},
  fields: { personUserId: platformUserId, reason: text(TEXT_LIMITS.reason) },
});

export const conductVoteCommand = defineCommand({
  type: 'conduct-vote',
  name: 'conduct vote',
  who: 'officer-or-chair',
  usage: 'conduct vote @person action:<leave-meeting|bar> [period:<N>m]',
  example: 'conduct vote @Sam Patel action:bar period:6m',
  description:
    'Opens a ballot of the members present (officers and the chair), as the group’s policy allows.',
  person: true,
  options: {
    action: choiceOption({
      key: 'action',
      field: 'action',
      noun: 'an action',
      choices: CONDUCT_ACTIONS,
      required: true,
    }),
    period: monthsOption({ key: 'period', field: 'period', noun: 'a period' }),
  },
  fields: {
    personUserId: platformUserId,
    action: z.enum(CONDUCT_ACTIONS),
    /** Months, for a bar. */
    period: z.number().int().min(1).max(60).optional(),
  },
});

export const conductReferCommand = defineCommand({
  type: 'conduct-refer',
  name: 'conduct refer',
  who: 'officer',
  usage: 'conduct refer @person',
  example: 'conduct refer @Sam Patel',
  description:
    'Refers a breach to the body the group’s policy names (Trafford: the Nominations Committee).',
  person: true,
  options: {},
  fields: { personUserId: platformUserId },
});

export const conductWithdrawCommand = defineCommand({
  type: 'conduct-withdraw',
  name: 'conduct withdraw',
  who: 'officer',
  usage: 'conduct withdraw @person "<reason>"',
  example: 'conduct withdraw @Sam Patel "Shared confidential tenant details"',
  description:
    'Ends a membership for a breach, where the group’s policy says so (Sedgemoor, Torus).',
  person: true,
  text: REASON,
  options: {},
  fields: { personUserId: platformUserId, reason: text(TEXT_LIMITS.reason) },
});

export const conductHistoryCommand = defineCommand({
  type: 'conduct-history',
  name: 'conduct history',
  who: 'officer-or-chair',
  usage: 'conduct history @person',
  example: 'conduct history @Sam Patel',
  description: 'Shows the warnings, ballots and decisions on record (officers and the chair).',
  person: true,
  options: {},
  fields: { personUserId: platformUserId },
});
