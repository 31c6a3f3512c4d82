import { z } from 'zod';
import { localDateSchema } from '../../domain/calendar/local-date';
import { platformUserId, reviewRef, text, TEXT_LIMITS } from '../command-fields';
import { defineCommand } from '../define-command';
import { dateOption } from '../option-readers';
import { linkOption, numberListOption, numberOption, peopleOption } from '../review-option-readers';

/**
 * A review's own steps, as Homes in Sedgemoor numbers them (ToR 4.3), each typed with the
 * review's reference: `review done R-12 step:3`.
 */

const REVIEW = {
  prefix: 'R',
  field: 'reviewRef',
  noun: 'a review reference',
  example: 'R-12',
} as const;
const SCOPE_LIMIT = 1000;
const NOTES_LIMIT = 2000;
const RECOMMENDATION_LIMIT = 2000;
const ESCALATION_LIMIT = 1000;
const stepOption = numberOption({
  key: 'step',
  field: 'step',
  noun: 'a step',
  min: 1,
  max: 10,
  required: true,
});
const stepField = z.number().int().min(1).max(10);
const numbers = z.array(z.number().int().min(1).max(999_999)).min(1).max(50);

export const reviewShowCommand = defineCommand({
  type: 'review-show',
  name: 'review',
  who: 'group',
  usage: 'review R-<n>',
  example: 'review R-12',
  description:
    'Shows a review: its scope, the ten steps, meetings, recommendations, the plan, escalation and what is due.',
  person: false,
  reference: REVIEW,
  options: {},
  fields: { reviewRef },
});

export const reviewScopeCommand = defineCommand({
  type: 'review-scope',
  name: 'review scope',
  who: 'officer-or-chair',
  usage: 'review scope R-<n> "<what the review covers>"',
  example: 'review scope R-12 "Repairs reported by phone, April to September; not gas servicing"',
  description: 'Records the review’s agreed objective and scope, which completes step 1.',
  person: false,
  reference: REVIEW,
  text: { field: 'scope', noun: 'scope', maxLength: SCOPE_LIMIT },
  options: {},
  fields: { reviewRef, scope: text(SCOPE_LIMIT) },
});

export const reviewDoneCommand = defineCommand({
  type: 'review-done',
  name: 'review done',
  who: 'officer-or-chair',
  usage: 'review done R-<n> step:<1-10>',
  example: 'review done R-12 step:3',
  description: 'Marks one of the review’s ten steps done, in order.',
  person: false,
  reference: REVIEW,
  options: { step: stepOption },
  fields: { reviewRef, step: stepField },
});

export const reviewSkipCommand = defineCommand({
  type: 'review-skip',
  name: 'review skip',
  who: 'officer-or-chair',
  usage: 'review skip R-<n> step:<1-10> "<reason>"',
  example: 'review skip R-12 step:2 "Information already held from the last review"',
  description:
    'Skips a step of a light-touch review, with the reason; the steps the group’s terms require cannot be skipped.',
  person: false,
  reference: REVIEW,
  text: { field: 'reason', noun: 'reason', maxLength: TEXT_LIMITS.reason },
  options: { step: stepOption },
  fields: { reviewRef, step: stepField, reason: text(TEXT_LIMITS.reason) },
});

export const reviewMeetingCommand = defineCommand({
  type: 'review-meeting',
  name: 'review meeting',
  who: 'officer-or-chair',
  usage: 'review meeting R-<n> on:<date> [invite:@person …]',
  example: 'review meeting R-12 on:06/01/2027 invite:@Alex Jones',
  description:
    'Plans a review meeting; staff invited get a notice in their own chat, with the notice the group’s terms give them.',
  person: false,
  reference: REVIEW,
  options: {
    on: dateOption({
      key: 'on',
      field: 'on',
      noun: 'a date',
      required: true,
      notBeforeToday: false,
    }),
    invite: peopleOption({
      key: 'invite',
      field: 'inviteUserIds',
      noun: 'staff to invite',
      people: 'many',
      required: false,
    }),
  },
  fields: {
    reviewRef,
    on: localDateSchema,
    inviteUserIds: z.array(platformUserId).min(1).max(20).optional(),
  },
});

