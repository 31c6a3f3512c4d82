import { z } from 'zod';
import { localDateSchema } from '../../domain/calendar/local-date';
import { platformUserId, reviewRef, text, TEXT_LIMITS } from '../command-fields';
import { defineCommand } from '../define-command';
import { dateOption } from '../option-readers';
import { numberListOption, numberOption } from '../review-option-readers';

/**
 * What follows the committee agreeing the recommendations (Sedgemoor ToR 6.2): management's
 * response, the improvement plan's actions, its hand-in, sign-off or return, and the follow-up
 * review where the group's terms ask for one (Southampton). Typed with the review's reference.
 */

const REVIEW = {
  prefix: 'R',
  field: 'reviewRef',
  noun: 'a review reference',
  example: 'R-12',
} as const;
const ACTION_LIMIT = 500;
const numbers = z.array(z.number().int().min(1).max(999_999)).min(1).max(50);
/** Actions are numbered A1, A2… within a review; 2, A2 and A-2 all name the second. */
const actionNumber = z.string().regex(/^[Aa]?-?[1-9]\d{0,3}$/, {
  error: 'expected an action number such as A2',
});

export const reviewRespondCommand = defineCommand({
  type: 'review-respond',
  name: 'review respond',
  // Help lists it to officers; the person named for management learns it from their notice.
  who: 'officer',
  usage: 'review respond R-<n> accept:<1,2> [reject:<3>] ["<why management reject them>"]',
  example: 'review respond R-12 accept:1,2 reject:3 "No budget for a text service this year"',
  description:
    'Records senior management’s answer to each agreed recommendation, with the reason for any rejected; for the person named for management, or an officer.',
  person: false,
  reference: REVIEW,
  text: { field: 'reason', noun: 'reason', maxLength: TEXT_LIMITS.reason, optional: true },
  options: {
    accept: numberListOption({ key: 'accept', field: 'accepted', noun: 'recommendations' }),
    reject: numberListOption({ key: 'reject', field: 'rejected', noun: 'recommendations' }),
  },
  fields: {
    reviewRef,
    accepted: numbers.optional(),
    rejected: numbers.optional(),
    reason: text(TEXT_LIMITS.reason).optional(),
  },
});

export const reviewActionCommand = defineCommand({
  type: 'review-action',
  name: 'review action',
  // Help lists it to officers; the person named for management learns it from their notice.
  who: 'officer',
  usage: 'review action R-<n> rec:<n> @lead "<what will be done>" due:<21/12/2026|21 Dec|+N wd>',
  example: 'review action R-12 rec:1 @Alex Jones "Stock vans with common parts" due:30/06/2027',
  description:
    'Adds an action to the improvement plan with its lead staff member and date; the lead is reminded as it falls due.',
  person: true,
  reference: REVIEW,
  text: { field: 'action', noun: 'action', maxLength: ACTION_LIMIT },
  options: {
    rec: numberOption({
      key: 'rec',
      field: 'recommendation',
      noun: 'the recommendation it answers',
      min: 1,
      max: 999_999,
      required: true,
    }),
    due: dateOption({
      key: 'due',
      field: 'due',
      noun: 'a date it will be done by',
      required: true,
      notBeforeToday: true,
    }),
  },
  fields: {
    reviewRef,
    personUserId: platformUserId,
    action: text(ACTION_LIMIT),
    recommendation: z.number().int().min(1).max(999_999),
    due: localDateSchema,
  },
});

export const reviewActionDoneCommand = defineCommand({
  type: 'review-action-done',
  name: 'review action done',
  // Help lists it to officers; the person named for management learns it from their notice.
  who: 'officer',
  usage: 'review action done R-<n> A<n>',
  example: 'review action done R-12 A2',
  description:
    'Marks an improvement action done, which stops its reminders; for its lead, the person named for management, or an officer.',
  person: false,
  reference: REVIEW,
  text: { field: 'actionId', noun: 'action number', maxLength: 8 },
  options: {},
  fields: { reviewRef, actionId: actionNumber },
});

export const reviewPlanCommand = defineCommand({
  type: 'review-plan',
  name: 'review plan',
  who: 'group',
  usage: 'review plan R-<n>',
  example: 'review plan R-12',
  description:
    'Shows the improvement plan: each action with its lead, date and state, overdue first, and where the plan stands.',
  person: false,
  reference: REVIEW,
  options: {},
  fields: { reviewRef },
});

export const reviewPlanSubmitCommand = defineCommand({
  type: 'review-plan-submit',
  name: 'review plan submit',
  // Help lists it to officers; the person named for management learns it from their notice.
  who: 'officer',
  usage: 'review plan submit R-<n>',
  example: 'review plan submit R-12',
  description:
    'Hands the improvement plan to the committee for sign-off; for the person named for management, or an officer.',
  person: false,
  reference: REVIEW,
  options: {},
  fields: { reviewRef },
});

export const reviewPlanSignOffCommand = defineCommand({
  type: 'review-plan-signoff',
  name: 'review plan signoff',
  who: 'officer-or-chair',
  usage: 'review plan signoff R-<n>',
  example: 'review plan signoff R-12',
  description:
    'Records the committee signing the improvement plan off as addressing every recommendation.',
  person: false,
  reference: REVIEW,
  options: {},
  fields: { reviewRef },
});

export const reviewPlanReturnCommand = defineCommand({
  type: 'review-plan-return',
  name: 'review plan return',
  who: 'officer-or-chair',
  usage: 'review plan return R-<n> "<what management should improve>"',
  example: 'review plan return R-12 "Action A1 has no date for the vans"',
  description: 'Returns the improvement plan to management for further improvement, saying why.',
  person: false,
  reference: REVIEW,
  text: { field: 'reason', noun: 'reason', maxLength: TEXT_LIMITS.reason },
  options: {},
  fields: { reviewRef, reason: text(TEXT_LIMITS.reason) },
});

export const reviewFollowUpCommand = defineCommand({
  type: 'review-followup',
  name: 'review followup',
  who: 'officer',
  usage: 'review followup R-<n> on:<21/12/2027|21 Dec|+N wd>',
  example: 'review followup R-12 on:01/12/2027',
  description:
    'Sets the date the signed-off plan is reviewed again, within the window the group’s terms give.',
  person: false,
  reference: REVIEW,
  options: {
    on: dateOption({
      key: 'on',
      field: 'on',
      noun: 'the date of the follow-up review',
      required: true,
      notBeforeToday: true,
    }),
  },
  fields: { reviewRef, on: localDateSchema },
});
