import { z } from 'zod';
import { localDateSchema } from '../domain/calendar/local-date';
import { CHECK_KINDS } from '../domain/checks/check-kinds';
import { PRESET_KEYS } from '../domain/groups/presets';
import { ROLES, TENURES } from '../domain/shared/people';
import { typedText } from './typed-text';

/**
 * The typed commands both channels hand to the use-cases. The parser builds a plain object and
 * this schema has the last word, so a use-case never sees a command the schema would refuse.
 */

/** How deep a review goes; people type `type:full` or `type:light`. */
export const REVIEW_DEPTHS = ['full', 'light-touch'] as const;
export type ReviewDepth = (typeof REVIEW_DEPTHS)[number];

/** Longest free text each command takes: enough for a real title, short enough for a card. */
export const TEXT_LIMITS = {
  groupName: 100,
  topic: 200,
  title: 200,
  what: 500,
  area: 100,
  reason: 500,
} as const;

// Cleaned here as well as in parseCommand, so a command built any other way is cleaned too.
const text = typedText;
const platformUserId = z.string().regex(/^[^\s<>]+$/);
const reviewRef = z.string().regex(/^R-[1-9]\d{0,8}$/);
const standardRef = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

export const helpCommandSchema = z.strictObject({ type: z.literal('help') });

export const groupCreateCommandSchema = z.strictObject({
  type: z.literal('group-create'),
  name: text(TEXT_LIMITS.groupName),
  preset: z.enum(PRESET_KEYS),
});

export const groupAddCommandSchema = z.strictObject({
  type: z.literal('group-add'),
  personUserId: platformUserId,
  role: z.enum(ROLES),
  tenure: z.enum(TENURES).optional(),
  since: localDateSchema.optional(),
  area: text(TEXT_LIMITS.area).optional(),
});

/**
 * What an officer records for a member: dates of training, signatures and term start, and the
 * "over 18" confirmation (never a birth date). Saying none of them is refused when it runs, so
 * the refusal can name every option.
 */
export const memberRecordCommandSchema = z.strictObject({
  type: z.literal('member-record'),
  personUserId: platformUserId,
  training: localDateSchema.optional(),
  conduct: localDateSchema.optional(),
  confidentiality: localDateSchema.optional(),
  term: localDateSchema.optional(),
  over18: z.literal('yes').optional(),
});

export const standardsImportCommandSchema = z.strictObject({ type: z.literal('standards-import') });
/** Long lists come a page at a time; see src/app/dispatch/bounded-list.ts. */
const page = z.number().int().min(1).max(9999);

export const standardsListCommandSchema = z.strictObject({
  type: z.literal('standards-list'),
  page: page.optional(),
  /** One service area's standards, as the card names it (case and spacing aside). */
  area: text(TEXT_LIMITS.area).optional(),
});

export const reviewOpenCommandSchema = z.strictObject({
  type: z.literal('review-open'),
  topic: text(TEXT_LIMITS.topic),
  depth: z.enum(REVIEW_DEPTHS),
});

export const checkAssignCommandSchema = z.strictObject({
  type: z.literal('check-assign'),
  personUserId: platformUserId,
  title: text(TEXT_LIMITS.title),
  kind: z.enum(CHECK_KINDS),
  due: localDateSchema,
  reviewRef: reviewRef.optional(),
  standardRef: standardRef.optional(),
});

export const evidenceRequestCommandSchema = z.strictObject({
  type: z.literal('evidence-request'),
  personUserId: platformUserId,
  what: text(TEXT_LIMITS.what),
  reviewRef: reviewRef.optional(),
  /** Absent means "the usual 10 working days"; the use-case applies that default. */
  due: localDateSchema.optional(),
});

export const declareCommandSchema = z.strictObject({ type: z.literal('declare') });
export const registerCommandSchema = z.strictObject({
  type: z.literal('register'),
  page: page.optional(),
});
export const mineCommandSchema = z.strictObject({ type: z.literal('mine'), page: page.optional() });

export const attendanceCommandSchema = z.strictObject({
  type: z.literal('attendance'),
  personUserIds: z.array(platformUserId).min(1).max(100),
});

export const conductWarnCommandSchema = z.strictObject({
  type: z.literal('conduct-warn'),
  personUserId: platformUserId,
  reason: text(TEXT_LIMITS.reason),
});

/** What a conduct ballot asks: that the member leave this meeting, or be barred for a period. */
export const CONDUCT_ACTIONS = ['leave-meeting', 'bar'] as const;

export const conductVoteCommandSchema = z.strictObject({
  type: z.literal('conduct-vote'),
  personUserId: platformUserId,
  action: z.enum(CONDUCT_ACTIONS),
  /** Months, for a bar. */
  period: z.number().int().min(1).max(60).optional(),
});

export const conductReferCommandSchema = z.strictObject({
  type: z.literal('conduct-refer'),
  personUserId: platformUserId,
});

export const conductWithdrawCommandSchema = z.strictObject({
  type: z.literal('conduct-withdraw'),
  personUserId: platformUserId,
  reason: text(TEXT_LIMITS.reason),
});

export const conductHistoryCommandSchema = z.strictObject({
  type: z.literal('conduct-history'),
  personUserId: platformUserId,
});

export const commandSchema = z.discriminatedUnion('type', [
  helpCommandSchema,
  groupCreateCommandSchema,
  groupAddCommandSchema,
  memberRecordCommandSchema,
  standardsImportCommandSchema,
  standardsListCommandSchema,
  reviewOpenCommandSchema,
  checkAssignCommandSchema,
  evidenceRequestCommandSchema,
  declareCommandSchema,
  registerCommandSchema,
  mineCommandSchema,
  attendanceCommandSchema,
  conductWarnCommandSchema,
  conductVoteCommandSchema,
  conductReferCommandSchema,
  conductWithdrawCommandSchema,
  conductHistoryCommandSchema,
]);

export type Command = z.infer<typeof commandSchema>;
export type CommandType = Command['type'];
/** One command variant by its type, e.g. CommandOf<'group-add'>. */
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