export const reviewHeldCommand = defineCommand({
  type: 'review-held',
  name: 'review held',
  who: 'officer-or-chair',
  usage: 'review held R-<n> attendees:<n> [on:<date>] ["<notes>"]',
  example: 'review held R-12 attendees:7 "Desktop review of the repairs figures"',
  description:
    'Records a review meeting held (today unless on: says); the group’s minimum meetings count these.',
  person: false,
  reference: REVIEW,
  text: { field: 'notes', noun: 'notes', maxLength: NOTES_LIMIT, optional: true },
  options: {
    attendees: numberOption({
      key: 'attendees',
      field: 'attendees',
      noun: 'a number of attendees',
      min: 1,
      max: 100,
      required: true,
    }),
    on: dateOption({
      key: 'on',
      field: 'on',
      noun: 'a date',
      required: false,
      notBeforeToday: false,
    }),
  },
  fields: {
    reviewRef,
    attendees: z.number().int().min(1).max(100),
    on: localDateSchema.optional(),
    notes: text(NOTES_LIMIT).optional(),
  },
});

export const reviewRecommendCommand = defineCommand({
  type: 'review-recommend',
  name: 'review recommend',
  who: 'officer-or-chair',
  usage: 'review recommend R-<n> "<recommendation>"',
  example: 'review recommend R-12 "Give every caller a repair appointment before the call ends"',
  description: 'Adds a recommendation to the review’s report, numbered 1, 2, 3 within the review.',
  person: false,
  reference: REVIEW,
  text: { field: 'text', noun: 'recommendation', maxLength: RECOMMENDATION_LIMIT },
  options: {},
  fields: { reviewRef, text: text(RECOMMENDATION_LIMIT) },
});

export const reviewReportCommand = defineCommand({
  type: 'review-report',
  name: 'review report',
  who: 'officer-or-chair',
  usage: 'review report R-<n> <draft|final> [link:https://…]',
  example: 'review report R-12 draft link:https://sharepoint.example/repairs-review.docx',
  description:
    'Records the draft report (step 5) or the final report (step 8, once the minimum meetings are held), with its link.',
  person: false,
  reference: REVIEW,
  word: { field: 'kind', noun: 'which report', choices: ['draft', 'final'], required: true },
  options: { link: linkOption({ key: 'link', field: 'link', noun: 'a link' }) },
  fields: {
    reviewRef,
    kind: z.enum(['draft', 'final']),
    link: z
      .string()
      .regex(/^https:\/\/\S+$/)
      .max(500)
      .optional(),
  },
});

export const reviewAgreeCommand = defineCommand({
  type: 'review-agree',
  name: 'review agree',
  who: 'officer',
  usage: 'review agree R-<n> agreed:<1,2> [not:<3>] [management:@person]',
  example: 'review agree R-12 agreed:1,2 not:3 management:@Max Manager',
  description:
    'Records the committee’s decision on each recommendation; management:@person answers for them and owns the improvement plan’s deadline.',
  person: false,
  reference: REVIEW,
  options: {
    agreed: numberListOption({ key: 'agreed', field: 'agreed', noun: 'recommendations' }),
    not: numberListOption({ key: 'not', field: 'notAgreed', noun: 'recommendations' }),
    management: peopleOption({
      key: 'management',
      field: 'managementUserId',
      noun: 'who answers for management',
      people: 'one',
      required: false,
    }),
  },
  fields: {
    reviewRef,
    agreed: numbers.optional(),
    notAgreed: numbers.optional(),
    managementUserId: platformUserId.optional(),
  },
});

export const reviewEscalateCommand = defineCommand({
  type: 'review-escalate',
  name: 'review escalate',
  who: 'group',
  usage: 'review escalate R-<n> "<why the panel is not satisfied>" [agreed]',
  example: 'review escalate R-12 "The response does not address recommendation 2"',
  description:
    'Takes the review one stage up the route the group’s terms set, by whoever they give it to; agreed confirms an agreement the stage needs.',
  person: false,
  reference: REVIEW,
  text: { field: 'reason', noun: 'reason', maxLength: ESCALATION_LIMIT },
  word: { field: 'agreed', noun: 'agreed', choices: ['agreed'], required: false },
  options: {},
  fields: { reviewRef, reason: text(ESCALATION_LIMIT), agreed: z.literal('agreed').optional() },
});
